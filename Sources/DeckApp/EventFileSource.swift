import CampaignText
import CampaignCore

/// Event files read in order (`-` is standard input); with `follow`, the
/// last one keeps being read as it grows, like `tail -F`. Rejected lines
/// are counted in the status bar as they are found.
public struct EventFileSource: LiveSource {
    public let paths: [String]
    public let follow: Bool
    public let limits: EventLimits
    /// How often a followed file is looked at for growth.
    public var pollSeconds = 0.2

    public init(paths: [String], follow: Bool, limits: EventLimits = .standard) {
        self.paths = paths
        self.follow = follow
        self.limits = limits
    }

    public func run(into feed: LiveFeed) throws(LiveSourceError) {
        let followed = follow ? paths.last.flatMap { $0 == "-" ? nil : $0 } : nil
        var reader = EventStreamReader(limits: limits)
        var rejections = RejectionNote()
        do {
            // A followed file is read by the follower alone, from its start.
            try reader.read(sources: followed == nil ? paths : Array(paths.dropLast())) { records, symbols in
                feed.deliver(records, symbols: symbols)
            }
        } catch let error as EventInputError {
            rejections.update(reader.stats, feed: feed)
            throw LiveSourceError(error.description, isBadInput: true)
        } catch {
            throw LiveSourceError(Phrase.liveCannotReadEvents.text(error), isBadInput: false)
        }
        rejections.update(reader.stats, feed: feed)
        guard let followed else { return }
        feed.publishNow()
        // The follower continues the reader's symbol tables: ids in its records mean the same names.
        var follower = EventFollower(path: followed, limits: limits, symbols: reader.symbols)
        defer { follower.close() }
        let earlier = reader.stats
        while !feed.isStopping {
            do {
                try follower.poll { records, symbols in feed.deliver(records, symbols: symbols) }
            } catch {
                throw LiveSourceError(Phrase.liveStoppedFollowing.text(error), isBadInput: false)
            }
            var total = earlier
            total.merge(follower.stats)
            rejections.update(total, feed: feed)
            feed.wait(until: feed.clock.now() + pollSeconds)
        }
    }
}

/// "N lines rejected" in the status bar, said again only when the count grows.
struct RejectionNote {
    private var shown = 0

    mutating func update(_ stats: IngestStats, feed: LiveFeed) {
        guard stats.rejected > shown else { return }
        shown = stats.rejected
        feed.note(stats.rejected == 1 ? Phrase.liveRejectedLine.text(stats.eventsAccepted)
                  : Phrase.liveRejectedLines.text(stats.rejected, stats.eventsAccepted))
    }
}
