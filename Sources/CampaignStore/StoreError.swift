import CampaignText

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
    /// A PostgreSQL URL where only a SQLite file will do (`DeckDatabase(db:)`; commands open `StoreEngines`).
    case sqliteFileExpected(location: String)

    public var description: String {
        switch self {
        case .notADatabase(let path): return Phrase.dataNotADatabase.text(path)
        case .foreignDatabase(let path): return Phrase.dataForeignDatabase.text(path)
        case .corrupt(let path, let detail): return Phrase.dataDamaged.text(detail, path)
        case .newerSchema(let path, let found, let known): return Phrase.dataNewerSchema.text(found, known, path)
        case .cannotOpen(let path, let detail): return Phrase.dataCannotOpenDatabase.text(detail, path)
        case .unknownAnomaly(let id): return Phrase.dataNoAnomaly.text(id)
        case .anomalyResolved(let id): return Phrase.dataAnomalyResolved.text(id)
        case .anomalyNotResolved(let id): return Phrase.dataAnomalyNotResolved.text(id)
        case .noDatabase(let path, let option): return Phrase.dataNoDatabase.text(path, option)
        case .invalidValue(let field, let value, let allowed): return Phrase.dataInvalidValue.text(field, allowed, value)
        case .sourceUnreadable(let path, let detail): return Phrase.dataCannotRead.text(path, detail)
        case .writeFailed(let detail): return Phrase.dataCannotWriteDatabase.text(detail, Phrase.dataWhereDatabase.text())
        case .cannotWrite(let path, let detail): return Phrase.dataCannotWriteDatabase.text(detail, path)
        case .concurrentIngest(let path): return Phrase.dataConcurrentIngest.text(path)
        case .unknownSilence(let id): return Phrase.dataNoSilence.text(id)
        case .silenceEnded(let id, let byHand):
            return Phrase.dataSilenceAlreadyEnded.text(id, (byHand ? Phrase.dataSilenceWasExpired : .dataSilenceRanOut).text())
        case .sqliteFileExpected(let location): return Phrase.dataSQLiteFileExpected.text(location)
        }
    }

    /// Wrong input rather than a failing machine.
    public var isBadInput: Bool {
        switch self {
        case .notADatabase, .foreignDatabase, .corrupt, .newerSchema, .unknownAnomaly, .invalidValue, .sourceUnreadable,
             .anomalyResolved, .anomalyNotResolved, .noDatabase, .unknownSilence, .silenceEnded, .sqliteFileExpected:
            return true
        case .cannotOpen, .writeFailed, .cannotWrite, .concurrentIngest:
            return false
        }
    }
}
