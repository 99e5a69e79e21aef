import CampaignText
import CampaignCore

/// The dashboard's one state-changing function (the Bubble Tea lesson): an
/// action in, a new state and the effects to run out. Pure, so every key can
/// be tested without a terminal. It only routes: a key goes to the open
/// view, then the focused pane, then the global commands; what each does is
/// in its unit.
public enum DeckUpdate {
    public static func apply(_ action: DeckAction, to state: inout DeckState) -> [DeckEffect] {
        let effects = changes(for: action, &state)
        // Once the user turns to the Gantt, its selection is theirs: it no
        // longer moves with today under their keys.
        if state.focus == .gantt { state.gantt.rowsFollowToday = false }
        // Whatever changed the rows (new data, an edit, a filter), the selection
        // stays on a row that is on screen.
        state.keepSelectionsVisible()
        return effects
    }

    private static func changes(for action: DeckAction, _ state: inout DeckState) -> [DeckEffect] {
        switch action {
        case .key(let key):
            let before = state.editor?.document.text
            let wasWalkingThrough = state.isInWalkthrough
            var effects = handle(key, &state)
            // The editor parsed the edited text already: the live side takes that plan, not the text.
            if let after = state.editor?.document, after.text != before, let version = PlanVersion(after) {
                effects.append(.planEdited(version))
            }
            // However the walkthrough closed (Esc, n past the end, 1-4, `:`), the app stops building the agenda.
            if wasWalkingThrough && !state.isInWalkthrough && !effects.contains(.walkthrough(active: false)) {
                effects.append(.walkthrough(active: false))
            }
            return effects
        case .resize(let columns, let rows):
            state.screen = DeckState.ScreenSize(columns: columns, rows: rows)
            return []
        case .data(let snapshot):
            state.data = snapshot
            GanttPane.selectTaskAtToday(&state)
            if let agenda = snapshot.agenda { state.agenda = agenda }
            if let notice = snapshot.notice { state.message = notice }
            return []
        case .streamEnded:
            state.stream = .finished
            return []
        case .message(let text):
            state.message = text
            return []
        case .saveFinished(let result):
            return PlanSaving.finished(result, &state)
        case .reloadFinished(let result):
            return PlanSaving.reloadFinished(result, &state)
        case .time(let now):
            if state.messages.hasExpired(at: now) { state.message = nil }
            return []
        }
    }

    /// A key's effects: the open view takes it first (a prompt takes every
    /// key); otherwise the key registry finds its command in the focused pane
    /// or among the global keys. `apply` adds `planEdited` when the plan's text changed.
    private static func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect] {
        if let effects = state.overlay?.unit.handle(key, &state) { return effects }
        guard let binding = KeyRegistry.binding(for: key, in: state.focus) else {
            state.message = Phrase.keyNoAction.text(key.label)
            return []
        }
        state.message = nil
        return run(binding.command, &state)
    }

    /// A command goes the same way: the open view if it gives the command a
    /// meaning (j/k in the alert editor), then the focused pane, then the
    /// global commands.
    static func run(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect] {
        if let effects = state.overlay?.unit.perform(command, &state) { return effects }
        if let effects = state.focus.unit.perform(command, &state) { return effects }
        return GlobalCommands.perform(command, &state)
    }
}
