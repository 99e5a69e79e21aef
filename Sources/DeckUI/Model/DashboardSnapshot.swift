import CampaignText
import CampaignCore

/// The live numbers the panes show, computed by the app from the KPI store,
/// the alert engine and the anomaly log. Plain values: rendering never
/// reaches into the domain's machinery.
public struct DashboardSnapshot: Sendable {
    public struct KPIRow: Sendable {
        /// The scope's id (a channel's or a segment's), what filters and `kpi` go by.
        public var key: String
        /// A segment's plan name, otherwise the key.
        public var name: String
        /// The campaign's total row, named in the reader's language.
        public var isTotal: Bool
        public var values: KPIValues
        /// Per alert rule that applies to this row: its state and threshold.
        public var alerts: [AlertCell]
        /// Recent CTR per interval, oldest first, for the sparkline (nil = no data).
        public var sparkline: [Double?]
        /// Beside each sparkline value: the usual band of the row's hourly CTR
        /// baseline rule at that hour (nil: no such rule, or too few points).
        public var sparkBand: [ClosedRange<Double>?] = []

        public init(key: String, label: String? = nil, isTotal: Bool = false, values: KPIValues, alerts: [AlertCell],
                    sparkline: [Double?]) {
            self.key = key
            self.name = label ?? key
            self.isTotal = isTotal
            self.values = values
            self.alerts = alerts
            self.sparkline = sparkline
        }

        /// What a person reads. The snapshot is built once on the live
        /// thread; words are chosen when it is drawn.
        public var label: String { isTotal ? Phrase.kpiRowTotal.text() : name }

        /// The worst state among the row's rules.
        public var worstState: AlertState {
            if alerts.contains(where: { $0.state == .firing }) { return .firing }
            if alerts.contains(where: { $0.state == .pending }) { return .pending }
            if !alerts.isEmpty && alerts.allSatisfy({ $0.state == .noData }) { return .noData }
            return .ok
        }
    }

    public struct AlertCell: Sendable {
        public var rule: String
        public var metric: String
        public var state: AlertState
        /// `<1%`, `>58.5`: the direction and the threshold, without the metric.
        public var threshold: String
        /// The window the rule is judged over, which may not be the pane's.
        public var window: MetricWindow
        /// The rule's metric for this scope over the rule's own window: the
        /// number a breach mark from this rule may sit on.
        public var value: Double?
        /// A baseline rule: judged against its usual values, not `threshold`.
        public var isBaseline = false
        /// A baseline rule's usual now; nil while it has too few past points.
        public var usual: UsualReading?

        public init(rule: String, metric: String, state: AlertState, threshold: String,
                    window: MetricWindow = .campaignToDate, value: Double? = nil) {
            self.rule = rule
            self.metric = metric
            self.state = state
            self.threshold = threshold
            self.window = window
            self.value = value
        }

        /// Pending or firing: the rule says the value is past its threshold.
        public var isBreached: Bool { state == .firing || state == .pending }
    }

    /// What a baseline rule takes as usual for a row now, and how far the value is from it.
    public struct UsualReading: Sendable, Equatable {
        public var median: Double
        /// Outside it on the rule's side, a value is unusual.
        public var band: ClosedRange<Double>
        /// The value's robust z; nil when the usual points are all equal (MAD 0).
        public var robustZ: Double?

        public init(median: Double, band: ClosedRange<Double>, robustZ: Double?) {
            self.median = median
            self.band = band
            self.robustZ = robustZ
        }
    }

    /// Each segment's portrait from the customer base (lifecycle mix, average
    /// CLV, attributes), by segment id; empty without a customer base.
    public var portraits: [String: SegmentPortrait] = [:]

    public struct SegmentRow: Sendable {
        public var id: String
        public var name: String
        /// Customers in the segment, when a customer base is loaded.
        public var customers: Int?
        public var share: Double?
        public var budgetShare: Double?
        /// Every goal of the segment in plan order, judged as `report` judges it.
        public var goals: [GoalProgress]
        public var values: KPIValues?

        public init(id: String, name: String, customers: Int? = nil, share: Double? = nil, budgetShare: Double? = nil,
                    goals: [GoalProgress] = [], values: KPIValues? = nil) {
            self.id = id
            self.name = name
            self.customers = customers
            self.share = share
            self.budgetShare = budgetShare
            self.goals = goals
            self.values = values
        }
    }

    public struct AnomalyRow: Sendable {
        /// What an alert measured: the raw numbers, written by their metric
        /// where they are shown (the campaign's currency is the plan's).
        public struct Measure: Sendable, Equatable {
            public var metric: String
            public var value: Double?
            public var threshold: Double?

            public init(metric: String, value: Double?, threshold: Double?) {
                self.metric = metric
                self.value = value
                self.threshold = threshold
            }
        }

        public var id: Int64
        public var openedAt: String
        /// The alert rule that opened it; nil for one opened by hand.
        public var rule: String?
        public var title: String
        public var scope: String
        public var severity: String
        public var status: AnomalyStatus
        public var owner: String?
        public var recovered: Bool
        /// nil for an anomaly about no metric (most opened by hand).
        public var measure: Measure?
        public var detail: [String]

        public init(id: Int64, openedAt: String, title: String, scope: String, severity: String, status: AnomalyStatus,
                    owner: String?, recovered: Bool, measure: Measure? = nil, detail: [String], rule: String? = nil) {
            self.id = id
            self.rule = rule
            self.openedAt = openedAt
            self.title = title
            self.scope = scope
            self.severity = severity
            self.status = status
            self.owner = owner
            self.recovered = recovered
            self.measure = measure
            self.detail = detail
        }
    }

    /// Event time the numbers are as of (campaign zone text) and its day.
    public var asOf: String?
    public var today: Day?
    public var eventsPerSecond: Double = 0
    /// The stream is being replayed at full speed up to the demo's "now".
    public var catchingUp = false
    public var totalEvents: Int = 0
    public var budgetBurn: Double?
    public var pacing: Double?
    /// The plan's campaign targets as of the latest event (`TargetProgress`,
    /// the numbers `report` shows), for the targets view.
    public var targets: [TargetProgress] = []
    /// The campaign's spend today and its day's share of the budget, when the
    /// day has spent more than twice that share (the header warns); nil otherwise.
    public var overspentDay: (spent: Double, reference: Double)?
    /// The window every KPI row's values are computed over.
    public var kpiWindow = MetricWindow.rolling(seconds: 3_600)
    /// The plan's currency, for money in the KPI rows.
    public var currency = "CNY"
    public var channelRows: [KPIRow] = []
    /// Per segment, then the same total row as `channelRows` ends with.
    public var segmentKPIRows: [KPIRow] = []
    public var segments: [SegmentRow] = []
    public var anomalies: [AnomalyRow] = []
    /// The silences active when the log was last read; nil: this dashboard
    /// has no database to keep silences in.
    public var silences: [Silence]?
    /// Something the app wants said once in the status bar (a data problem).
    public var notice: String?
    /// The stand-up agenda, built only while the walkthrough is open.
    public var agenda: StandupAgenda?

    public init() {}
}
