import CampaignText

/// `plan show`'s report sources (`sources:`); shown only when the plan has
/// some, so plans without them print as before.
extension PlanSummary {
    static func sourceSection(_ plan: Plan) -> String {
        guard !plan.sources.isEmpty else { return "" }
        var table = TextTable([.init(Phrase.planHeadID.text()), .init(Phrase.sourceHeadFormat.text()),
                               .init(Phrase.sourceHeadEncoding.text()), .init(Phrase.sourceHeadColumns.text())])
        for source in plan.sources {
            let columns = source.columns.map { "\($0.target.rawValue)←\($0.column)" }.joined(separator: ", ")
            table.add([source.id, source.format.rawValue, source.encoding.rawValue, columns])
        }
        return "\n" + Phrase.sourceSectionTitle.text() + "\n" + table.rendered()
    }

    static func sourcesJSON(_ plan: Plan) -> [(String, JSONValue)] {
        guard !plan.sources.isEmpty else { return [] }
        return [("sources", .array(plan.sources.map { source in
            .object([("id", .string(source.id)), ("format", .string(source.format.rawValue)),
                     ("encoding", .string(source.encoding.rawValue)),
                     ("columns", .object(source.columns.map { ($0.target.rawValue, .string($0.column.description)) }))])
        }))]
    }
}
