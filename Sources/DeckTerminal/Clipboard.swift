#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The system clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; BASE64
/// BEL`) asks the terminal emulator to set it, so it works over SSH and in
/// tmux (which keeps it as a paste buffer too), with no X11 or pbcopy on the
/// machine running the dashboard. The sequence prints nothing, so it can go
/// out between ncurses' frames.
enum Clipboard {
    /// Terminals cap what they take (xterm: about 100 kB of base64).
    static let maximumBytes = 74_000

    static func sequence(for text: String) -> String {
        // Cut on a character's boundary (string indices round down to one), never inside a UTF-8 sequence.
        let end = text.utf8.index(text.utf8.startIndex, offsetBy: maximumBytes, limitedBy: text.utf8.endIndex)
        let bytes = Data(String(text[..<(end ?? text.endIndex)]).utf8)
        return "\u{1B}]52;c;" + bytes.base64EncodedString() + "\u{07}"
    }

    static func copy(_ text: String) {
        // Straight to the descriptor: ncurses has flushed its own stream at
        // the end of the last frame, and the next frame follows this.
        let sequence = sequence(for: text)
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }
}
