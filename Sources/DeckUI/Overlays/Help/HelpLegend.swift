/// What each mark the dashboard draws means, in the order a person meets
/// them (header, then each pane): the last part of the `?` help. Every
/// string here is shown to a person.
enum HelpLegend {
    struct Entry {
        var symbol: String
        var meaning: String
    }

    static let title = "What the symbols mean"

    static let entries: [Entry] = [
        // The header.
        Entry(symbol: "day 5/42", meaning: "header: the campaign's day 5 of its 42"),
        Entry(symbol: "burn", meaning: "share of the whole budget spent so far"),
        Entry(symbol: "pacing", meaning: "spend against time: 1.00 spends on plan, above 1 faster, below 1 slower"),
        Entry(symbol: "● live ×1", meaning: "following the stream, at its speed (×60: replayed 60 times faster)"),
        Entry(symbol: "▶ replay", meaning: "replaying a finished stream"),
        Entry(symbol: "⏩", meaning: "catching up with events already written"),
        Entry(symbol: "❚❚ paused", meaning: "the stream is paused (p resumes); no event rate is shown"),
        Entry(symbol: "■", meaning: "the stream has ended"),
        Entry(symbol: "ev/s", meaning: "events read per second"),
        Entry(symbol: "✎ unsaved", meaning: "the plan has edits not yet saved (Ctrl-S saves)"),
        // Every pane.
        Entry(symbol: "▶", meaning: "on a pane's left border, in reverse video: the selected row"),
        Entry(symbol: "┏━┓", meaning: "a heavy border: the focused pane, where keys go"),
        Entry(symbol: "…", meaning: "text cut to fit (z zooms the pane)"),
        Entry(symbol: "–", meaning: "no value yet"),
        // Segments.
        Entry(symbol: "██░░", meaning: "segments: how much of the goal is reached (full at 100%)"),
        Entry(symbol: "999+", meaning: "more than 999% of the goal"),
        // The Gantt.
        Entry(symbol: "▸", meaning: "gantt: a phase, its tasks below it"),
        Entry(symbol: "▒", meaning: "a task's bar, from its start to its finish"),
        Entry(symbol: "█", meaning: "the part of a bar already done (the task's progress)"),
        Entry(symbol: "◆", meaning: "a milestone"),
        Entry(symbol: "│", meaning: "today"),
        Entry(symbol: "★", meaning: "on the critical path: a day late here is a day late at the end"),
        Entry(symbol: "!", meaning: "before a task: late, it should have finished by today"),
        Entry(symbol: "←", meaning: "the selected task waits for this one"),
        Entry(symbol: "→", meaning: "this task waits for the selected one"),
        Entry(symbol: "◃ ▹", meaning: "the bar is off screen, earlier / later (h and l scroll)"),
        // KPIs.
        Entry(symbol: "12.3%!", meaning: "KPIs: an alert rule on this value is pending or firing"),
        Entry(symbol: "66.7 day!", meaning: "a rule judged over another window than the pane's: its own value and window"),
        Entry(symbol: "1.2–3.4 %", meaning: "95% CI: the rate is likely between these bounds (Wilson interval)"),
        Entry(symbol: "✓ ok", meaning: "every rule on the row is quiet"),
        Entry(symbol: "◔ pending", meaning: "a rule is breached and waits out its 'for' time before firing"),
        Entry(symbol: "▲ FIRING", meaning: "a rule has fired: its anomaly is in the log"),
        Entry(symbol: "· no data", meaning: "too few events to judge"),
        Entry(symbol: "▁▂▃▄▅▆▇█", meaning: "CTR hour by hour, low to high; a gap where there was no data"),
        // The anomaly log.
        Entry(symbol: "⊘", meaning: "anomalies: its rule is silenced (S); the card says until when"),
        Entry(symbol: "↺", meaning: "anomalies: still open, but the value is back to normal"),
    ]
}
