import CampaignText
extension GlobalCommands {
    /// Keys that work in every pane (a pane's or a view's own binding of the same key wins there).
    static let bindings: [KeyBinding] = [
        KeyBinding("next_pane", [.tab], .nextPane, .keyNextPane, hint: .hintNextPane),
        KeyBinding("previous_pane", [.backTab], .previousPane, .keyPreviousPane),
        KeyBinding("focus_segments", [.character("1")], .focus(.segments), .keyFocusSegments),
        KeyBinding("focus_gantt", [.character("2")], .focus(.gantt), .keyFocusGantt),
        KeyBinding("focus_kpis", [.character("3")], .focus(.kpis), .keyFocusKpis),
        KeyBinding("focus_anomalies", [.character("4")], .focus(.anomalies), .keyFocusAnomalies),
        KeyBinding("move_up", [.up, .character("k")], .moveUp, .keyMoveUp),
        KeyBinding("move_down", [.down, .character("j")], .moveDown, .keyMoveDown),
        KeyBinding("page_up", [.pageUp], .pageUp, .keyPageUp),
        KeyBinding("page_down", [.pageDown], .pageDown, .keyPageDown),
        KeyBinding("first_row", [.home, .character("g")], .moveHome, .keyFirstRow),
        KeyBinding("last_row", [.end, .character("G")], .moveEnd, .keyLastRow),
        KeyBinding("open", [.enter], .open, .keyOpen, hint: .hintOpen),
        KeyBinding("back", [.escape], .back, .keyBack),
        KeyBinding("zoom", [.character("z")], .zoom, .keyZoom, hint: .hintZoom),
        KeyBinding("toggle_pause", [.character("p")], .togglePause, .keyTogglePause, hint: .hintTogglePause),
        KeyBinding("faster", [.character("+"), .character("=")], .faster, .keyFaster),
        KeyBinding("slower", [.character("-")], .slower, .keySlower),
        KeyBinding("next_theme", [.character("t")], .cycleTheme, .keyNextTheme),
        KeyBinding("undo", [.character("u")], .undo, .keyUndo, hint: .hintUndo),
        KeyBinding("redo", [.control("r")], .redo, .keyRedo),
        KeyBinding("save", [.control("s")], .save, .keySave, hint: .hintSave),
        // htop's keys; the Gantt's own < and > (shorten, stretch) win there.
        KeyBinding("sort_next_column", [.character(">")], .sortNextColumn, .keySortNextColumn),
        KeyBinding("sort_previous_column", [.character("<")], .sortPreviousColumn, .keySortPreviousColumn),
        KeyBinding("reverse_sort", [.character("I")], .reverseSort, .keyReverseSort),
        KeyBinding("copy", [.character("y")], .copySelection,
                   .keyCopy),
        KeyBinding("start_walkthrough", [.character("w")], .startWalkthrough, .keyStartWalkthrough, hint: .hintStartWalkthrough),
        // Last of the hints: the footer shows them where there is room.
        KeyBinding("filter", [.character("/")], .startFilter, .keyFilter, hint: .hintFilter),
        KeyBinding("command_line", [.character(":")], .openCommandLine, .keyCommandLine, hint: .hintCommandLine),
        KeyBinding("help", [.character("?")], .toggleHelp, .keyHelp, hint: .hintHelp),
        // Ctrl-C reaches the dashboard as a key (the terminal's interrupt is
        // off while it runs), so it asks about unsaved edits as `q` does.
        KeyBinding("quit", [.character("q"), .control("c")], .quit, .keyQuit, hint: .hintQuit),
    ]
}
