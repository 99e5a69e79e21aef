#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Foundation
import CampaignCore
import CampaignText
import DeckUI

/// Where the dashboard's data comes from and where its effects go. The live
/// side runs on its own thread; the terminal loop only sends it effects and
/// applies the actions it hands back, so every curses call stays on one
/// thread and nothing here waits for a file or the database.
public protocol DashboardFeed: AnyObject, Sendable {
    /// Readable when actions are waiting (a self-pipe).
    var wakeDescriptor: Int32 { get }
    /// The actions since the last call, oldest first; drains the wake pipe.
    func takeActions() -> [DeckAction]
    /// Runs an effect on the live side (saving, the anomaly log, pacing…).
    func perform(_ effect: DeckEffect)
}

/// Why a theme asked for (`t`, `:theme`) could not be used.
public struct ThemeLoadFailure: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// The interactive dashboard: waits (without using CPU) for a key, new data,
/// a resize or a signal; updates the state; renders; paints only what changed.
public enum TerminalDashboard {
    public enum Failure: Error, CustomStringConvertible {
        case noTerminal(String)
        public var description: String {
            switch self {
            case .noTerminal(let message): return message
            }
        }
    }

    /// `firstFrame` is called right after the first frame is on screen (for start-up timing).
    /// `mouse`: the terminal reports clicks and the wheel (false: `--no-mouse`
    /// or the config's `mouse: false`; the terminal keeps its own selection).
    public static func run(state initial: DeckState, feed: DashboardFeed, environment: [String: String],
                           mouse: Bool = true, firstFrame: () -> Void = {},
                           theme loadTheme: (String) -> Result<Theme, ThemeLoadFailure>) throws -> DeckState {
        let decision = TerminalSupport.decide(environment: environment, stdinIsTerminal: isatty(STDIN_FILENO) == 1,
                                              stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
        guard case .interactive(let capability) = decision else {
            if case .refuse(let message) = decision { throw Failure.noTerminal(message) }
            throw Failure.noTerminal(Phrase.terminalNeeded.text())
        }
        let locale = TerminalLocale.establish(environment: environment)
        // A terminal drawn in ASCII cannot show Chinese: the interface speaks
        // English there, and the notice (in English) says which locale to set.
        if locale.drawsASCII { Language.process = .english }
        guard let screen = CursesScreen(capability: capability, environment: environment, mouse: mouse, role: { _ in .default }) else {
            throw Failure.noTerminal(Phrase.terminalCannotStart.text(environment["TERM"] ?? ""))
        }
        var signalPipe: [Int32] = [-1, -1]
        _ = pipe(&signalPipe)
        SignalGuard.install(wake: signalPipe[1])
        var state = initial
        var theme = (try? loadTheme(state.themeName).get()) ?? Theme(name: "plain", looks: [:])
        if capability == .none { theme = theme.withoutColor }

        /// Keys that scroll to what is on screen (a moved task's bar) need the size the frames are drawn at.
        func measure() {
            _ = DeckUpdate.apply(.resize(columns: Int(cdeck_cols()), rows: Int(cdeck_lines())), to: &state)
        }
        func paint() {
            let size = (columns: Int(cdeck_cols()), rows: Int(cdeck_lines()))
            // The state learns the size it is drawn at, for views that scroll by what fits.
            if state.screen != DeckState.ScreenSize(columns: size.columns, rows: size.rows) {
                _ = DeckUpdate.apply(.resize(columns: size.columns, rows: size.rows), to: &state)
            }
            let frame = theme.apply(to: DeckRenderer.render(state, columns: size.columns, rows: size.rows))
            screen.draw(locale.drawsASCII ? frame.asciiOnly() : frame)
        }
        /// Runs effects: the theme here, everything else on the live side, whose
        /// answers (a save's outcome…) come back as actions.
        func perform(_ effects: [DeckEffect]) {
            for effect in effects {
                switch effect {
                case .useTheme(let name):
                    switch loadTheme(name) {
                    case .success(var loaded):
                        if capability == .none { loaded = loaded.withoutColor }
                        theme = loaded
                    case .failure(let failure):
                        // Keep the theme on screen and say why the new one is not used.
                        _ = DeckUpdate.apply(.message(failure.message), to: &state)
                    }
                case .copyToClipboard(let text):
                    Clipboard.copy(text)
                case .quit,
                     .setPaused, .setSpeed, .acknowledge, .assignOwner, .addNote, .resolve, .reopen, .silence, .savePlan, .reloadPlan,
                     .savePlanAs, .planEdited, .planSaved, .walkthrough:
                    feed.perform(effect)
                }
            }
        }
        if let notice = locale.notice { _ = DeckUpdate.apply(.message(notice), to: &state) }
        measure()
        paint()
        firstFrame()
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: feed.wakeDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: signalPipe[0], events: Int16(POLLIN), revents: 0)]
        while !state.quitting {
            // Blocks until something happens, or until the status message is due
            // to go: no ticking timer, no CPU while idle.
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout(until: state.messages.expiry))
            if ready < 0 && errno != EINTR { break }
            if SignalGuard.requestedStop != 0 || descriptors[2].revents != 0 { break }
            var changed = false
            if let expiry = state.messages.expiry, expiry <= Date() {
                perform(DeckUpdate.apply(.time(Date()), to: &state))
                changed = true
            }
            if descriptors[1].revents != 0 {
                for action in feed.takeActions() {
                    perform(DeckUpdate.apply(action, to: &state))
                    changed = true
                }
            }
            // A resize arrives as SIGWINCH, which interrupts poll (EINTR) without
            // any input: ncurses turns it into KEY_RESIZE on the next read.
            if descriptors[0].revents != 0 || ready < 0 {
                for input in readInputs() {
                    switch input {
                    case .resize: measure()
                    case .key(let key): perform(DeckUpdate.apply(.key(key), to: &state))
                    case .mouse(let event):
                        // With the mouse off a stray report (a terminal left in mouse mode) does nothing.
                        guard mouse else { continue }
                        perform(DeckUpdate.apply(.mouse(event, time: ProcessInfo.processInfo.systemUptime), to: &state))
                    }
                    changed = true
                }
            }
            if changed { paint() }
        }
        screen.close()
        SignalGuard.reraiseIfStopped()
        return state
    }

    /// Milliseconds `poll` may wait before `expiry` (rounded up, so it wakes
    /// once it has passed); -1 (forever) without one.
    static func timeout(until expiry: Date?) -> Int32 {
        guard let expiry else { return -1 }
        let milliseconds = (expiry.timeIntervalSinceNow * 1_000).rounded(.up)
        return Int32(max(0, min(milliseconds, Double(Int32.max))))
    }

    enum Input {
        case key(Key)
        case mouse(MouseEvent)
        case resize
    }

    /// Every key, mouse report and resize waiting in the input queue.
    private static func readInputs() -> [Input] {
        var inputs: [Input] = []
        _ = nodelay(cdeck_stdscr(), true)
        var pending: (result: Int32, value: wint_t)?
        while true {
            var value: wint_t = 0
            let result: Int32
            if let next = pending {
                (result, value) = next
                pending = nil
            } else {
                result = wget_wch(cdeck_stdscr(), &value)
            }
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if Int32(value) == cdeck_key_resize() {
                    inputs.append(.resize)
                } else if Int32(value) == CursesScreen.mouseReportCode {
                    let (event, after) = readMouseReport()
                    if let event { inputs.append(.mouse(event)) }
                    pending = after
                } else if Int32(value) == CursesScreen.x10MouseReportCode {
                    if let event = readX10MouseReport() { inputs.append(.mouse(event)) }
                } else if let key = KeyDecoder.function(Int32(value)) {
                    inputs.append(.key(key))
                }
            } else if let key = KeyDecoder.character(UInt32(value)) {
                inputs.append(.key(key))
            }
        }
        return inputs
    }

    /// The three bytes of an X10 report (`MouseReport.decodeX10`); what does
    /// not arrive within 50 ms, or is not one byte's value, drops the report.
    private static func readX10MouseReport() -> MouseEvent? {
        var values: [UInt32] = []
        var waited = false
        while values.count < 3 {
            var value: wint_t = 0
            let result = wget_wch(cdeck_stdscr(), &value)
            if result == ERR {
                guard !waited else { return nil }
                waited = true
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 50)
                continue
            }
            guard result != KEY_CODE_YES else { return nil }
            values.append(UInt32(value))
        }
        return MouseReport.decodeX10(values[0], values[1], values[2])
    }

    /// The rest of a mouse report after its prefix. A terminal writes a report
    /// at once, but it may reach us in two reads: a missing character is
    /// waited for a little (50 ms at most), then the report is dropped. A
    /// character that cannot belong to a report is handed back to be read as
    /// a key, so typing is never lost to a broken report.
    private static func readMouseReport() -> (MouseEvent?, pending: (Int32, wint_t)?) {
        var collector = MouseReport.Collector()
        var waited = false
        while true {
            var value: wint_t = 0
            let result = wget_wch(cdeck_stdscr(), &value)
            if result == ERR {
                guard !waited else { return (nil, nil) }
                waited = true
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 50)
                continue
            }
            guard result != KEY_CODE_YES, let scalar = Unicode.Scalar(UInt32(value)) else { return (nil, (result, value)) }
            switch collector.feed(Character(scalar)) {
            case .more: continue
            case .done(let event): return (event, nil)
            case .notReport: return (nil, (result, value))
            }
        }
    }
}
