import CampaignCore
import CampaignText
import Foundation
import GRDB

/// The stored leaves as the reader's symbol ids, and the stored minutes
/// decoded. Names are interned in leaf-id order, so every reader of the same
/// database gets the same ids: the history replay, the ingest that continues
/// after it, and the ingest's memory of recent community users.
struct StoredLeaves {
    var symbols = EventSymbols()
    var keys: [Int64: LeafKey] = [:]

    static func load(_ db: Database) throws -> StoredLeaves {
        var stored = StoredLeaves()
        func intern(_ name: String, _ table: inout SymbolTable) -> Int32 {
            name.isEmpty ? EventRecord.noSymbol : table.intern(name)
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, channel, segment, campaign FROM leaf ORDER BY id") {
            stored.keys[row["id"]] = LeafKey(channel: intern(row["channel"], &stored.symbols.channels),
                                             segment: intern(row["segment"], &stored.symbols.segments),
                                             campaign: intern(row["campaign"], &stored.symbols.campaigns))
        }
        return stored
    }

    /// Calls `body` with each stored minute from `first` on, in time order.
    static func forEachMinute(_ db: Database, from first: Int64 = .min, path: String,
                              _ body: (Int64, [LeafMinute]) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT minute, leaves FROM metric_minute WHERE minute >= ? ORDER BY minute",
                                       arguments: [first])
        while let row = try rows.next() {
            let minute: Int64 = row["minute"]
            guard let leaves = MinuteRecord.decode(Array(row["leaves"] as Data), minute: minute) else {
                throw StoreError.corrupt(path: path, detail: Phrase.dataUnreadableMinute.text(minute))
            }
            try body(minute, leaves)
        }
    }

    /// The symbols, the latest stored minute and event time, and the community
    /// users of the last `days` days (for an ingest that resumes).
    static func recent(_ database: DeckDatabase, days: Int, timeZone: String) throws
        -> (symbols: EventSymbols, latestMinute: Int64?, latestEvent: Int64, users: [(minute: Int64, leaf: LeafKey, user: UInt64)]) {
        try database.read { db in
            let stored = try load(db)
            guard let latest = try Int64.fetchOne(db, sql: "SELECT max(minute) FROM metric_minute") else {
                return (stored.symbols, nil, .min, [])
            }
            var latestEvent = Int64.min
            var clock = CampaignClock(timeZoneIdentifier: timeZone)
            let firstDay = clock.day(of: latest * 60_000).adding(days: -days)
            var users: [(minute: Int64, leaf: LeafKey, user: UInt64)] = []
            try forEachMinute(db, from: CampaignClock.minute(of: clock.start(of: firstDay)), path: database.path) { minute, leaves in
                for leaf in leaves {
                    if minute == latest { latestEvent = max(latestEvent, leaf.lastAt) }
                    guard let key = stored.keys[leaf.leafID] else { continue }
                    for user in leaf.users { users.append((minute, key, user)) }
                }
            }
            return (stored.symbols, latest, latestEvent, users)
        }
    }
}
