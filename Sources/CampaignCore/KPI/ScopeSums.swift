/// The rolling windows' running sums per scope value (one channel, one
/// segment, one campaign) beside the store's per-leaf ones, and the scope
/// values in order of first sighting.
///
/// Why: the alert engine reads every scope's window at every closed minute.
/// Summing the leaves for each scope cost (scopes × leaves) per minute: on a
/// stream with 18,000 leaves (12 channels × 300 segments × 5 campaigns) a
/// month of minutes took over eight minutes. These sums change where the
/// per-leaf ones change (an event added, a minute leaving a window), so a
/// scope's window is one read. Counters add with wrapping integers, so the
/// sum is exactly the leaves' sum in any order.
struct ScopeSums: Sendable {
    /// The dimensions kept: channel, segment, campaign (the total is every leaf).
    static let dimensions: [KPIDimension] = [.channel, .segment, .campaign]

    /// sums[w][d][id]: window `w`, dimension `dimensions[d]`, scope id `id` (>= 0).
    private var sums: [[[KPICounters]]]
    /// Per dimension: the scope ids in the order their first leaf was made
    /// (what `KPIStore.scopeIDs` lists).
    private(set) var order: [[Int32]] = [[], [], []]

    init(windows: Int) {
        sums = Array(repeating: [[], [], []], count: windows)
    }

    @inline(__always)
    static func index(of dimension: KPIDimension) -> Int? {
        switch dimension {
        case .channel: return 0
        case .segment: return 1
        case .campaign: return 2
        case .total: return nil
        }
    }

    /// Per dimension, per id: whether a leaf named it yet.
    private var seen: [[Bool]] = [[], [], []]

    /// A new leaf: makes room for its scope ids and notes the new ones.
    mutating func appendLeaf(_ leaf: LeafKey) {
        for (d, dimension) in Self.dimensions.enumerated() {
            let id = Int(leaf.id(along: dimension))
            guard id >= 0 else { continue }
            if id >= seen[d].count {
                seen[d].append(contentsOf: repeatElement(false, count: id + 1 - seen[d].count))
                for w in sums.indices {
                    sums[w][d].append(contentsOf: repeatElement(.zero, count: id + 1 - sums[w][d].count))
                }
            }
            if !seen[d][id] {
                seen[d][id] = true
                order[d].append(Int32(id))
            }
        }
    }

    @inline(__always)
    mutating func add(window w: Int, leaf: LeafKey, _ type: EventType, count: Int64, amount: Money) {
        if leaf.channel >= 0 { sums[w][0][Int(leaf.channel)].add(type, count: count, amount: amount) }
        if leaf.segment >= 0 { sums[w][1][Int(leaf.segment)].add(type, count: count, amount: amount) }
        if leaf.campaign >= 0 { sums[w][2][Int(leaf.campaign)].add(type, count: count, amount: amount) }
    }

    @inline(__always)
    mutating func subtract(window w: Int, leaf: LeafKey, _ counters: KPICounters) {
        if leaf.channel >= 0 { sums[w][0][Int(leaf.channel)] -= counters }
        if leaf.segment >= 0 { sums[w][1][Int(leaf.segment)] -= counters }
        if leaf.campaign >= 0 { sums[w][2][Int(leaf.campaign)] -= counters }
    }

    /// Per-scope sums of one calendar day (`dayCounters`), kept like the
    /// store's per-leaf days: sized on first use, ids beyond the size are zero.
    struct DaySums: Sendable {
        var sums: [[KPICounters]] = [[], [], []]

        @inline(__always)
        mutating func add(leaf: LeafKey, _ type: EventType, count: Int64, amount: Money) {
            if leaf.channel >= 0 { Self.add(&sums[0], Int(leaf.channel), type, count, amount) }
            if leaf.segment >= 0 { Self.add(&sums[1], Int(leaf.segment), type, count, amount) }
            if leaf.campaign >= 0 { Self.add(&sums[2], Int(leaf.campaign), type, count, amount) }
        }

        @inline(__always)
        private static func add(_ array: inout [KPICounters], _ id: Int, _ type: EventType, _ count: Int64, _ amount: Money) {
            if id >= array.count { array.append(contentsOf: repeatElement(.zero, count: id + 1 - array.count)) }
            array[id].add(type, count: count, amount: amount)
        }

        func counters(dimension: KPIDimension, id: Int32) -> KPICounters? {
            guard let d = ScopeSums.index(of: dimension), id >= 0 else { return nil }
            return Int(id) < sums[d].count ? sums[d][Int(id)] : .zero
        }
    }

    /// The sum of window `w` for one scope value; nil for the total or an id never seen.
    func counters(window w: Int, dimension: KPIDimension, id: Int32) -> KPICounters? {
        guard let d = Self.index(of: dimension), id >= 0, Int(id) < sums[w][d].count else { return nil }
        return sums[w][d][Int(id)]
    }
}
