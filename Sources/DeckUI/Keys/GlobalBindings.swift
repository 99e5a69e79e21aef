extension GlobalCommands {
    /// Keys that work in every pane (a pane's or a view's own binding of the same key wins there).
    static let bindings: [KeyBinding] = [
        KeyBinding("next_pane", [.tab], .nextPane, "next pane", hint: "pane"),
        KeyBinding("previous_pane", [.backTab], .previousPane, "previous pane"),
        KeyBinding("focus_segments", [.character("1")], .focus(.segments), "focus Segments"),
        KeyBinding("focus_gantt", [.character("2")], .focus(.gantt), "focus Gantt"),
        KeyBinding("focus_kpis", [.character("3")], .focus(.kpis), "focus KPIs"),
        KeyBinding("focus_anomalies", [.character("4")], .focus(.anomalies), "focus Anomaly log"),
        KeyBinding("move_up", [.up, .character("k")], .moveUp, "move up"),
        KeyBinding("move_down", [.down, .character("j")], .moveDown, "move down"),
        KeyBinding("page_up", [.pageUp], .pageUp, "page up"),
        KeyBinding("page_down", [.pageDown], .pageDown, "page down"),
        KeyBinding("first_row", [.home, .character("g")], .moveHome, "first row"),
        KeyBinding("last_row", [.end, .character("G")], .moveEnd, "last row"),
        KeyBinding("open", [.enter], .open, "open the selected item", hint: "open"),
        KeyBinding("back", [.escape], .back, "close / back"),
        KeyBinding("zoom", [.character("z")], .zoom, "zoom the focused pane", hint: "zoom"),
        KeyBinding("toggle_pause", [.character("p")], .togglePause, "pause / resume the stream", hint: "pause"),
        KeyBinding("faster", [.character("+"), .character("=")], .faster, "replay faster"),
        KeyBinding("slower", [.character("-")], .slower, "replay slower"),
        KeyBinding("next_theme", [.character("t")], .cycleTheme, "next theme"),
        KeyBinding("undo", [.character("u")], .undo, "undo the last plan edit", hint: "undo"),
        KeyBinding("redo", [.control("r")], .redo, "redo"),
        KeyBinding("save", [.control("s")], .save, "save the plan (atomic, minimal diff)", hint: "save"),
        // htop's keys; the Gantt's own < and > (shorten, stretch) win there.
        KeyBinding("sort_next_column", [.character(">")], .sortNextColumn, "sort the table by the next column"),
        KeyBinding("sort_previous_column", [.character("<")], .sortPreviousColumn, "sort the table by the previous column"),
        KeyBinding("reverse_sort", [.character("I")], .reverseSort, "reverse the table's sort"),
        KeyBinding("copy", [.character("y")], .copySelection,
                   "copy the selected row or the open card (OSC 52 clipboard, over SSH too)"),
        KeyBinding("start_walkthrough", [.character("w")], .startWalkthrough, "stand-up walkthrough", hint: "stand-up"),
        // Last of the hints: the footer shows them where there is room.
        KeyBinding("filter", [.character("/")], .startFilter, "filter the focused pane's rows", hint: "filter"),
        KeyBinding("command_line", [.character(":")], .openCommandLine, "command line (:help lists commands)", hint: "command"),
        KeyBinding("help", [.character("?")], .toggleHelp, "show every key and command", hint: "help"),
        // Ctrl-C reaches the dashboard as a key (the terminal's interrupt is
        // off while it runs), so it asks about unsaved edits as `q` does.
        KeyBinding("quit", [.character("q"), .control("c")], .quit, "quit", hint: "quit"),
    ]
}
