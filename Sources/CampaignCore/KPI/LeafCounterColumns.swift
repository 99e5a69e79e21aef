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
struct LeafCounterColumns: Sendable, Equatable {
    private var impressions: [Int64] = []
    private var clicks: [Int64] = []
    private var conversions: [Int64] = []
    private var reach: [Int64] = []
    private var participants: [Int64] = []
    private var spend: [Money] = []
    private var revenue: [Money] = []

    init() {}

    /// Columns holding `rows` (a snapshot's list), leaf by leaf.
    init(_ rows: [KPICounters]) {
        impressions = rows.map(\.impressions)
        clicks = rows.map(\.clicks)
        conversions = rows.map(\.conversions)
        reach = rows.map(\.reach)
        participants = rows.map(\.participants)
        spend = rows.map(\.spend)
        revenue = rows.map(\.revenue)
    }

    /// Leaves held.
    var count: Int { impressions.count }

    /// One leaf's counters.
    subscript(leaf: Int) -> KPICounters {
        KPICounters(impressions: impressions[leaf], clicks: clicks[leaf], conversions: conversions[leaf],
                    reach: reach[leaf], participants: participants[leaf], spend: spend[leaf], revenue: revenue[leaf])
    }

    /// Every leaf's counters as rows (what snapshots write).
    var rows: [KPICounters] { (0..<count).map { self[$0] } }

    /// Adds zeroed leaves up to `count`.
    mutating func ensureCount(_ count: Int) {
        let missing = count - self.count
        guard missing > 0 else { return }
        impressions.append(contentsOf: repeatElement(0, count: missing))
        clicks.append(contentsOf: repeatElement(0, count: missing))
        conversions.append(contentsOf: repeatElement(0, count: missing))
        reach.append(contentsOf: repeatElement(0, count: missing))
        participants.append(contentsOf: repeatElement(0, count: missing))
        spend.append(contentsOf: repeatElement(.zero, count: missing))
        revenue.append(contentsOf: repeatElement(.zero, count: missing))
    }

    /// Folds one event into `leaf`, as `KPICounters.add` folds it into a row.
    @inline(__always)
    mutating func add(leaf: Int, _ type: EventType, count: Int64, amount: Money) {
        switch type {
        case .impression: impressions[leaf] &+= count
        case .click: clicks[leaf] &+= count
        case .conversion:
            conversions[leaf] &+= count
            revenue[leaf] += amount
        case .spend: spend[leaf] += amount
        case .reach: reach[leaf] &+= count
        case .participation: participants[leaf] &+= count
        case .communityActive, .communityMembers: break
        }
    }
}
