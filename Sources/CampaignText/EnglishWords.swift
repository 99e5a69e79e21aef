/// Finds English words in text meant to be Chinese, for the tests that keep
/// the Chinese interface Chinese (the catalog, and whole screens). Latin
/// letters that are not English words are allowed: metric abbreviations,
/// key names and units a Chinese team writes in Latin letters too.
public enum EnglishWords {
    public static let allowed: Set<String> = Set([
        "KPI", "CTR", "CVR", "CPA", "CAC", "ROI", "DAU", "MAU", "CLV", "LTV", "GMV", "UV", "PV", "ID", "id",
        "Enter", "Esc", "Tab", "Space", "Shift", "Ctrl", "Backspace", "PgUp", "PgDn", "Home", "End",
        "JSON", "CSV", "SSH", "campaign-deck", "TERM", "CNY", "USD", "Wilson", "Ctrl-S", "YAML", "OSC", "UTF", "LANG", "SQLite", "PostgreSQL", "Debian", "SMART", "BG", "NBD",
        "s", "m", "h", "d", "w", "x", "k", "M", "B", "KB", "MB", "GB", "ms", "vs", "S", "WeCom", "DingTalk", "Feishu",
        // Formats and names written as they are in Chinese too (event, transaction and store messages).
        "RFC", "Unix", "UTC", "HH", "YYYY-MM-DD", "YYYYMMDD", "MiB", "CampaignDeck",
        // Names and standards the command line's help writes as they are in Chinese too.
        "CampaignDeck", "RFM", "HTTP", "IP", "UTC", "UTF-8", "MiB", "Excel", "WPS", "Markdown", "Mermaid", "iCalendar", "Webhook", "README", "systemd",
    ] + (1...12).map { "F\($0)" })

    /// Runs of two or more Latin letters (single letters are keys) not in
    /// `allowed`; a word after `:`, `--`, `/`, `.` or `=` is a command, an
    /// option, a filter, a file type or a value, typed as it is in any
    /// language; so is a command in backticks.
    public static func find(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var typed = false
        var previous: Character = " "
        var inCode = false
        for character in text + " " {
            // A command in backticks is typed as it is, in any language.
            if character == "`" { inCode.toggle() }
            if inCode { current = ""; previous = character; continue }
            if character.isASCII, character.isLetter || (!current.isEmpty && (character.isNumber || "_-".contains(character))) {
                if current.isEmpty { typed = ":-/.=".contains(previous) }
                current.append(character)
            } else {
                let key = current.hasPrefix("Ctrl-") || current.hasPrefix("Shift-")
                // A run with a digit in it is a value or a format, not a word
                // (UTF-8, v2, 1e15, the T of 2026-03-02T10:00).
                let value = current.contains(where: \.isNumber)
                if current.count >= 2, !typed, !key, !value, !allowed.contains(current) { words.append(current) }
                current = ""
            }
            previous = character
        }
        return words
    }
}
