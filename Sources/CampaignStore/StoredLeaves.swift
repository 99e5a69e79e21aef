import CampaignCore
import CampaignText
import Foundation

/// The stored leaves as the reader's symbol ids, and the stored minutes
/// decoded. Names are interned in leaf-id order, so every reader of the same
/// database gets the same ids: the history replay, the ingest that continues
/// after it, and the ingest's memory of recent community users.
struct StoredLeaves {
    var symbols = EventSymbols()
    var keys: [Int64: LeafKey] = [:]

    static func load(_ session: any SQLSession) throws -> StoredLeaves {
        var stored = StoredLeaves()
        func intern(_ name: String?, _ table: inout SymbolTable) -> Int32 {
            guard let name, !name.isEmpty else { return EventRecord.noSymbol }
            return table.intern(name)
        }
        try session.forEachRow("SELECT id, channel, segment, campaign FROM leaf ORDER BY id", []) { row in
            guard let id = row.int64("id") else { return }
            stored.keys[id] = LeafKey(channel: intern(row.string("channel"), &stored.symbols.channels),
                                      segment: intern(row.string("segment"), &stored.symbols.segments),
                                      campaign: intern(row.string("campaign"), &stored.symbols.campaigns))
        }
        return stored
    }

    /// Calls `body` with each stored minute from `first` through `last`, in time order.
    static func forEachMinute(_ session: any SQLSession, from first: Int64 = .min, through last: Int64 = .max, location: String,
                              _ body: (Int64, [LeafMinute]) throws -> Void) throws {
        try session.forEachRow("SELECT minute, leaves FROM metric_minute WHERE minute BETWEEN ? AND ? ORDER BY minute",
                               [.integer(first), .integer(last)]) { row in
            guard let minute = row.int64("minute") else { return }
            guard let leaves = row.bytes("leaves").flatMap({ MinuteRecord.decode($0, minute: minute) }) else {
                throw StoreError.corrupt(path: location, detail: Phrase.dataUnreadableMinute.text(minute))
            }
            try body(minute, leaves)
        }
    }

    /// The symbols, the latest stored minute and event time, and the community
    /// users of the last `days` days (for an ingest that resumes).
    static func recent(_ database: any StoreEngine, days: Int, timeZone: String) throws
        -> (symbols: EventSymbols, latestMinute: Int64?, latestEvent: Int64, users: [(minute: Int64, leaf: LeafKey, user: UInt64)]) {
        try database.readSQL { session in
            let stored = try load(session)
            guard let latest = try session.fetchInt64("SELECT max(minute) AS latest FROM metric_minute") else {
                return (stored.symbols, nil, .min, [])
            }
            var latestEvent = Int64.min
            var clock = CampaignClock(timeZoneIdentifier: timeZone)
            let firstDay = clock.day(of: latest * 60_000).adding(days: -days)
            var users: [(minute: Int64, leaf: LeafKey, user: UInt64)] = []
            try forEachMinute(session, from: CampaignClock.minute(of: clock.start(of: firstDay)), location: database.location) { minute, leaves in
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
