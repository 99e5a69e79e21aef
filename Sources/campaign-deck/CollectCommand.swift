import ArgumentParser
import CampaignCollect
import CampaignCore
import CampaignText
import Foundation

/// `campaign-deck collect`: parses the options and wires the collector
/// (Sources/CampaignCollect) to the database, the token and the signals.
struct CollectCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "collect", abstract: Phrase.collectAbstract.text(), discussion: """
            \(Phrase.collectDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck collect --listen 127.0.0.1:8427 --db spring.deck.sqlite \\
                  --token-env CAMPAIGN_DECK_TOKEN
              campaign-deck collect --listen 8427 --max-body-bytes 10000000
            """)
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(Phrase.collectListenHelp.text()))
    var listen = "127.0.0.1:8427"

    @Option(help: ArgumentHelp(Phrase.collectTokenEnvHelp.text()))
    var tokenEnv = "CAMPAIGN_DECK_TOKEN"

    @Option(help: ArgumentHelp(Phrase.collectMaxBodyHelp.text()))
    var maxBodyBytes = CollectorSettings.defaultMaxBodyBytes

    func run() throws {
        if maxBodyBytes < 1 { throw CLIError(Phrase.cliAtLeastOne.text("--max-body-bytes", maxBodyBytes)) }
        let address: ListenAddress
        do { address = try ListenAddress(parsing: listen) } catch { throw CLIError(error.description) }
        let token = ProcessInfo.processInfo.environment[tokenEnv] ?? ""
        if token.isEmpty { throw CLIError(Phrase.collectTokenUnset.text(tokenEnv)) }
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let database = try StoreInput.open(db: store.db, plan: store.plan, .createIfMissing)
        let settings = CollectorSettings(listen: address, token: BearerToken(token), maxBodyBytes: maxBodyBytes)
        let collector = try StoreInput.run { try Collector(database: database, plan: plan, settings: settings) }
        let stop = FollowStop()
        InterruptStop.install(requesting: stop)
        let totals: Collector.Totals
        do {
            totals = try collector.run(until: stop) { Output.error("campaign-deck: " + Phrase.collectListening.text($0)) }
        } catch let problem as Collector.Problem {
            throw CLIError(problem.description, code: .runtime)
        }
        Output.error("campaign-deck: " + Phrase.collectStopped.text(totals.batches, totals.events, totals.rejected))
    }
}
