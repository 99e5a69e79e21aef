import CampaignText

/// The weekly promotion report (`report --week`, `report --from --to`):
/// every KPI per channel, per segment and in total for a period against the
/// same number of days just before, the largest moves first, each row with
/// the anomalies opened in the period on its scope and KPI.
///
/// Days are the campaign zone's calendar days, summed from the store's daily
/// counters, so a week's figures are exactly the sum of its seven days.
public struct PeriodReport: Sendable {
    public struct Row: Sendable {
        public var kind: KPIDimension
        public var scope: String
        public var metric: Metric
        /// nil when the whole period had no events: no data, not zero.
        public var current: KPIValues?
        public var previous: KPIValues?
        public var anomalies: [PeriodAnomaly]

        public var value: Double? { current?.value(of: metric) }
        public var previousValue: Double? { previous?.value(of: metric) }
        /// Relative change, by the stand-up's rule (`KPIMove.relativeChange`).
        public var change: Double? { KPIMove.relativeChange(from: previousValue, to: value) }
        /// For shares (CTR, CVR, participation rate): the change in
        /// percentage points as a fraction (0.021 → 0.016 is −0.005), which
        /// says more than "−23.8 %" when the share is small. nil for other KPIs.
        public var pointChange: Double? {
            guard metric.isProportion, let value, let previousValue else { return nil }
            return value - previousValue
        }
    }

    /// Sums, then the rates the stand-up compares. Left out: the community
    /// DAU ratio (a daily gauge, not a period's sum) and budget burn and
    /// pacing (campaign to date whatever the period).
    public static let metrics: [Metric] = Metric.allCases.filter {
        if case .sum = $0.kind { return true } else { return false }
    } + Metric.rates

    public var campaignName: String
    public var currency: String
    public var period: ReportPeriod
    public var previousPeriod: ReportPeriod
    public var daysWithData: Int
    public var previousDaysWithData: Int
    /// Largest relative move first; rows without a relative change last; ties keep scope, then KPI order.
    public var rows: [Row]
    /// Every anomaly opened in the period, oldest first (those of KPIs without a row too).
    public var anomalies: [PeriodAnomaly]

    /// - Parameters:
    ///   - anomalies: the anomaly log, or the anomalies judged over the stream; those opened in the period are kept.
    ///   - option: the option that chose the period (`--week`, `--from`), for the error when it has no data.
    public init(plan: Plan, store: KPIStore, period: ReportPeriod, anomalies: [PeriodAnomaly], option: String,
                name: (KPIDimension, Int32) -> String) throws {
        campaignName = plan.campaign.name
        currency = plan.campaign.currency
        self.period = period
        previousPeriod = period.previous
        daysWithData = period.days.filter(store.hadEvents).count
        previousDaysWithData = previousPeriod.days.filter(store.hadEvents).count
        guard daysWithData > 0 else {
            var clock = store.clock
            let label = Self.label(period)
            guard store.latestTimestamp != .min else { throw ReportPeriodError(Phrase.weekNoEventsAtAll.text(option)) }
            throw ReportPeriodError(Phrase.weekNoEventsInPeriod.text(label, clock.day(of: store.earliestTimestamp),
                                                          clock.day(of: store.latestTimestamp), option))
        }
        let clock = store.clock
        let start = clock.start(of: period.first), end = clock.start(of: period.last + 1)
        self.anomalies = anomalies.filter { $0.openedAt >= start && $0.openedAt < end }
            .sorted { ($0.openedAt, $0.id ?? 0) < ($1.openedAt, $1.id ?? 0) }
        rows = Self.rows(store: store, period: period, hasData: (daysWithData > 0, previousDaysWithData > 0),
                         anomalies: self.anomalies, name: name)
    }

    /// `2026-W10 (2026-03-02 to 2026-03-08)`, `2026-03-02 to 2026-03-04`, or one day: `2026-03-05`.
    public static func label(_ period: ReportPeriod) -> String {
        let days = period.length == 1 ? period.first.description : Phrase.weekPeriodDays.text(period.first, period.last)
        return period.week.map { Phrase.weekPeriodWeek.text($0, days) } ?? days
    }

    private static func rows(store: KPIStore, period: ReportPeriod, hasData: (Bool, Bool), anomalies: [PeriodAnomaly],
                             name: (KPIDimension, Int32) -> String) -> [Row] {
        func sum(_ period: ReportPeriod, _ dimension: KPIDimension, _ id: Int32) -> KPICounters {
            var total = KPICounters.zero
            for day in period.days {
                total += store.counters(window: .calendarDay, day: day, include: { $0.id(along: dimension) == id })
            }
            return total
        }
        // Events that name no channel (or segment) are a scope of their own,
        // `(none)`, so the rows of a dimension add up to the total.
        func scopes(_ dimension: KPIDimension) -> [(name: String, now: KPICounters, before: KPICounters)] {
            let named = store.scopeIDs(dimension).map { (name(dimension, $0), $0) }.sorted { $0.0 < $1.0 }
            return (named + [(ResultsReport.noSegment, -1)]).map { scope, id in
                (scope, sum(period, dimension, id), sum(period.previous, dimension, id))
            }.filter { !$0.now.isEmpty || !$0.before.isEmpty }
        }
        let channels = scopes(.channel), segments = scopes(.segment)
        // The total over every channel's counters, so a ratio's total counts
        // only the channels that report its denominator (SPEC §13 "Total rows").
        func total(_ parts: [KPICounters]) -> KPIValues {
            KPIValues(counters: parts.reduce(into: KPICounters.zero) { $0 += $1 }, parts: parts)
        }
        var scoped: [(KPIDimension, String, KPIValues, KPIValues)] = [
            (.total, "total", total(channels.map(\.now)), total(channels.map(\.before))),
        ]
        for (dimension, list) in [(KPIDimension.channel, channels), (.segment, segments)] {
            for scope in list {
                scoped.append((dimension, scope.name, KPIValues(counters: scope.now), KPIValues(counters: scope.before)))
            }
        }
        var rows: [Row] = []
        for (kind, scope, now, before) in scoped {
            for metric in metrics {
                rows.append(Row(kind: kind, scope: kind == .total ? "total" : scope, metric: metric,
                                current: hasData.0 ? now : nil, previous: hasData.1 ? before : nil,
                                anomalies: anomalies.filter { $0.belongs(to: kind, scope: scope, metric: metric) }))
            }
        }
        // Sizes equal to 1e-9 are ties (0.5 and 0.4999999999999999 are the same move), kept in scope, then KPI order.
        func size(_ change: Double) -> Double { (abs(change) * 1e9).rounded() }
        return rows.enumerated().sorted { a, b in
            switch (a.element.change, b.element.change) {
            case let (x?, y?): return size(x) != size(y) ? size(x) > size(y) : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
