import Foundation

/// The status bar's message and the log of every message shown. A message
/// goes away by itself after `lifetime` (it is not left to go stale on
/// screen), and everything said stays readable in full in the log (`:messages`),
/// however long it was and however soon it was replaced.
public struct StatusMessages: Sendable {
    public struct Entry: Equatable, Sendable {
        public let text: String
        /// Wall-clock time it was shown.
        public let time: Date
    }

    /// How long a message stays in the status bar.
    public static let lifetime: TimeInterval = 6
    /// The log is kept bounded: a long session should not grow forever.
    public static let limit = 1_000

    /// Oldest first.
    public private(set) var log: [Entry] = []
    /// When the message on screen is due to go; nil while none is shown.
    public private(set) var expiry: Date?

    public init() {}

    /// The status bar now shows `text` (nil: nothing).
    mutating func show(_ text: String?, at time: Date) {
        guard let text else {
            expiry = nil
            return
        }
        log.append(Entry(text: text, time: time))
        if log.count > Self.limit { log.removeFirst(log.count - Self.limit) }
        expiry = time + Self.lifetime
    }

    /// Whether the message on screen is due to go at `time`.
    func hasExpired(at time: Date) -> Bool {
        expiry.map { $0 <= time } ?? false
    }
}
