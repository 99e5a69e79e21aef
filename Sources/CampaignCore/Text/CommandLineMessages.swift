import CampaignText

/// Lines the commands print that count something, in the interface
/// language: English says `1 line` / `2 lines`, so each has two phrases.
public enum CommandLineMessages {
    /// `campaign-deck: 3 lines rejected, 120 events accepted (1 more not shown)`,
    /// after the first few rejected lines with their reasons.
    public static func rejectedLines(_ rejected: Int, accepted: Int, notShown: Int) -> String {
        let line = rejected == 1 ? Phrase.cliRejectedOne.text(accepted) : Phrase.cliRejectedMany.text(rejected, accepted)
        return notShown > 0 ? Phrase.cliRejectedMore.text(line, notShown) : line
    }
}
