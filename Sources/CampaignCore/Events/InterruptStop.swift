#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// Signal handlers can only touch globals; this is written before the handlers
// are installed and only read by them.
nonisolated(unsafe) private var interruptPipe: (read: Int32, write: Int32) = (-1, -1)

/// SIGINT (Ctrl-C) and SIGTERM end a `--follow` ingest cleanly: the ingest
/// stops after the batch in hand, commits it and prints its summary; a second
/// signal ends the process at once. Beside `FollowStop`, which it requests.
///
/// A plain handler and a self-pipe, so the signal is taken wherever it comes
/// from; the signals are also unblocked, since a parent (a test runner, a
/// supervisor) may have started us with them blocked. The ingest loop checks
/// the stop after every chunk, not only at the end of the file, so a producer
/// that writes faster than we read cannot keep it from stopping (it did: only
/// SIGHUP or SIGKILL ended it, with no summary).
public enum InterruptStop {
    public static func install(requesting stop: FollowStop) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        interruptPipe = (ends[0], ends[1])
        // The first signal is passed on to `stop` by this thread (the handler
        // itself may only write to the pipe).
        let waiter = Thread {
            var byte: UInt8 = 0
            while read(interruptPipe.read, &byte, 1) < 0 && errno == EINTR {}
            stop.request()
        }
        waiter.start()
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(interruptPipe.write, &byte, 1)
                signal(received, SIG_DFL) // a second one is not ignored
            }
        }
    }
}
