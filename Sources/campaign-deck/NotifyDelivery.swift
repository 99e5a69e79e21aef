import CampaignCore
import CampaignNotify
import CampaignStore
import CampaignText
import Foundation

/// Sends the outbox for a command that stored transitions (`ingest`) or
/// asks for it (`notify flush`), logging each delivery on standard error.
enum NotifyDelivery {
    /// Returns how many messages remain pending. `closingGroups`: the
    /// stream in hand has ended, so groups waiting for `group_wait` go now.
    @discardableResult
    static func deliver(plan: Plan, database: any StoreEngine, rounds: Int, ignoringBackoff: Bool,
                        closingGroups: Bool = true) throws -> Int {
        let drain = OutboxDrain(plan: plan, outbox: NotifyOutbox(database: database),
                                environment: ProcessInfo.processInfo.environment)
        let identity = SenderIdentity()
        let delivery = try StoreInput.run {
            try drain.deliver(holder: identity.holder, rounds: rounds, ignoringBackoff: ignoringBackoff,
                              closingGroups: closingGroups, isGone: identity.isGone)
        }
        for line in delivery.lines { Output.error(Phrase.cliNotifyLine.text(line)) }
        let pending = delivery.remaining > 0 ? try StoreInput.run { try NotifyOutbox(database: database).pending() } : []
        DeliveryMessages.afterDelivery(remaining: delivery.remaining, heldLease: delivery.heldLease,
                                       missing: MissingChannels(pending: pending, plan: plan), database: database.location)
            .forEach(Output.error)
        return delivery.remaining
    }
}
