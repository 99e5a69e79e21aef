import CampaignText
import Yams

/// Reads `targets:`, the campaign-level KPI targets:
/// `{ metric, target | at_least | at_most, by: YYYY-MM-DD, min_volume }`.
/// Values are a number or `benchmark.NAME`, resolved here against the
/// campaign's benchmarks so every reader sees a plain number.
extension PlanNodeReader {
    static let targetValueKeys = ["target", "at_least", "at_most"]

    func targets(_ nodes: [Node], benchmarks: [(name: String, value: Double)]) -> [CampaignTarget] {
        nodes.enumerated().compactMap { index, node in target(node, number: index + 1, benchmarks: benchmarks) }
    }

    func target(_ node: Node, number: Int, benchmarks: [(name: String, value: Double)]) -> CampaignTarget? {
        let what = Phrase.targetCheckNoun.text(number, "targets")
        let keys = ["metric"] + Self.targetValueKeys + ["by", "min_volume"]
        guard let fields = YAMLFields(node, what: what, allowed: keys, sink: sink),
              let metric = fields.string("metric", required: true, what: what) else { return nil }
        checkTargetMetric(metric, at: fields.location(of: "metric"), what: what)
        let given = Self.targetValueKeys.filter(fields.has)
        if given.count > 1 {
            sink.error(fields.keyLocation(given[1]) ?? fields.location,
                       Phrase.goalTargetKeysTwice.text(what, given[0], given[1], "target", "at_least", "at_most"))
        } else if given.isEmpty {
            sink.error(fields.location, Phrase.targetCheckNeedsValue.text(what, "target", "at_least", "at_most"))
        }
        let key = given.first ?? "target"
        var benchmark: String?
        var value: Double?
        if let text = fields.string(key, what: what) {
            (value, benchmark) = targetValue(text, key: key, at: fields.location(of: key), what: what,
                                             benchmarks: benchmarks)
        }
        let goal = Goal(fields: locations(fields), metric: metric, target: value, isCeiling: key == "at_most",
                        baseline: nil, lift: nil, by: fields.day("by", what: what),
                        minVolume: fields.integer("min_volume", what: what, minimum: 0))
        return CampaignTarget(goal: goal, benchmark: benchmark)
    }

    /// Targets are on KPIs the stream measures (customer features such as
    /// `repurchase_rate` belong to segment goals). `cac` is asked for by the
    /// templates but is not a KPI: it gets its own explanation.
    private func checkTargetMetric(_ metric: String, at location: SourceLocation, what: String) {
        guard Metric(rawValue: metric) == nil else { return }
        if metric.lowercased() == "cac" {
            sink.error(location, Phrase.targetCheckCAC.text(what, "cac", "cpa"))
            return
        }
        let hint = Suggestion.hint(for: metric, among: Vocabulary.kpis)
        let known = hint.isEmpty ? Phrase.checkKnownList.text(Vocabulary.kpis.joined(separator: Phrase.checkListSeparator.text())) : hint
        sink.error(location, Phrase.targetCheckUnknownMetric.text(metric, what) + known)
    }

    /// A number, or `benchmark.NAME` looked up in the campaign's benchmarks.
    private func targetValue(_ text: String, key: String, at location: SourceLocation, what: String,
                             benchmarks: [(name: String, value: Double)]) -> (Double?, String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(CampaignTarget.benchmarkPrefix) {
            let name = String(trimmed.dropFirst(CampaignTarget.benchmarkPrefix.count))
            if let found = benchmarks.first(where: { $0.name == name }) { return (found.value, name) }
            let names = benchmarks.map(\.name)
            let hint = Suggestion.hint(for: name, among: names)
            let known = !hint.isEmpty || names.isEmpty ? hint
                : Phrase.checkKnownList.text(names.joined(separator: Phrase.checkListSeparator.text()))
            sink.error(location, Phrase.targetCheckUnknownBenchmark.text(what, name, "campaign.benchmarks", known))
            return (nil, name)
        }
        guard let number = YAMLNumbers.double(trimmed) else {
            sink.error(location, Phrase.targetCheckNotNumber.text(key, what, "benchmark.NAME", text))
            return (nil, nil)
        }
        return (number, nil)
    }
}
