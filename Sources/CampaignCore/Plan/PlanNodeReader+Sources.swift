import CampaignText
import Yams

/// Reading the plan's `sources:`, the ad-platform report files
/// (`ReportSource`). Everything is judged inside the section: a source names
/// header cells of files the plan does not know, so nothing else refers to it.
extension PlanNodeReader {
    /// Every source that could be read; a repeated id is reported at its second use.
    func reportSources(_ nodes: [Node]) -> [ReportSource] {
        var sources: [ReportSource] = []
        var firstLine: [String: Int] = [:]
        for node in nodes {
            guard let source = reportSource(node) else { continue }
            if let line = firstLine[source.id] {
                sink.error(source.location, Phrase.checkDuplicateID.text(PlanElementKind.reportSource.noun, source.id, line))
                continue
            }
            firstLine[source.id] = source.location.line
            sources.append(source)
        }
        return sources
    }

    func reportSource(_ node: Node) -> ReportSource? {
        let what = YAMLFields.describe(.reportSource, node)
        guard let fields = YAMLFields(node, what: what, allowed: ["id", "format", "encoding", "columns"], sink: sink),
              let id = fields.string("id", required: true, what: what) else { return nil }
        // Absent means the common case; a misspelt value is an error, not the default.
        let format = fields.has("format") ? quotedChoice("format", as: ReportSource.Format.self, in: fields, what: what) : .csv
        let encoding = fields.has("encoding") ? quotedChoice("encoding", as: ReportSource.Encoding.self, in: fields, what: what) : .utf8
        guard let columnsNode = fields.value("columns") else {
            sink.error(fields.keyLocation("columns") ?? fields.location, Phrase.checkNeedsKey.text(what, "columns"))
            return nil
        }
        guard let columns = reportColumns(columnsNode, what: what), let format, let encoding else { return nil }
        return ReportSource(id: id, location: fields.location(of: "id"), format: format, encoding: encoding, columns: columns)
    }

    /// `{ ts: 时间, channel: =douyin, impressions: 展示数, … }`; nil when `ts` or every figure is missing.
    private func reportColumns(_ node: Node, what: String) -> [(target: ReportSource.Target, column: ReportSource.Column)]? {
        let columnsWhat = Phrase.checkKeyOf.text("columns", what)
        let targets = ReportSource.Target.allCases
        guard let fields = YAMLFields(node, what: columnsWhat, allowed: targets.map(\.rawValue), sink: sink) else { return nil }
        var columns: [(target: ReportSource.Target, column: ReportSource.Column)] = []
        var complete = true
        for target in targets {
            guard fields.has(target.rawValue) else { continue }
            guard let text = fields.string(target.rawValue, what: columnsWhat) else {
                complete = false
                continue
            }
            let constant = text.hasPrefix("=")
            let name = constant ? String(text.dropFirst()) : text
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                sink.error(fields.location(of: target.rawValue), Phrase.sourceEmptyColumn.text(target.rawValue, columnsWhat))
                complete = false
                continue
            }
            if constant && !target.isName {
                sink.error(fields.location(of: target.rawValue), Phrase.sourceConstantNotAllowed.text(target.rawValue, columnsWhat, "channel", "segment", "campaign"))
                complete = false
                continue
            }
            columns.append((target, constant ? .constant(name) : .header(name)))
        }
        // A misspelt key is reported already; saying that `ts` or every figure is then missing would be the same slip twice.
        if case .mapping(let mapping) = node, mapping.keys.contains(where: { !targets.map(\.rawValue).contains($0.string ?? "") }) {
            return nil
        }
        if !fields.has("ts") {
            sink.error(fields.location, Phrase.checkNeedsKey.text(columnsWhat, "ts"))
            return nil
        }
        if !ReportSource.Target.figures.contains(where: { fields.has($0.rawValue) }) {
            let names = ReportSource.Target.figures.map { "'\($0.rawValue)'" }.joined(separator: Phrase.checkListSeparator.text())
            sink.error(fields.location, Phrase.sourceNoFigure.text(columnsWhat, names))
            return nil
        }
        return complete ? columns : nil
    }

    /// `fields.choice` with the allowed words quoted: they are typed as they are in any language.
    private func quotedChoice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, in fields: YAMLFields,
                                                                  what: String) -> T? where T.RawValue == String {
        guard let text = fields.string(key, what: what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        sink.error(fields.location(of: key), Phrase.checkNotOneOf.text(key, what, names.map { "'\($0)'" }.joined(separator: Phrase.checkListSeparator.text()),
                                                                      text, Suggestion.hint(for: text, among: names)))
        return nil
    }
}
