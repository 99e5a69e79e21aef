import CampaignText

/// Reading a key as people write it in a config file. Every `Key.label`
/// reads back as its key (`Ctrl-R`, `Shift-Tab`, `PgUp`, `↑`), and so do the
/// forms other tools taught people: `ctrl+n`, `C-n`, `^N`, `shift+tab`,
/// `S-Tab`, `Return`, `Escape`, `PageDown`, `f5`, and any single character
/// (`q`, `?`, `中`). Names are case-insensitive; a single character is not
/// (`G` is not `g`).
extension Key {
    /// Why a key name cannot be read, as a sentence for the user.
    public struct NameError: Error, Equatable, Sendable {
        public let message: String
    }

    public init(name written: String) throws(NameError) {
        // `q ` is q, but a lone space is Space.
        let name = written.count == 1 ? written : written.trimmingCharacters(in: .whitespaces)
        if name.count == 1, let character = name.first {
            if let named = Self.named[String(character)] {
                self = named
                return
            }
            guard !character.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) else {
                throw NameError(message: Phrase.keyNameControlCharacter.text("Tab, Enter, Esc, ctrl+n"))
            }
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if let named = Self.named[lower] {
            self = named
            return
        }
        if let letter = Self.controlLetter(lower) {
            guard letter.count == 1, let character = letter.first, character.isASCII, character.isLetter else {
                throw NameError(message: Phrase.keyNameControlNeedsLetter.text(written, "ctrl+n"))
            }
            // The terminal sends these four as the bytes of other keys.
            let alias: [Character: Key] = ["h": .backspace, "i": .tab, "j": .enter, "m": .enter]
            if let same = alias[character] {
                throw NameError(message: Phrase.keyNameControlAlias.text(written, same.label))
            }
            self = .control(character)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), String(number) == lower.dropFirst() {
            guard (1...12).contains(number) else { throw NameError(message: Phrase.keyNameFunctionRange.text(written)) }
            self = .function(number)
            return
        }
        throw NameError(message: Phrase.keyNameUnknown.text(
            written, "q, ?, 中", "Enter, Esc, Tab, Space, Backspace, Del, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1…F12",
            "ctrl+n, shift+tab, shift+left, shift+right"))
    }

    /// `n` of `ctrl+n`, `ctrl-n`, `control+n`, `c-n`, `^n`; nil when the name has no Ctrl.
    private static func controlLetter(_ lower: String) -> String? {
        for prefix in ["ctrl+", "ctrl-", "control+", "control-", "c-", "^"] where lower.hasPrefix(prefix) {
            return String(lower.dropFirst(prefix.count))
        }
        return nil
    }

    /// Named keys by their lower-case names (and the arrows' own symbols).
    private static let named: [String: Key] = {
        var names: [String: Key] = [
            "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape,
            "tab": .tab,
            "backtab": .backTab, "shift+tab": .backTab, "shift-tab": .backTab, "s-tab": .backTab,
            "space": .character(" "),
            "backspace": .backspace,
            "del": .delete, "delete": .delete,
            "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "page_up": .pageUp,
            "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown, "page_down": .pageDown,
            "home": .home, "end": .end,
        ]
        for (shift, arrow, key) in [("shift", "left", Key.shiftLeft), ("shift", "right", .shiftRight)] {
            for separator in ["+", "-"] { names[shift + separator + arrow] = key }
            names["s-" + arrow] = key
        }
        for key in [Key.up, .down, .left, .right, .shiftLeft, .shiftRight] { names[key.label.lowercased()] = key }
        return names
    }()
}
