import CampaignCore
import CampaignText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error written straight to the file descriptors: no
/// buffering to flush at exit, and no C `FILE*` globals (Swift 6 rejects them).
///
/// Two kinds of output: text for people (tables, summaries,
/// Markdown) never carries a raw control character to a terminal: data may
/// hold escape sequences or carriage returns, which are shown as escapes, not
/// obeyed. Data formats (CSV, JSON and the exports) quote by their own rules
/// and are written byte for byte wherever they go.
///
/// Every write is checked: a full disk or a failing device ends the command
/// with `cannot write output: <reason> (standard output)` and exit 1, so a
/// truncated export never looks like success. A reader that went away (`| head
/// -1`, EPIPE) ends it quietly with exit 0, as `ripgrep` and most Unix tools
/// that users pipe into `head` do: the reader got what it asked for.
enum Output {
    /// Text for people, with a line end added when missing.
    static func print(_ text: String) {
        raw(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Text for people, exactly `text` (it manages its own line ends).
    static func raw(_ text: String) {
        write(standardOutputIsTerminal ? ControlCharacters.escapedKeepingLayout(text) : text, to: STDOUT_FILENO)
    }

    /// CSV, JSON and exports: never altered, terminal or not.
    static func data(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Messages for people: always made safe, whatever standard error is.
    static func error(_ text: String) {
        let line = ControlCharacters.escapedKeepingLayout(text)
        write(line.hasSuffix("\n") ? line : line + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        let failure: Int32? = bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        guard let failure else { return }
        // Standard error failing leaves nowhere to report anything: carry on.
        guard descriptor == STDOUT_FILENO else { return }
        writeFailed(errorNumber: failure)
    }

    /// Ends the process after standard output failed (see the type's comment).
    static func writeFailed(errorNumber: Int32) -> Never {
        if errorNumber == EPIPE { exit(0) }
        error(Phrase.cliCannotWriteOutput.text(String(cString: strerror(errorNumber))))
        exit(1)
    }

    /// Ends the process if anything written through C streams (ArgumentParser's
    /// help) could not be flushed; called once, last thing before exiting.
    static func finish() {
        if fflush(nil) != 0 { writeFailed(errorNumber: errno) }
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
