import Foundation

/// The wall clock a paced replay waits on. A protocol so tests can replay
/// paced streams without waiting in real time.
public protocol PacingClock: Sendable {
    /// Seconds since a fixed, arbitrary start; never goes back.
    func now() -> Double
    /// How long to block the thread for `seconds` to pass on this clock: the
    /// machine's clock blocks that long; a test clock moves itself on and
    /// blocks for nothing. (A waiter that must wake for other reasons, such
    /// as the dashboard's commands, blocks on its own condition this long.)
    func blockingSeconds(toLet seconds: Double) -> Double
}

extension PacingClock {
    /// Blocks the calling thread until `seconds` have passed on this clock.
    public func sleep(seconds: Double) {
        let blocking = blockingSeconds(toLet: seconds)
        if blocking > 0 { Thread.sleep(forTimeInterval: blocking) }
    }
}

/// The machine's monotonic clock (not the calendar clock, which can jump).
public struct SystemPacingClock: PacingClock {
    public init() {}
    public func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    public func blockingSeconds(toLet seconds: Double) -> Double { seconds }
}

/// When each simulated minute is due in wall time at a replay speed
/// (campaign seconds per wall second). The first event after a start or a
/// restart is due at once; later ones as far after it as their event time,
/// divided by the speed. A speed change restarts, so the replay never jumps
/// ahead or stalls to make up for time played at the old speed.
public struct SimulationPacer: Sendable {
    public private(set) var speed: Double
    private var origin: (eventSecond: Int64, wall: Double)?

    public init(speed: Double) {
        precondition(speed > 0, "a replay speed is above 0")
        self.speed = speed
    }

    public mutating func set(speed newSpeed: Double) {
        guard newSpeed != speed else { return }
        precondition(newSpeed > 0, "a replay speed is above 0")
        speed = newSpeed
        origin = nil
    }

    /// Forgets the origin: the next event is due at once (after catching up, a pause).
    public mutating func restart() { origin = nil }

    /// Seconds from `now` until the event at `eventSecond` is due; 0 or less when due.
    public mutating func wait(before eventSecond: Int64, now: Double) -> Double {
        guard let origin else {
            origin = (eventSecond, now)
            return 0
        }
        return origin.wall + Double(eventSecond - origin.eventSecond) / speed - now
    }
}

extension CampaignSimulator {
    /// The stream in event time at `speed`: each simulated minute is handed to
    /// `sink` when it is due (`simulate --speed`).
    public func write(pacedAt speed: Double, clock: some PacingClock = SystemPacingClock(),
                      to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        var iterator = makeIterator()
        var buffer: [UInt8] = []
        var pacer = SimulationPacer(speed: speed)
        while let stamp = iterator.next(appendingTo: &buffer) {
            let wait = pacer.wait(before: stamp.epochSeconds, now: clock.now())
            if wait > 0 { clock.sleep(seconds: wait) }
            buffer.withUnsafeBufferPointer(sink)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
