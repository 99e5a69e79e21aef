#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

// Signal handlers can only touch globals; these are written before the
// handlers are installed and read by them.
nonisolated(unsafe) private var wakeDescriptor: Int32 = -1
nonisolated(unsafe) private var stopSignal: Int32 = 0

/// Gives the terminal back however the program ends (ARCHITECTURE.md):
/// SIGINT, SIGTERM and SIGHUP end the loop cleanly through a self-pipe (so
/// the restore runs on the curses thread); a crash (a Swift trap is SIGILL or
/// SIGTRAP) restores the terminal from the handler and re-raises, so the
/// exit status and core dump are the real ones.
enum SignalGuard {
    static var requestedStop: Int32 { stopSignal }

    static func install(wake descriptor: Int32) {
        wakeDescriptor = descriptor
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                stopSignal = received
                var byte: UInt8 = 1
                _ = write(wakeDescriptor, &byte, 1)
            }
        }
        for signalNumber in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            signal(signalNumber) { received in
                MouseModeSignals.turnOffFromHandler()
                _ = endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// After the terminal is restored: die of the signal that stopped us, as a
    /// well-behaved program does (the shell then reports it correctly).
    static func reraiseIfStopped() {
        guard stopSignal != 0 else { return }
        signal(stopSignal, SIG_DFL)
        raise(stopSignal)
    }
}
