/// The seeded event simulator: a believable stream of JSON Lines for
/// a plan, aggregated per minute (one line per segment × channel × type with a
/// `count`), in event-time order, with the scripted incidents of
/// `ScriptedIncidents`. The same plan, seed, start and length give the same
/// bytes; a run from a later day writes exactly the tail of a longer run.
///
/// It streams: iterate minutes (`for minute in simulator`), or pull them into
/// a reused buffer (`makeIterator().next(appendingTo:)`), or let `write`
/// hand out chunks. Only one day of state is ever held.
public struct CampaignSimulator: Sequence, Sendable {
    public static let defaultSeed: UInt64 = 42

    public let plan: Plan
    public let seed: UInt64
    /// The first local day simulated.
    public let from: Day
    public let days: Int
    public let scriptedIncidents: Bool
    let model: SimulationModel

    /// `from` defaults to the campaign start, `days` to the campaign's length
    /// (start to the end of the last phase). `scriptedIncidents: false` gives
    /// a clean stream, for checks that nothing fires by accident.
    public init(plan: Plan, seed: UInt64 = CampaignSimulator.defaultSeed, from: Day? = nil, days: Int? = nil,
                scriptedIncidents: Bool = true) {
        self.plan = plan
        self.seed = seed
        self.scriptedIncidents = scriptedIncidents
        model = SimulationModel(plan: plan, seed: seed, scriptedIncidents: scriptedIncidents)
        self.from = from ?? plan.campaign.start
        self.days = Swift.max(days ?? model.campaignDays, 0)
    }

    /// Days from the campaign start to the end of its last phase.
    public static func campaignDays(of plan: Plan) -> Int { PhaseCalendar(plan: plan).campaignDays ?? 70 }

    public func makeIterator() -> MinuteIterator { MinuteIterator(model: model, from: from, days: days) }

    /// Writes the whole run in chunks of about `minutesPerChunk` minutes; the
    /// buffer passed to `sink` is reused, so copy what must outlive the call.
    public func write(minutesPerChunk: Int = 60, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var iterator = makeIterator()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var minutes = 0
        while iterator.next(appendingTo: &buffer) != nil {
            minutes += 1
            if minutes >= minutesPerChunk || buffer.count >= 1 << 20 {
                try buffer.withUnsafeBufferPointer(sink)
                buffer.removeAll(keepingCapacity: true)
                minutes = 0
            }
        }
        if !buffer.isEmpty { try buffer.withUnsafeBufferPointer(sink) }
    }

    /// The whole run as one string: for tests and short runs only.
    public func text() -> String {
        var all: [UInt8] = []
        write { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }
}

/// Walks the simulated minutes in event-time order, one day of state at a time.
public struct MinuteIterator: IteratorProtocol {
    let model: SimulationModel
    private var nextDay: Day
    private let endDay: Day
    private var current: SimulatedDay?
    private var minute = 0

    init(model: SimulationModel, from: Day, days: Int) {
        self.model = model
        nextDay = from
        endDay = from + days
    }

    public mutating func next() -> SimulatedMinute? {
        var bytes: [UInt8] = []
        guard let stamp = next(appendingTo: &bytes) else { return nil }
        return SimulatedMinute(stamp: stamp, bytes: bytes)
    }

    /// Appends the next minute's lines to `buffer` and says which minute it
    /// was; nil when the run is over. Quiet minutes append nothing but still
    /// come back, so a pacing caller sees event time move on.
    public mutating func next(appendingTo buffer: inout [UInt8]) -> MinuteStamp? {
        if current == nil || minute >= current!.minuteCount {
            guard nextDay < endDay else { return nil }
            current = SimulatedDay(model: model, day: nextDay)
            nextDay = nextDay + 1
            minute = 0
        }
        let stamp = current!.emit(minute: minute, model: model, into: &buffer)
        minute += 1
        return stamp
    }
}
