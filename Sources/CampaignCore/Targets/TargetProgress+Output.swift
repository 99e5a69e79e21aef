import CampaignText

/// Campaign targets as `report` writes them (JSON, CSV rows, one table for
/// the terminal and Markdown) and as the stand-up says one at risk.
extension TargetProgress {
    /// `{metric, direction, target, actual, achievement, forecast, by, status}`.
    public var json: JSONValue {
        .object([
            ("metric", .string(target.goal.metric)), ("direction", .string(target.goal.direction)),
            ("target", .optional(target.target)), ("actual", .optional(actual)),
            ("achievement", .optional(achievement)), ("forecast", .optional(forecast)),
            ("by", .optional(target.by)), ("status", .string(status.rawValue)),
        ])
    }

    /// Two rows in the report's `section,key,metric,actual,target,rate` CSV:
    /// `target` (metric, direction, actual, target, achievement) and
    /// `target_forecast` (metric, by, forecast, target, status).
    var csvRows: [[String]] {
        func text(_ value: Double?) -> String { value.map(Formatting.plain) ?? "" }
        return [
            ["target", target.goal.metric, target.goal.direction, text(actual), text(target.target), text(achievement)],
            ["target_forecast", target.goal.metric, target.by?.description ?? "", text(forecast), text(target.target),
             status.rawValue],
        ]
    }

    /// A value of the target's metric as people read it (`2.91%`, `45.00`).
    public func shown(_ value: Double?, currency: String? = nil) -> String {
        guard let value else { return Phrase.reportNoData.text() }
        guard let metric = target.metric else { return Formatting.plain(value) }
        // A run-rate forecast of a count is fractional; people count whole impressions.
        return metric.formatted(metric.format == .count ? value.rounded() : value, currency: currency)
    }

    /// The target as written: `≤ 45.00 (benchmark.cpa)` for a ceiling from a benchmark.
    public var targetText: String {
        let mark = target.goal.ceilingMark
        let source = target.benchmark.map { " (\(CampaignTarget.benchmarkPrefix)\($0))" } ?? ""
        return mark + (target.target.map { shown($0) } ?? "-") + source
    }

    /// The status in the reader's language.
    public var statusText: String {
        switch status {
        case .onTrack: return Phrase.targetStatusOnTrack.text()
        case .atRisk: return Phrase.targetStatusAtRisk.text()
        case .noData: return Phrase.targetStatusNoData.text()
        }
    }

    public var spokenMetric: String { target.goal.spokenMetric }

    /// One line of the stand-up's "goals at risk".
    public var standupLine: String {
        if let by = target.by {
            return Phrase.targetStandupItemBy.text(spokenMetric, shown(actual), targetText, shown(forecast), by)
        }
        return Phrase.targetStandupItemNow.text(spokenMetric, shown(actual), targetText)
    }

    /// The targets table of `report` (terminal and Markdown) and the
    /// dashboard's targets view; where room is short the view leaves out
    /// where a target came from (`benchmarks: false`, `(benchmark.cpa)`),
    /// then the `by` dates (`dates: false`), never the status.
    public static func table(_ targets: [TargetProgress], benchmarks: Bool = true, dates: Bool = true) -> TextTable {
        var columns: [TextTable.Column] = [.init(Phrase.reportHeadMetric.text()), .init(Phrase.reportHeadActual.text(), .right),
                                           .init(Phrase.reportHeadTarget.text(), .right),
                                           .init(Phrase.reportHeadAchieved.text(), .right),
                                           .init(Phrase.targetReportHeadForecast.text(), .right)]
        if dates { columns.append(.init(Phrase.reportHeadBy.text())) }
        columns.append(.init(Phrase.targetReportHeadStatus.text()))
        var table = TextTable(columns)
        for t in targets {
            let target = benchmarks ? t.targetText : t.target.goal.ceilingMark + t.shown(t.target.target)
            var row = [t.spokenMetric, t.shown(t.actual), target,
                       t.achievement.map { Formatting.percent($0, decimals: 1) } ?? Phrase.reportNoData.text(),
                       t.shown(t.forecast)]
            if dates { row.append(t.target.by?.description ?? "-") }
            row.append(t.statusText)
            table.add(row)
        }
        return table
    }
}
