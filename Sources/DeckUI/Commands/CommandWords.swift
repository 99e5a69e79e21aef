import CampaignText
/// Splits a typed command into words the way a shell does, so names with
/// spaces can be quoted: `owner kickoff "Li Wei"` or `owner kickoff 'Li Wei'`.
/// A backslash keeps the next character as it is (`\"`, `\ `).
enum CommandWords {
    static func split(_ text: String) throws(CommandLineError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in text {
            if escaping {
                word.append(character)
                escaping = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaping = true
                } else {
                    word.append(character)
                }
            } else if character == " " || character == "\t" {
                // Only ASCII blanks separate: a full-width space typed in a CJK name stays in it.
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                inWord = true
                switch character {
                case "\"", "'": quote = character
                case "\\": escaping = true
                default: word.append(character)
                }
            }
        }
        if let open = quote { throw CommandLineError(Phrase.commandQuoteOpen.text(open)) }
        if escaping { word.append("\\") }
        if inWord { words.append(word) }
        return words
    }
}
