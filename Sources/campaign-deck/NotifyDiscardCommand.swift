import ArgumentParser
import CampaignStore
import Foundation

/// `notify discard`: drop one channel's pending messages, for a channel
/// renamed or removed in the plan (they would otherwise wait forever).
struct NotifyDiscardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: "Drop the pending messages of one channel.",
        discussion: """
        Marks every pending message of the channel skipped (kept in the
        database with the reason, never sent) and says how many.

        Examples:
          campaign-deck notify discard --channel lead --db spring.deck.sqlite
        """
    )

    @Option(help: "The channel id whose pending messages are dropped.")
    var channel: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try StoreInput.open(db: store.db, plan: store.plan, .readOrChange)
        let outbox = NotifyOutbox(database: database)
        let count = try StoreInput.run {
            let ids = try outbox.pending().filter { $0.channel == channel }.map(\.id)
            if !ids.isEmpty {
                try outbox.markSkipped(ids, reason: "discarded with `notify discard`",
                                       at: Int64((Date().timeIntervalSince1970 * 1_000).rounded(.down)))
            }
            return ids.count
        }
        Output.print(count == 0 ? "nothing pending for channel '\(channel)' (\(database.path))"
                                : "discarded \(count) message\(count == 1 ? "" : "s") for channel '\(channel)' (\(database.path))")
    }
}
