#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import DeckUI

/// The ncurses screen: set-up, painting frames by difference, and restoring the
/// terminal. One instance, used on one thread (ncurses is not thread-safe).
final class CursesScreen {
    private(set) var capability: ColorCapability
    private var painter: CursesPainter
    private var previous: CellGrid?
    private let window: UnsafeMutablePointer<WINDOW>

    /// Opens the screen, or nil when ncurses cannot (unknown TERM). `newterm` rather
    /// than `initscr`, because `initscr` exits the process on failure, skipping our
    /// error message and exit code.
    /// Whether the terminal reports the mouse to us (`--no-mouse`: it keeps its own selection).
    private let reportsMouse: Bool

    /// The key code ncurses returns for `MouseReport.prefix`; the report's
    /// digits follow as characters.
    static let mouseReportCode: Int32 = KEY_MAX + 1
    /// The code for `MouseReport.x10Prefix`; three bytes follow.
    static let x10MouseReportCode: Int32 = KEY_MAX + 2

    /// xterm's modes: 1000 reports presses, releases and the wheel, 1006 in
    /// the SGR form (plain digits, any size). Not 1002/1003 (motion): nothing
    /// here follows a drag. In every one of these modes xterm, tmux, kitty,
    /// iTerm2, WezTerm and GNOME Terminal keep Shift+drag for selecting text.
    /// Written straight to the terminal (`MouseModeSignals.writeAll`): `putp`
    /// goes into ncurses' output buffer, which held it until `endwin` (seen in
    /// a `script` capture), so reporting never came on while the dashboard ran.
    static let mouseOn = "\u{1B}[?1000h\u{1B}[?1006h"
    static let mouseOff = "\u{1B}[?1006l\u{1B}[?1000l"

    init?(capability requested: ColorCapability, environment: [String: String], mouse: Bool,
          role: @escaping @Sendable (ThemeRole) -> Color) {
        // The C library's locale is set before this (`TerminalLocale.establish`):
        // ncurses and wcwidth follow it from `newterm` on.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              newterm(nil, output, input) != nil, let window = cdeck_stdscr()
        else { return nil }
        self.window = window
        if let delay = TerminalSupport.escapeDelay(environment: environment) { cdeck_set_escdelay(Int32(delay)) }
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        Self.addMissingKeySequences()
        Self.catchMouseReports()
        reportsMouse = mouse
        if mouse {
            MouseModeSignals.writeAll(Array(Self.mouseOn.utf8))
            MouseModeSignals.install(on: Self.mouseOn, off: Self.mouseOff)
        }
        _ = curs_set(0)
        Self.passControlKeys()

        var capability = requested
        if capability > .none, has_colors() {
            _ = start_color()
            _ = use_default_colors()
            capability = capability.limited(toTerminfoColors: Int(cdeck_colors()))
        } else {
            capability = .none
        }
        self.capability = capability
        painter = CursesPainter(resolver: ColorResolver(capability: capability, role: role),
                                pairs: ColorPairs(limit: Int32(cdeck_color_pairs())))
    }

    /// A terminal described as an older one (TERM=vt100 in tmux or a modern
    /// emulator) still sends xterm's sequences for PgUp, PgDn, Home, End, Delete
    /// and Shift-Tab, which that terminfo entry lacks; tmux, screen, rxvt and the
    /// Linux console send Home and End as `ESC [1~`/`ESC [7~` and `ESC [4~`/`ESC [8~`,
    /// which xterm's entry lacks. Unknown, each would arrive as Esc (closing the
    /// open view) and stray characters (`4` focusing the anomaly log). Only
    /// sequences the entry leaves undefined are added, so a terminal's own spelling wins.
    private static func addMissingKeySequences() {
        let escape = "\u{1B}"
        let sequences: [(String, Int32)] = [
            (escape + "[5~", KEY_PPAGE), (escape + "[6~", KEY_NPAGE),
            (escape + "[1~", KEY_HOME), (escape + "[7~", KEY_HOME), (escape + "[H", KEY_HOME),
            (escape + "OH", KEY_HOME), (escape + "[4~", KEY_END), (escape + "[8~", KEY_END), (escape + "[F", KEY_END),
            (escape + "OF", KEY_END),
            (escape + "[3~", KEY_DC), (escape + "[Z", KEY_BTAB),
        ]
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    /// A mouse report's prefix becomes one key code, whatever the terminfo
    /// entry says (xterm's `kmous` is this prefix, tmux's the X10 one), so a
    /// report is never read as Esc and typed digits: reports a terminal sends
    /// with the mouse off (left on by a program that crashed) are dropped too.
    private static func catchMouseReports() {
        _ = define_key(MouseReport.prefix, 0)  // whatever code the entry gave it (KEY_MOUSE) goes
        _ = define_key(MouseReport.prefix, mouseReportCode)
        _ = define_key(MouseReport.x10Prefix, 0)
        _ = define_key(MouseReport.x10Prefix, x10MouseReportCode)
    }

    /// Ctrl-S saves and Ctrl-Q is free: with XON/XOFF flow control on, the
    /// terminal driver would swallow them (and Ctrl-S would freeze the screen).
    /// Ctrl-C arrives as a key, not as SIGINT: the dashboard asks before
    /// unsaved edits are lost, as `q` does (SIGINT sent by `kill` still ends it).
    /// ncurses restores the shell's settings, IXON and VINTR included, at `endwin`;
    /// `def_prog_mode` makes these the settings it returns to after a suspend.
    private static func passControlKeys() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &settings.c_cc) { characters in
            characters[Int(VINTR)] = Self.disabledCharacter
        }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        _ = def_prog_mode()
    }

    /// `_POSIX_VDISABLE`: the value that turns a special character off.
    #if os(Linux)
    private static let disabledCharacter: UInt8 = 0
    #else
    private static let disabledCharacter: UInt8 = 0xff
    #endif

    /// Paints `grid`, touching only cells that differ from the last frame.
    func draw(_ grid: CellGrid) {
        let runs = grid.changedRuns(since: previous)
        if previous.map({ $0.columns != grid.columns || $0.rows != grid.rows }) ?? false {
            _ = werase(window)  // a resize: old cells outside the new frame must go
        }
        painter.paint(grid, runs: runs, in: window)
        _ = wnoutrefresh(window)
        _ = doupdate()
        previous = grid
    }

    /// Forget the last frame, so the next `draw` repaints everything (after the
    /// screen was disturbed, e.g. a resume from Ctrl-Z).
    func invalidate() {
        previous = nil
        _ = clearok(window, true)
    }

    /// Gives the terminal back (echo, canonical mode, cursor).
    func close() {
        _ = curs_set(1)
        _ = endwin()
        if reportsMouse {
            MouseModeSignals.uninstall()
            MouseModeSignals.writeAll(Array(Self.mouseOff.utf8))
        }
    }
}
