extension GlobalCommands {
    /// Keys that work in every pane (a pane's or a view's own binding of the same key wins there).
    static let bindings: [KeyBinding] = [
        KeyBinding([.tab], .nextPane, "next pane", hint: "pane"),
        KeyBinding([.backTab], .previousPane, "previous pane"),
        KeyBinding([.character("1")], .focus(.segments), "focus Segments"),
        KeyBinding([.character("2")], .focus(.gantt), "focus Gantt"),
        KeyBinding([.character("3")], .focus(.kpis), "focus KPIs"),
        KeyBinding([.character("4")], .focus(.anomalies), "focus Anomaly log"),
        KeyBinding([.up, .character("k")], .moveUp, "move up"),
        KeyBinding([.down, .character("j")], .moveDown, "move down"),
        KeyBinding([.pageUp], .pageUp, "page up"),
        KeyBinding([.pageDown], .pageDown, "page down"),
        KeyBinding([.home, .character("g")], .moveHome, "first row"),
        KeyBinding([.end, .character("G")], .moveEnd, "last row"),
        KeyBinding([.enter], .open, "open the selected item", hint: "open"),
        KeyBinding([.escape], .back, "close / back"),
        KeyBinding([.character("z")], .zoom, "zoom the focused pane", hint: "zoom"),
        KeyBinding([.character("p")], .togglePause, "pause / resume the stream", hint: "pause"),
        KeyBinding([.character("+"), .character("=")], .faster, "replay faster"),
        KeyBinding([.character("-")], .slower, "replay slower"),
        KeyBinding([.character("t")], .cycleTheme, "next theme"),
        KeyBinding([.character("u")], .undo, "undo the last plan edit", hint: "undo"),
        KeyBinding([.control("r")], .redo, "redo"),
        KeyBinding([.control("s")], .save, "save the plan (atomic, minimal diff)", hint: "save"),
        KeyBinding([.character("w")], .startWalkthrough, "stand-up walkthrough", hint: "stand-up"),
        // Last of the hints: the footer shows them where there is room.
        KeyBinding([.character("/")], .startFilter, "filter the focused pane's rows", hint: "filter"),
        KeyBinding([.character(":")], .openCommandLine, "command line (:help lists commands)", hint: "command"),
        KeyBinding([.character("?")], .toggleHelp, "show every key and command", hint: "help"),
        // Ctrl-C reaches the dashboard as a key (the terminal's interrupt is
        // off while it runs), so it asks about unsaved edits as `q` does.
        KeyBinding([.character("q"), .control("c")], .quit, "quit", hint: "quit"),
    ]
}
