import CampaignText

/// The kinds of customer rule a plan holds: each may read different names.
public enum PlanRuleContext: Sendable, Hashable, CaseIterable {
    case segment, tag, tier
}

/// A name a customer rule may read and what it holds, for a checker that
/// knows types (text compared with text, `"x" in tags`).
public struct PlanRuleName: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case number, text, set }
    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// One place that says which names each kind of customer rule may read.
/// Tags are decided first, from fields alone; tiers next, and may read the
/// tags; segments last, and may read both. So no rule reads what is decided
/// after it, and none reads itself.
public enum PlanRuleNames {
    /// The names a rule of `context` may read in `plan`, each once: the
    /// customer fields, `benchmark.*`, the declared customer columns, and
    /// `tags`/`tier` where the order above allows and the plan declares them.
    public static func names(for context: PlanRuleContext, in plan: Plan) -> [PlanRuleName] {
        var names = Vocabulary.customerFields.map { PlanRuleName($0, .number) }
        names += Vocabulary.customerFieldsExtended.map {
            PlanRuleName($0, Vocabulary.customerTextFields.contains($0) ? .text : .number)
        }
        names += plan.campaign.benchmarks.map { PlanRuleName(Vocabulary.benchmarkName($0.name), .number) }
        for column in plan.campaign.customers?.columns ?? [] {
            names.append(PlanRuleName(column.name, column.kind == .number ? .number : .text))
        }
        if context != .tag, !plan.tags.isEmpty { names.append(PlanRuleName(Vocabulary.tagsField, .set)) }
        if context == .segment, !plan.tiers.isEmpty { names.append(PlanRuleName(Vocabulary.tierField, .text)) }
        // A column named like a field is refused (PlanCustomerChecks); the field stands.
        var seen = Set<String>()
        return names.filter { seen.insert($0.name).inserted }
    }

    /// The same names with the types the rule checker needs: `tags` is a set
    /// whose members are the plan's tag names.
    public static func fieldTypes(for context: PlanRuleContext, in plan: Plan) -> [String: RuleFieldType] {
        var fields: [String: RuleFieldType] = [:]
        for name in names(for: context, in: plan) {
            switch name.kind {
            case .number: fields[name.name] = .number
            case .text: fields[name.name] = .text
            case .set: fields[name.name] = .set(members: plan.tags.map(\.name))
            }
        }
        return fields
    }

    /// Names a rule of `context` may not read, each with why: better than
    /// "unknown name" for a name the planner has seen work elsewhere.
    static func refused(for context: PlanRuleContext, in plan: Plan) -> [String: String] {
        let tags = Vocabulary.tagsField, tier = Vocabulary.tierField
        let noTags = Phrase.planCustNoSection.text(tags, "tags"), noTiers = Phrase.planCustNoSection.text(tier, "tiers")
        switch context {
        case .tag:
            return [tags: Phrase.planCustTagReadsTags.text(tags), tier: Phrase.planCustTagReadsTier.text(tier, tags)]
        case .tier:
            var refused = [tier: Phrase.planCustTierReadsTier.text(tier)]
            if plan.tags.isEmpty { refused[tags] = noTags }
            return refused
        case .segment:
            var refused: [String: String] = [:]
            if plan.tags.isEmpty { refused[tags] = noTags }
            if plan.tiers.isEmpty { refused[tier] = noTiers }
            return refused
        }
    }

    /// The values a text or set name can take when the plan alone knows them
    /// all: tag names for `tags`, tier names for `tier`, the stages for
    /// `lifecycle`, and the standard values of a declared text column whose
    /// spellings are fixed (`gender`: 女, 男); nil where the data decides. For
    /// a typed checker to refuse `tier == "gld"` with "did you mean".
    public static func knownValues(of name: String, in plan: Plan) -> [String]? {
        switch name {
        case Vocabulary.tagsField: return plan.tags.map(\.name)
        case Vocabulary.tierField: return plan.tiers.map(\.name)
        case "lifecycle": return Lifecycle.allCases.map(\.rawValue)
        default:
            guard let source = plan.campaign.customers, source.column(name)?.kind == .text,
                  let spellings = source.cleaning.spellings[name] else { return nil }
            return Set(spellings.values).sorted()
        }
    }

    /// Fields and names no customer column may take: a column `frequency`
    /// would leave rules unable to say which of the two they mean.
    static var reservedForColumns: Set<String> {
        Set(Vocabulary.customerFields + Vocabulary.customerFieldsExtended + [Vocabulary.tagsField, Vocabulary.tierField])
    }
}
