import DeckUI

/// Turns a cell's `Color` into the colour number ncurses takes, for one terminal's
/// capability. Pure: the curses calls live in `CursesPainter`.
public struct ColorResolver: Sendable {
    public var capability: ColorCapability
    /// The active theme's answer for a semantic role. A role resolved to another role
    /// counts as the terminal default (themes are validated to give concrete colours).
    public var role: @Sendable (ThemeRole) -> Color

    public init(capability: ColorCapability, role: @escaping @Sendable (ThemeRole) -> Color) {
        self.capability = capability
        self.role = role
    }

    /// The ncurses colour number, or -1 for the terminal's default colour
    /// (`use_default_colors`). With `.trueColor` (a "direct" terminfo entry) numbers are
    /// 0xRRGGBB, except that entries such as xterm-direct read 0–7 as the ANSI colours,
    /// so RGB values below 8 are nudged to 8 (an invisible change of blue).
    public func terminalColor(_ color: Color) -> Int32 {
        var concrete = color
        if case .role(let name) = color { concrete = role(name) }
        switch (concrete, capability) {
        case (_, .none), (.default, _), (.role, _):
            return -1
        case (.indexed(let index), .trueColor):
            return index < 8 ? Int32(index) : Self.direct(ColorMapping.rgb(ofXterm256: index))
        case (.indexed(let index), .palette256):
            return Int32(index)
        case (.indexed(let index), .basic8):
            return Int32(ColorMapping.nearestBasic8(xterm256: index))
        case (.rgb(let rgb), .trueColor):
            return Self.direct(rgb)
        case (.rgb(let rgb), .palette256):
            return Int32(ColorMapping.nearestXterm256(rgb))
        case (.rgb(let rgb), .basic8):
            return Int32(ColorMapping.nearestBasic8(xterm256: ColorMapping.nearestXterm256(rgb)))
        }
    }

    private static func direct(_ rgb: RGB) -> Int32 { Int32(max(rgb.hex, 8)) }
}
