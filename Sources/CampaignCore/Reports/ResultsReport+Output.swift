import CampaignText
import Foundation

/// The results report as JSON, CSV, a terminal table and Markdown for chat.
extension ResultsReport {
    public func json(clock: CampaignClock) -> JSONValue {
        var clock = clock
        return .object([
            ("as_of", asOf.map { .string(clock.rfc3339($0)) } ?? .null),
            ("currency", .string(currency)),
            ("goals", .array(goals.map { goal in
                .object([
                    ("segment", .string(goal.segmentID)), ("metric", .string(goal.goal.metric)),
                    ("target", .optional(goal.goal.effectiveTarget)), ("direction", .string(goal.goal.direction)),
                    ("baseline", .optional(goal.goal.baseline)),
                    ("lift", .optional(goal.goal.lift)), ("by", .optional(goal.goal.by)),
                    ("actual", .optional(goal.actual)), ("achievement", .optional(goal.achievement)),
                ])
            })),
            ("targets", .array(targets.map(\.json))),
            ("overall", economicsJSON(overall)),
            ("channels", .array(channels.map(economicsJSON))),
            ("segments", .array(segments.map(economicsJSON))),
            ("budget_lines", .array(budget.map { line in
                .object([
                    ("id", .string(line.id)), ("name", .string(line.name)),
                    ("planned", .optional(line.planned?.decimal)), ("used", .decimal(line.used.decimal)),
                    ("used_share", .optional(line.usedShare)),
                ])
            })),
        ])
    }

    private func economicsJSON(_ e: Economics) -> JSONValue {
        .object([
            ("key", .string(e.key)), ("spend", .decimal(e.spend.decimal)), ("revenue", .decimal(e.revenue.decimal)),
            ("roi", .optional(e.roi)), ("conversions", .int(Int(e.conversions))), ("cpa", .optional(e.cpa)),
            ("benchmark_cpa", .optional(benchmarkCPA)), ("cpa_vs_benchmark", .optional(cpaVsBenchmark(e))),
            ("converting_users", e.convertingUsers.map { .int($0) } ?? .null), ("cac", .optional(e.cac)),
        ])
    }

    /// CPA as a multiple of the benchmark: 1.3 is "30 % over".
    public func cpaVsBenchmark(_ e: Economics) -> Double? {
        guard let cpa = e.cpa, let benchmarkCPA, benchmarkCPA > 0 else { return nil }
        return cpa / benchmarkCPA
    }

    /// One flat table for spreadsheets: every line is "what, actual, against what, rate".
    public func csv() -> String {
        var rows: [[String]] = []
        for goal in goals {
            rows.append(["goal", goal.segmentID, goal.goal.metric, text(goal.actual), text(goal.goal.effectiveTarget),
                         text(goal.achievement)])
        }
        rows += targets.flatMap(\.csvRows)
        // Segments get a section of their own: a segment id may equal a channel id.
        for (section, economics) in [("economics", [overall] + channels), ("segment_economics", segments)] {
            for e in economics {
                rows.append([section, e.key, "spend", "\(e.spend.decimal)", "", ""])
                rows.append([section, e.key, "revenue", "\(e.revenue.decimal)", "", ""])
                rows.append([section, e.key, "roi", text(e.roi), "", ""])
                rows.append([section, e.key, "cpa", text(e.cpa), text(benchmarkCPA), text(cpaVsBenchmark(e))])
                rows.append([section, e.key, "cac", text(e.cac), "", ""])
            }
        }
        for line in budget {
            rows.append(["budget_line", line.id, "spend", "\(line.used.decimal)", line.planned.map { "\($0.decimal)" } ?? "",
                         text(line.usedShare)])
        }
        return CSVWriter.document(header: ["section", "key", "metric", "actual", "target", "rate"], rows: rows)
    }

    private func text(_ value: Double?) -> String { value.map(Formatting.plain) ?? "" }

    /// The table and Markdown views share these rows; only the framing differs.
    func sections() -> [(title: String, table: TextTable)] {
        func ratio(_ value: Double?, percent: Bool = true, decimals: Int = 1) -> String {
            guard let value else { return Phrase.reportNoData.text() }
            return percent ? Formatting.percent(value, decimals: decimals) : Formatting.fixed(value, decimals: 2)
        }
        func money(_ value: Money?) -> String { value.map { Formatting.money($0.decimal, decimals: 2) } ?? "-" }
        var goalTable = TextTable([.init(Phrase.reportHeadSegment.text()), .init(Phrase.reportHeadMetric.text()),
                                   .init(Phrase.reportHeadTarget.text(), .right), .init(Phrase.reportHeadActual.text(), .right),
                                   .init(Phrase.reportHeadAchieved.text(), .right), .init(Phrase.reportHeadBy.text())])
        for goal in goals {
            let target = goal.goal.effectiveTarget.map { goal.goal.ceilingMark + Formatting.plain($0) } ?? "-"
            let lift = goal.goal.target == nil ? goal.goal.lift.map { " (+\(Formatting.percent($0)))" } ?? "" : ""
            goalTable.add([goal.segmentID, goal.goal.spokenMetric, target + lift,
                           goal.actual.map { $0 == $0.rounded() ? Formatting.plain($0) : Formatting.fixed($0, decimals: 4) } ?? Phrase.reportNoData.text(), ratio(goal.achievement),
                           goal.goal.by?.description ?? "-"])
        }
        func economics(_ scope: String, _ rows: [Economics]) -> TextTable {
            var table = TextTable([.init(scope), .init(Phrase.reportHeadSpend.text(), .right),
                                   .init(Phrase.reportHeadRevenue.text(), .right), .init("ROI", .right),
                                   .init(Phrase.reportHeadConversions.text(), .right), .init("CPA", .right),
                                   .init(Phrase.reportHeadVsBenchmark.text(), .right),
                                   .init(Phrase.reportHeadUsers.text(), .right), .init("CAC", .right)])
            for e in rows {
                table.add([e.key, money(e.spend), money(e.revenue), ratio(e.roi, percent: false),
                           Formatting.count(e.conversions), ratio(e.cpa, percent: false), ratio(cpaVsBenchmark(e)),
                           e.convertingUsers.map { Formatting.count(Int64($0)) } ?? "-", ratio(e.cac, percent: false)])
            }
            return table
        }
        var lines = TextTable([.init(Phrase.reportHeadBudgetLine.text()), .init(Phrase.reportHeadName.text()),
                               .init(Phrase.reportHeadPlanned.text(), .right), .init(Phrase.reportHeadUsed.text(), .right),
                               .init(Phrase.reportHeadUsedShare.text(), .right)])
        for line in budget {
            lines.add([line.id, line.name, money(line.planned), money(line.used), ratio(line.usedShare, decimals: 2)])
        }
        let bench = benchmarkCPA.map { Phrase.reportBenchmark.text(Formatting.plain($0)) } ?? Phrase.reportNoBenchmark.text()
        return [(Phrase.reportGoalsTitle.text(), goalTable),
                (Phrase.targetReportTitle.text(), TargetProgress.table(targets)),
                (Phrase.reportChannelsTitle.text(bench), economics(Phrase.reportHeadChannel.text(), channels + [overall])),
                (Phrase.reportSegmentsTitle.text(), economics(Phrase.reportHeadSegment.text(), segments)),
                (Phrase.reportBudgetTitle.text(currency), lines)]
    }

    public func table(clock: CampaignClock) -> String {
        var clock = clock
        var out = Phrase.reportResultsAsOf.text(asOf.map { clock.rfc3339($0) } ?? Phrase.reportNoEvents.text()) + "\n"
        for section in sections() {
            out += "\n\(section.title)\n"
            out += section.table.rows.isEmpty ? Phrase.reportNone.text() + "\n" : section.table.rendered()
        }
        return ControlCharacters.escapedKeepingLayout(out)
    }

    public func markdown(clock: CampaignClock) -> String {
        var clock = clock
        var out = "# " + Phrase.reportResultsAsOf.text(asOf.map { clock.rfc3339($0) } ?? Phrase.reportNoEvents.text()) + "\n"
        for section in sections() {
            out += "\n## \(section.title)\n\n"
            out += section.table.rows.isEmpty ? Phrase.reportNone.text() + "\n" : MarkdownTable.render(section.table)
        }
        return out
    }
}

/// GitHub-flavoured Markdown tables from a `TextTable`, for chat.
enum MarkdownTable {
    static func render(_ table: TextTable) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }
}
