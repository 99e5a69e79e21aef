import CampaignCore
import CampaignNotify
import CampaignStore
import Foundation

/// Sends the outbox for a command that stored transitions (`ingest`) or
/// asks for it (`notify flush`), logging each delivery on standard error.
enum NotifyDelivery {
    /// Returns how many messages remain pending. `closingGroups`: the
    /// stream in hand has ended, so groups waiting for `group_wait` go now.
    @discardableResult
    static func deliver(plan: Plan, database: DeckDatabase, rounds: Int, ignoringBackoff: Bool,
                        closingGroups: Bool = true) throws -> Int {
        let drain = OutboxDrain(plan: plan, outbox: NotifyOutbox(database: database),
                                environment: ProcessInfo.processInfo.environment)
        let host = ProcessInfo.processInfo.hostName
        let holder = "\(host):\(ProcessInfo.processInfo.processIdentifier)"
        let delivery = try StoreInput.run {
            try drain.deliver(holder: holder, rounds: rounds, ignoringBackoff: ignoringBackoff,
                              closingGroups: closingGroups, isGone: { isGone($0, host: host) })
        }
        for line in delivery.lines { Output.error("campaign-deck: notify: " + line) }
        if delivery.remaining > 0 {
            let pending = try StoreInput.run { try NotifyOutbox(database: database).pending() }
            for waiting in MissingChannels(pending: pending, plan: plan).waiting {
                Output.error("campaign-deck: notify: \(waiting.count) message\(waiting.count == 1 ? "" : "s") \(MissingChannels.note(waiting.channel))")
            }
        }
        if !delivery.heldLease {
            Output.error("campaign-deck: notify: another process holds the sender lease and sends; \(delivery.remaining) pending (\(database.path))")
        } else if delivery.remaining > 0 {
            Output.error("campaign-deck: notify: \(delivery.remaining) message\(delivery.remaining == 1 ? "" : "s") pending; `campaign-deck notify flush` tries again (\(database.path))")
        }
        return delivery.remaining
    }

    /// A holder `HOST:PID` on this host whose process no longer exists (killed,
    /// crashed): its lease need not be waited out.
    static func isGone(_ holder: String, host: String) -> Bool {
        guard let colon = holder.lastIndex(of: ":"), holder[..<colon] == host,
              let pid = Int32(holder[holder.index(after: colon)...]) else { return false }
        return kill(pid, 0) == -1 && errno == ESRCH
    }
}
