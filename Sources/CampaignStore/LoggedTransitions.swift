import CampaignCore
import Foundation

/// The alert transitions the anomaly log has written, read back after a
/// commit: the watcher prints one line for each. Read from the log rather
/// than handed over by the ingest so each line names the anomaly id the
/// commit gave it, and only what was really written (a replay writes nothing).
public struct LoggedTransitions: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case opened
            case firedAgain = "fired again"
            case resolved
        }

        /// The timeline entry's id: entries come in the order they were written.
        public var noteID: Int64
        public var anomalyID: Int64
        public var kind: Kind
        public var rule: String
        public var per: String
        public var scope: String
        /// Event time, epoch milliseconds.
        public var at: Int64
    }

    public let database: any StoreEngine

    public init(database: any StoreEngine) {
        self.database = database
    }

    /// The id of the latest transition written so far (0: none): a watcher
    /// starts after it, so a restart does not print old transitions again.
    public func latestID() throws -> Int64 {
        try database.readSQL { session in
            try session.fetchInt64("SELECT max(id) AS latest FROM anomaly_note WHERE transition IS NOT NULL") ?? 0
        }
    }

    /// Transitions written after the entry `id`, oldest first.
    public func after(_ id: Int64) throws -> [Entry] {
        try database.readSQL { session in
            try session.fetchAll("""
                SELECT id, anomaly_id, transition, text, rule, per, scope, at FROM anomaly_note
                WHERE transition IS NOT NULL AND id > ? ORDER BY id
                """, [.integer(id)]).map { row in
                let text = row.string("text") ?? ""
                // Opening and firing again are both `fire`; the entry's text tells them apart.
                let kind: Entry.Kind = row.string("transition") == "recover" ? .resolved
                    : text.hasPrefix("opened by rule") ? .opened : .firedAgain
                return Entry(noteID: row.int64("id") ?? 0, anomalyID: row.int64("anomaly_id") ?? 0, kind: kind,
                             rule: row.string("rule") ?? "", per: row.string("per") ?? "", scope: row.string("scope") ?? "",
                             at: row.int64("at") ?? 0)
            }
        }
    }
}
