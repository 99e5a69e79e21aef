import CampaignText
import CampaignCore

/// The seeded simulator, paced in event time at the user's speed (or, for
/// `--snapshot`, as fast as it goes). Before `warmUntil` (epoch seconds) it
/// replays at full speed, so the demo opens in the thick of the campaign.
public struct SimulatorSource: LiveSource {
    public let simulator: CampaignSimulator
    public let paced: Bool
    public let warmUntil: Int64?

    public init(simulator: CampaignSimulator, paced: Bool, warmUntil: Int64? = nil) {
        self.simulator = simulator
        self.paced = paced
        self.warmUntil = warmUntil
    }

    public func run(into feed: LiveFeed) throws(LiveSourceError) {
        var iterator = simulator.makeIterator()
        var buffer: [UInt8] = []
        var reader = EventStreamReader()
        var pacer = SimulationPacer(speed: feed.speed)
        var catchingUp = false
        while !feed.isStopping, let stamp = iterator.next(appendingTo: &buffer) {
            let warming = warmUntil.map { stamp.epochSeconds < $0 } ?? false
            if warming != catchingUp {
                catchingUp = warming
                feed.setCatchingUp(warming)
                pacer.restart()
            }
            if paced && !warming { waitUntilDue(stamp.epochSeconds, pacer: &pacer, feed: feed) }
            do {
                try reader.read(bytes: buffer, sourceName: "simulator") { records, symbols in feed.deliver(records, symbols: symbols) }
            } catch {
                // The simulator writes only lines its own reader accepts; this is a bug, said rather than hidden.
                throw LiveSourceError(Phrase.liveSimulatorUnreadable.text(error), isBadInput: false)
            }
            buffer.removeAll(keepingCapacity: true)
        }
        if catchingUp { feed.setCatchingUp(false) }
    }

    /// Waits until the minute is due; a pause or a new speed restarts the
    /// pacing from this minute, so the stream neither jumps nor stalls.
    private func waitUntilDue(_ eventSecond: Int64, pacer: inout SimulationPacer, feed: LiveFeed) {
        while !feed.isStopping {
            if feed.holdWhilePaused() { pacer.restart() }
            pacer.set(speed: feed.speed)
            let wait = pacer.wait(before: eventSecond, now: feed.clock.now())
            if wait <= 0 { return }
            feed.wait(until: feed.clock.now() + wait)
        }
    }
}
