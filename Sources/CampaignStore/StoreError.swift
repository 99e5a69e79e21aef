/// Everything the store refuses or fails at, worded as the command line's
/// one-line errors: `<what> (<where>)`. `isBadInput` tells the command line
/// whether the user gave something wrong (exit 2) or the machine failed (exit 1).
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file exists but is not SQLite at all (random bytes, a text file).
    case notADatabase(path: String)
    /// A SQLite database, but another application's.
    case foreignDatabase(path: String)
    /// Shorter than its header says, or SQLite reports it malformed.
    case corrupt(path: String, detail: String)
    /// Written by a newer CampaignDeck: migrating down would lose data.
    case newerSchema(path: String, found: Int, known: Int)
    case cannotOpen(path: String, detail: String)
    case unknownAnomaly(id: Int64)
    /// Acknowledging a closed anomaly: nothing to be on any more.
    case anomalyResolved(id: Int64)
    case anomalyNotResolved(id: Int64)
    /// A command that only reads was pointed at a file that does not exist
    /// (a mistyped `--db`): creating it would hide the typo behind empty output.
    case noDatabase(path: String, option: String)
    case invalidValue(field: String, value: String, allowed: String)
    case sourceUnreadable(path: String, detail: String)
    /// Inside a write, before the path is known; `DeckDatabase.write` turns it into `cannotWrite`.
    case writeFailed(detail: String)
    case cannotWrite(path: String, detail: String)
    /// Another ingest moved this source's offset since we read it.
    case concurrentIngest(path: String)
    case unknownSilence(id: Int64)
    /// Expiring a silence that ran out or was expired before.
    case silenceEnded(id: Int64, byHand: Bool)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "not a CampaignDeck database: the file is not SQLite; nothing was changed (\(path))"
        case .foreignDatabase(let path):
            return "not a CampaignDeck database: it is another application's SQLite file; nothing was changed (\(path))"
        case .corrupt(let path, let detail):
            return "the database is damaged (\(detail)); nothing was changed (\(path))"
        case .newerSchema(let path, let found, let known):
            return "the database was written by a newer CampaignDeck (schema v\(found); this version knows up to v\(known)); nothing was changed (\(path))"
        case .cannotOpen(let path, let detail):
            return "cannot open the database: \(detail) (\(path))"
        case .unknownAnomaly(let id):
            return "no anomaly with id \(id) (anomaly log)"
        case .anomalyResolved(let id):
            return "anomaly \(id) is resolved; reopen it first: acknowledging it would change nothing (anomaly \(id))"
        case .anomalyNotResolved(let id):
            return "anomaly \(id) is not resolved; there is nothing to reopen (anomaly \(id))"
        case .noDatabase(let path, let option):
            return "no database at \(path) (\(option))"
        case .invalidValue(let field, let value, let allowed):
            return "\(field) must be one of \(allowed), got '\(value)' (anomaly log)"
        case .sourceUnreadable(let path, let detail):
            return "cannot read \(path): \(detail)"
        case .writeFailed(let detail):
            return "cannot write to the database: \(detail) (database)"
        case .cannotWrite(let path, let detail):
            return "cannot write to the database: \(detail) (\(path))"
        case .concurrentIngest(let path):
            return "another ingest is storing this file into the same database; stopped without counting anything twice (\(path))"
        case .unknownSilence(let id):
            return "no silence with id \(id) (silences)"
        case .silenceEnded(let id, let byHand):
            return "silence \(id) has already ended (\(byHand ? "it was expired" : "it ran out")); there is nothing to expire (silence \(id))"
        }
    }

    /// Wrong input rather than a failing machine.
    public var isBadInput: Bool {
        switch self {
        case .notADatabase, .foreignDatabase, .corrupt, .newerSchema, .unknownAnomaly, .invalidValue, .sourceUnreadable,
             .anomalyResolved, .anomalyNotResolved, .noDatabase, .unknownSilence, .silenceEnded:
            return true
        case .cannotOpen, .writeFailed, .cannotWrite, .concurrentIngest:
            return false
        }
    }
}
