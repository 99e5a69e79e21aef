import ArgumentParser
import CampaignStore
import CampaignText
import Foundation

/// `notify discard`: drop one channel's pending messages, for a channel
/// renamed or removed in the plan (they would otherwise wait forever).
struct NotifyDiscardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "discard",
            abstract: Phrase.cliNotifyDiscardAbstract.text(),
            discussion: """
            \(Phrase.cliNotifyDiscardDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck notify discard --channel lead --db spring.deck.sqlite
            """
        )
    }

    @Option(help: ArgumentHelp(Phrase.cliNotifyDiscardChannel.text()))
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
        Output.print(count == 0 ? Phrase.cliDiscardedNone.text(channel, database.location)
                     : count == 1 ? Phrase.cliDiscardedOne.text(channel, database.location)
                     : Phrase.cliDiscardedMany.text(count, channel, database.location))
    }
}
