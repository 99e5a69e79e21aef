import CampaignCore
import CampaignText

/// The plan fields a prompt edits, as a person reads them; the plan file
/// keeps its own keys (`budget_share`, `min_volume`).
enum FieldWords {
    static func segment(_ field: PlanEdit.SegmentField) -> String {
        switch field {
        case .name: return Phrase.fieldName.text()
        case .persona: return Phrase.fieldPersona.text()
        case .budgetShare: return Phrase.fieldBudgetShare.text()
        case .rule: return Phrase.fieldRule.text()
        }
    }

    static func alert(_ field: PlanEdit.AlertField) -> String {
        switch field {
        case .threshold: return Phrase.fieldThreshold.text()
        case .forDuration: return Phrase.fieldFor.text()
        case .minVolume: return Phrase.fieldMinVolume.text()
        }
    }
}
