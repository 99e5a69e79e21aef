/// Every leaf's counters kept column by column (one array per counter)
/// rather than as one array of `KPICounters`.
///
/// Why: an event adds to one counter of one leaf (an impression to
/// `impressions`, a spend to `spend`), and on a stream whose leaves come in
/// no order each add is a cache miss. As rows, 18,000 leaves' counters are
/// 1.4 MB per array (80 bytes each, `Money` being 128-bit) and the store keeps
/// two such arrays hot (campaign-to-date and the current day): together they
/// outgrew the 2 MB second-level cache, and `KPIStore.add` spent most of
/// its time (28 % of `kpi`'s CPU) waiting on those adds. As columns the
/// impressions of every leaf are 144 KB, so the counters events touch most
/// stay cached. Sums are the same integers added in the same order, so
/// totals are exactly what the rows gave.
///
/// All columns live in one buffer of words (`capacity` leaves per column;
/// money takes two words a leaf), so a copy of the columns (a day's, read
/// for a report row) retains one buffer rather than seven.
struct LeafCounterColumns: Sendable, Equatable {
    /// Word offsets of the columns, in units of `capacity`.
    private static let clicksColumn = 1, conversionsColumn = 2, reachColumn = 3, participantsColumn = 4
    private static let spendColumn = 5, revenueColumn = 7, words = 9

    private var storage: [Int64] = []
    private var capacity = 0
    /// Leaves held.
    private(set) var count = 0

    init() {}

    /// Columns holding `rows` (a snapshot's list), leaf by leaf.
    init(_ rows: [KPICounters]) {
        ensureCount(rows.count)
        for (leaf, row) in rows.enumerated() { set(leaf, row) }
    }

    static func == (lhs: LeafCounterColumns, rhs: LeafCounterColumns) -> Bool { lhs.rows == rhs.rows }

    /// One leaf's counters.
    subscript(leaf: Int) -> KPICounters {
        precondition(leaf >= 0 && leaf < count, "leaf out of range")
        let c = capacity
        return storage.withUnsafeBufferPointer { words in
            let raw = UnsafeRawPointer(words.baseAddress!)
            return KPICounters(impressions: words[leaf], clicks: words[Self.clicksColumn * c + leaf],
                               conversions: words[Self.conversionsColumn * c + leaf], reach: words[Self.reachColumn * c + leaf],
                               participants: words[Self.participantsColumn * c + leaf],
                               spend: raw.load(fromByteOffset: (Self.spendColumn * c + 2 * leaf) * 8, as: Money.self),
                               revenue: raw.load(fromByteOffset: (Self.revenueColumn * c + 2 * leaf) * 8, as: Money.self))
        }
    }

    /// Every leaf's counters as rows (what snapshots write).
    var rows: [KPICounters] { (0..<count).map { self[$0] } }

    /// Adds zeroed leaves up to `count` (the buffer at least doubles when full).
    mutating func ensureCount(_ count: Int) {
        guard count > self.count else { return }
        if count > capacity {
            let old = storage, oldCapacity = capacity
            let newCapacity = max(count, capacity * 2, 16)
            var grown = [Int64](repeating: 0, count: Self.words * newCapacity)
            // Each column's words move to the same column of the larger buffer.
            for (column, width) in [(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (7, 2)] {
                for k in 0..<(width * self.count) { grown[column * newCapacity + k] = old[column * oldCapacity + k] }
            }
            storage = grown
            capacity = newCapacity
        }
        self.count = count
    }

    private mutating func set(_ leaf: Int, _ row: KPICounters) {
        let c = capacity
        storage.withUnsafeMutableBufferPointer { words in
            words[leaf] = row.impressions
            words[Self.clicksColumn * c + leaf] = row.clicks
            words[Self.conversionsColumn * c + leaf] = row.conversions
            words[Self.reachColumn * c + leaf] = row.reach
            words[Self.participantsColumn * c + leaf] = row.participants
            let raw = UnsafeMutableRawPointer(words.baseAddress!)
            raw.storeBytes(of: row.spend, toByteOffset: (Self.spendColumn * c + 2 * leaf) * 8, as: Money.self)
            raw.storeBytes(of: row.revenue, toByteOffset: (Self.revenueColumn * c + 2 * leaf) * 8, as: Money.self)
        }
    }

    /// Folds one event into `leaf`, as `KPICounters.add` folds it into a row.
    @inline(__always)
    mutating func add(leaf: Int, _ type: EventType, count: Int64, amount: Money) {
        precondition(leaf >= 0 && leaf < self.count, "leaf out of range")
        let c = capacity
        storage.withUnsafeMutableBufferPointer { words in
            @inline(__always) func addMoney(_ column: Int) {
                let raw = UnsafeMutableRawPointer(words.baseAddress!)
                let offset = (column * c + 2 * leaf) * 8
                raw.storeBytes(of: raw.load(fromByteOffset: offset, as: Money.self) + amount, toByteOffset: offset, as: Money.self)
            }
            switch type {
            case .impression: words[leaf] &+= count
            case .click: words[Self.clicksColumn * c + leaf] &+= count
            case .conversion:
                words[Self.conversionsColumn * c + leaf] &+= count
                addMoney(Self.revenueColumn)
            case .spend: addMoney(Self.spendColumn)
            case .reach: words[Self.reachColumn * c + leaf] &+= count
            case .participation: words[Self.participantsColumn * c + leaf] &+= count
            case .communityActive, .communityMembers: break
            }
        }
    }
}
