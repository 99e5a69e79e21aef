import CampaignCore
import Foundation
import GRDB

/// Adds a batch of minutes to the stored history inside the caller's
/// transaction: a minute already stored (split across batches, an event
/// arriving late, another writer's) is merged by the engine's `addMinute`
/// (SQLite: `deck_merge_minute` below; PostgreSQL: in Swift under the row's
/// lock), so counters add up, gauges keep the latest reading and community
/// users are a union.
struct MetricHistoryWriter {
    /// Leaf ids known to be committed in the database, by the reader's symbol ids.
    private var leafIDs: [LeafKey: Int64] = [:]

    /// Merges a stored minute with a new one; registered on every connection
    /// that writes (see `DeckDatabase`).
    static let mergeFunction = DatabaseFunction("deck_merge_minute", argumentCount: 3, pure: true) { values in
        guard let minute = Int64.fromDatabaseValue(values[0]),
              let old = Data.fromDatabaseValue(values[1]), let new = Data.fromDatabaseValue(values[2]),
              let oldLeaves = MinuteRecord.decode(Array(old), minute: minute),
              let newLeaves = MinuteRecord.decode(Array(new), minute: minute) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unreadable metric minute")
        }
        return Data(MinuteRecord.encode(MinuteRecord.merge(oldLeaves, newLeaves), minute: minute))
    }

    /// Stores the leaves this batch names that the database lacks, in a
    /// transaction of their own before the batch's: writers sharing a
    /// database then never hold a new leaf's row while waiting for another's
    /// (two writers naming the same new leaves in another order would
    /// deadlock), and the ids kept here are always committed ones. Leaf ids
    /// are given in the order leaves first appear in the stream (entries are
    /// in that order), so they do not depend on how the stream was cut into
    /// batches, and neither do the stored bytes.
    mutating func addLeaves(_ batch: MetricBatchContents, symbols: EventSymbols, into engine: any StoreEngine) throws {
        let missing = batch.keys.reduce(into: [LeafKey]()) { missing, key in
            if leafIDs[key] == nil && !missing.contains(key) { missing.append(key) }
        }
        guard !missing.isEmpty else { return }
        let found = try engine.writeSQL { session in
            try missing.map { key -> (LeafKey, Int64) in
                let names: [SQLValue] = [.text(symbols.channels.name(key.channel) ?? ""), .text(symbols.segments.name(key.segment) ?? ""),
                                         .text(symbols.campaigns.name(key.campaign) ?? "")]
                try session.execute("INSERT INTO leaf(channel, segment, campaign) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", names)
                guard let id = try session.fetchInt64("SELECT id FROM leaf WHERE channel = ? AND segment = ? AND campaign = ?", names) else {
                    throw StoreError.writeFailed(detail: "leaf row missing after insert")
                }
                return (key, id)
            }
        }
        for (key, id) in found { leafIDs[key] = id }
    }

    /// Adds the batch's minutes, inside the caller's transaction; `addLeaves` came first.
    func write(_ batch: MetricBatchContents, into engine: any StoreEngine, in session: any SQLSession) throws {
        if let first = batch.minutes.map(\.minute).min() { try AlertResume.noteWrite(firstMinute: first, engine: engine, session) }
        var leaves: [LeafMinute] = []
        for minute in batch.minutes {
            leaves.removeAll(keepingCapacity: true)
            var events: Int64 = 0
            for index in minute.entries {
                var leaf = batch.entries[index]
                guard let id = leafIDs[batch.keys[index]] else { throw StoreError.writeFailed(detail: "leaf not stored before its minute") }
                leaf.leafID = id
                events += leaf.events
                leaves.append(leaf)
            }
            try engine.addMinute(minute.minute, events: events, leaves: MinuteRecord.encode(leaves, minute: minute.minute), in: session)
        }
    }
}
