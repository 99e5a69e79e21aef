import CampaignCore

/// Text from plans and data (rule names, scopes, owners, playbooks, the
/// campaign's name) made to read as written in the robots' messages.
///
/// Why character references (`&#42;`) and not backslashes: Feishu's card
/// Markdown documents HTML character references for showing its special
/// characters, WeCom's and DingTalk's Markdown are rendered as HTML (they
/// take `<font>` and `<br>`), where references decode, while none of the
/// three lists backslash escapes in its supported subset. A reference also
/// defuses `<at id=all>` (Feishu) and `<@userid>` (WeCom), which would
/// otherwise @-mention people.
public enum MarkdownLiteral {
    /// For Markdown: control characters become visible escapes (`\n`, `\u{1B}`,
    /// as on the terminal), then every character that could start formatting,
    /// a link, a tag or an entity becomes its character reference. Text that
    /// `startsLine` (a playbook begins a `> ` line) also has what would start
    /// a list there escaped: `- `, `+ `, `1. `, `1) `.
    public static func escaped(_ text: String, startsLine: Bool = false) -> String {
        let visible = plain(text)
        var result = ""
        result.reserveCapacity(visible.utf8.count)
        let scalars = Array(visible.unicodeScalars)
        let leadingDigits = scalars.prefix { ("0"..."9").contains($0) }.count
        for (index, scalar) in scalars.enumerated() {
            let opensBlock = startsLine && ((index == 0 && (scalar == "-" || scalar == "+"))
                || (index == leadingDigits && leadingDigits > 0 && (scalar == "." || scalar == ")")))
            if opensBlock || special.contains(scalar) {
                result += "&#\(scalar.value);"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// For plain-text fields (a DingTalk title, a Feishu card header, WeCom's
    /// text message): only control characters are made visible.
    public static func plain(_ text: String) -> String { ControlCharacters.escaped(text) }

    /// Emphasis, code, strike-through, links, tags and entities, headings,
    /// table cells; and the backslash, so an escape from the data cannot
    /// swallow a reference that follows it.
    private static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "~", "[", "]", "<", ">", "#", "|", "&"]
}
