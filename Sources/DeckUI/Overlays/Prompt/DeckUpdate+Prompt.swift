import CampaignCore
import Foundation

/// Typing into a prompt and what Enter does with the text.
extension DeckUpdate {
    static func editPrompt(_ key: Key, _ prompt: Prompt, _ state: inout DeckState) -> [DeckEffect] {
        var prompt = prompt
        switch key {
        case .escape:
            state.overlay = nil
            state.message = "cancelled"
            return []
        case .enter:
            state.overlay = nil
            let effects = submit(prompt.purpose, prompt.text.trimmingCharacters(in: .whitespaces), &state)
            // A refused plan edit keeps the prompt open with the text, so a
            // rule with a typo is fixed rather than typed again.
            if state.lastEditFailed, prompt.purpose.isPlanEdit { state.overlay = .prompt(prompt) }
            return effects
        default:
            _ = LineEditing.apply(key, to: &prompt.text)
        }
        state.overlay = .prompt(prompt)
        return []
    }

    /// What Enter does with a prompt's text (the `:` commands that take a
    /// task's owner, progress or dependency answer the same prompts).
    static func submit(_ purpose: Prompt.Purpose, _ text: String, _ state: inout DeckState) -> [DeckEffect] {
        switch purpose {
        case .anomalyCause(let id):
            state.overlay = .prompt(Prompt(.anomalyAction(id, cause: text)))
        case .anomalyAction(let id, let cause):
            state.message = "#\(id) resolved"
            return [.resolve(anomalyID: id, cause: cause.isEmpty ? nil : cause, action: text.isEmpty ? nil : text)]
        case .anomalyOwner(let id), .anomalyNote(let id):
            guard !text.isEmpty else {
                state.message = "nothing entered"
                return []
            }
            if case .anomalyOwner = purpose {
                state.message = "#\(id) assigned to \(text)"
                return [.assignOwner(anomalyID: id, owner: text)]
            }
            state.message = "note added to #\(id)"
            return [.addNote(anomalyID: id, text: text)]
        case .taskOwner(let id):
            edit(.setOwner(taskID: id, owner: text), selecting: id, &state)
        case .taskProgress(let id):
            do {
                // "40" means 40 %: nobody types 0.4 as "0.4 %".
                let number = Double(text).map { $0 > 1 ? "\(text)%" : text } ?? text
                edit(.setProgress(taskID: id, progress: try PercentText.fraction(number, what: "progress")), selecting: id, &state)
            } catch {
                // Like a refused edit: the prompt (or command line) stays open to fix the number.
                state.lastEditFailed = true
                state.message = "\(error)"
            }
        case .newTask(let after):
            let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
            guard let id = parts.first else {
                state.message = "nothing entered"
                return []
            }
            edit(.addTask(id: id, name: parts.count > 1 ? parts[1] : id, afterTask: after), selecting: id, &state)
        case .addDependency(let id):
            edit(.addDependency(taskID: id, waitsFor: text), selecting: id, &state)
        case .removeDependency(let id):
            edit(.removeDependency(taskID: id, waitsFor: text), selecting: id, &state)
        case .segment(let id, let field):
            edit(.setSegment(id: id, field: field, value: text), &state)
        case .alert(let index, let field):
            state.overlay = .alertEditor(selected: index)
            edit(.setAlert(index: index, field: field, value: text), &state)
        case .saveAs:
            guard !text.isEmpty, let document = state.editor?.document else {
                state.message = "not saved: no file name"
                return []
            }
            state.message = "saving…"
            state.saveAsAttempt = text
            return [.savePlanAs(path: text, text: document.text)]
        }
        return []
    }
}

extension Prompt.Purpose {
    /// Whether Enter applies a plan edit (as opposed to an anomaly change or a save).
    var isPlanEdit: Bool {
        switch self {
        case .taskOwner, .taskProgress, .newTask, .addDependency, .removeDependency, .segment, .alert: return true
        case .anomalyOwner, .anomalyNote, .anomalyCause, .anomalyAction, .saveAs: return false
        }
    }

    /// The task a task prompt is about, if it is one.
    var taskID: String? {
        switch self {
        case .taskOwner(let id), .taskProgress(let id), .newTask(after: let id), .addDependency(let id), .removeDependency(let id):
            return id
        case .anomalyOwner, .anomalyNote, .anomalyCause, .anomalyAction, .segment, .alert, .saveAs: return nil
        }
    }
}
