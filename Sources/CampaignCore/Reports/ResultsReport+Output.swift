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
                    ("target", .optional(goal.goal.effectiveTarget)), ("baseline", .optional(goal.goal.baseline)),
                    ("lift", .optional(goal.goal.lift)), ("by", .optional(goal.goal.by)),
                    ("actual", .optional(goal.actual)), ("achievement", .optional(goal.achievement)),
                ])
            })),
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
            guard let value else { return "no data" }
            return percent ? Formatting.percent(value, decimals: decimals) : Formatting.fixed(value, decimals: 2)
        }
        func money(_ value: Money?) -> String { value.map { Formatting.money($0.decimal, decimals: 2) } ?? "-" }
        var goalTable = TextTable([.init("SEGMENT"), .init("METRIC"), .init("TARGET", .right), .init("ACTUAL", .right),
                                   .init("ACHIEVED", .right), .init("BY")])
        for goal in goals {
            let target = goal.goal.effectiveTarget.map(Formatting.plain) ?? "-"
            let lift = goal.goal.target == nil ? goal.goal.lift.map { " (+\(Formatting.percent($0)))" } ?? "" : ""
            goalTable.add([goal.segmentID, goal.goal.metric, target + lift,
                           goal.actual.map { $0 == $0.rounded() ? Formatting.plain($0) : Formatting.fixed($0, decimals: 4) } ?? "no data", ratio(goal.achievement),
                           goal.goal.by?.description ?? "-"])
        }
        func economics(_ scope: String, _ rows: [Economics]) -> TextTable {
            var table = TextTable([.init(scope), .init("SPEND", .right), .init("REVENUE", .right), .init("ROI", .right),
                                   .init("CONV", .right), .init("CPA", .right), .init("VS BENCH", .right),
                                   .init("USERS", .right), .init("CAC", .right)])
            for e in rows {
                table.add([e.key, money(e.spend), money(e.revenue), ratio(e.roi, percent: false),
                           Formatting.count(e.conversions), ratio(e.cpa, percent: false), ratio(cpaVsBenchmark(e)),
                           e.convertingUsers.map { Formatting.count(Int64($0)) } ?? "-", ratio(e.cac, percent: false)])
            }
            return table
        }
        var lines = TextTable([.init("BUDGET LINE"), .init("NAME"), .init("PLANNED", .right), .init("USED", .right),
                               .init("USED %", .right)])
        for line in budget {
            lines.add([line.id, line.name, money(line.planned), money(line.used), ratio(line.usedShare, decimals: 2)])
        }
        let bench = benchmarkCPA.map { "benchmark CPA \(Formatting.plain($0))" } ?? "no CPA benchmark"
        return [("Segment goals", goalTable),
                ("ROI, CPA (\(bench)) and CAC (spend / distinct converting users)", economics("CHANNEL", channels + [overall])),
                ("ROI, CPA and CAC by segment", economics("SEGMENT", segments)),
                ("Budget used vs planned (\(currency))", lines)]
    }

    public func table(clock: CampaignClock) -> String {
        var clock = clock
        var out = "Results as of \(asOf.map { clock.rfc3339($0) } ?? "no events")\n"
        for section in sections() {
            out += "\n\(section.title)\n"
            out += section.table.rows.isEmpty ? "(none)\n" : section.table.rendered()
        }
        return ControlCharacters.escapedKeepingLayout(out)
    }

    public func markdown(clock: CampaignClock) -> String {
        var clock = clock
        var out = "# Results as of \(asOf.map { clock.rfc3339($0) } ?? "no events")\n"
        for section in sections() {
            out += "\n## \(section.title)\n\n"
            out += section.table.rows.isEmpty ? "(none)\n" : MarkdownTable.render(section.table)
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
