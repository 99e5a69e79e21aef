import CampaignCore
import Foundation
import GRDB

/// Adds a batch of minutes to the stored history inside the caller's
/// transaction: a minute already stored (split across batches, or an event
/// arriving late) is merged by `deck_merge_minute`, so counters add up,
/// gauges keep the latest reading and community users are a union.
struct MetricHistoryWriter {
    /// Leaf ids already known to be in the database, by the reader's symbol ids.
    /// Dropped when a transaction fails, since its inserts were rolled back.
    private var leafIDs: [LeafKey: Int64] = [:]

    mutating func forgetCachedLeaves() { leafIDs.removeAll() }

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

    mutating func write(_ batch: MetricBatchContents, symbols: EventSymbols, into engine: any StoreEngine,
                        in session: any SQLSession) throws {
        // Leaf ids are given in the order leaves first appear in the stream
        // (entries are in that order), so they do not depend on how the
        // stream was cut into batches, and neither do the stored bytes.
        for key in batch.keys where leafIDs[key] == nil {
            _ = try leafID(key, symbols: symbols, session)
        }
        var leaves: [LeafMinute] = []
        for minute in batch.minutes {
            leaves.removeAll(keepingCapacity: true)
            var events: Int64 = 0
            for index in minute.entries {
                var leaf = batch.entries[index]
                leaf.leafID = try leafID(batch.keys[index], symbols: symbols, session)
                events += leaf.events
                leaves.append(leaf)
            }
            try engine.addMinute(minute.minute, events: events, leaves: MinuteRecord.encode(leaves, minute: minute.minute), in: session)
        }
    }

    /// The database gives leaf ids (never a process's symbol table), so every
    /// writer into one database agrees on them.
    private mutating func leafID(_ leaf: LeafKey, symbols: EventSymbols, _ session: any SQLSession) throws -> Int64 {
        if let id = leafIDs[leaf] { return id }
        let names: [SQLValue] = [.text(symbols.channels.name(leaf.channel) ?? ""), .text(symbols.segments.name(leaf.segment) ?? ""),
                                 .text(symbols.campaigns.name(leaf.campaign) ?? "")]
        try session.execute("INSERT INTO leaf(channel, segment, campaign) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", names)
        guard let id = try session.fetchInt64("SELECT id FROM leaf WHERE channel = ? AND segment = ? AND campaign = ?", names) else {
            throw StoreError.writeFailed(detail: "leaf row missing after insert")
        }
        leafIDs[leaf] = id
        return id
    }
}
