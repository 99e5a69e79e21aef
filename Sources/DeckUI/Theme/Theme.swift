import CampaignCore
import CampaignText

/// A colour theme: for each semantic role, the colours and attributes cells
/// with that role get. Themes are data (themes/*.theme), validated on load
/// with errors that name the line (the k9s skins lesson).
public struct Theme: Sendable, Equatable {
    public struct Look: Sendable, Equatable {
        public var foreground: Color = .default
        public var background: Color = .default
        public var attributes: TextAttributes = []

        public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let source: String
        public let line: Int
        public let message: String
        public var description: String { "\(source):\(line): \(message)" }
    }

    public var name: String
    public var looks: [ThemeRole: Look]

    public init(name: String, looks: [ThemeRole: Look]) {
        self.name = name
        self.looks = looks
    }

    /// The file name of a role: `border_focused` for `.borderFocused`.
    public static func key(of role: ThemeRole) -> String {
        String(describing: role).reduce(into: "") { out, character in
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
    }

    public static func parse(_ text: String, name: String, source: String) throws(ParseError) -> Theme {
        let roles = Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { (key(of: $0), $0) })
        var looks: [ThemeRole: Look] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            func fail(_ message: String) -> ParseError { ParseError(source: source, line: index + 1, message: message) }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw fail(Phrase.themeLineShape.text(trimmed)) }
            guard let role = roles[parts[0]] else {
                throw fail(Phrase.themeUnknownRole.text(parts[0], Suggestion.hint(for: parts[0], among: roles.keys.sorted())))
            }
            var look = Look()
            var words = parts[1].split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw fail(Phrase.themeNeedsColour.text(parts[0])) }
            look.foreground = try color(words.removeFirst(), fail: fail)
            if words.first == "on" {
                words.removeFirst()
                guard !words.isEmpty else { throw fail(Phrase.themeOnNeedsBackground.text()) }
                look.background = try color(words.removeFirst(), fail: fail)
            }
            for word in words {
                switch word {
                case "bold": look.attributes.insert(.bold)
                case "dim": look.attributes.insert(.dim)
                case "underline": look.attributes.insert(.underline)
                case "reverse": look.attributes.insert(.reverse)
                case "italic": look.attributes.insert(.italic)
                default: throw fail(Phrase.themeUnknownAttribute.text(word))
                }
            }
            guard looks[role] == nil else { throw fail(Phrase.themeRoleTwice.text(parts[0])) }
            looks[role] = look
        }
        return Theme(name: name, looks: looks)
    }

    /// `#` starts a comment at the start of a line or after a space when a space
    /// or the line's end follows; `#ff8800` is a colour, not a comment.
    static func stripComment(_ line: String) -> String {
        let characters = Array(line)
        for index in characters.indices where characters[index] == "#" {
            let startsLine = characters[..<index].allSatisfy(\.isWhitespace)
            let afterSpace = index > 0 && characters[index - 1].isWhitespace
            let beforeSpace = index + 1 == characters.count || characters[index + 1].isWhitespace
            if startsLine || (afterSpace && beforeSpace) { return String(characters[..<index]) }
        }
        return line
    }

    static let colorNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    ]

    private static func color(_ word: String, fail: (String) -> ParseError) throws(ParseError) -> Color {
        if word == "default" { return .default }
        if let index = colorNames[word] { return .indexed(index) }
        if word.hasPrefix("#") {
            guard let rgb = RGB(hexString: word) else { throw fail(Phrase.themeBadHexColour.text(word)) }
            return .rgb(rgb)
        }
        guard let index = UInt8(word) else {
            throw fail(Phrase.themeBadColour.text(word))
        }
        return .indexed(index)
    }

    /// The look of a role; roles a theme leaves out look like plain text.
    public func look(_ role: ThemeRole) -> Look { looks[role] ?? looks[.text] ?? Look() }

    /// Resolves every role colour in the grid into the theme's concrete colours
    /// and attributes. Pure, so what a theme does is testable without a terminal.
    public func apply(to grid: CellGrid) -> CellGrid {
        var themed = grid
        themed.updateStyle(in: grid.bounds) { style in
            guard case .role(let role) = style.foreground else { return }
            let look = self.look(role)
            var background = look.background
            if case .role(let backgroundRole) = style.background { background = self.look(backgroundRole).background }
            style = Style(foreground: look.foreground, background: background,
                          attributes: style.attributes.union(look.attributes))
        }
        return themed
    }

    /// A theme that uses no colour at all: for NO_COLOR and monochrome terminals.
    public var withoutColor: Theme {
        var copy = self
        for (role, look) in looks {
            copy.looks[role] = Look(foreground: .default, background: .default, attributes: look.attributes)
        }
        return copy
    }
}
