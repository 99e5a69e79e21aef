import CampaignText
import CampaignCore

/// What Enter does with a prompt's text (the `:` commands that take a
/// task's owner, progress or dependency answer the same prompts).
enum PromptAnswer {
    /// An answer is taken (with the effects it asks for) or, for a plan edit
    /// the editor refused or a number that did not parse, refused: then the
    /// prompt or command line stays open with the text.
    enum Outcome: Equatable {
        case accepted([DeckEffect])
        case refused
    }

    static func submit(_ purpose: Prompt.Purpose, _ text: String, _ state: inout DeckState) -> Outcome {
        switch purpose {
        case .anomalyOwner(let id), .anomalyNote(let id):
            guard !text.isEmpty else {
                state.message = Phrase.promptNothingEntered.text()
                return .accepted([])
            }
            if case .anomalyOwner = purpose {
                state.message = Phrase.promptAssigned.text(id, text)
                return .accepted([.assignOwner(anomalyID: id, owner: text)])
            }
            state.message = Phrase.promptNoteAdded.text(id)
            return .accepted([.addNote(anomalyID: id, text: text)])
        case .taskOwner(let id):
            return edit(.setOwner(taskID: id, owner: text), selecting: id, &state)
        case .taskProgress(let id):
            do {
                // "40" means 40 %: nobody types 0.4 as "0.4 %".
                let number = Double(text).map { $0 > 1 ? "\(text)%" : text } ?? text
                return edit(.setProgress(taskID: id, progress: try PercentText.fraction(number, what: "progress")), selecting: id, &state)
            } catch {
                state.message = "\(error)"
                return .refused
            }
        case .newTask(let after):
            return NewTaskAnswer.submit(text, after: after, &state)
        case .addDependency(let id), .removeDependency(let id):
            // A name works as well as an id (`素材审核+2d`), as on the `:` line.
            let other: String
            do throws(CommandLineError) {
                other = try CommandArguments.dependency(text, among: PlanNames(.task, in: state.plan))
            } catch {
                state.message = text.isEmpty ? Phrase.promptNothingEntered.text() : error.message
                return text.isEmpty ? .accepted([]) : .refused
            }
            if case .addDependency = purpose { return edit(.addDependency(taskID: id, waitsFor: other), selecting: id, &state) }
            return edit(.removeDependency(taskID: id, waitsFor: other), selecting: id, &state)
        case .segment(let id, let field):
            return edit(.setSegment(id: id, field: field, value: text), &state)
        case .alert(let index, let field):
            state.overlay = .alertEditor(selected: index)
            return edit(.setAlert(index: index, field: field, value: text), &state)
        case .saveAs:
            return .accepted(PlanSaving.saveAs(text, &state))
        case .silenceRule(let scope, let rules):
            return Silencing.chooseRule(text, scope: scope, rules: rules, &state)
        case .silenceDuration(let target):
            return Silencing.duration(text, target, &state)
        case .silenceComment(let target, let duration):
            return Silencing.comment(text, target, duration: duration, &state)
        }
    }

    static func edit(_ edit: PlanEdit, selecting taskID: String? = nil, _ state: inout DeckState) -> Outcome {
        PlanEditing.edit(edit, selecting: taskID, &state) == .applied ? .accepted([]) : .refused
    }
}
