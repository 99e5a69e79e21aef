import Foundation

/// Tells a running `EventFollower` to stop at its next check (at most one sleep
/// slice later). A class so one flag can be shared with the thread that follows.
public final class FollowStop: @unchecked Sendable {
    // NSLock rather than Synchronization.Atomic: Atomic needs macOS 15 and the
    // package still targets macOS 13. Guarded by `lock`.
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }
}
