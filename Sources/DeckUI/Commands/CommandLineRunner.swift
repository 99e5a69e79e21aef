import CampaignText
import CampaignCore

/// Running a `:` command: each does what its key (or its key's prompt) does,
/// through the same functions, so a command and a key can never disagree.
enum CommandLineRunner {
    /// A mistake (an unknown command, a bad argument, a refused edit) changes
    /// nothing but the message (kept in the message log), and leaves an empty
    /// line open for the next command: what was typed is one ↑ away in the
    /// history, so the next keys never land after a failed command.
    static func run(_ line: InputLine, _ state: inout DeckState) -> [DeckEffect] {
        remember(line.text, &state)
        do throws(CommandLineError) {
            guard let action = try CommandTable.parse(line.text, plan: state.plan) else { return [] }
            switch try perform(action, &state) {
            case .accepted(let effects):
                return effects
            case .refused:
                state.overlay = .inputLine(InputLine(.command))
                return []
            }
        } catch {
            state.message = error.message
            state.overlay = .inputLine(InputLine(.command))
            return []
        }
    }

    private static func perform(_ action: CommandLineAction, _ state: inout DeckState) throws(CommandLineError) -> PromptAnswer.Outcome {
        switch action {
        case .key(let command):
            return .accepted(DeckUpdate.run(command, &state))
        case .quitDiscarding:
            state.quitting = true
            return .accepted([.quit])
        case .saveAndQuit:
            guard state.hasUnsavedEdits else {
                state.quitting = true
                return .accepted([.quit])
            }
            return .accepted(PlanSaving.save(thenQuit: true, &state))
        case .saveAs(let path):
            guard PlanEditing.requireEditor(&state) else { return .accepted([]) }
            return .accepted(PlanSaving.saveAs(path, &state))
        case .messages:
            state.overlay = .messageLog(top: nil)
            return .accepted([])
        case .pause:
            guard state.stream != .paused else { state.message = Phrase.commandAlreadyPaused.text(); return .accepted([]) }
            return .accepted(DeckUpdate.run(.togglePause, &state))
        case .resume:
            guard state.stream == .paused else {
                state.message = (state.stream == .finished ? Phrase.streamHasEnded : Phrase.commandNotPaused).text()
                return .accepted([])
            }
            return .accepted(DeckUpdate.run(.togglePause, &state))
        case .theme(let name):
            // A .theme file (or a path) is the app's to load; it says if it cannot.
            let themes = GlobalCommands.themes
            guard themes.contains(name) || name.hasSuffix(".theme") || name.contains("/") else {
                throw CommandLineError(Phrase.commandUnknownTheme.text(name, Suggestion.hint(for: name, among: themes),
                                                                       themes.joined(separator: ", ")))
            }
            return .accepted(GlobalCommands.useTheme(name, &state))
        case .speed(let speed):
            return .accepted(GlobalCommands.setSpeed(speed, &state))
        case .goto(let id):
            let index = try taskIndex(id, state)
            _ = DeckUpdate.run(.focus(.gantt), &state)
            GanttPane.reveal(task: index, &state)
            return .accepted([])
        case .persona(let id):
            _ = DeckUpdate.run(.focus(.segments), &state)
            guard let index = state.segmentRows.firstIndex(where: { $0.id == id }) else { return .accepted([]) }
            FilterLine.clear(.segments, &state)
            state.selection[.segments] = index
            state.overlay = .personaCard(segment: index)
            return .accepted([])
        case .alertRule(let number):
            guard PlanEditing.requireEditor(&state) else { return .accepted([]) }
            state.overlay = .alertEditor(selected: number - 1)
            return .accepted([])
        case .moveTask(let id, let days):
            try requireEditableTask(id, state)
            return PlanEditing.edit(.moveTask(id: id, days: days), selecting: id, &state) == .applied ? .accepted([]) : .refused
        case .answer(let purpose, let text):
            if let id = purpose.taskID { try requireEditableTask(id, state) }
            return PromptAnswer.submit(purpose, text, &state)
        case .filter(let text):
            FilterLine.apply(text, to: state.focus, &state)
            return .accepted([])
        }
    }

    private static func taskIndex(_ id: String, _ state: DeckState) throws(CommandLineError) -> Int {
        guard let index = state.plan.tasks.firstIndex(where: { $0.id == id }) else {
            throw CommandLineError(Phrase.commandNoTask.text(id, Suggestion.hint(for: id, among: state.plan.tasks.map(\.id))))
        }
        return index
    }

    private static func requireEditableTask(_ id: String, _ state: DeckState) throws(CommandLineError) {
        guard state.editor != nil else { throw CommandLineError(Phrase.editNotHere.text()) }
        _ = try taskIndex(id, state)
    }

    /// Every command run goes to the history (failed ones too: they are the
    /// ones worth fixing), once in a row, the last hundred kept.
    private static func remember(_ text: String, _ state: inout DeckState) {
        let command = text.trimmingCharacters(in: .whitespaces)
        guard !command.isEmpty, state.commandHistory.last != command else { return }
        state.commandHistory.append(command)
        if state.commandHistory.count > 100 { state.commandHistory.removeFirst() }
    }
}
