import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText
import Foundation

/// `silence add|list|expire`: stop sending a rule's messages for a while.
struct SilenceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "silence",
            abstract: Phrase.cliSilenceAbstract.text(),
            discussion: """
            \(Phrase.cliSilenceDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck silence add --db spring.deck.sqlite --plan spring.yaml \\
                --rule 'CPA 30% over benchmark' --scope douyin --for 2h \\
                --comment '\(Phrase.cliExampleBidChange.text())'
              campaign-deck silence add --db spring.deck.sqlite --rule 'CTR below 1%' \\
                --until '2026-04-22 18:00' --comment '\(Phrase.cliExampleCreativeSwap.text())'
              campaign-deck silence list --db spring.deck.sqlite --all
              campaign-deck silence expire 3 --db spring.deck.sqlite
            """,
            subcommands: [SilenceAddCommand.self, SilenceListCommand.self, SilenceExpireCommand.self]
        )
    }

    /// The wall clock, epoch milliseconds: silences are judged on it.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000).rounded(.down)) }

    /// The database and the zone its times are shown in (the plan's, else the stored one).
    static func open(_ store: StoreOptions) throws -> (Silences, SilenceListing) {
        let database = try StoreInput.open(db: store.db, plan: store.plan, .readOrChange)
        let zone = try StoreInput.campaign(plan: store.plan, database: database).timeZone
        return (Silences(database: database), SilenceListing(timeZone: zone, now: now()))
    }

    static func format(_ output: FormatOption) throws -> OutputFormat {
        if output.format == .csv { throw CLIError(Phrase.cliSilencesNoCSV.text()) }
        return output.format
    }
}

struct SilenceAddCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add", abstract: Phrase.cliSilenceAddAbstract.text(),
            discussion: """
            \(Phrase.cliSilenceAddDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck silence add --db spring.deck.sqlite --plan spring.yaml \\
                --rule 'CTR below 1%' --for 30m --comment '\(Phrase.cliExampleKnownOutage.text())'
            """)
    }

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp(Phrase.cliSilenceAddRule.text())) var rule: String
    @Option(help: ArgumentHelp(Phrase.cliSilenceAddScope.text())) var scope: String?
    @Option(name: .customLong("for"), help: ArgumentHelp(Phrase.cliSilenceAddDuration.text())) var duration: String?
    @Option(help: ArgumentHelp(Phrase.cliSilenceAddUntil.text())) var until: String?
    @Option(help: ArgumentHelp(Phrase.cliSilenceAddComment.text())) var comment: String
    @OptionGroup var output: FormatOption

    func validate() throws {
        if (duration == nil) == (until == nil) { throw ValidationError(Phrase.cliForOrUntil.text()) }
    }

    func run() throws {
        let format = try SilenceCommand.format(output)
        let (silences, listing) = try SilenceCommand.open(store)
        var shown = listing
        let now = listing.now
        let zone = listing.clock.timeZone.identifier
        let silence = try StoreInput.run {
            do {
                if store.plan != nil || store.db == nil { try SilenceTerms.check(rule: rule, scope: scope, in: PlanInput.loadValid(store.plan).plan) }
                let why = try SilenceTerms.comment(comment, option: "--comment")
                let end = try until.map { try SilenceTerms.end(until: $0, from: now, timeZone: zone, option: "--until") }
                    ?? SilenceTerms.end(lasting: duration ?? "", from: now, option: "--for")
                return try silences.add(rule: rule, scope: scope, endsAt: end, comment: why,
                                        createdBy: StoreInput.author(nil) + "@" + ProcessInfo.processInfo.hostName, now: now)
            } catch let problem as SilenceTerms.Problem {
                throw CLIError(problem.description)
            }
        }
        if format == .json { Output.dataLine(shown.json(silence).serialized(pretty: true)) } else { Output.raw(shown.added(silence)) }
    }
}

struct SilenceListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: Phrase.cliSilenceListAbstract.text(),
            discussion: """
            \(Phrase.cliExamples.text())
              campaign-deck silence list --db spring.deck.sqlite
              campaign-deck silence list --db spring.deck.sqlite --all --format json
            """)
    }

    @OptionGroup var store: StoreOptions
    @Flag(help: ArgumentHelp(Phrase.cliSilenceListAll.text())) var all = false
    @OptionGroup var output: FormatOption

    func run() throws {
        let format = try SilenceCommand.format(output)
        var (silences, listing) = try SilenceCommand.open(store)
        let list = try StoreInput.run { try silences.list(all: all, at: listing.now) }
        if format == .json { Output.dataLine(listing.json(list).serialized(pretty: true)) } else { Output.raw(listing.table(list, all: all)) }
    }
}

struct SilenceExpireCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "expire", abstract: Phrase.cliSilenceExpireAbstract.text(),
            discussion: """
            \(Phrase.cliExamples.text())
              campaign-deck silence expire 3 --db spring.deck.sqlite
            """)
    }

    @Argument(help: ArgumentHelp(Phrase.cliSilenceExpireId.text())) var id: Int64
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let format = try SilenceCommand.format(output)
        var (silences, listing) = try SilenceCommand.open(store)
        let silence = try StoreInput.run { try silences.expire(id: id, at: listing.now) }
        if format == .json { Output.dataLine(listing.json(silence).serialized(pretty: true)) } else { Output.raw(listing.expired(silence)) }
    }
}
