import ArgumentParser
import CampaignCore
import CampaignStore
import Foundation

/// `silence add|list|expire`: stop sending a rule's messages for a while.
struct SilenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence",
        abstract: "Stop sending a rule's alerts for a while (the transitions are still logged).",
        discussion: """
        A silence acts when messages are sent, on the wall clock: while it lasts, the
        outbox marks its rule's messages (in its scope, or every scope) skipped.

        Examples:
          campaign-deck silence add --db spring.deck.sqlite --plan spring.yaml \\
            --rule 'CPA 30% over benchmark' --scope douyin --for 2h --comment 'bid change under way'
          campaign-deck silence add --db spring.deck.sqlite --rule 'CTR below 1%' \\
            --until '2026-04-22 18:00' --comment 'creative swap tonight'
          campaign-deck silence list --db spring.deck.sqlite --all
          campaign-deck silence expire 3 --db spring.deck.sqlite
        """,
        subcommands: [SilenceAddCommand.self, SilenceListCommand.self, SilenceExpireCommand.self]
    )

    /// The wall clock, epoch milliseconds: silences are judged on it.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000).rounded(.down)) }

    /// The database and the zone its times are shown in (the plan's, else the stored one).
    static func open(_ store: StoreOptions) throws -> (Silences, SilenceListing) {
        let database = try StoreInput.open(db: store.db, plan: store.plan, .readOrChange)
        let zone = try StoreInput.campaign(plan: store.plan, database: database).timeZone
        return (Silences(database: database), SilenceListing(timeZone: zone, now: now()))
    }

    static func format(_ output: FormatOption) throws -> OutputFormat {
        if output.format == .csv { throw CLIError("silences print a table or JSON, not CSV (--format)") }
        return output.format
    }
}

struct SilenceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Silence a rule, in one scope or all, for a time or until a time.",
        discussion: """
        --until takes YYYY-MM-DD HH:mm in the campaign's zone, or RFC 3339 with an offset.
        With --plan (or the demo's database) the rule and scope are checked against the plan.

        Examples:
          campaign-deck silence add --db spring.deck.sqlite --plan spring.yaml --rule 'CTR below 1%' --for 30m --comment 'known outage'
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The alert rule's name.") var rule: String
    @Option(help: "Only this scope (a channel, a segment); default: every scope of the rule.") var scope: String?
    @Option(name: .customLong("for"), help: "How long: 30m, 2h, 7d (at most 10 years).") var duration: String?
    @Option(help: "Until when: '2026-04-22 18:00' (campaign zone) or 2026-04-22T18:00:00+08:00.") var until: String?
    @Option(help: "Why (required).") var comment: String
    @OptionGroup var output: FormatOption

    func validate() throws {
        if (duration == nil) == (until == nil) { throw ValidationError("give --for or --until, one of them (silence add)") }
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
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the active silences (--all: every one ever made).",
        discussion: """
        Examples:
          campaign-deck silence list --db spring.deck.sqlite
          campaign-deck silence list --db spring.deck.sqlite --all --format json
        """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "Also the silences that have ended.") var all = false
    @OptionGroup var output: FormatOption

    func run() throws {
        let format = try SilenceCommand.format(output)
        var (silences, listing) = try SilenceCommand.open(store)
        let list = try StoreInput.run { try silences.list(all: all, at: listing.now) }
        if format == .json { Output.dataLine(listing.json(list).serialized(pretty: true)) } else { Output.raw(listing.table(list, all: all)) }
    }
}

struct SilenceExpireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expire", abstract: "End a silence now: its rule's messages are sent again.",
        discussion: """
        Examples:
          campaign-deck silence expire 3 --db spring.deck.sqlite
        """)

    @Argument(help: "The silence's id (silence list shows it).") var id: Int64
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let format = try SilenceCommand.format(output)
        var (silences, listing) = try SilenceCommand.open(store)
        let silence = try StoreInput.run { try silences.expire(id: id, at: listing.now) }
        if format == .json { Output.dataLine(listing.json(silence).serialized(pretty: true)) } else { Output.raw(listing.expired(silence)) }
    }
}
