import Testing
@testable import CampaignCore

/// The store's memory layout (issue 19: per-leaf counters as columns, leaves
/// found through a grid, the minute ring searching only for late events)
/// checked against sums written plainly here: per leaf and per day, the
/// counts added with wrapping Int64 and the money as Int128 nanos, as the
/// rows of `KPICounters` define them.
@Suite struct KPIStoreLayoutTests {
    /// What one leaf (or one leaf on one day) should hold, summed without the store.
    struct Reference: Equatable {
        var impressions: Int64 = 0, clicks: Int64 = 0, conversions: Int64 = 0, reach: Int64 = 0, participants: Int64 = 0
        var spend: Int128 = 0, revenue: Int128 = 0

        mutating func add(_ type: EventType, count: Int64, nanos: Int128) {
            switch type {
            case .impression: impressions &+= count
            case .click: clicks &+= count
            case .conversion: conversions &+= count; revenue += nanos
            case .spend: spend += nanos
            case .reach: reach &+= count
            case .participation: participants &+= count
            default: break
            }
        }

        init() {}

        init(_ counters: KPICounters) {
            (impressions, clicks, conversions, reach, participants) =
                (counters.impressions, counters.clicks, counters.conversions, counters.reach, counters.participants)
            (spend, revenue) = (counters.spend.nanos, counters.revenue.nanos)
        }
    }

    static let types: [EventType] = [.impression, .click, .conversion, .spend, .reach, .participation]

    /// Amounts at the edges: the per-event limit either way (refunds are
    /// negative), one nano, values around Int64's range in nanos.
    static func amount(_ rng: inout SplitMix64) -> Int128 {
        let limit = Money.limit.nanos
        switch rng.next() % 8 {
        case 0: return limit
        case 1: return -limit
        case 2: return Int128(Int64.max) - Int128(rng.next() % 3)
        case 3: return -Int128(Int64.max) - 1
        case 4: return 1
        case 5: return -Int128(rng.next() % 1_000_000_000)
        default: return Int128(rng.next() % 1_000_000_000_000_000_000)
        }
    }

    static func count(_ rng: inout SplitMix64) -> Int64 {
        switch rng.next() % 6 {
        case 0: return .max
        case 1: return .min
        case 2: return -Int64(rng.next() % 100)
        default: return Int64(rng.next() % 20)
        }
    }

    /// 40,000 events over 2,000 leaves and five days, amounts and counts at
    /// their limits: campaign-to-date and each day's counters of sampled
    /// leaves, and of all leaves together, equal the plain sums.
    @Test func perLeafCountersEqualPlainSumsAtTypeLimits() {
        var rng = SplitMix64(seed: 19)
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai", rollingWindows: [])
        var toDate: [LeafKey: Reference] = [:]
        var perDay: [Int: [LeafKey: Reference]] = [:]
        let start = KPIStoreTests.at(0, 30)
        var clock = start
        for _ in 0..<40_000 {
            clock += Int64(rng.next() % 40_000)
            let timestamp = clock - (rng.next() % 20 == 0 ? Int64(rng.next() % 7_200_000) : 0)
            let leaf = LeafKey(channel: Int32(rng.next() % 10) - 1, segment: Int32(rng.next() % 40),
                               campaign: Int32(rng.next() % 5))
            let type = Self.types[Int(rng.next() % UInt64(Self.types.count))]
            let count = Self.count(&rng), nanos = Self.amount(&rng)
            store.add(timestamp: timestamp, type: type, leaf: leaf, user: 1, count: count, amount: Money(nanos: nanos))
            toDate[leaf, default: Reference()].add(type, count: count, nanos: nanos)
            perDay[store.day(of: timestamp).ordinal, default: [:]][leaf, default: Reference()].add(type, count: count, nanos: nanos)
        }
        #expect(store.leaves.count == toDate.count)
        for leaf in store.leaves.prefix(300) {
            let kept = store.counters(window: .campaignToDate, day: nil, include: { $0 == leaf })
            #expect(Reference(kept) == toDate[leaf]!, "leaf \(leaf)")
        }
        var total = Reference()
        for reference in toDate.values {
            total.impressions &+= reference.impressions
            total.clicks &+= reference.clicks
            total.conversions &+= reference.conversions
            total.reach &+= reference.reach
            total.participants &+= reference.participants
            total.spend += reference.spend
            total.revenue += reference.revenue
        }
        #expect(Reference(store.counters(window: .campaignToDate, day: nil, include: { _ in true })) == total)
        #expect(perDay.count >= 5)
        for (ordinal, leaves) in perDay {
            let day = Day(ordinal: ordinal)
            for (leaf, reference) in leaves.prefix(100) {
                let kept = store.counters(window: .calendarDay, day: day, include: { $0 == leaf })
                #expect(Reference(kept) == reference, "day \(ordinal), leaf \(leaf)")
            }
        }
    }

    /// Columns made from rows give the same rows back, and add as rows add.
    @Test func columnsHoldAndAddWhatRowsHold() {
        var rng = SplitMix64(seed: 5)
        var rows: [KPICounters] = (0..<500).map { _ in
            KPICounters(impressions: Self.count(&rng), clicks: Self.count(&rng), conversions: Self.count(&rng),
                        reach: Self.count(&rng), participants: Self.count(&rng),
                        spend: Money(nanos: Self.amount(&rng)), revenue: Money(nanos: Self.amount(&rng)))
        }
        var columns = LeafCounterColumns(rows)
        #expect(columns.rows == rows)
        for _ in 0..<5_000 {
            let leaf = Int(rng.next() % 500)
            let type = Self.types[Int(rng.next() % UInt64(Self.types.count))]
            let count = Self.count(&rng), amount = Money(nanos: Self.amount(&rng))
            rows[leaf].add(type, count: count, amount: amount)
            columns.add(leaf: leaf, type, count: count, amount: amount)
        }
        #expect(columns.rows == rows)
        columns.ensureCount(503)
        #expect(columns.count == 503 && columns[502] == .zero && columns[499] == rows[499])
    }

    /// Leaves whose ids fit the grid, ids too large for it, and "no name"
    /// ids, added in mixed order: every key finds its index, as a Dictionary
    /// does, and keys never added (inside and outside the grid) find none.
    @Test func leafGridAndTableFindWhatADictionaryFinds() {
        var rng = SplitMix64(seed: 3)
        var table = LeafIndexTable()
        var reference: [Int64: Int] = [:]
        func add(_ leaf: LeafKey) {
            guard reference[leaf.packed] == nil else { return }
            reference[leaf.packed] = reference.count
            table.insert(leaf.packed, index: reference[leaf.packed]!)
        }
        for n in 0..<30_000 {
            switch n % 5 {
            case 0, 1: add(LeafKey(channel: Int32(rng.next() % 13) - 1, segment: Int32(rng.next() % 301) - 1,
                                   campaign: Int32(rng.next() % 6) - 1))
            case 2: add(LeafKey(channel: Int32(n), segment: -1, campaign: -1))  // grows one extent far
            case 3: add(LeafKey(channel: 0, segment: Int32(rng.next() % 2_000_000), campaign: Int32(rng.next() % 2_000_000)))
            default: add(LeafKey(channel: Int32(n % 7), segment: Int32(n % 11), campaign: Int32(n % 3)))
            }
        }
        #expect(table.count == reference.count)
        for (key, index) in reference { #expect(table.index(of: key) == index) }
        for _ in 0..<20_000 {
            let leaf = LeafKey(channel: Int32(rng.next() % 40) - 1, segment: Int32(rng.next() % 400) - 1,
                               campaign: Int32(rng.next() % 9) - 1)
            #expect(table.index(of: leaf.packed) == reference[leaf.packed])
        }
    }

    /// A store written to a snapshot and read back keeps folding as the
    /// original does, late events included (the ring's per-leaf shortcut to
    /// the newest entry is rebuilt from the slots): same ring entries, same
    /// sums in every window, same snapshot bytes.
    @Test func aStoreReadFromItsSnapshotFoldsLateEventsAsTheOriginal() throws {
        var rng = SplitMix64(seed: 8)
        let windows = [5, 60]
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai", rollingWindows: windows)
        let start = KPIStoreTests.at(9, 0)
        var latest: Int64 = 0
        func event(_ store: inout KPIStore, _ other: inout KPIStore?) {
            latest += Int64(rng.next() % 3)
            let minute = max(0, latest - (rng.next() % 4 == 0 ? Int64(rng.next() % 90) : 0))
            let leaf = LeafKey(channel: Int32(rng.next() % 30), segment: Int32(rng.next() % 4), campaign: 0)
            let count = Int64(rng.next() % 9 + 1)
            store.add(timestamp: start + minute * 60_000, type: .click, leaf: leaf, user: 0, count: count, amount: .zero)
            other?.add(timestamp: start + minute * 60_000, type: .click, leaf: leaf, user: 0, count: count, amount: .zero)
        }
        var none: KPIStore? = nil
        for _ in 0..<3_000 { event(&store, &none) }
        var writer = SnapshotWriter()
        store.write(&writer)
        var reader = SnapshotReader(writer.bytes)
        var restored: KPIStore? = try KPIStore(&reader, timeZoneIdentifier: "Asia/Shanghai")
        for _ in 0..<3_000 { event(&store, &restored) }
        #expect(restored!.ringEntries == store.ringEntries)
        for window in windows + [30] {
            for channel in [Int32(0), 9, 29] {
                let include: (LeafKey) -> Bool = { $0.channel == channel }
                #expect(restored!.counters(window: .rolling(seconds: window * 60), day: nil, include: include)
                    == store.counters(window: .rolling(seconds: window * 60), day: nil, include: include))
            }
        }
        var again = SnapshotWriter(), original = SnapshotWriter()
        restored!.write(&again)
        store.write(&original)
        #expect(again.bytes == original.bytes)
    }

    /// The user-hash set against Swift's Set: values that collide in their
    /// low or high bits, zero, repeats, through every growth; and a
    /// DistinctCounter counts exactly what a Set counts up to its limit.
    @Test func userHashSetHoldsWhatASetHolds() {
        var rng = SplitMix64(seed: 77)
        var set = UserHashSet()
        var reference = Set<UInt64>()
        for n in 0..<60_000 {
            let value: UInt64
            switch n % 5 {
            case 0: value = rng.next()
            case 1: value = UInt64(n) << 40  // same low bits
            case 2: value = UInt64(n % 9_000)  // small, repeated, and 0
            case 3: value = reference.randomElement(using: &rng) ?? 0
            default: value = ~UInt64(n % 20_000)
            }
            #expect(set.insert(value) == reference.insert(value).inserted)
        }
        #expect(set.count == reference.count)
        #expect(Set(set.values) == reference && set.values.count == reference.count)
        for _ in 0..<10_000 {
            let probe = rng.next() % 3 == 0 ? UInt64(rng.next() % 20_000) : rng.next()
            #expect(set.contains(probe) == reference.contains(probe))
        }
        var counter = DistinctCounter()
        var users = Set<UInt64>()
        for _ in 0..<DistinctCounter.exactLimit {
            let user = rng.next() % 30_000 + 1
            counter.insert(user)
            users.insert(user)
        }
        #expect(counter.isExact && counter.count == users.count)
    }
}
