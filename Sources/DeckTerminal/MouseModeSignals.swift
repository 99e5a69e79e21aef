#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Signal handlers can only touch globals; these are written before the
// handlers are installed and read by them.
nonisolated(unsafe) private var reportsMouse = false
nonisolated(unsafe) private var ncursesStopHandler: (@convention(c) (Int32) -> Void)?
/// The sequences as bytes, made before any handler can run (a handler must
/// not build a Swift string).
nonisolated(unsafe) private var onBytes: [UInt8] = []
nonisolated(unsafe) private var offBytes: [UInt8] = []

/// The terminal's mouse modes follow the dashboard out and back in: the modes
/// are our own bytes (ncurses knows nothing of them), so on Ctrl-Z they are
/// turned off before ncurses' own stop handler gives the shell its terminal
/// (a click in the shell would type a report) and on again after `fg`; a
/// crash turns them off before the terminal is restored.
enum MouseModeSignals {
    static func install(on: String, off: String) {
        onBytes = Array(on.utf8)
        offBytes = Array(off.utf8)
        reportsMouse = true
        let previous = signal(SIGTSTP) { received in
            writeBytes(offBytes)
            // ncurses' handler (installed by `newterm`) restores the terminal, stops
            // the process and repaints once it is continued; without one, stop as usual.
            if let handler = ncursesStopHandler {
                handler(received)
            } else {
                signal(SIGTSTP, SIG_DFL)
                raise(SIGTSTP)
            }
            writeBytes(onBytes)
        }
        // SIG_DFL (0) and SIG_IGN (1) are not functions to call.
        let address = previous.map { unsafeBitCast($0, to: Int.self) } ?? 0
        ncursesStopHandler = address > 1 ? previous : nil
    }

    /// From a crash handler: the modes off (a no-op when they were never on).
    static func turnOffFromHandler() {
        if reportsMouse { writeBytes(offBytes) }
    }

    static func uninstall() {
        reportsMouse = false
    }

    static func writeAll(_ bytes: [UInt8]) { writeBytes(bytes) }
}

/// `write` until all is written (async-signal-safe); a free function, so a
/// signal handler can call it without capturing anything.
private func writeBytes(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
