import DeckUI

/// xterm's SGR mouse reports (mode 1006): `ESC [ < b ; x ; y M` for a press
/// (or a wheel notch, or motion) and `… m` for a release, x and y counting
/// from 1. Decoded here rather than through ncurses' `getmouse`, because:
/// ncurses picks the protocol from the terminfo entry (`kmous`/`XM`), so under
/// TERM=tmux-256color or screen it asks for the old X10 encoding, whose
/// coordinates stop at 223 and whose bytes above 127 arrive mangled under a
/// UTF-8 locale; its own click timing (`mouseinterval`) holds presses back to
/// build clicks and double clicks; and it cannot be tested without a
/// terminal. The SGR form is plain digits, works at any size and is the same
/// in xterm, tmux, kitty, iTerm2, WezTerm and Windows Terminal; this decoder
/// is a pure function the tests feed garbage to.
public enum MouseReport {
    /// What ncurses is told to report as one key (`CursesScreen`); the rest of
    /// the report is read character by character (`Collector`).
    static let prefix = "\u{1B}[<"
    /// No report is longer (three five-digit numbers, two semicolons, the final).
    static let maximumBodyLength = 18

    /// A whole report, from ESC to the final `M` or `m`; nil for anything else.
    public static func decode(_ sequence: String) -> MouseEvent? {
        guard sequence.hasPrefix(prefix), let final = sequence.last else { return nil }
        return decode(body: String(sequence.dropFirst(prefix.count).dropLast()), final: final)
    }

    /// `b;x;y` and the final character. Button bits (xterm's ctlseqs): the low
    /// two bits are the button (3: none, on motion), +4 Shift, +8 Alt/Meta,
    /// +16 Ctrl, +32 motion, +64 the wheel (64 up, 65 down, 66 left, 67 right),
    /// +128 buttons 8–11 (not used here).
    public static func decode(body: String, final: Character) -> MouseEvent? {
        guard final == "M" || final == "m", body.utf8.count <= maximumBodyLength else { return nil }
        let fields = body.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3,
              fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let code = Int(fields[0]), let x = Int(fields[1]), let y = Int(fields[2]), x >= 1, y >= 1
        else { return nil }
        let shift = code & 4 != 0, alt = code & 8 != 0, control = code & 16 != 0
        let button = code & 3
        let kind: MouseEvent.Kind
        if code & 128 != 0 {
            return nil
        } else if code & 64 != 0 {
            guard final == "M" else { return nil }  // a wheel notch has no release
            kind = [MouseEvent.Kind.wheelUp, .wheelDown, .wheelLeft, .wheelRight][button]
        } else if code & 32 != 0 {
            kind = .motion
        } else {
            guard button != 3 else { return nil }
            let which: MouseEvent.Button = [MouseEvent.Button.left, .middle, .right][button]
            kind = final == "M" ? .press(which) : .release(which)
        }
        return MouseEvent(kind, column: x - 1, row: y - 1, shift: shift, alt: alt, control: control)
    }

    /// The older X10 form, `ESC [ M` and three bytes (button, x, y, each plus
    /// 32), which a terminal without mode 1006 (GNU screen 4, say) sends
    /// instead: the same button bits, a release as button 3 (which one is not
    /// said), coordinates up to 223. Read so that such a report is never typed
    /// as Esc and three characters.
    static let x10Prefix = "\u{1B}[M"

    public static func decodeX10(_ button: UInt32, _ x: UInt32, _ y: UInt32) -> MouseEvent? {
        guard (32...255).contains(button), (33...255).contains(x), (33...255).contains(y) else { return nil }
        let code = Int(button) - 32
        if code & 3 == 3 && code & (32 | 64) == 0 {
            return MouseEvent(.release(.left), column: Int(x) - 33, row: Int(y) - 33, shift: code & 4 != 0,
                              alt: code & 8 != 0, control: code & 16 != 0)
        }
        return decode(body: "\(code);\(x - 32);\(y - 32)", final: "M")
    }

    /// Gathers the characters after the prefix, one at a time, as the
    /// terminal loop reads them.
    struct Collector {
        enum Step: Equatable {
            /// Not finished: feed the next character.
            case more
            /// The report is complete: its event, or nil when it was not a
            /// report we use (it is dropped either way, never typed).
            case done(MouseEvent?)
            /// `character` cannot be part of a report: what came before is
            /// dropped and the character is read as a key of its own.
            case notReport
        }

        private var body = ""

        mutating func feed(_ character: Character) -> Step {
            if character == "M" || character == "m" { return .done(MouseReport.decode(body: body, final: character)) }
            guard character == ";" || (character.isASCII && character.isNumber), body.utf8.count < maximumBodyLength
            else { return .notReport }
            body.append(character)
            return .more
        }
    }
}
