/// Makes data strings (plan fields, event payloads, CSV cells) safe to show on a
/// terminal.
///
/// Why: a segment named "\u{1B}]0;owned\u{07}" written raw would retitle the user's
/// terminal window; other escape sequences can move the cursor, recolour or clear the
/// screen, and bidi overrides can make text read differently from what it is ("Trojan
/// Source"). Data never reaches the terminal raw; unsafe scalars become visible text.
///
/// Convention (one, documented, used everywhere):
/// - tab, line feed and carriage return become `\t`, `\n`, `\r` (common in pasted data,
///   and the short forms read best);
/// - every other unsafe scalar becomes `\u{XX}` with uppercase hex, at least two digits,
///   as in Swift source: ESC is `\u{1B}`, BEL `\u{07}`, DEL `\u{7F}`, RLO `\u{202E}`.
///
/// Unsafe scalars: C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls
/// (U+0080–U+009F), the invisible bidi controls (U+061C, U+200E, U+200F, embeddings and
/// overrides U+202A–U+202E, isolates U+2066–U+2069) and the line and paragraph
/// separators U+2028/U+2029 (some terminals break lines on them).
///
/// Backslashes are not doubled: the result is for reading, not for parsing back, and
/// doubling would make every Windows path in the data harder to read.
public enum ControlCharacters {
    /// Whether `scalar` must not be written to a terminal as is.
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return true }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }  // DEL and C1
        if value < 0x061C { return false }
        return value == 0x061C || value == 0x200E || value == 0x200F
            || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// Whether `text` contains any unsafe scalar. Pure ASCII is answered byte by byte
    /// without decoding.
    public static func containsUnsafe(_ text: String) -> Bool { scan(text) }

    /// Whether `text` contains any unsafe scalar.
    public static func containsUnsafe(_ text: Substring) -> Bool { scan(text) }

    // Generic body behind concrete overloads, so callers in other modules get a
    // specialised loop rather than a witness-table call per byte.
    private static func scan<S: StringProtocol>(_ text: S) -> Bool {
        var sawNonASCII = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { sawNonASCII = true }
        }
        guard sawNonASCII else { return false }
        for scalar in text.unicodeScalars where isUnsafe(scalar) { return true }
        return false
    }

    /// `text` with every unsafe scalar replaced by its visible escape; everything else
    /// (CJK, emoji, combining marks) is kept as is. Clean text is returned without copying.
    public static func escaped(_ text: String) -> String {
        guard containsUnsafe(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Columns the visible escape of unsafe `scalar` takes: `\n` 2, `\u{1B}` 6,
    /// `\u{202E}` 8 (all ASCII), without building it.
    @inlinable
    public static func visibleWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return 2
        case ..<0x100: return 6
        case ..<0x1000: return 7
        case ..<0x10000: return 8
        default: return String(scalar.value, radix: 16).count + 4
        }
    }

    /// The visible escape of one unsafe scalar (see the convention above).
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default:
            var hex = String(scalar.value, radix: 16, uppercase: true)
            if hex.count < 2 { hex = "0" + hex }
            return "\\u{" + hex + "}"
        }
    }
}

extension String {
    /// This string with control characters and invisible bidi controls shown as visible
    /// escapes; see `ControlCharacters`.
    public var terminalSafe: String { ControlCharacters.escaped(self) }
}

extension ControlCharacters {
    /// Like `escaped`, but keeps line feeds and tabs: for multi-line text for
    /// people (tables, summaries, Markdown) printed to a terminal. A carriage
    /// return is escaped: our own text never uses one, so it came from data,
    /// and obeyed it would overwrite the start of the line ("FIRINGRING").
    public static func escapedKeepingLayout(_ text: String) -> String {
        guard containsUnsafe(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !isUnsafe(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += visible(scalar)
            }
        }
        return result
    }
}
