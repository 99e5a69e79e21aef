import Foundation

/// A value shared between threads behind a pthread mutex (NSLock).
/// Synchronization.Mutex locks with a raw futex on Linux, which
/// ThreadSanitizer cannot see, so CI's TSan run reported every `withLock`
/// on a global Mutex as a Swift access race; an NSLock it understands.
public final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
