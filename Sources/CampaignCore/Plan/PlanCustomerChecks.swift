import CampaignText

/// Checks of the plan's customer sections across elements: column names a
/// rule can read, tag and tier names, their rules, and tiers whose
/// thresholds do not rise.
enum PlanCustomerChecks {
    static func check(_ plan: Plan) -> [Diagnostic] {
        columns(plan) + names(.tag, plan.tags.map { ($0.name, $0.location) })
            + names(.tier, plan.tiers.map { ($0.name, $0.location) }) + tierOrder(plan.tiers)
    }

    /// Tag and tier rules, as segment rules are checked (called by `PlanRuleChecks`).
    static func rules(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for tag in plan.tags {
            _ = PlanRuleChecks.customerRule(tag.rule, at: tag.ruleLocation, context: .tag, in: plan,
                                            subject: Phrase.planCustSubjectTagRule.text(tag.name), into: &found)
        }
        for tier in plan.tiers {
            _ = PlanRuleChecks.customerRule(tier.rule, at: tier.ruleLocation, context: .tier, in: plan,
                                            subject: Phrase.planCustSubjectTierRule.text(tier.name), into: &found)
        }
        return found
    }

    /// A declared column is declared so rules can read it: its name must be one
    /// a rule can write, and neither a word of the rule language nor a field.
    private static func columns(_ plan: Plan) -> [Diagnostic] {
        guard let source = plan.campaign.customers else { return [] }
        let standard = AttributeCleaning.standard
        // `in` joins the rule language with sets; a column named so could never be read.
        let keywords = RuleKeywords.all + ["in"].filter { !RuleKeywords.all.contains($0) }
        var found: [Diagnostic] = []
        for column in source.columns {
            let name = column.name, at = column.location
            if keywords.contains(name) {
                found.append(.error(at, Phrase.planCustColumnIsKeyword.text(name, keywords.map { "'\($0)'" }.joined(separator: Phrase.checkListSeparator.text()))))
            } else if !isRuleName(name) {
                found.append(.error(at, Phrase.planCustColumnNotRuleName.text(ControlCharacters.escaped(name))))
            } else if PlanRuleNames.reservedForColumns.contains(name) {
                found.append(.error(at, Phrase.planCustColumnShadowsField.text(name)))
            } else if column.kind == .number, let spellings = standard.spellings[name] {
                // The standard turns `1` into 男: a number column would receive text.
                found.append(.error(at, Phrase.planCustStandardIsText.text(name, Set(spellings.values).sorted().joined(separator: "/"), "text")))
            } else if column.kind == .text, let range = standard.ranges[name] {
                found.append(.error(at, Phrase.planCustStandardIsNumber.text(name, Formatting.plain(range.lowerBound),
                                                                            Formatting.plain(range.upperBound), "number")))
            }
        }
        return found
    }

    /// What the rule lexer reads as one name: letters of any script, digits
    /// and `_`, not starting with a digit (no dots: those are `benchmark.*`).
    static func isRuleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Tag and tier names are what rules and reports call them (`"vip" in
    /// tags`, `tier == "gold"`): not empty, no control characters, no stray
    /// spaces, no double quote (rules write names in double quotes), no `;`
    /// (the CSV output's tag separator; tiers follow the same rule so one
    /// name is valid for both), unique.
    private static func names(_ kind: PlanElementKind, _ items: [(name: String, location: SourceLocation)]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for (name, location) in items {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                found.append(.error(location, Phrase.planCustEmpty.text("name", kind.unnamed)))
                continue
            }
            if ControlCharacters.containsUnsafe(name) {
                found.append(.error(location, Phrase.planCustNameControl.text(kind.noun, ControlCharacters.escaped(name))))
            } else if name.contains("\"") {
                found.append(.error(location, Phrase.planCustNameQuote.text(kind.noun, name)))
            } else if name.contains(";") {
                // `segment --format csv` joins a customer's tags with `;`: a name holding one could not be
                // split back. Refused rather than escaped, since no spreadsheet reads a home-made escape.
                found.append(.error(location, Phrase.intakeNameSemicolon.text(kind.noun, name)))
            } else if name.trimmingCharacters(in: .whitespaces) != name {
                found.append(.error(location, Phrase.planCustNameSpaces.text(kind.noun, name)))
            }
            if let first = seen[name] {
                found.append(.error(location, Phrase.planCustDuplicateName.text(kind.noun, ControlCharacters.escaped(name), first.line)))
            } else {
                seen[name] = location
            }
        }
        return found
    }

    /// Tiers go low → high and a customer gets the highest that matches, so a
    /// tier whose `FIELD >= NUMBER` starts no higher than an earlier tier's on
    /// the same field takes all of that tier's customers: likely a slip in
    /// the order, so a warning rather than an error.
    private static func tierOrder(_ tiers: [CustomerTier]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var previous: [String: (tier: String, threshold: Threshold)] = [:]
        for tier in tiers {
            guard let threshold = Threshold(tier.rule) else { continue }
            if let earlier = previous[threshold.field], !(threshold.isAbove(earlier.threshold)) {
                found.append(.warning(tier.ruleLocation, Phrase.planCustTierOrder.text(
                    tier.name, earlier.tier, threshold.field, threshold.text, earlier.threshold.text)))
            }
            previous[threshold.field] = (tier.name, threshold)
        }
        return found
    }

    /// A rule of the form `FIELD >= NUMBER` or `FIELD > NUMBER`.
    struct Threshold {
        var field: String
        var value: Double
        var isStrict: Bool

        init?(_ rule: String) {
            guard let expression = try? RuleExpression.parse(rule),
                  case .binary(let op, let left, let right) = expression.root.kind,
                  op == .greaterOrEqual || op == .greater,
                  case .name(let field) = left.kind, let value = Self.number(right) else { return nil }
            (self.field, self.value, self.isStrict) = (field, value, op == .greater)
        }

        private static func number(_ node: RuleNode) -> Double? {
            switch node.kind {
            case .number(let value): return value
            case .unary(.negate, let operand): return number(operand).map { -$0 }
            default: return nil
            }
        }

        /// Whether this tier starts strictly above `other` (`> 500` is above `>= 500`).
        func isAbove(_ other: Threshold) -> Bool {
            value > other.value || (value == other.value && isStrict && !other.isStrict)
        }

        var text: String { (isStrict ? ">" : ">=") + " " + Formatting.plain(value) }
    }
}
