import CampaignCore
@testable import DeckUI

/// Drives the dashboard the way a user does: every key through `DeckUpdate.apply`.
enum KeyTyping {
    /// The built-in demo plan, editable, as the dashboard opens it on a file.
    static func editableDemo() -> DeckState {
        let document = PlanDocument(text: DemoCampaign.planText())
        let plan = document.plan!
        return DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)),
                         editor: PlanEditHistory(document: document, savedText: document.text))
    }

    @discardableResult
    static func press(_ keys: Key..., in state: inout DeckState) -> [DeckEffect] {
        keys.flatMap { DeckUpdate.apply(.key($0), to: &state) }
    }

    /// Each character as its own key press, as a terminal delivers typing.
    @discardableResult
    static func type(_ text: String, in state: inout DeckState) -> [DeckEffect] {
        text.flatMap { DeckUpdate.apply(.key(.character($0)), to: &state) }
    }

    /// `:` + the command + Enter.
    @discardableResult
    static func command(_ text: String, in state: inout DeckState) -> [DeckEffect] {
        press(.character(":"), in: &state) + type(text, in: &state) + press(.enter, in: &state)
    }

    /// The open prompt, if one is open.
    static func prompt(_ state: DeckState) -> Prompt? {
        if case .prompt(let prompt)? = state.overlay { return prompt }
        return nil
    }

    /// The text on the open `/` or `:` line ("" when none is open).
    static func lineText(_ state: DeckState) -> String {
        if case .inputLine(let line)? = state.overlay { return line.text }
        return ""
    }

    /// A plan from YAML text, editable as the dashboard opens a file.
    static func editable(_ text: String) -> DeckState {
        let document = PlanDocument(text: text)
        let plan = document.plan!
        return DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)),
                         editor: PlanEditHistory(document: document, savedText: document.text))
    }

    /// The id of the selected Gantt task.
    static func selectedTask(_ state: DeckState) -> String { state.plan.tasks[state.selected(.gantt)].id }

    static func visibleTasks(_ state: DeckState) -> [String] { state.visibleRows(.gantt).map { state.plan.tasks[$0].id } }

    static func screen(_ state: DeckState, columns: Int = 120, rows: Int = 40) -> String {
        DeckRenderer.render(state, columns: columns, rows: rows).lines().joined(separator: "\n")
    }

    /// The plan text `edit` gives on the untouched demo, computed without the dashboard.
    static func demoText(after edit: PlanEdit) throws -> String {
        try PlanEditor.apply(edit, to: PlanDocument(text: DemoCampaign.planText())).document.text
    }
}
