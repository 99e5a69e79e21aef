import CampaignText

/// What each mark the dashboard draws means, in the order a person meets
/// them (header, then each pane): the last part of the `?` help. Every
/// string here is shown to a person.
enum HelpLegend {
    struct Entry {
        var symbol: String
        var meaning: String
    }

    static var title: String { Phrase.legendTitle.text() }

    /// The symbols are drawn by the same phrases the dashboard shows, so the
    /// legend names what is on screen in either language.
    static var entries: [Entry] {
        [
            // The header.
            Entry(symbol: Phrase.legendSymbolDay.text(), meaning: Phrase.legendDay.text()),
            Entry(symbol: word(.headerBurn), meaning: Phrase.legendBurn.text()),
            Entry(symbol: word(.headerPacing), meaning: Phrase.legendPacing.text()),
            Entry(symbol: Phrase.streamLive.text(1), meaning: Phrase.legendLive.text()),
            Entry(symbol: word(.streamReplay), meaning: Phrase.legendReplay.text()),
            Entry(symbol: "⏩", meaning: Phrase.legendCatchingUp.text()),
            Entry(symbol: Phrase.streamPaused.text(), meaning: Phrase.legendPaused.text()),
            Entry(symbol: "■", meaning: Phrase.legendEnded.text()),
            Entry(symbol: word(.eventsPerSecond), meaning: Phrase.legendRate.text()),
            Entry(symbol: Phrase.headerUnsaved.text(), meaning: Phrase.legendUnsaved.text()),
            // Every pane.
            Entry(symbol: "▶", meaning: Phrase.legendSelected.text()),
            Entry(symbol: "┏━┓", meaning: Phrase.legendFocused.text()),
            Entry(symbol: "…", meaning: Phrase.legendCut.text()),
            Entry(symbol: "–", meaning: Phrase.legendNoValue.text()),
            // Segments.
            Entry(symbol: "██░░", meaning: Phrase.legendGoalBar.text()),
            Entry(symbol: "999+", meaning: Phrase.legendGoalOver.text()),
            // The Gantt.
            Entry(symbol: "▸", meaning: Phrase.legendPhase.text()),
            Entry(symbol: "▒", meaning: Phrase.legendBar.text()),
            Entry(symbol: "█", meaning: Phrase.legendDone.text()),
            Entry(symbol: "◆", meaning: Phrase.legendMilestone.text()),
            Entry(symbol: "│", meaning: Phrase.legendToday.text()),
            Entry(symbol: "★", meaning: Phrase.legendCritical.text()),
            Entry(symbol: "!", meaning: Phrase.legendLate.text()),
            Entry(symbol: "←", meaning: Phrase.legendWaitedFor.text()),
            Entry(symbol: "→", meaning: Phrase.legendWaiting.text()),
            Entry(symbol: "◃ ▹", meaning: Phrase.legendOffScreen.text()),
            // KPIs.
            Entry(symbol: "12.3%!", meaning: Phrase.legendBreach.text()),
            Entry(symbol: Phrase.legendSymbolOtherWindow.text(), meaning: Phrase.legendOtherWindow.text()),
            Entry(symbol: "1.2–3.4 %", meaning: Phrase.legendInterval.text()),
            Entry(symbol: Phrase.stateOK.text(), meaning: Phrase.legendOK.text()),
            Entry(symbol: Phrase.statePending.text(), meaning: Phrase.legendPending.text()),
            Entry(symbol: Phrase.stateFiring.text(), meaning: Phrase.legendFiring.text()),
            Entry(symbol: Phrase.stateNoData.text(), meaning: Phrase.legendNoData.text()),
            Entry(symbol: "▁▂▃▄▅▆▇█", meaning: Phrase.legendSparkline.text()),
            // The anomaly log.
            Entry(symbol: "⊘", meaning: Phrase.legendSilenced.text()),
            Entry(symbol: "↺", meaning: Phrase.legendRecovered.text()),
        ]
    }

    /// A header word without its number: `burn`, `ev/s`, `▶ replay`.
    private static func word(_ phrase: Phrase) -> String { phrase.text("").trimming(" ").trimming("×").trimming(" ") }
}
