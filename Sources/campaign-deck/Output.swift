import CampaignCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error written straight to the file descriptors: no
/// buffering to flush at exit, and no C `FILE*` globals (Swift 6 rejects them).
///
/// Data from plans and streams may carry terminal escape sequences; whatever
/// reaches a terminal goes through `ControlCharacters` so it is shown, never obeyed.
/// Output to pipes and files stays byte-exact.
enum Output {
    static func print(_ text: String) {
        raw(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes exactly `text` (for formats that manage their own line endings).
    static func raw(_ text: String) {
        write(standardOutputIsTerminal ? ControlCharacters.escapedKeepingLayout(text) : text, to: STDOUT_FILENO)
    }

    /// Messages for people: always made safe, whatever standard error is.
    static func error(_ text: String) {
        let line = ControlCharacters.escapedKeepingLayout(text)
        write(line.hasSuffix("\n") ? line : line + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return // a closed pipe (`| head`): nothing more to say
                }
                offset += written
            }
        }
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
