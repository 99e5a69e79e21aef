import CampaignCore

/// The live numbers the panes show, computed by the app from the KPI store,
/// the alert engine and the anomaly log. Plain values: rendering never
/// reaches into the domain's machinery.
public struct DashboardSnapshot: Sendable {
    public struct KPIRow: Sendable {
        public var key: String
        public var values: KPIValues
        /// Per alert rule that applies to this row: its state and threshold.
        public var alerts: [AlertCell]
        /// Recent CTR per interval, oldest first, for the sparkline (nil = no data).
        public var sparkline: [Double?]

        public init(key: String, values: KPIValues, alerts: [AlertCell], sparkline: [Double?]) {
            self.key = key
            self.values = values
            self.alerts = alerts
            self.sparkline = sparkline
        }

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
        /// `< 1%`, `> 58.5`.
        public var threshold: String

        public init(rule: String, metric: String, state: AlertState, threshold: String) {
            self.rule = rule
            self.metric = metric
            self.state = state
            self.threshold = threshold
        }
    }

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
                    owner: String?, recovered: Bool, measure: Measure? = nil, detail: [String]) {
            self.id = id
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
    public var channelRows: [KPIRow] = []
    public var segmentKPIRows: [KPIRow] = []
    public var segments: [SegmentRow] = []
    public var anomalies: [AnomalyRow] = []
    /// Something the app wants said once in the status bar (a data problem).
    public var notice: String?
    /// The stand-up agenda, built only while the walkthrough is open.
    public var agenda: StandupAgenda?

    public init() {}
}
