/// How a cell looks: colours and text attributes.
///
/// A small value type (9 bytes, no references) because every cell carries one and a
/// 200×60 frame is 12 000 of them. Colours are stored packed in integers so that
/// comparing two cells, which frame diffing does for every cell, is a few integer
/// compares rather than an enum match.
public struct Style: Sendable, Hashable {
    private var foregroundCode: UInt32
    private var backgroundCode: UInt32
    public var attributes: TextAttributes

    public var foreground: Color {
        get { Color(code: foregroundCode) }
        set { foregroundCode = newValue.code }
    }

    public var background: Color {
        get { Color(code: backgroundCode) }
        set { backgroundCode = newValue.code }
    }

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foregroundCode = foreground.code
        self.backgroundCode = background.code
        self.attributes = attributes
    }

    /// The terminal's own colours, no attributes.
    public static let plain = Style()

    /// Foreground from a theme role, the usual way dashboard code picks colours.
    public init(_ role: ThemeRole, attributes: TextAttributes = []) {
        self.init(foreground: .role(role), attributes: attributes)
    }

    /// This style with `extra` attributes added (`style.adding(.bold)`).
    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}

/// Attributes that survive on every terminal, including monochrome ones: the
/// monochrome theme and "breached cells stand out by more than colour alone" rely on them.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// A colour as the dashboard asks for it. Semantic roles are resolved by the theme;
/// concrete colours are brought down to what the terminal supports by the backend
/// (true colour → xterm-256 → 8 colours → none).
public enum Color: Sendable, Hashable {
    /// The terminal's default foreground or background.
    case `default`
    /// A semantic role, resolved by the active theme.
    case role(ThemeRole)
    /// An xterm-256 palette index (0–15 are the terminal's configurable system colours).
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(RGB)
}

extension Color {
    /// Kind in the top byte, value in the low 24 bits.
    var code: UInt32 {
        switch self {
        case .default: return 0
        case .role(let role): return 1 << 24 | UInt32(role.rawValue)
        case .indexed(let index): return 2 << 24 | UInt32(index)
        case .rgb(let rgb): return 3 << 24 | rgb.hex
        }
    }

    init(code: UInt32) {
        let value = code & 0xFF_FFFF
        switch code >> 24 {
        case 1: self = ThemeRole(rawValue: UInt8(truncatingIfNeeded: value)).map(Color.role) ?? .default
        case 2: self = .indexed(UInt8(truncatingIfNeeded: value))
        case 3: self = .rgb(RGB(hex: value))
        default: self = .default
        }
    }
}

/// A 24-bit colour.
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `RGB(hex: 0xFF8800)`.
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// Parses "#RRGGBB" or "RRGGBB" (as written in theme files); nil otherwise.
    public init?(hexString: String) {
        let digits = hexString.hasPrefix("#") ? hexString.dropFirst() : Substring(hexString)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
            return nil
        }
        self.init(hex: value)
    }

    public var hex: UInt32 { UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue) }

    /// "#RRGGBB".
    public var description: String {
        let digits = String(hex, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
