import DeckUI
import Foundation

/// The live side's only lock, between the terminal thread and the session's
/// thread: commands (effects the session runs) go in, actions (new data, the
/// outcome of a save, a message) come out, and a byte on a pipe wakes the
/// terminal loop's poll. Every stored `var` is guarded by `condition`; the
/// descriptors are set once, so `@unchecked Sendable` holds.
final class LiveMailbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var commands: [DeckEffect] = []
    private var actions: [DeckAction] = []
    private var stopping = false
    private var finished = false
    /// Readable when actions are waiting (the terminal loop polls it).
    let wakeDescriptor: Int32
    private let wakeWriter: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        precondition(pipe(&ends) == 0, "cannot make the live session's wake pipe: \(String(cString: strerror(errno)))")
        for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
    }

    deinit {
        close(wakeDescriptor)
        close(wakeWriter)
    }

    // MARK: From the terminal thread

    func send(_ effect: DeckEffect) {
        condition.withLock {
            commands.append(effect)
            condition.broadcast()
        }
    }

    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
    }

    /// Waits up to `seconds` for the session's thread to finish; false if it did not.
    func waitUntilFinished(seconds: Double) -> Bool {
        condition.withLock {
            let deadline = Date(timeIntervalSinceNow: seconds)
            while !finished {
                if !condition.wait(until: deadline) { return finished }
            }
            return true
        }
    }

    /// Everything posted since the last call, oldest first; drains the wake pipe.
    func takeActions() -> [DeckAction] {
        var drain = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &drain, drain.count) > 0 {}
        return condition.withLock {
            defer { actions.removeAll() }
            return actions
        }
    }

    // MARK: From the session's thread

    var isStopping: Bool { condition.withLock { stopping } }

    /// The session's thread is done: nothing more will be written.
    func markFinished() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// The commands waiting, after waiting up to `seconds` for one (nil: until
    /// one arrives or the session stops; 0: not at all).
    func takeCommands(waitingUpTo seconds: Double?) -> [DeckEffect] {
        condition.withLock {
            if let seconds {
                if commands.isEmpty && !stopping && seconds > 0 {
                    _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
                }
            } else {
                while commands.isEmpty && !stopping { condition.wait() }
            }
            defer { commands.removeAll() }
            return commands
        }
    }

    /// Queues an action for the terminal and wakes it. Only the newest
    /// snapshot waits: an older one would be drawn and replaced at once.
    func post(_ action: DeckAction) {
        condition.withLock {
            if case .data = action, let older = actions.lastIndex(where: { if case .data = $0 { true } else { false } }) {
                actions.remove(at: older)
            }
            actions.append(action)
        }
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }
}
