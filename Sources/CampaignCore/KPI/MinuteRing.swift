/// Per-minute counters for the last day of event time, in a ring so memory
/// stays fixed however long the stream runs. Each slot remembers which minute
/// it holds, so a stale slot is never mistaken for a recent one.
struct MinuteRing: Sendable {
    static let capacity = 1_440

    private var minutes = [Int64](repeating: .min, count: MinuteRing.capacity)
    private var counters = [KPICounters](repeating: .zero, count: MinuteRing.capacity)

    @inline(__always)
    private static func slot(_ minute: Int64) -> Int {
        Int(((minute % Int64(capacity)) + Int64(capacity)) % Int64(capacity))
    }

    /// The counters of `minute`, or zero if the ring no longer (or never) held it.
    @inline(__always)
    func counters(at minute: Int64) -> KPICounters {
        let slot = MinuteRing.slot(minute)
        return minutes[slot] == minute ? counters[slot] : .zero
    }

    /// Adds to `minute`, reclaiming the slot if it held an older minute.
    @inline(__always)
    mutating func add(_ type: EventType, count: Int64, amount: Money, at minute: Int64) {
        let slot = MinuteRing.slot(minute)
        if minutes[slot] != minute {
            minutes[slot] = minute
            counters[slot] = .zero
        }
        counters[slot].add(type, count: count, amount: amount)
    }
}
