import CampaignText
import Yams

/// Reading `campaign.customers`, `lifecycle`, `tags` and `tiers`. What can be
/// judged inside one mapping is judged here (a column type, a range, the
/// order of the lifecycle days); names shared between elements and rules are
/// `PlanCustomerChecks`' work.
extension PlanNodeReader {
    static let customersWhat = "'customers'"
    /// In backticks: typed as it is in any language.
    static let customersExample = "`{ file: customers.csv, columns: { age: number } }`"

    /// `customers: customers.csv` or the full mapping.
    func customerSource(_ node: Node) -> CustomerSource? {
        if case .scalar(let scalar) = node {
            guard !scalar.string.isEmpty else {
                sink.error(node.location, Phrase.planCustEmpty.text("customers", "'campaign'"))
                return nil
            }
            return CustomerSource(fields: FieldLocations(element: node.location, values: ["file": node.location]),
                                  file: scalar.string)
        }
        guard case .mapping = node else {
            sink.error(node.location, Phrase.planCustSourceKind.text("customers", "campaign", Self.customersExample, node.kindDescription))
            return nil
        }
        let what = Self.customersWhat
        guard let fields = YAMLFields(node, what: what, allowed: ["file", "id_column", "merge_on", "columns", "values", "ranges"],
                                      sink: sink) else { return nil }
        let file = nonEmpty("file", in: fields, required: true, what: what)
        let idColumn = nonEmpty("id_column", in: fields, required: false, what: what) ?? CustomerSource.defaultIDColumn
        // Names declared with a type that could not be read still count as
        // declared, so one bad type is one message, not one per mention.
        let (columns, declared) = fields.value("columns").map { customerColumns($0, idColumn: idColumn) } ?? ([], [])
        let mergeOn = nonEmpty("merge_on", in: fields, required: false, what: what)
        if let mergeOn, !declared.contains(mergeOn) {
            sink.error(fields.location(of: "merge_on"), unknownColumn(mergeOn, key: "merge_on", what: what, declared: declared))
        }
        let values = fields.value("values").map { customerSpellings($0, columns: columns, declared: declared) } ?? []
        let ranges = fields.value("ranges").map { customerRanges($0, columns: columns, declared: declared) } ?? []
        return CustomerSource(fields: FieldLocations(element: node.location, values: fields.valueLocations),
                              file: file ?? "", idColumn: idColumn, mergeOn: mergeOn, columns: columns,
                              values: values, ranges: ranges)
    }

    /// A text value that must not be empty: the empty path or column name is a slip, not a choice.
    private func nonEmpty(_ key: String, in fields: YAMLFields, required: Bool, what: String) -> String? {
        guard let text = fields.string(key, required: required, what: what) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            sink.error(fields.location(of: key), Phrase.planCustEmpty.text(key, what))
            return nil
        }
        return text
    }

    /// "'merge_on' in 'customers' names column 'phon', which 'columns' does not declare (did you mean 'phone'?)".
    private func unknownColumn(_ name: String, key: String, what: String, declared names: [String]) -> String {
        var hint = Suggestion.hint(for: name, among: names)
        if hint.isEmpty, !names.isEmpty { hint = Phrase.checkKnownList.text(names.joined(separator: Phrase.checkListSeparator.text())) }
        return Phrase.planCustUnknownColumn.text(key, what, name, hint, "columns")
    }

    /// The entries of a mapping with plain-word keys; anything else is reported.
    private func entries(_ node: Node, what: String) -> [(name: String, key: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            sink.error(node.location, Phrase.checkNotMapping.text(what, node.kindDescription))
            return []
        }
        return mapping.compactMap { key, value in
            guard case .scalar(let scalar) = key else {
                sink.error(key.location, Phrase.checkKeysPlainWords.text(what))
                return nil
            }
            return (scalar.string, key, value)
        }
    }

    /// The columns read, and every name declared (a column whose type is unreadable included).
    private func customerColumns(_ node: Node, idColumn: String) -> ([CustomerColumn], [String]) {
        let what = Phrase.checkKeyOf.text("columns", Self.customersWhat)
        let kinds = CustomerColumn.Kind.allCases.map(\.rawValue)
        var columns: [CustomerColumn] = [], declared: [String] = []
        for (name, key, value) in entries(node, what: what) {
            if name != idColumn { declared.append(name) }
            guard case .scalar(let scalar) = value, !value.isNull else {
                sink.error(value.location, Phrase.checkWrongKind.text(name, what, YAMLFields.Expected.word.description, value.kindDescription))
                continue
            }
            guard let kind = CustomerColumn.Kind(rawValue: scalar.string) else {
                sink.error(value.location, Phrase.checkNotOneOf.text(name, what, kinds.joined(separator: Phrase.checkListSeparator.text()),
                                                                     scalar.string, Suggestion.hint(for: scalar.string, among: kinds)))
                continue
            }
            if name == idColumn {
                sink.error(key.location, Phrase.planCustIDColumnDeclared.text(name, "id_column", "columns"))
                continue
            }
            columns.append(CustomerColumn(name: name, kind: kind, location: key.location))
        }
        return (columns, declared)
    }

    private func customerSpellings(_ node: Node, columns: [CustomerColumn], declared: [String]) -> [CustomerSpellings] {
        let what = Phrase.checkKeyOf.text("values", Self.customersWhat)
        var found: [CustomerSpellings] = []
        for (name, key, value) in entries(node, what: what) {
            guard declared.contains(name) else {
                sink.error(key.location, unknownColumn(name, key: "values", what: Self.customersWhat, declared: declared))
                continue
            }
            guard let column = columns.first(where: { $0.name == name }) else { continue }
            guard column.kind == .text else {
                sink.error(key.location, Phrase.planCustValuesOnNumber.text("values", name, "number"))
                continue
            }
            var spellings: [CustomerSpellings.Spelling] = []
            var seen: [String: String] = [:]
            for (spelling, spellingKey, standardNode) in entries(value, what: Phrase.checkKeyOf.text(name, what)) {
                guard case .scalar(let standard) = standardNode, !standardNode.isNull,
                      !standard.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    sink.error(standardNode.location, Phrase.planCustSpellingNotText.text(spelling, name, standardNode.kindDescription))
                    continue
                }
                // The file's values are matched ignoring case, so `M` and `m`
                // are one spelling: two meanings for it would be a coin toss.
                if let earlier = seen[spelling.lowercased()], earlier != standard.string {
                    sink.error(spellingKey.location, Phrase.planCustSpellingClash.text(spelling, name, earlier, standard.string))
                    continue
                }
                seen[spelling.lowercased()] = standard.string
                spellings.append(.init(spelling: spelling, standard: standard.string))
            }
            found.append(CustomerSpellings(column: name, spellings: spellings, location: key.location))
        }
        return found
    }

    private func customerRanges(_ node: Node, columns: [CustomerColumn], declared: [String]) -> [CustomerColumnRange] {
        let what = Phrase.checkKeyOf.text("ranges", Self.customersWhat)
        var found: [CustomerColumnRange] = []
        for (name, key, value) in entries(node, what: what) {
            guard declared.contains(name) else {
                sink.error(key.location, unknownColumn(name, key: "ranges", what: Self.customersWhat, declared: declared))
                continue
            }
            guard let column = columns.first(where: { $0.name == name }) else { continue }
            guard column.kind == .number else {
                sink.error(key.location, Phrase.planCustRangeOnText.text("ranges", name, "text"))
                continue
            }
            let bounds: [Double]
            if case .sequence(let items) = value {
                bounds = items.compactMap { item in
                    guard case .scalar(let scalar) = item, scalar.style == .plain else { return nil }
                    return YAMLNumbers.double(scalar.string)
                }
                guard items.count == 2, bounds.count == 2 else {
                    sink.error(value.location, Phrase.planCustRangeMalformed.text(name, "[0, 120]", value.kindDescription))
                    continue
                }
            } else {
                sink.error(value.location, Phrase.planCustRangeMalformed.text(name, "[0, 120]", value.kindDescription))
                continue
            }
            guard bounds[0] <= bounds[1] else {
                sink.error(value.location, Phrase.planCustRangeReversed.text(name, Formatting.plain(bounds[0]), Formatting.plain(bounds[1])))
                continue
            }
            found.append(CustomerColumnRange(column: name, range: bounds[0]...bounds[1], location: value.location))
        }
        return found
    }

    /// `lifecycle: { new_days, silent_days, churned_days }`: whole days up to
    /// ten years, each stage's days no more than the next's (otherwise a stage
    /// of the decision table could never be reached).
    func lifecycle(_ node: Node) -> (Lifecycle.Rules, FieldLocations)? {
        let what = "'lifecycle'"
        let keys = ["new_days", "silent_days", "churned_days"]
        guard let fields = YAMLFields(node, what: what, allowed: keys, sink: sink) else { return nil }
        let defaults = Lifecycle.Rules()
        let defaultDays = [defaults.newDays, defaults.silentDays, defaults.churnedDays]
        var days = defaultDays
        var written = [false, false, false]
        for (index, key) in keys.enumerated() {
            if let value = fields.integer(key, what: what, minimum: 0, maximum: PlanLimits.maximumSpanDays,
                                          limitText: Phrase.checkTenYears.text()) {
                days[index] = value
                written[index] = true
            }
        }
        for (earlier, later) in [(0, 1), (1, 2)] where days[earlier] > days[later] {
            // Point at the one the planner wrote: the later, unless only the earlier is written.
            guard written[earlier] || written[later] else { continue }
            let at = written[later] ? keys[later] : keys[earlier]
            let note = { (index: Int) in written[index] ? "" : Phrase.planCustDefaultNote.text() }
            sink.error(fields.location(of: at), Phrase.planCustLifecycleOrder.text(
                keys[earlier], "\(days[earlier])\(note(earlier))", keys[later], "\(days[later])\(note(later))",
                keys[0], keys[1], keys[2]))
            // One message per plan: the other pairs follow from the same slip.
            break
        }
        let rules = Lifecycle.Rules(newDays: days[0], silentDays: days[1], churnedDays: days[2])
        return (rules, FieldLocations(element: node.location, values: fields.valueLocations))
    }

    func tag(_ node: Node) -> CustomerTag? {
        guard let (fields, name, rule) = namedRule(node, kind: .tag) else { return nil }
        return CustomerTag(fields: FieldLocations(element: fields.location(of: "name"), values: fields.valueLocations),
                           name: name, rule: rule, ruleLocation: fields.textStart("rule") ?? fields.location)
    }

    func tier(_ node: Node) -> CustomerTier? {
        guard let (fields, name, rule) = namedRule(node, kind: .tier) else { return nil }
        return CustomerTier(fields: FieldLocations(element: fields.location(of: "name"), values: fields.valueLocations),
                            name: name, rule: rule, ruleLocation: fields.textStart("rule") ?? fields.location)
    }

    /// `{ name, rule }`, both required; the name's content is judged with the others' (duplicates).
    private func namedRule(_ node: Node, kind: PlanElementKind) -> (YAMLFields, String, String)? {
        let what = YAMLFields.describe(kind, node, key: "name")
        guard let fields = YAMLFields(node, what: what, allowed: ["name", "rule"], sink: sink),
              let name = fields.string("name", required: true, what: what) else { return nil }
        let rule = fields.string("rule", required: true, what: what) ?? "true"
        return (fields, name, rule)
    }
}
