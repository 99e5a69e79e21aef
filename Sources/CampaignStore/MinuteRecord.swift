import CampaignCore

/// The counters of one leaf in one minute, as stored.
struct LeafMinute: Equatable, Sendable {
    var leafID: Int64
    var counters = KPICounters.zero
    var events: Int64 = 0
    /// Exact first and last event times in the minute (epoch ms).
    var firstAt: Int64 = .max
    var lastAt: Int64 = .min
    /// The latest `community_members` gauge in the minute, if any.
    var membersAt: Int64?
    var members: Int64 = 0
    /// Community users first seen active on their day in this minute (hashes).
    var users: [UInt64] = []
    /// Users whose conversions fell in this minute (hashes, each once): CAC
    /// counts distinct converting users over any span, and a distinct count
    /// cannot be added up from per-minute counts.
    var buyers: [UInt64] = []

    /// Folds `other` (the same leaf and minute, from another batch) in.
    mutating func merge(_ other: LeafMinute) {
        counters += other.counters
        events += other.events
        firstAt = min(firstAt, other.firstAt)
        lastAt = max(lastAt, other.lastAt)
        if let at = other.membersAt, membersAt.map({ at >= $0 }) ?? true {
            membersAt = at
            members = other.members
        }
        users = Array(Set(users).union(other.users))
        buyers = Array(Set(buyers).union(other.buyers))
    }
}

/// One stored minute: every leaf's counters in one blob, sorted by leaf id.
///
/// Why a blob and not a row per leaf: a pre-aggregated stream (the simulator
/// writes one line per leaf and minute) would cost one SQLite upsert for
/// every second event, several times the cost of parsing it. One row per
/// minute keeps storing under a fifth of ingest time. Sorting by leaf id
/// makes the bytes canonical: a minute split across batches (or across a
/// killed and resumed ingest) merges to exactly the bytes of an unsplit one.
///
/// Distinct community users ride along per leaf: a distinct count cannot be
/// added up minute by minute, so the day's users are kept (as the stream's
/// 64-bit hashes), each in the minute it was first seen that day.
///
/// Converting users ride along the same way (format 3), each once per leaf
/// and minute, for CAC.
///
/// Layout: a format byte (3), then per leaf: leaf id, impressions, clicks,
/// conversions, reach, participants, spend and revenue in billionths (128-bit
/// zigzag varints: a minute's sum may pass Int64), events (zigzag LEB128
/// varints), first and last time as offsets into the minute, the gauge time as
/// offset + 1 (0 = none) and, if present, the gauge value; then the number of
/// users and each user hash (8 bytes, little-endian, ascending); then the
/// same for converting users.
///
/// Format 2 is format 3 without converting users (written before CAC was
/// stored): still read, as minutes without any.
///
/// Format 1 (before money was kept to 1e-9) is the same with spend and revenue
/// as 64-bit varints of millionths; it is still read, so databases written
/// before keep working, and a minute merged into one is rewritten as format 2.
enum MinuteRecord {
    static let format: UInt8 = 3
    /// Without converting users (read only).
    static let noBuyersFormat: UInt8 = 2
    /// Money in millionths, Int64, without converting users (read only).
    static let microsFormat: UInt8 = 1

    static func encode(_ leaves: [LeafMinute], minute: Int64) -> [UInt8] {
        let base = minute * 60_000
        var out: [UInt8] = [format]
        out.reserveCapacity(1 + leaves.count * 24)
        for leaf in leaves.sorted(by: { $0.leafID < $1.leafID }) {
            let c = leaf.counters
            appendVarint(leaf.leafID, to: &out)
            appendVarint(c.impressions, to: &out)
            appendVarint(c.clicks, to: &out)
            appendVarint(c.conversions, to: &out)
            appendVarint(c.reach, to: &out)
            appendVarint(c.participants, to: &out)
            appendWideVarint(c.spend.nanos, to: &out)
            appendWideVarint(c.revenue.nanos, to: &out)
            appendVarint(leaf.events, to: &out)
            appendVarint(leaf.firstAt - base, to: &out)
            appendVarint(leaf.lastAt - base, to: &out)
            if let at = leaf.membersAt {
                appendVarint(at - base + 1, to: &out)
                appendVarint(leaf.members, to: &out)
            } else {
                appendVarint(0, to: &out)
            }
            appendHashes(leaf.users, to: &out)
            appendHashes(leaf.buyers, to: &out)
        }
        return out
    }

    /// A count, then each hash once, ascending (the bytes do not depend on arrival order).
    private static func appendHashes(_ hashes: [UInt64], to out: inout [UInt8]) {
        let sorted = Set(hashes).sorted()
        appendVarint(Int64(sorted.count), to: &out)
        for hash in sorted {
            withUnsafeBytes(of: hash.littleEndian) { out.append(contentsOf: $0) }
        }
    }

    /// The hashes `appendHashes` wrote; nil if the bytes end early.
    private static func readHashes(_ bytes: [UInt8], _ position: inout Int) -> [UInt64]? {
        guard let count = readVarint(bytes, &position), count >= 0, position + Int(count) * 8 <= bytes.count else {
            return nil
        }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(Int(count))
        for _ in 0..<Int(count) {
            var hash: UInt64 = 0
            for shift in 0..<8 { hash |= UInt64(bytes[position + shift]) << (8 * UInt64(shift)) }
            hashes.append(hash)
            position += 8
        }
        return hashes
    }

    /// The leaves of a stored minute; nil if the bytes are not a record we wrote.
    static func decode(_ bytes: [UInt8], minute: Int64) -> [LeafMinute]? {
        guard let version = bytes.first, [format, noBuyersFormat, microsFormat].contains(version) else { return nil }
        let base = minute * 60_000
        var position = 1
        var leaves: [LeafMinute] = []
        /// Spend or revenue, in whichever unit this record was written.
        func money() -> Money? {
            if version == microsFormat { return readVarint(bytes, &position).map { Money(micros: $0) } }
            return readWideVarint(bytes, &position).map { Money(nanos: $0) }
        }
        while position < bytes.count {
            var fields = [Int64](repeating: 0, count: 12)
            var amounts: [Money] = []
            for i in 0..<12 {
                if i == 6 || i == 7 {
                    guard let amount = money() else { return nil }
                    amounts.append(amount)
                    continue
                }
                guard let value = readVarint(bytes, &position) else { return nil }
                fields[i] = value
            }
            var leaf = LeafMinute(leafID: fields[0])
            leaf.counters = KPICounters(impressions: fields[1], clicks: fields[2], conversions: fields[3], reach: fields[4],
                                        participants: fields[5], spend: amounts[0], revenue: amounts[1])
            leaf.events = fields[8]
            leaf.firstAt = base + fields[9]
            leaf.lastAt = base + fields[10]
            if fields[11] != 0 {
                leaf.membersAt = base + fields[11] - 1
                guard let members = readVarint(bytes, &position) else { return nil }
                leaf.members = members
            }
            guard let users = readHashes(bytes, &position) else { return nil }
            leaf.users = users
            if version == format {
                guard let buyers = readHashes(bytes, &position) else { return nil }
                leaf.buyers = buyers
            }
            leaves.append(leaf)
        }
        return leaves
    }

    /// Both minutes' leaves, the same leaf's counters added (`deck_merge_minute`).
    static func merge(_ old: [LeafMinute], _ new: [LeafMinute]) -> [LeafMinute] {
        var byLeaf: [Int64: LeafMinute] = [:]
        for leaf in old { byLeaf[leaf.leafID] = leaf }
        for leaf in new {
            if byLeaf[leaf.leafID] == nil { byLeaf[leaf.leafID] = leaf } else { byLeaf[leaf.leafID]!.merge(leaf) }
        }
        return Array(byLeaf.values)
    }

    @inline(__always)
    static func appendVarint(_ value: Int64, to out: inout [UInt8]) {
        var v = UInt64(bitPattern: (value << 1) ^ (value >> 63)) // zigzag: small magnitudes, few bytes
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// The 128-bit zigzag LEB128 varint of money (at most 19 bytes).
    @inline(__always)
    static func appendWideVarint(_ value: Int128, to out: inout [UInt8]) {
        var v = UInt128(bitPattern: (value << 1) ^ (value >> 127))
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func readWideVarint(_ bytes: [UInt8], _ position: inout Int) -> Int128? {
        var result: UInt128 = 0
        var shift: UInt128 = 0
        while position < bytes.count, shift < 128 {
            let byte = bytes[position]
            position += 1
            result |= UInt128(byte & 0x7F) << shift
            if byte < 0x80 { return Int128(bitPattern: (result >> 1) ^ (0 &- (result & 1))) }
            shift += 7
        }
        return nil
    }

    @inline(__always)
    static func readVarint(_ bytes: [UInt8], _ position: inout Int) -> Int64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))) }
            shift += 7
        }
        return nil
    }
}
