import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText
import Foundation

/// `--db PATH` and `--plan PLAN`: which database a command works on
/// (`--db`, else beside the plan, else the demo's in the state directory).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Phrase.cliDatabaseOption.text()))
    var db: String?

    @Option(help: ArgumentHelp(Phrase.cliPlanOrDemo.text()))
    var plan: String?
}

enum StoreInput {
    /// Whether a command may make the database: only commands that store
    /// something (ingest, the dashboard, opening an anomaly by hand) do;
    /// commands that read or change what is there refuse a missing file, so a
    /// mistyped `--db` is an error rather than an empty answer.
    enum Access {
        case readOrChange
        case createIfMissing
    }

    /// Opens the store on its engine (a `postgres://` URL, or a SQLite file),
    /// turning store errors into one-line CLI errors.
    static func open(db: String?, plan: String?, _ access: Access) throws -> any StoreEngine {
        try run { try StoreEngines.open(db: db, plan: plan, create: access == .createIfMissing) }
    }

    /// The database a command that reads either one or event files works on:
    /// `--db`, else `CAMPAIGN_DECK_DB` when no file is named (a team that set
    /// it once reads its shared store by default); nil: the files.
    static func database(_ db: String?, files: [String]) -> String? {
        if let db { return db }
        return files.isEmpty ? DatabaseLocation.fromEnvironment(ProcessInfo.processInfo.environment) : nil
    }

        /// Runs `body`, turning store errors into one-line CLI errors.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CLIError(error)
        }
    }

    /// The zone to show times in and the currency to write money in: the
    /// plan's, else those ingest or the dashboard stored, else the demo's for
    /// the demo database, else UTC and no currency.
    static func campaign(plan: String?, database: any StoreEngine) throws -> (timeZone: String, currency: String?) {
        if plan != nil {
            let campaign = try PlanInput.loadValid(plan).plan.campaign
            return (campaign.timezone, campaign.currency)
        }
        let demo = database.location.hasSuffix("/" + DatabaseLocation.demoFileName)
            ? PlanDocument(text: DemoCampaign.planText()).plan?.campaign : nil
        let timeZone = (try? database.setting("timezone")) ?? demo?.timezone ?? "UTC"
        let currency = (try? database.setting("currency")) ?? demo?.currency
        return (timeZone, currency)
    }

    /// Who is writing: `--author`, else `$USER`, else the account's login
    /// name (cron, tmux and service shells often leave `$USER` unset), else
    /// `unknown`. The command line and the dashboard both ask here, so a
    /// note reads the same person whichever one wrote it.
    static func author(_ given: String?) -> String {
        if let given, !given.isEmpty { return given }
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        if !user.isEmpty { return user }
        if let account = getpwuid(getuid()), let name = account.pointee.pw_name, name.pointee != 0 {
            return String(cString: name)
        }
        return "unknown"
    }
}

extension CLIError {
    init(_ error: StoreError) {
        self.init(error.description, hint: Self.hint(for: error), code: error.isBadInput ? .badInput : .runtime)
    }

    private static func hint(for error: StoreError) -> String? {
        switch error {
        case .notADatabase, .foreignDatabase: return Phrase.cliHintNotDatabase.text()
        case .newerSchema: return Phrase.cliHintNewerSchema.text()
        case .unknownAnomaly: return Phrase.cliHintUnknownAnomaly.text()
        case .anomalyResolved(let id): return Phrase.cliHintReopen.text(id)
        case .noDatabase: return Phrase.cliHintNoDatabase.text()
        case .unknownSilence, .silenceEnded: return Phrase.cliHintSilences.text()
        default: return nil
        }
    }
}
