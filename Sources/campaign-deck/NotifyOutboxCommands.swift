import ArgumentParser
import CampaignCore
import CampaignNotify
import CampaignStore
import CampaignText
import Foundation

/// `notify pending`: what the outbox still holds, oldest first.
struct NotifyPendingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "pending",
            abstract: Phrase.cliNotifyPendingAbstract.text(),
            discussion: """
            \(Phrase.cliExamples.text())
              campaign-deck notify pending --db spring.deck.sqlite
              campaign-deck notify pending --plan spring.yaml --format json
            """
        )
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        if output.format == .csv { throw CLIError(Phrase.cliNotifyPendingNoCSV.text()) }
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let database = try StoreInput.open(db: store.db, plan: store.plan, .readOrChange)
        let outbox = NotifyOutbox(database: database)
        let (entries, watermark) = try StoreInput.run { (try outbox.pending(), try outbox.watermark() ?? .max) }
        var clock = CampaignClock(timeZoneIdentifier: plan.campaign.timezone)
        // A message for a channel the plan lacks says so instead of its last
        // error; without --plan there is no plan to judge by.
        let channels = store.plan == nil ? nil : Set(plan.notify.map(\.id))
        func inPlan(_ entry: NotifyOutbox.Entry) -> Bool? { channels?.contains(entry.channel) }
        /// Quiet hours hold a row until the stream passes their end.
        func heldUntil(_ entry: NotifyOutbox.Entry) -> Int64? { entry.holdUntil.flatMap { $0 > watermark ? $0 : nil } }
        func problem(_ entry: NotifyOutbox.Entry) -> String? {
            if inPlan(entry) == false { return MissingChannels.note(entry.channel) }
            if let held = heldUntil(entry) { return Phrase.cliHeldQuietHours.text(String(clock.rfc3339(held).prefix(16))) }
            return entry.lastError.map(DeliveryProblemWords.spoken)
        }
        switch output.format {
        case .json:
            let rows = entries.map { entry in
                JSONValue.object([
                    ("id", .int(Int(entry.id))), ("channel", .string(entry.channel)), ("fingerprint", .string(entry.fingerprint)),
                    ("rule", .string(entry.rule)), ("status", .string(entry.notice.status.rawValue)),
                    ("scope", .string(entry.notice.scope)), ("at", .string(clock.rfc3339(entry.eventAt))),
                    ("attempts", .int(entry.attempts)), ("last_error", entry.lastError.map(JSONValue.string) ?? .null),
                    ("channel_in_plan", inPlan(entry).map(JSONValue.bool) ?? .null),
                    ("reminder", entry.notice.reminder.map(JSONValue.int) ?? .null),
                    ("held_until", heldUntil(entry).map { .string(clock.rfc3339($0)) } ?? .null),
                ])
            }
            Output.write(JSONValue.array(rows).serialized(pretty: true) + "\n", as: output)
        case .table, .csv:
            if entries.isEmpty {
                Output.write(Phrase.cliNothingPending.text() + "\n", as: output)
                return
            }
            Output.write(DeliveryMessages.pendingTable(entries, timeZone: plan.campaign.timezone, problem: problem), as: output)
        }
    }
}

/// `notify flush`: deliver what is pending now and exit.
struct NotifyFlushCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "flush",
            abstract: Phrase.cliNotifyFlushAbstract.text(),
            discussion: """
            \(Phrase.cliNotifyFlushDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck notify flush --db spring.deck.sqlite --plan spring.yaml
            """
        )
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(Phrase.cliNotifyFlushTries.text()))
    var tries = 5

    func validate() throws {
        if tries < 1 { throw ValidationError(Phrase.cliAtLeastOne.text("--tries", tries)) }
    }

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let database = try StoreInput.open(db: store.db, plan: store.plan, .readOrChange)
        let remaining = try NotifyDelivery.deliver(plan: plan, database: database, rounds: tries, ignoringBackoff: true)
        guard remaining > 0 else { return }
        let missing = MissingChannels(pending: try StoreInput.run { try NotifyOutbox(database: database).pending() }, plan: plan)
        let failure = DeliveryMessages.flushFailure(remaining: remaining, missing: missing, planGiven: store.plan != nil,
                                                    database: database.location)
        throw CLIError(failure.message, hint: failure.hint, code: .runtime)
    }
}
