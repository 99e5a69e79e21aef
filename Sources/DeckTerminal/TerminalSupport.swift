import CampaignText
/// How many colours the dashboard may use. Ordered: `.none < .basic8 < .palette256 < .trueColor`.
public enum ColorCapability: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Monochrome: attributes only (NO_COLOR, or a terminal without colours).
    case none
    /// The 8 ANSI colours.
    case basic8
    /// The xterm 256-colour palette.
    case palette256
    /// 24-bit colour.
    case trueColor

    public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool { lhs.rawValue < rhs.rawValue }

    /// This capability limited by what the terminfo entry ncurses loaded says (`COLORS`
    /// after `start_color`): ncurses writes every byte, so it can only emit colours its
    /// terminfo knows, whatever COLORTERM claims. 24-bit colour needs a "direct" entry
    /// such as `xterm-direct` (COLORS = 2^24).
    public func limited(toTerminfoColors colors: Int) -> ColorCapability {
        let terminfo: ColorCapability
        switch colors {
        case (1 << 24)...: terminfo = .trueColor
        case 256...: terminfo = .palette256
        case 8...: terminfo = .basic8
        default: terminfo = .none
        }
        return Swift.min(self, terminfo)
    }
}

/// Whether the dashboard can run here, and with how many colours.
public enum TerminalDecision: Sendable, Hashable {
    case interactive(ColorCapability)
    /// The dashboard cannot run; `message` is one line for standard error.
    case refuse(message: String)
}

/// The decision, from the environment alone, of whether and how to open the dashboard.
/// Pure, so every case is unit tested; the backend then limits colours further by
/// terminfo (`ColorCapability.limited(toTerminfoColors:)`).
public enum TerminalSupport {
    /// Commands that work without a terminal, named in the refusal so the user knows
    /// what to run instead.
    static var headlessHint: String { Phrase.terminalHeadlessHint.text() }

    public static func decide(
        environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool
    ) -> TerminalDecision {
        guard stdinIsTerminal, stdoutIsTerminal else {
            let which: Phrase = !stdinIsTerminal && !stdoutIsTerminal
                ? .terminalNotTerminalBoth : !stdinIsTerminal ? .terminalNotTerminalIn : .terminalNotTerminalOut
            return .refuse(message: which.text(headlessHint))
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty {
            return .refuse(message: Phrase.terminalNoTERM.text(headlessHint))
        }
        if term == "dumb" {
            return .refuse(message: Phrase.terminalDumb.text(headlessHint))
        }
        return .interactive(colorCapability(environment: environment))
    }

    /// Colours from TERM, COLORTERM and NO_COLOR. NO_COLOR wins when set to anything
    /// but the empty string (https://no-color.org).
    public static func colorCapability(environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = (environment["TERM"] ?? "").lowercased()
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        if term.hasSuffix("-direct") || trueColorTerms.contains(term) { return .trueColor }
        if term.contains("256color") { return .palette256 }
        if monochromeTerms.contains(where: { term == $0 || term.hasPrefix($0 + "-") }) { return .none }
        // Everything else (xterm, screen, tmux, linux, rxvt…) has at least the 8
        // ANSI colours; terminfo limits further if it knows better.
        return .basic8
    }

    /// Terminals that do 24-bit colour but may arrive without COLORTERM (over ssh).
    static let trueColorTerms: Set<String> = ["xterm-kitty", "alacritty", "wezterm", "foot", "foot-extra", "xterm-ghostty", "contour"]
    /// Terminal families without colour.
    static let monochromeTerms = ["vt100", "vt102", "vt220", "vt320", "ansi-mono", "xterm-mono"]

    /// The ESCDELAY (ms) to set after `initscr`, or nil to leave ncurses' value. ncurses
    /// waits a full second by default to tell Esc from an escape sequence, which makes
    /// Esc feel broken; 25 ms is plenty on any modern link. A user's own ESCDELAY wins
    /// (ncurses reads it at start-up).
    public static func escapeDelay(environment: [String: String]) -> Int? {
        if let value = environment["ESCDELAY"], Int(value) != nil { return nil }
        return 25
    }
}
