import CampaignCore
import CampaignText
import CampaignStore

/// Pending messages whose channel the plan no longer has: the outbox keeps
/// the channel's id, not its address (SPEC §12), so after a channel is
/// renamed or removed in the plan its messages have nowhere to go. They are
/// not failures (nothing was sent), so they wait, neither counted as attempts
/// nor backed off, until the channel is back or `notify discard` drops them.
public struct MissingChannels: Sendable, Equatable {
    public struct Waiting: Sendable, Equatable {
        public var channel: String
        public var count: Int

        public init(channel: String, count: Int) {
            self.channel = channel
            self.count = count
        }
    }

    /// Per missing channel, how many messages wait for it; sorted by channel.
    public var waiting: [Waiting]

    public init(pending: [NotifyOutbox.Entry], plan: Plan) {
        let known = Set(plan.notify.map(\.id))
        var counts: [String: Int] = [:]
        for entry in pending where !known.contains(entry.channel) { counts[entry.channel, default: 0] += 1 }
        waiting = counts.keys.sorted().map { Waiting(channel: $0, count: counts[$0]!) }
    }

    /// What `notify pending` shows for such a message.
    public static func note(_ channel: String) -> String { Phrase.dataWaitingForChannel.text(channel) }
}
