import CampaignText
import Foundation

/// The period report as JSON, CSV, a terminal table and Markdown for chat
/// (WeCom, DingTalk). JSON keys and CSV headers are the same in every language.
extension PeriodReport {
    public func json(clock: CampaignClock) -> JSONValue {
        var clock = clock
        func periodJSON(_ p: ReportPeriod, _ days: Int) -> JSONValue {
            .object([("week", p.week.map { .string($0.description) } ?? .null), ("from", .string(p.first.description)),
                     ("to", .string(p.last.description)), ("days", .int(p.length)), ("days_with_data", .int(days))])
        }
        func anomalyJSON(_ a: PeriodAnomaly) -> JSONValue {
            .object([("id", a.id.map { .int(Int($0)) } ?? .null), ("rule", .string(a.rule)),
                     ("per", a.per.map { .string($0) } ?? .null), ("scope", a.scope.map { .string($0) } ?? .null),
                     ("metric", a.metric.map { .string($0) } ?? .null), ("opened_at", .string(clock.rfc3339(a.openedAt))),
                     ("recovered_at", a.recoveredAt.map { .string(clock.rfc3339($0)) } ?? .null),
                     ("status", .string(a.status.rawValue)), ("cause", a.cause.map { .string($0) } ?? .null),
                     ("action", a.action.map { .string($0) } ?? .null)])
        }
        return .object([
            ("campaign", .string(campaignName)), ("currency", .string(currency)),
            ("period", periodJSON(period, daysWithData)), ("previous_period", periodJSON(previousPeriod, previousDaysWithData)),
            ("rows", .array(rows.map { row in
                .object([("scope_kind", .string(row.kind.rawValue)), ("scope", .string(row.scope)),
                         ("metric", .string(row.metric.name)), ("value", Self.exact(row.metric, row.current)),
                         ("previous", Self.exact(row.metric, row.previous)), ("change", .optional(row.change)),
                         ("change_points", .optional(row.pointChange)), ("anomalies", .array(row.anomalies.map(anomalyJSON)))])
            })),
            ("anomalies", .array(anomalies.map(anomalyJSON))),
        ])
    }

    /// Counts as integers and money as exact decimals (as `kpi --format json`); ratios as numbers.
    static func exact(_ metric: Metric, _ values: KPIValues?) -> JSONValue {
        guard let values else { return .null }
        switch metric.kind {
        case .sum(.spend): return .decimal(values.counters.spend.decimal)
        case .sum(.revenue): return .decimal(values.counters.revenue.decimal)
        case .sum(let quantity): return quantity.count(in: values.counters).map { .int(Int($0)) } ?? .null
        case .ratio, .budget: return .optional(values.value(of: metric))
        }
    }

    /// One line per row; a row's anomalies, causes and actions are `; `-joined in the same order.
    public func csv(clock: CampaignClock) -> String {
        var clock = clock
        func plain(_ value: Double?) -> String { value.map(Formatting.plain) ?? "" }
        func cell(_ row: Row, _ values: KPIValues?) -> String {
            switch Self.exact(row.metric, values) {
            case .null: return ""
            case .decimal(let d): return "\(d)"
            case .int(let i): return "\(i)"
            default: return plain(values?.value(of: row.metric))
            }
        }
        let rows = rows.map { row in
            [row.kind.rawValue, row.scope, row.metric.name, cell(row, row.current), cell(row, row.previous),
             plain(row.change), plain(row.pointChange),
             row.anomalies.map { "\($0.rule) @ \(clock.rfc3339($0.openedAt)) [\($0.status.rawValue)]" }.joined(separator: "; "),
             row.anomalies.map { $0.cause ?? "" }.joined(separator: "; "),
             row.anomalies.map { $0.action ?? "" }.joined(separator: "; ")]
        }
        return CSVWriter.document(header: ["scope_kind", "scope", "metric", "value", "previous", "change", "change_points",
                                           "anomalies", "causes", "actions"], rows: rows)
    }

    public func table(clock: CampaignClock) -> String {
        let (title, coverage, table, items) = parts(clock: clock)
        var out = title + "\n" + coverage + "\n\n" + table.rendered()
        out += "\n" + Phrase.weekAnomaliesTitle.text() + "\n"
        out += items.isEmpty ? Phrase.reportNone.text() + "\n" : items.map { "- " + $0 + "\n" }.joined()
        return ControlCharacters.escapedKeepingLayout(out)
    }

    public func markdown(clock: CampaignClock) -> String {
        let (title, coverage, table, items) = parts(clock: clock)
        var out = "# " + title + "\n\n" + coverage + "\n\n" + MarkdownTable.render(table)
        out += "\n## " + Phrase.weekAnomaliesTitle.text() + "\n\n"
        out += items.isEmpty ? Phrase.reportNone.text() + "\n" : items.map { "- " + $0 + "\n" }.joined()
        return out
    }

    /// What the table and Markdown share: title, coverage line, the rows, the anomaly list.
    private func parts(clock: CampaignClock) -> (String, String, TextTable, [String]) {
        var clock = clock
        let title = (period.week == nil ? Phrase.weekTitlePeriod : Phrase.weekTitleWeek)
            .text(campaignName, Self.label(period), Self.label(previousPeriod))
        let coverage = Phrase.weekCoverage.text(daysWithData, period.length, previousDaysWithData, previousPeriod.length, currency)
        let noData = Phrase.reportNoData.text()
        func scope(_ kind: KPIDimension, _ name: String) -> String {
            kind == .total ? Phrase.scopeTotal.text() : AnomalyStatusWords.per(kind.rawValue) + " " + name
        }
        func signed(_ text: String, _ value: Double) -> String { value > 0 ? "+" + text : text }
        var table = TextTable([.init(Phrase.weekHeadScope.text()), .init(Phrase.reportHeadMetric.text()),
                               .init(Phrase.weekHeadThis.text(), .right), .init(Phrase.weekHeadPrevious.text(), .right),
                               .init(Phrase.weekHeadChange.text(), .right), .init(Phrase.weekHeadAnomalies.text())])
        for row in rows {
            var change = row.change.map { signed(Formatting.percent($0, decimals: 1), $0) } ?? noData
            if let points = row.pointChange, row.change != nil {
                change = Phrase.weekChangeWithPoints.text(change, signed(Formatting.fixed(points * 100, decimals: 2), points))
            }
            table.add([scope(row.kind, row.scope), row.metric.spokenName,
                       row.value.map { row.metric.formatted($0) } ?? noData,
                       row.previousValue.map { row.metric.formatted($0) } ?? noData,
                       change, row.anomalies.map(\.rule).joined(separator: ", ")])
        }
        let items = anomalies.map { a in
            let on = a.per.map { per in per == "total" ? Phrase.scopeTotal.text() : AnomalyStatusWords.per(per) + " " + (a.scope ?? "") }
            var parts = [Phrase.weekAnomalyLine.text(clock.rfc3339(a.openedAt), a.rule, on ?? Phrase.scopeTotal.text(),
                                                     a.metric.flatMap { Metric(rawValue: $0)?.spokenName ?? $0 } ?? "-",
                                                     AnomalyStatusWords.status(a.status))]
            if let recovered = a.recoveredAt { parts.append(Phrase.weekRecovered.text(clock.rfc3339(recovered))) }
            if a.id == nil {
                parts.append(Phrase.weekJudged.text())
            } else {
                parts.append(a.cause.map { Phrase.weekCause.text($0) } ?? Phrase.weekNoCause.text())
                if let action = a.action { parts.append(Phrase.weekAction.text(action)) }
            }
            return parts.joined(separator: Phrase.weekSeparator.text())
        }
        return (title, coverage, table, items)
    }
}
