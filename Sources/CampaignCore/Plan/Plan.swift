import Foundation

/// A campaign plan as read from its YAML file. Every element keeps
/// the location it came from so later checks and editors can point at it.
public struct Plan: Sendable {
    public var campaign: Campaign
    public var budgetLines: [BudgetLine]
    public var channels: [Channel]
    public var segments: [Segment]
    public var phases: [Phase]
    public var tasks: [PlanTask]
    public var alerts: [AlertRule]
    /// Where alert transitions are sent (`notify:`), and when (`notify_policy:`).
    public var notify: [NotifyChannel] = []
    public var notifyPolicy: NotifyPolicy = .standard
    /// When a customer is new, silent or churned (`lifecycle:`); the
    /// templates' days when the plan does not say.
    public var lifecycle = Lifecycle.Rules()
    /// Where `lifecycle:` and its days are written; nil when the plan has none.
    public var lifecycleFields: FieldLocations?
    /// Named rules (`tags:`): a customer gets every tag whose rule matches.
    public var tags: [CustomerTag] = []
    /// Ordered low → high (`tiers:`): a customer's tier is the highest whose rule matches.
    public var tiers: [CustomerTier] = []
    /// Campaign-level KPI targets (`targets:`), in plan order.
    public var targets: [CampaignTarget] = []
    /// Ad-platform report files and how their columns become events (`sources:`).
    public var sources: [ReportSource] = []

    public init(campaign: Campaign, budgetLines: [BudgetLine] = [], channels: [Channel] = [],
                segments: [Segment] = [], phases: [Phase] = [], tasks: [PlanTask] = [],
                alerts: [AlertRule] = []) {
        self.campaign = campaign
        self.budgetLines = budgetLines
        self.channels = channels
        self.segments = segments
        self.phases = phases
        self.tasks = tasks
        self.alerts = alerts
    }

    public func task(_ id: String) -> PlanTask? { tasks.first { $0.id == id } }
    public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }
    public func channel(_ id: String) -> Channel? { channels.first { $0.id == id } }
}

public struct Campaign: Sendable {
    public var id: String
    public var name: String
    public var currency: String
    public var timezone: String
    public var start: Day
    public var budget: Decimal
    /// Transactions CSV for segmenting, relative to the plan file.
    public var transactions: String?
    /// Industry benchmarks usable in rules as `benchmark.NAME`, in file order.
    public var benchmarks: [(name: String, value: Double)]
    /// The customers file and what its columns hold (`customers:`), beside the transactions.
    public var customers: CustomerSource? = nil

    /// Placeholder used to keep checking a plan whose campaign section is broken.
    static let standIn = Campaign(id: "", name: "", currency: "CNY", timezone: "UTC", start: Day(ordinal: 0),
                                  budget: 0, transactions: nil, benchmarks: [])
}

public struct BudgetLine: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var id: String
    public var name: String
    public var amount: Decimal
}

public struct Channel: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public enum Kind: String, CaseIterable, Sendable { case paid, owned, community, earned, offline }
    public var id: String
    public var name: String
    public var kind: Kind
    public var budget: Decimal?
    public var budgetLine: String?
}

public struct Persona: Sendable {
    public var traits: String?
    public var painPoints: [String]
    public var channels: [String]
    public var channelLocations: [SourceLocation]
}

public struct Goal: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    /// A KPI or a customer feature, as written.
    public var metric: String
    /// The KPI the goal measures; nil for a customer feature or an unknown name.
    public var kpi: Metric? { Metric(rawValue: metric) }
    /// Absolute target (`target:`, `at_least:` or `at_most:`); or, for a
    /// lift goal, nil with `baseline` and `lift`.
    public var target: Double?
    /// The target is a ceiling (`at_most:`), as for a cost: met at or under it.
    public var isCeiling = false
    public var baseline: Double?
    public var lift: Double?
    public var by: Day?
    /// The least volume of the metric's denominator (impressions for CTR…)
    /// at which the goal is judged; below it a handful of events would read
    /// as 999 % achieved. Nil: `Goal.defaultMinVolume`.
    public var minVolume: Int?

    public static let defaultMinVolume = 100

    /// `at_most` for a ceiling, else `at_least` (the plan key, as JSON writes it).
    public var direction: String { isCeiling ? "at_most" : "at_least" }

    /// Written before a ceiling's target ("≤ 45"), so a cost goal reads as one.
    public var ceilingMark: String { isCeiling ? "≤ " : "" }

    /// The value that counts as 100 % achieved.
    public var effectiveTarget: Double? {
        if let target { return target }
        if let baseline, let lift { return baseline * (1 + lift) }
        return nil
    }
}

public struct Segment: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var id: String
    public var name: String
    public var rule: String
    /// Where the first character of the rule expression sits in the file.
    public var ruleLocation: SourceLocation
    public var persona: Persona?
    public var budgetShare: Double?
    public var goals: [Goal]
}

public struct Phase: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var id: String
    public var name: String
    /// 1-based campaign weeks, inclusive.
    public var weeks: ClosedRange<Int>

    public func startDay(campaignStart: Day) -> Day { campaignStart + (weeks.lowerBound - 1) * 7 }
    public func endDay(campaignStart: Day) -> Day { campaignStart + weeks.upperBound * 7 - 1 }
}

public struct TaskDependency: Hashable, Sendable {
    public var taskID: String
    public var lagDays: Int
    public var location: SourceLocation

    /// `id` or `id+2d`.
    public var text: String { lagDays == 0 ? taskID : "\(taskID)+\(lagDays)d" }
}

public struct PlanTask: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var id: String
    public var name: String
    public var phase: String?
    public var owner: String?
    public var start: Day?
    public var days: Int?
    public var end: Day?
    public var after: [TaskDependency]
    public var budget: Decimal?
    public var budgetLine: String?
    public var progress: Double
    public var risk: String?
    public var mitigation: String?
    public var isMilestone: Bool

    /// Calendar days the task covers: `days`, or start…end inclusive; 0 for a milestone.
    public var durationDays: Int {
        if isMilestone { return 0 }
        if let days { return days }
        if let start, let end { return end - start + 1 }
        return 1
    }
}

public struct AlertRule: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public enum Scope: String, CaseIterable, Sendable { case channel, segment, campaign, total }
    public enum Direction: String, Sendable { case below, above }
    public enum Severity: String, CaseIterable, Sendable { case info, warning, critical }
    public enum Confidence: String, CaseIterable, Sendable { case wilson, none }

    public var name: String
    /// The metric as written; `kpi` is nil when it names no KPI (the validator says so).
    public var metric: String
    public var kpi: Metric? { Metric(rawValue: metric) }
    public var per: Scope
    public var direction: Direction
    /// The threshold as written: a number or an expression (`1.3 * benchmark.cpa`).
    public var threshold: String
    public var thresholdLocation: SourceLocation
    public var window: MetricWindow
    public var minVolume: Int
    /// Seconds the breach must last before the rule fires.
    public var forSeconds: Int
    public var recover: String?
    public var recoverLocation: SourceLocation?
    public var severity: Severity
    public var playbook: String?
    public var confidence: Confidence
    /// Channels this rule's transitions go to; empty means every channel
    /// whose severities include the rule's.
    public var notify: [NotifyReference] = []
    /// Set for a rule judged against its usual values (`below_usual:`):
    /// `threshold` is then a robust z and `recover` one too.
    public var usual: UsualBaseline?
}

/// The time span a KPI is computed over.
public enum MetricWindow: Hashable, Sendable, CustomStringConvertible {
    case rolling(seconds: Int)
    case calendarDay
    case campaignToDate

    /// Rolling windows the engine keeps buckets for.
    public static let rollingChoices: [(name: String, seconds: Int)] = [
        ("5m", 300), ("15m", 900), ("1h", 3_600), ("6h", 21_600), ("24h", 86_400),
    ]
    public static let names = rollingChoices.map(\.name) + ["day", "campaign"]

    public init?(name: String) {
        switch name {
        case "day": self = .calendarDay
        case "campaign": self = .campaignToDate
        default:
            guard let match = MetricWindow.rollingChoices.first(where: { $0.name == name }) else { return nil }
            self = .rolling(seconds: match.seconds)
        }
    }

    public var description: String {
        switch self {
        case .calendarDay: return "day"
        case .campaignToDate: return "campaign"
        case .rolling(let seconds):
            return MetricWindow.rollingChoices.first { $0.seconds == seconds }?.name ?? "\(seconds)s"
        }
    }
}
