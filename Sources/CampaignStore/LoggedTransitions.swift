import CampaignCore
import Foundation
import GRDB

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

    public let database: DeckDatabase

    public init(database: DeckDatabase) {
        self.database = database
    }

    /// The id of the latest transition written so far (0: none): a watcher
    /// starts after it, so a restart does not print old transitions again.
    public func latestID() throws -> Int64 {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM anomaly_note WHERE transition IS NOT NULL") ?? 0
        }
    }

    /// Transitions written after the entry `id`, oldest first.
    public func after(_ id: Int64) throws -> [Entry] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, anomaly_id, transition, text, rule, per, scope, at FROM anomaly_note
                WHERE transition IS NOT NULL AND id > ? ORDER BY id
                """, arguments: [id]).map { row in
                let transition: String = row["transition"], text: String = row["text"]
                // Opening and firing again are both `fire`; the entry's text tells them apart.
                let kind: Entry.Kind = transition == "recover" ? .resolved
                    : text.hasPrefix("opened by rule") ? .opened : .firedAgain
                return Entry(noteID: row["id"], anomalyID: row["anomaly_id"], kind: kind, rule: row["rule"] ?? "",
                             per: row["per"] ?? "", scope: row["scope"] ?? "", at: row["at"])
            }
        }
    }
}
