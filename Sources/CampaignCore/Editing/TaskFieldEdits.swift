import CampaignText

import Foundation

/// A task's owner and progress ("status": 0 not started, between: in
/// progress, 1 done — the plan file has no separate status key).
enum TaskFieldEdits {
    typealias EditError = PlanDocument.EditError

    static func owner(_ id: String, _ owner: String, _ context: EditContext) throws -> EditStep {
        let owner = owner.trimmingCharacters(in: .whitespaces)
        guard !owner.isEmpty else { throw EditError(message: Phrase.editOwnerNeedsName.text()) }
        let document = try context.document.setting(context.taskPath(id, "owner"), to: .text(owner))
        return EditStep(document: document, summary: Phrase.editOwner.text(id, owner), subject: id)
    }

    static func progress(_ id: String, _ progress: Double, _ context: EditContext) throws -> EditStep {
        guard progress.isFinite, (0...1).contains(progress) else {
            throw EditError(message: Phrase.checkEditProgressRange.text(Phrase.checkEditProgressWord.text()))
        }
        let document = try context.document.setting(context.taskPath(id, "progress"), to: .literal(Formatting.plain(progress)))
        let summary = progress >= 1 ? Phrase.editDone.text(id) : progress == 0 ? Phrase.editNotStarted.text(id)
            : Phrase.editProgress.text(id, Int((progress * 100).rounded()))
        return EditStep(document: document, summary: summary, subject: id)
    }
}
