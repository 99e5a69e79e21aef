import ArgumentParser
import CampaignCore
import CampaignStore
import Foundation

/// `--db PATH` and `--plan PLAN`: which database a command works on (SPEC §8:
/// `--db`, else beside the plan, else the demo's in the state directory).
struct StoreOptions: ParsableArguments {
    @Option(help: "The database (default: PLAN.deck.sqlite beside the plan, or the demo's in $XDG_STATE_HOME/campaign-deck).")
    var db: String?

    @Option(help: "The plan file (default: the built-in demo campaign).")
    var plan: String?
}

enum StoreInput {
    /// Opens the database, turning store errors into one-line CLI errors.
    static func open(db: String?, plan: String?) throws -> DeckDatabase {
        do {
            return try DeckDatabase(db: db, plan: plan)
        } catch let error as StoreError {
            throw CLIError(error)
        }
    }

    /// Runs `body`, turning store errors into one-line CLI errors.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CLIError(error)
        }
    }

    /// The zone to show times in: the plan's, else the one ingest stored, else
    /// the demo's for the demo database, else UTC.
    static func timeZone(plan: String?, database: DeckDatabase) throws -> String {
        if plan != nil {
            return try PlanInput.loadValid(plan).plan.campaign.timezone
        }
        if let stored = try? database.setting("timezone") { return stored }
        if database.path.hasSuffix("/" + DatabaseLocation.demoFileName),
           let demo = PlanDocument(text: DemoCampaign.planText()).plan {
            return demo.campaign.timezone
        }
        return "UTC"
    }

    /// Who is writing: `--author`, else `$USER`, else `unknown`.
    static func author(_ given: String?) -> String {
        if let given, !given.isEmpty { return given }
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return user.isEmpty ? "unknown" : user
    }
}

extension CLIError {
    init(_ error: StoreError) {
        self.init(error.description, hint: Self.hint(for: error), code: error.isBadInput ? .badInput : .runtime)
    }

    private static func hint(for error: StoreError) -> String? {
        switch error {
        case .notADatabase, .foreignDatabase: return "pass --db with a new or existing CampaignDeck database"
        case .newerSchema: return "upgrade campaign-deck to open it"
        case .unknownAnomaly: return "see the ids with `campaign-deck anomalies list`"
        default: return nil
        }
    }
}
