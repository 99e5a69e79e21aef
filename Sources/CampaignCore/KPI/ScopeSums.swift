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
///
/// One flat array, `id × stride + window × 3 + dimension`: nested arrays
/// paid a uniqueness check per level on every event.
struct ScopeSums: Sendable {
    /// The dimensions kept: channel, segment, campaign (the total is every leaf).
    static let dimensions: [KPIDimension] = [.channel, .segment, .campaign]

    private let windows: Int
    private var sums: [KPICounters] = []
    /// Per dimension: the scope ids in the order their first leaf was made
    /// (what `KPIStore.scopeIDs` lists).
    private(set) var order: [[Int32]] = [[], [], []]
    /// Per dimension, per id: whether a leaf named it yet.
    private var seen: [[Bool]] = [[], [], []]

    init(windows: Int) {
        self.windows = windows
    }

    private var stride: Int { windows * 3 }

    @inline(__always)
    static func index(of dimension: KPIDimension) -> Int? {
        switch dimension {
        case .channel: return 0
        case .segment: return 1
        case .campaign: return 2
        case .total: return nil
        }
    }

    /// A new leaf: makes room for its scope ids and notes the new ones.
    mutating func appendLeaf(_ leaf: LeafKey) {
        for (d, dimension) in Self.dimensions.enumerated() {
            let id = Int(leaf.id(along: dimension))
            guard id >= 0 else { continue }
            if id >= seen[d].count { seen[d].append(contentsOf: repeatElement(false, count: id + 1 - seen[d].count)) }
            if (id + 1) * stride > sums.count {
                sums.append(contentsOf: repeatElement(.zero, count: (id + 1) * stride - sums.count))
            }
            if !seen[d][id] {
                seen[d][id] = true
                order[d].append(Int32(id))
            }
        }
    }

    @inline(__always)
    mutating func add(window w: Int, leaf: LeafKey, _ type: EventType, count: Int64, amount: Money) {
        let stride = self.stride
        sums.withUnsafeMutableBufferPointer { sums in
            if leaf.channel >= 0 { sums[Int(leaf.channel) * stride + w * 3].add(type, count: count, amount: amount) }
            if leaf.segment >= 0 { sums[Int(leaf.segment) * stride + w * 3 + 1].add(type, count: count, amount: amount) }
            if leaf.campaign >= 0 { sums[Int(leaf.campaign) * stride + w * 3 + 2].add(type, count: count, amount: amount) }
        }
    }

    @inline(__always)
    mutating func subtract(window w: Int, leaf: LeafKey, _ counters: KPICounters) {
        let stride = self.stride
        sums.withUnsafeMutableBufferPointer { sums in
            if leaf.channel >= 0 { sums[Int(leaf.channel) * stride + w * 3] -= counters }
            if leaf.segment >= 0 { sums[Int(leaf.segment) * stride + w * 3 + 1] -= counters }
            if leaf.campaign >= 0 { sums[Int(leaf.campaign) * stride + w * 3 + 2] -= counters }
        }
    }

    /// Per-scope sums of one calendar day (`dayCounters`), kept like the
    /// store's per-leaf days: sized on first use, ids beyond the size are zero.
    /// Flat, `id × 3 + dimension`.
    struct DaySums: Sendable {
        var sums: [KPICounters] = []

        @inline(__always)
        mutating func add(leaf: LeafKey, _ type: EventType, count: Int64, amount: Money) {
            let top = Int(max(leaf.channel, leaf.segment, leaf.campaign))
            if top >= 0, (top + 1) * 3 > sums.count {
                sums.append(contentsOf: repeatElement(.zero, count: (top + 1) * 3 - sums.count))
            }
            sums.withUnsafeMutableBufferPointer { sums in
                if leaf.channel >= 0 { sums[Int(leaf.channel) * 3].add(type, count: count, amount: amount) }
                if leaf.segment >= 0 { sums[Int(leaf.segment) * 3 + 1].add(type, count: count, amount: amount) }
                if leaf.campaign >= 0 { sums[Int(leaf.campaign) * 3 + 2].add(type, count: count, amount: amount) }
            }
        }

        func counters(dimension: KPIDimension, id: Int32) -> KPICounters? {
            guard let d = ScopeSums.index(of: dimension), id >= 0 else { return nil }
            let index = Int(id) * 3 + d
            return index < sums.count ? sums[index] : .zero
        }
    }

    /// The sum of window `w` for one scope value; nil for the total or an id never seen.
    func counters(window w: Int, dimension: KPIDimension, id: Int32) -> KPICounters? {
        guard let d = Self.index(of: dimension), id >= 0, Int(id) < seen[d].count, seen[d][Int(id)] else { return nil }
        return sums[Int(id) * stride + w * 3 + d]
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension ScopeSums {
    func write(_ out: inout SnapshotWriter) {
        out.int(windows)
        out.counterList(sums)
        for d in 0..<3 {
            out.int(order[d].count)
            for id in order[d] { out.i32(id) }
            out.int(seen[d].count)
            for flag in seen[d] { out.bool(flag) }
        }
    }

    init(_ input: inout SnapshotReader, windows: Int) throws {
        self.init(windows: windows)
        guard try input.int() == windows else { throw SnapshotReader.Malformed() }
        sums = try input.counterList()
        for d in 0..<3 {
            order[d] = try (0..<input.count(minimumSize: 4)).map { _ in try input.i32() }
            seen[d] = try (0..<input.count(minimumSize: 1)).map { _ in try input.bool() }
            guard order[d].allSatisfy({ $0 >= 0 && Int($0) < seen[d].count }) else { throw SnapshotReader.Malformed() }
        }
        guard sums.count % max(1, stride) == 0, seen.allSatisfy({ $0.count * stride <= sums.count }) else {
            throw SnapshotReader.Malformed()
        }
    }
}

extension ScopeSums.DaySums {
    func write(_ out: inout SnapshotWriter) { out.counterList(sums) }

    init(_ input: inout SnapshotReader) throws {
        sums = try input.counterList()
        guard sums.count % 3 == 0 else { throw SnapshotReader.Malformed() }
    }
}
