import CampaignText

extension DeckState {
    /// Shows what is wrong with the config file (`FILE:LINE:COLUMN: what`
    /// lines) in the status bar as the dashboard opens: every line goes to the
    /// message log (`:messages`), and the bar shows the first with how many
    /// more there are. The dashboard itself runs on the defaults for them.
    public mutating func showConfigProblems(_ lines: [String]) {
        guard let first = lines.first else { return }
        for line in lines { message = line }
        if lines.count > 1 { message = Phrase.configProblems.text(first, lines.count - 1, ":messages") }
    }
}
