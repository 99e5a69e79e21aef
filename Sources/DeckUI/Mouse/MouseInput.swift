/// The mouse in the dashboard: a click focuses the pane under it and selects
/// the row, a second click on the same cell soon after opens it (what Enter
/// does), a click on a table's column head sorts by it (again: reversed),
/// and the wheel scrolls the pane under the pointer (the Gantt's rows; with
/// Shift, or a sideways wheel, its days). An open view takes the mouse: the
/// wheel scrolls it, a click outside closes a view that only shows
/// something, and nothing reaches the panes beneath it.
enum MouseInput {
    /// Seconds between two presses on one cell for them to be a double click
    /// (the usual desktop default is 400–500 ms).
    static let doubleClickInterval = 0.5
    /// Lines one notch of the wheel scrolls a view (help, messages), as desktop text views do.
    static let wheelLines = 3

    /// `time` is the terminal loop's clock in seconds (monotonic, any origin):
    /// this code never reads a clock, so tests pass the times they need.
    static func apply(_ event: MouseEvent, at time: Double, _ state: inout DeckState) -> [DeckEffect] {
        switch event.kind {
        case .press(.left):
            return state.overlay == nil ? click(event, at: time, &state) : clickOverView(event, &state)
        case .wheelUp, .wheelDown, .wheelLeft, .wheelRight:
            state.lastClick = nil
            return state.overlay == nil ? wheel(event, &state) : wheelOverView(event, &state)
        case .press(.middle), .press(.right), .release, .motion:
            return []
        }
    }

    private static func click(_ event: MouseEvent, at time: Double, _ state: inout DeckState) -> [DeckEffect] {
        let previous = state.lastClick
        state.lastClick = nil
        switch MouseTarget.at(column: event.column, row: event.row, in: state) {
        case .nothing:
            return []
        case .pane(let pane):
            state.focus = pane
        case .head(let pane, let column):
            state.focus = pane
            guard let column else { return [] }
            TableSorting.sort(pane, byColumn: column, &state)
        case .row(let pane, let index):
            // The second press of a double click opens the row the first one
            // selected, even if selecting it scrolled the pane under the pointer.
            if let previous, previous.column == event.column, previous.row == event.row,
               time - previous.time >= 0, time - previous.time <= doubleClickInterval, state.focus == pane {
                return DeckUpdate.run(.open, &state)
            }
            state.focus = pane
            state.selection[pane] = index
            state.lastClick = MouseClick(column: event.column, row: event.row, time: time)
        }
        return []
    }

    /// One notch: a row in the pane under the pointer, which takes the focus
    /// so the moving selection shows. In the Gantt, Shift or a sideways
    /// wheel scrolls the days instead (h/l's step).
    private static func wheel(_ event: MouseEvent, _ state: inout DeckState) -> [DeckEffect] {
        let pane: Pane
        switch MouseTarget.at(column: event.column, row: event.row, in: state) {
        case .nothing: return []
        case .pane(let under), .head(let under, _), .row(let under, _): pane = under
        }
        state.focus = pane
        let command: DeckCommand
        switch event.kind {
        case .wheelUp: command = pane == .gantt && event.shift ? .moveLeft : .moveUp
        case .wheelDown: command = pane == .gantt && event.shift ? .moveRight : .moveDown
        case .wheelLeft, .wheelRight:
            guard pane == .gantt else { return [] }
            command = event.kind == .wheelLeft ? .moveLeft : .moveRight
        case .press, .release, .motion: return []
        }
        return DeckUpdate.run(command, &state)
    }

    /// A press while a view is open: inside it, nothing (its keys act on
    /// it); outside, a view that only shows something closes, and one that
    /// holds typing or asks a question stays. The panes beneath never see it.
    private static func clickOverView(_ event: MouseEvent, _ state: inout DeckState) -> [DeckEffect] {
        guard let overlay = state.overlay, closesOnClickOutside(overlay) else { return [] }
        if let box = OverlayBounds.rect(state), box.rows.contains(event.row), box.columns.contains(event.column) { return [] }
        state.overlay = nil
        return []
    }

    /// The wheel scrolls the open view by its own line keys (the help, the
    /// messages, the alert editor's rules); a view without them ignores it.
    private static func wheelOverView(_ event: MouseEvent, _ state: inout DeckState) -> [DeckEffect] {
        let command: DeckCommand
        switch event.kind {
        case .wheelUp: command = .moveUp
        case .wheelDown: command = .moveDown
        case .wheelLeft, .wheelRight, .press, .release, .motion: return []
        }
        guard let overlay = state.overlay else { return [] }
        let lines = scrollsByLines(overlay) ? wheelLines : 1
        var effects: [DeckEffect] = []
        for _ in 0..<lines {
            // Only the view's own meaning: a command it does not take must not fall through to a pane.
            guard let step = state.overlay?.unit.perform(command, &state) else { break }
            effects += step
        }
        return effects
    }

    private static func closesOnClickOutside(_ overlay: DeckState.Overlay) -> Bool {
        switch overlay {
        case .help, .personaCard, .taskCard, .anomalyDetail, .messageLog, .targets: return true
        case .prompt, .confirm, .resolution, .alertEditor, .walkthrough, .inputLine: return false
        }
    }

    private static func scrollsByLines(_ overlay: DeckState.Overlay) -> Bool {
        switch overlay {
        case .help, .messageLog: return true
        case .personaCard, .taskCard, .anomalyDetail, .prompt, .confirm, .resolution, .alertEditor, .walkthrough,
             .inputLine, .targets: return false
        }
    }
}
