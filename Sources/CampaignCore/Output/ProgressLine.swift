import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "rows read, MB/s" on standard error while a big file is read, only when
/// standard error is a terminal (a log or a pipe gets no carriage-return noise).
public struct ProgressLine: Sendable {
    private let enabled: Bool
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    public init(descriptor: Int32, size: Int, enabled wanted: Bool = true) {
        // Small files finish before a progress line could be read.
        enabled = wanted && isatty(STDERR_FILENO) == 1 && (size >= 32 << 20 || size == 0 && descriptor == STDIN_FILENO)
    }

    public var isEnabled: Bool { enabled }

    /// `rows` nil when the rows are counted on several threads (a file read in halves).
    public mutating func update(rows: Int?, bytes: Int, of size: Int = 0) {
        guard enabled, Date().timeIntervalSince(lastShown) >= 0.25 else { return }
        lastShown = Date()
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let megabytes = Double(bytes) / 1_048_576
        var text = "\r\u{1B}[K  "
        if let rows { text += "\(Formatting.count(Int64(rows))) rows read · " }
        text += "\(Formatting.fixed(megabytes, decimals: 0)) MB"
        if size > 0 {
            text += " of \(Formatting.fixed(Double(size) / 1_048_576, decimals: 0)) MB (\(Int(Double(bytes) * 100 / Double(size)))%)"
        }
        write(text + " · \(Formatting.fixed(megabytes / seconds, decimals: 0)) MB/s")
        shown = true
    }

    public mutating func clear() {
        guard shown else { return }
        write("\r\u{1B}[K")
        shown = false
    }

    /// Raw, because `Output.error` would show the carriage return instead of obeying it.
    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// The progress line for a file read on two threads: the readers add the
/// bytes they read; a reporter thread shows them twenty times a second.
/// Sendable as it stands: the counters are atomics, the rest is immutable.
public final class FileProgress: Sendable {
    private let size: Int
    private let bytes = Atomic<Int>(0)
    private let done = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    private let enabled: Bool

    public init(size: Int, shown: ProgressLine) {
        self.size = size
        enabled = shown.isEnabled
        guard enabled else { return }
        let thread = Thread { [self] in
            var line = shown
            while !done.load(ordering: .acquiring) {
                line.update(rows: nil, bytes: bytes.load(ordering: .relaxed), of: size)
                Thread.sleep(forTimeInterval: 0.05)
            }
            line.clear()
            stopped.signal()
        }
        thread.start()
    }

    public func add(bytes count: Int) { bytes.wrappingAdd(count, ordering: .relaxed) }

    /// Stops the reporter and waits until it has cleared its line.
    public func finish() {
        guard enabled, !done.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopped.wait()
    }
}

// `write` is also a method name here, so call the C function by module.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
