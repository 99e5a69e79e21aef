import CampaignText

/// `campaign-deck kpi`: one row per scope value with every KPI.
public struct KPIReport: Sendable {
    public struct Row: Sendable {
        public var key: String
        public var values: KPIValues
        /// The plan's baseline rules over this dimension, read for this row
        /// (`usual` in the JSON); nil when the plan has none or they were not judged.
        public var usual: [UsualReading]?
    }

    public var window: MetricWindow
    public var dimension: KPIDimension
    /// The instant the windows end at (the latest event time), epoch ms; nil for an empty stream.
    public var asOf: Int64?
    public var rows: [Row]
    public var rejected: Int
    public var skipped: Int

    /// Builds the rows from a store, scope names from `name`, sorted by key.
    public init(store: KPIStore, dimension: KPIDimension, window: MetricWindow, context: KPIContext,
                rejected: Int, skipped: Int, name: (KPIDimension, Int32) -> String) {
        self.window = window
        self.dimension = dimension
        self.rejected = rejected
        self.skipped = skipped
        guard store.clockMinute != .min else {
            asOf = nil
            rows = []
            return
        }
        asOf = store.latestTimestamp
        let minute = store.clockMinute
        rows = store.scopeIDs(dimension).map { id in
            let key = name(dimension, id)
            return Row(key: key, values: store.values(dimension, id: id, name: key, window: window,
                                                    atMinute: minute, context: context))
        }.sorted { $0.key < $1.key }
    }

    /// Adds each row's baseline readings from an engine that judged the same
    /// stream into `store` (a fold's monitor).
    public mutating func addUsual(engine: AlertEngine, store: KPIStore, name: (KPIDimension, Int32) -> String) {
        guard engine.hasBaselineRules(dimension) else { return }
        var ids: [String: Int32] = [:]
        for id in store.scopeIDs(dimension) { ids[name(dimension, id)] = id }
        for index in rows.indices {
            guard let id = ids[rows[index].key] else { continue }
            rows[index].usual = engine.usualReadings(dimension, id: id, name: rows[index].key, store: store)
        }
    }

    public func json(clock: CampaignClock) -> JSONValue {
        var clock = clock
        return .object([
            ("window", .string(window.description)), ("by", .string(dimension.rawValue)),
            ("as_of", asOf.map { .string(clock.rfc3339($0)) } ?? .null),
            ("rows", .array(rows.map { row in
                .object([("key", .string(row.key))] + row.values.jsonMembers()
                    + (row.usual.map { [("usual", .array($0.map { $0.json() }))] } ?? []))
            })),
            ("rejected", .int(rejected)), ("skipped", .int(skipped)),
        ])
    }

    public func csv() -> String {
        let header = ["key"] + KPIValues(counters: .zero).jsonMembers().map(\.0)
        return CSVWriter.document(header: header, rows: rows.map { row in
            [row.key] + row.values.jsonMembers().map { member in
                switch member.1 {
                case .null: return ""
                case .string(let text): return text
                default: return member.1.serialized()
                }
            }
        })
    }

    /// The day's spend, marked `!` past twice its share of the budget.
    private func dailySpend(_ values: KPIValues) -> String {
        guard let spent = values.forecast?.daySpend else { return "-" }
        return Formatting.money(spent.decimal, decimals: 2) + (values.dailySpendIsOver ? " !" : "")
    }

    public func table(clock: CampaignClock) -> String {
        var clock = clock
        var table = TextTable([
            .init(AnomalyStatusWords.per(dimension.rawValue).uppercased()), .init(Phrase.kpiTableImpressions.text(), .right),
            .init(Phrase.kpiTableClicks.text(), .right), .init("CTR", .right),
            .init(Phrase.kpiTableConversions.text(), .right), .init("CVR", .right), .init(Phrase.kpiTableSpend.text(), .right),
            .init("CPA", .right), .init(Phrase.kpiTableRevenue.text(), .right), .init("ROI", .right), .init("DAU", .right),
            .init(Phrase.kpiTableBurn.text(), .right), .init(Phrase.targetKpiTableForecastBurn.text(), .right),
            .init(Phrase.targetKpiTableDaily.text(), .right),
        ])
        func ratio(_ value: Double?, percent: Bool = true) -> String {
            guard let value else { return "-" }
            return percent ? Formatting.percent(value, decimals: 2) : Formatting.fixed(value, decimals: 2)
        }
        for row in rows {
            let v = row.values, c = v.counters
            table.add([row.key, Formatting.count(c.impressions), Formatting.count(c.clicks), ratio(v.ctr),
                       Formatting.count(c.conversions), ratio(v.cvr), Formatting.money(c.spend.decimal, decimals: 2),
                       ratio(v.cpa, percent: false), Formatting.money(c.revenue.decimal, decimals: 2),
                       ratio(v.roi, percent: false), ratio(v.communityDAURatio), ratio(v.budgetBurn),
                       ratio(v.forecastBurn), dailySpend(v)])
        }
        let asOfText = asOf.map { clock.rfc3339($0) } ?? Phrase.reportNoEvents.text()
        var out = Phrase.kpiTableTitle.text(AnomalyStatusWords.per(dimension.rawValue), window.spokenName, asOfText) + "\n"
        out += rows.isEmpty ? Phrase.kpiTableNoEvents.text() + "\n" : table.rendered()
        if let days = rows.first(where: \.values.dailySpendIsOver)?.values.forecast?.campaignDays {
            out += Phrase.targetKpiTableDailyOver.text(days) + "\n"
        }
        if rejected > 0 || skipped > 0 { out += Phrase.kpiTableRejected.text(rejected, skipped) + "\n" }
        return ControlCharacters.escapedKeepingLayout(out)
    }
}
