import CampaignText

import Foundation

/// A segment's name, persona traits, budget share and rule.
enum SegmentEdits {
    typealias EditError = PlanDocument.EditError

    static func set(_ id: String, _ field: PlanEdit.SegmentField, _ value: String, _ context: EditContext) throws -> EditStep {
        guard let index = context.plan.segments.firstIndex(where: { $0.id == id }) else {
            throw EditError(message: Phrase.editNoSegment.text(id))
        }
        let value = value.trimmingCharacters(in: .whitespaces)
        let path: [PlanDocument.PathComponent] = [.key("segments"), .index(index)]
        let document: PlanDocument
        switch field {
        case .name:
            guard !value.isEmpty else { throw EditError(message: Phrase.editSegmentNeedsName.text()) }
            document = try context.document.setting(path + [.key("name")], to: .text(value))
        case .persona:
            if context.plan.segments[index].persona == nil {
                let traits = YAMLScalarText.render(text: value, inFlow: true)
                document = try context.document.setting(path + [.key("persona")], to: .literal("{ traits: \(traits) }"))
            } else {
                document = try context.document.setting(path + [.key("persona"), .key("traits")], to: .text(value))
            }
        case .budgetShare:
            let share = try PercentText.fraction(value, what: Phrase.checkEditBudgetShare.text())
            document = try context.document.setting(path + [.key("budget_share")], to: .literal(Formatting.plain(share)))
        case .rule:
            if let error = ExpressionCheck.segmentRule(value, plan: context.plan) {
                throw EditError(message: Phrase.checkEditRuleError.text(error.column, error.message))
            }
            document = try context.document.setting(path + [.key("rule")], to: .text(value))
        }
        return EditStep(document: document, summary: Phrase.editSegmentSet.text(id, field.title))
    }
}

/// An alert's threshold (a number or an expression over benchmarks), `for` and `min_volume`.
enum AlertEdits {
    typealias EditError = PlanDocument.EditError

    static func set(_ index: Int, _ field: PlanEdit.AlertField, _ value: String, _ context: EditContext) throws -> EditStep {
        guard context.plan.alerts.indices.contains(index) else { throw EditError(message: Phrase.checkEditNoAlertNumber.text(index + 1)) }
        let alert = context.plan.alerts[index]
        let value = value.trimmingCharacters(in: .whitespaces)
        let path: [PlanDocument.PathComponent] = [.key("alerts"), .index(index)]
        let document: PlanDocument
        switch field {
        case .threshold:
            if let error = ExpressionCheck.threshold(value, plan: context.plan) {
                throw EditError(message: Phrase.checkEditThresholdError.text(error.column, error.message))
            }
            let written: PlanDocument.Value = Double(value) != nil ? .literal(value) : .text(value)
            // A baseline rule's threshold is its z, under `below_usual:`/`above_usual:`.
            let key = alert.direction.rawValue + (alert.usual == nil ? "" : "_usual")
            document = try context.document.setting(path + [.key(key)], to: written)
        case .forDuration:
            // `10m` or `0` unquoted, as people write them; anything else as text
            // (the validator then says what a duration looks like).
            let isPlainDuration = value.range(of: "^[0-9]+[smh]?$", options: .regularExpression) != nil
            document = try context.document.setting(path + [.key("for")], to: isPlainDuration ? .literal(value) : .text(value))
        case .minVolume:
            guard let volume = Int(value), volume >= 0 else {
                throw EditError(message: Phrase.checkEditMinVolume.text("min_volume", value))
            }
            document = try context.document.setting(path + [.key("min_volume")], to: .literal(String(volume)))
        }
        return EditStep(document: document, summary: Phrase.editAlertSet.text(alert.name, field.title, value))
    }
}

/// "35%", "35 %" or "0.35" → 0.35, for shares and progress typed by hand.
public enum PercentText {
    public static func fraction(_ text: String, what: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isPercent = trimmed.hasSuffix("%")
        let number = isPercent ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        guard let value = Double(number), value.isFinite else {
            throw PlanDocument.EditError(message: Phrase.checkEditNotFraction.text(what, text))
        }
        let fraction = isPercent ? value / 100 : value
        guard (0...1).contains(fraction) else {
            throw PlanDocument.EditError(message: Phrase.checkEditFractionRange.text(what, text))
        }
        return fraction
    }
}
