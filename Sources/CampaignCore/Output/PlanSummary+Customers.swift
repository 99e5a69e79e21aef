import CampaignText

/// `plan show`'s customer sections: the customers file and its columns, the
/// lifecycle days, tags and tiers. Shown only when the plan has any of them,
/// so plans without customers print as before.
extension PlanSummary {
    static func customerSections(_ plan: Plan) -> String {
        var out = ""
        func section(_ title: String, _ lines: String) { out += "\n" + title + "\n" + lines }
        if let source = plan.campaign.customers {
            var lines = Phrase.planCustShowSource.text(source.file, source.idColumn)
                + (source.mergeOn.map { Phrase.planCustShowMergeOn.text($0) } ?? "") + "\n"
            if !source.columns.isEmpty {
                var table = TextTable([.init(Phrase.planCustHeadColumn.text()), .init(Phrase.planCustHeadType.text()),
                                       .init(Phrase.planCustHeadSpellings.text()), .init(Phrase.planCustHeadRange.text())])
                for column in source.columns {
                    let spellings = source.values.first { $0.column == column.name }?.spellings
                        .map { "\($0.spelling)→\($0.standard)" }.joined(separator: ", ")
                    let range = source.ranges.first { $0.column == column.name }
                        .map { "\(Formatting.plain($0.range.lowerBound))–\(Formatting.plain($0.range.upperBound))" }
                    table.add([column.name, column.kind.rawValue, spellings ?? "-", range ?? "-"])
                }
                lines += table.rendered()
            }
            section(Phrase.planCustSectionCustomers.text(), lines)
        }
        // The days are worth showing whenever customers are judged by them, written or not.
        if plan.lifecycleFields != nil || plan.campaign.customers != nil || !plan.tags.isEmpty || !plan.tiers.isEmpty {
            let rules = plan.lifecycle
            section(Phrase.planCustSectionLifecycle.text(),
                    Phrase.planCustShowLifecycle.text(rules.newDays, rules.silentDays, rules.churnedDays) + "\n")
        }
        for (title, items) in [(Phrase.planCustSectionTags.text(), plan.tags.map { ($0.name, $0.rule) }),
                               (Phrase.planCustSectionTiers.text(), plan.tiers.map { ($0.name, $0.rule) })] where !items.isEmpty {
            var table = TextTable([.init(Phrase.planHeadName.text()), .init(Phrase.planHeadRule.text())])
            for (name, rule) in items { table.add([name, rule]) }
            section(title, table.rendered())
        }
        return out
    }

    static func customersJSON(_ source: CustomerSource?) -> JSONValue {
        guard let source else { return .null }
        return .object([
            ("file", .string(source.file)), ("id_column", .string(source.idColumn)), ("merge_on", .optional(source.mergeOn)),
            ("columns", .object(source.columns.map { ($0.name, .string($0.kind.rawValue)) })),
            ("values", .object(source.values.map { values in
                (values.column, .object(values.spellings.map { ($0.spelling, .string($0.standard)) }))
            })),
            ("ranges", .object(source.ranges.map { ($0.column, .array([.double($0.range.lowerBound), .double($0.range.upperBound)])) })),
        ])
    }

    /// The lifecycle days in effect (the defaults when the plan writes none), tags and tiers.
    static func customerRulesJSON(_ plan: Plan) -> [(String, JSONValue)] {
        [
            ("lifecycle", .object([("new_days", .int(plan.lifecycle.newDays)), ("silent_days", .int(plan.lifecycle.silentDays)),
                                   ("churned_days", .int(plan.lifecycle.churnedDays))])),
            ("tags", .array(plan.tags.map { .object([("name", .string($0.name)), ("rule", .string($0.rule))]) })),
            ("tiers", .array(plan.tiers.map { .object([("name", .string($0.name)), ("rule", .string($0.rule))]) })),
        ]
    }
}
