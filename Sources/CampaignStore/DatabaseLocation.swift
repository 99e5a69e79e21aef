import Foundation

/// Where the project's database lives: `--db PATH` if given; else
/// `$CAMPAIGN_DECK_DB` (a team sets it once, e.g. to its PostgreSQL server's
/// URL); else beside the plan as `PLAN.deck.sqlite`; else, for the built-in
/// demo, in the user's state directory, so a first run needs no setup and
/// writes nothing into the working folder.
public enum DatabaseLocation {
    public static let suffix = ".deck.sqlite"
    public static let demoFileName = "demo.deck.sqlite"
    public static let environmentVariable = "CAMPAIGN_DECK_DB"

    /// - Parameters:
    ///   - db: the `--db` option, which always wins.
    ///   - plan: the plan path, or nil / `demo` for the built-in campaign.
    ///   - environment: for `XDG_STATE_HOME` and `HOME` (tests pass their own).
    public static func resolve(db: String?, plan: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db, !db.isEmpty { return db }
        if let db = fromEnvironment(environment) { return db }
        if let plan, plan != "demo" { return besidePlan(plan) }
        return stateDirectory(environment: environment) + "/campaign-deck/" + demoFileName
    }

    /// `$CAMPAIGN_DECK_DB`, trimmed (a value pasted with its line end), if set.
    public static func fromEnvironment(_ environment: [String: String]) -> String? {
        guard let value = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Which option a message should blame: `--db`, or the variable it came from.
    public static func option(db: String?, environment: [String: String]) -> String {
        if let db, !db.isEmpty { return "--db" }
        return fromEnvironment(environment) != nil ? environmentVariable : "--db"
    }

    /// `spring.yaml` → `spring.deck.sqlite` in the same folder.
    public static func besidePlan(_ plan: String) -> String {
        for ext in [".yaml", ".yml"] where plan.hasSuffix(ext) && plan.count > ext.count {
            return String(plan.dropLast(ext.count)) + suffix
        }
        return plan + suffix
    }

    /// `$XDG_STATE_HOME`, or `~/.local/state`. The XDG spec says a relative
    /// value is invalid and must be ignored, so it is.
    public static func stateDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state"
    }
}
