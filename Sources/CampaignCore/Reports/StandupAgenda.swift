/// The daily stand-up agenda (`campaign-deck standup`): what broke since
/// yesterday and who owns it, what moved, what is due or late, which goals
/// are behind. Pure: the command gathers the inputs, this decides what matters.
public struct StandupAgenda: Sendable {
    /// An anomaly as the stand-up needs it (the log itself lives in the store module).
    public struct AnomalyItem: Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var severity: String
        public var status: AnomalyStatus
        public var owner: String?
        public var openedAt: Int64
        public var isResolved: Bool { status == .resolved }

        public init(id: Int64, title: String, severity: String, status: AnomalyStatus, owner: String?, openedAt: Int64) {
            self.id = id
            self.title = title
            self.severity = severity
            self.status = status
            self.owner = owner
            self.openedAt = openedAt
        }
    }

    public struct DueTask: Sendable, Equatable {
        public var id: String
        public var name: String
        public var owner: String?
        public var progress: Double
    }

    public struct Late: Sendable, Equatable {
        public var late: LateTask
        public var name: String
        public var owner: String?
    }

    public var date: Day
    public var campaignName: String
    /// Opened since the start of yesterday, or opened earlier and still not resolved; newest first.
    public var anomalies: [AnomalyItem]
    /// Opened since the start of yesterday (the rest were already open).
    public var newSince: Int64
    public var moves: [KPIMove]
    public var dueToday: [DueTask]
    public var late: [Late]
    public var atRisk: [GoalProgress]
    /// Campaign targets whose forecast misses them (`TargetProgress`), listed with the goals at risk.
    public var targetsAtRisk: [TargetProgress]
    /// The campaign's currency, for money in KPI moves.
    public var currency: String

    /// - Parameters:
    ///   - yesterdayStart: the start of the day before `date`, epoch ms, campaign zone.
    ///   - dayEnd: the end of `date`: anomalies opened later are left out, so a stand-up
    ///     replayed for an earlier date shows what was known then.
    ///   - store: the stored history, for KPI moves and goal actuals.
    public init(plan: Plan, schedule: Schedule, date: Day, yesterdayStart: Int64, dayEnd: Int64, anomalies: [AnomalyItem],
                store: KPIStore, context: KPIContext, name: (KPIDimension, Int32) -> String) {
        self.date = date
        campaignName = plan.campaign.name
        newSince = yesterdayStart
        self.anomalies = anomalies.filter { $0.openedAt < dayEnd && ($0.openedAt >= yesterdayStart || !$0.isResolved) }
            .sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }
        moves = KPIMove.largest(store: store, yesterday: date - 1, name: name)
        dueToday = schedule.tasks.filter { $0.earlyFinish == date }.map { task in
            DueTask(id: task.id, name: plan.task(task.id)?.name ?? task.id, owner: plan.task(task.id)?.owner,
                    progress: task.progress)
        }
        late = schedule.lateTasks(today: date).map { late in
            Late(late: late, name: plan.task(late.task.id)?.name ?? late.task.id, owner: plan.task(late.task.id)?.owner)
        }
        currency = plan.campaign.currency
        atRisk = GoalProgress.all(plan: plan, values: store.campaignToDateValues(.segment, context: context, name: name))
            .filter { $0.isAtRisk(campaignStart: plan.campaign.start, today: date) }
        targetsAtRisk = TargetProgress.all(plan: plan, store: store, context: context).filter { $0.status == .atRisk }
    }
}
