/// Aggregates the event stream into everything the KPIs need, in bounded
/// memory:
/// - per leaf (channel × segment × campaign): its minutes of the last 24
///   hours (in one ring shared by all leaves, holding only minutes with
///   data), running sums for each rolling window, per-day totals and
///   campaign-to-date totals;
/// - distinct community users per calendar day and scope (exact, then a sketch);
/// - the latest community member count per leaf.
///
/// Windows are by event time. `clockMinute` is the latest minute the store has
/// reached; an event from the future moves it forward, an event from the past
/// is added where it belongs. Callers that judge every closed minute (the
/// alert engine) move the clock themselves with `step(toward:)` first.
public struct KPIStore: Sendable {
    /// Rolling windows kept as running sums, in minutes.
    public let rollingWindows: [Int]
    public private(set) var clock: CampaignClock
    public private(set) var clockMinute: Int64 = .min
    /// The latest minute any event fell in: windows are empty a day after it.
    private var lastDataMinute: Int64 = .min
    public private(set) var leaves: [LeafKey] = []
    private var leafIndex = LeafIndexTable()
    private var lastLeaf: (packed: Int64, index: Int) = (.min, -1)
    /// Per dimension (channel, segment, campaign), per scope id: its leaves'
    /// indices, ascending. Why: a report row (`values`) summed its scope's
    /// leaves by testing every leaf, about seven passes per row; by segment on
    /// a stream with 18,000 leaves that was 300 × 7 × 18,000 tests, 0.09 s of
    /// `kpi`'s run after the fold. Not in snapshots: rebuilt from `leaves`.
    private var scopeLeaves: [[[Int32]]] = [[], [], []]

    private var ring = MinuteRing()
    /// rolling[w][leaf]: the sum over the last `rollingWindows[w]` minutes up to `clockMinute`.
    private var rolling: [[KPICounters]]
    /// The same running sums per channel, segment and campaign (see `ScopeSums`).
    private var scopeSums: ScopeSums
    /// Per leaf, kept as columns (see `LeafCounterColumns`: the adds stay cached).
    private var campaignToDate = LeafCounterColumns()
    private var days: [Int: LeafCounterColumns] = [:]
    private var currentDay = Int.min
    private var currentDayCounters = LeafCounterColumns()
    /// The same days' sums per channel, segment and campaign, kept alike.
    private var dayScopes: [Int: ScopeSums.DaySums] = [:]
    private var currentDayScopes = ScopeSums.DaySums()
    private var activeUsers: [DistinctKey: DistinctCounter] = [:]
    /// Days on which any event arrived. A day without one is a gap in the
    /// data: its daily-active count is unknown, not zero (and a rule never fires on no data).
    private var daysWithEvents = Set<Int>()
    private var lastMarkedDay = Int.min
    /// Distinct-user counts of days that have closed: the sets are dropped so an
    /// endless stream keeps a fixed number of them in memory.
    private var frozenActiveUsers: [DistinctKey: Int] = [:]
    private var newestActiveDay = Int.min
    private var members: [(timestamp: Int64, count: Int64)] = []
    public private(set) var earliestTimestamp: Int64 = .max
    public private(set) var latestTimestamp: Int64 = .min

    struct DistinctKey: Hashable, Sendable {
        var day: Int
        var dimension: KPIDimension
        var id: Int32
    }

    public init(timeZoneIdentifier: String, rollingWindows: [Int] = MetricWindow.rollingChoices.map { $0.seconds / 60 }) {
        self.clock = CampaignClock(timeZoneIdentifier: timeZoneIdentifier)
        self.rollingWindows = rollingWindows
        self.rolling = rollingWindows.map { _ in [] }
        self.scopeSums = ScopeSums(windows: rollingWindows.count)
    }

    // MARK: Ingest

    /// Folds one event in, moving the clock forward if the event is the latest yet.
    @inline(__always)
    public mutating func add(timestamp: Int64, type: EventType, leaf: LeafKey, user: UInt64, count: Int64,
                             amount: Money) {
        let minute = CampaignClock.minute(of: timestamp)
        while minute > clockMinute { step(toward: minute) }
        lastDataMinute = max(lastDataMinute, minute)
        let index = self.index(of: leaf)
        earliestTimestamp = min(earliestTimestamp, timestamp)
        latestTimestamp = max(latestTimestamp, timestamp)
        let day = clock.day(of: timestamp).ordinal
        if day != lastMarkedDay {
            daysWithEvents.insert(day)
            lastMarkedDay = day
        }

        switch type {
        case .communityMembers:
            if timestamp >= members[index].timestamp { members[index] = (timestamp, count) }
            return
        case .communityActive:
            if day > newestActiveDay { freezeActiveUsers(newest: day) }
            // Only days before yesterday are ever frozen: the usual event
            // skips that lookup (four per event, a measured share of `kpi`).
            let mayBeFrozen = day < newestActiveDay &- 1
            for dimension in KPIDimension.allCases {
                let key = DistinctKey(day: day, dimension: dimension, id: leaf.id(along: dimension))
                // A straggler for a day already frozen: counted as it was (it may be a repeat visitor).
                if mayBeFrozen && frozenActiveUsers[key] != nil { continue }
                activeUsers[key, default: DistinctCounter()].insert(user)
            }
            return
        default:
            break
        }
        campaignToDate.add(leaf: index, type, count: count, amount: amount)
        addToDay(day, leaf: index, key: leaf, type, count: count, amount: amount)
        let age = clockMinute - minute
        guard age < Int64(MinuteRing.capacity) else { return } // older than a day: totals only
        ring.add(leaf: index, type, count: count, amount: amount, at: minute)
        for (w, window) in rollingWindows.enumerated() where age < Int64(window) {
            rolling[w][index].add(type, count: count, amount: amount)
            scopeSums.add(window: w, leaf: leaf, type, count: count, amount: amount)
        }
    }

    /// Moves the clock one minute toward `minute` (or, after a day without
    /// data, straight to the minute before it: every window is empty by then, and
    /// a stray far-future timestamp must not make us walk years of minutes).
    /// The minute the clock leaves is closed: the caller judges it before stepping.
    public mutating func step(toward minute: Int64) {
        guard minute > clockMinute else { return }
        if clockMinute == .min {
            clockMinute = minute
            lastDataMinute = minute
            return
        }
        let emptyAfter = Int64(max(rollingWindows.max() ?? 0, MinuteRing.capacity))
        if clockMinute - lastDataMinute >= emptyAfter && minute - clockMinute > 1 {
            clockMinute = minute - 1
            return
        }
        let next = clockMinute + 1
        for (w, window) in rollingWindows.enumerated() {
            ring.forEach(at: next - Int64(window)) { leaf, counters in
                rolling[w][leaf] -= counters
                scopeSums.subtract(window: w, leaf: leaves[leaf], counters)
            }
        }
        clockMinute = next
    }

    /// Most events fall on the same day as the one before: that day's counters
    /// live outside the dictionary so the hot path skips two hash lookups.
    @inline(__always)
    private mutating func addToDay(_ day: Int, leaf: Int, key: LeafKey, _ type: EventType, count: Int64,
                                   amount: Money) {
        if day != currentDay {
            if currentDay != .min {
                days[currentDay] = currentDayCounters
                dayScopes[currentDay] = currentDayScopes
            }
            currentDay = day
            currentDayCounters = days.removeValue(forKey: day) ?? LeafCounterColumns()
            currentDayScopes = dayScopes.removeValue(forKey: day) ?? ScopeSums.DaySums()
        }
        currentDayCounters.ensureCount(leaves.count)
        currentDayCounters.add(leaf: leaf, type, count: count, amount: amount)
        currentDayScopes.add(leaf: key, type, count: count, amount: amount)
    }

    /// The counters of a day, wherever they are kept.
    private func dayCounters(_ day: Int) -> LeafCounterColumns? {
        day == currentDay ? currentDayCounters : days[day]
    }

    @inline(__always)
    private mutating func index(of leaf: LeafKey) -> Int {
        let packed = leaf.packed
        if packed == lastLeaf.packed { return lastLeaf.index }
        if let index = leafIndex.index(of: packed) {
            lastLeaf = (packed, index)
            return index
        }
        let index = leaves.count
        leaves.append(leaf)
        leafIndex.insert(packed, index: index)
        noteScopeLeaves(leaf, index: index)
        ring.appendLeaf()
        scopeSums.appendLeaf(leaf)
        for w in rolling.indices { rolling[w].append(.zero) }
        campaignToDate.ensureCount(leaves.count)
        members.append((.min, 0))
        lastLeaf = (packed, index)
        return index
    }

    private mutating func noteScopeLeaves(_ leaf: LeafKey, index: Int) {
        for (d, dimension) in ScopeSums.dimensions.enumerated() {
            let id = Int(leaf.id(along: dimension))
            guard id >= 0 else { continue }
            if id >= scopeLeaves[d].count {
                scopeLeaves[d].append(contentsOf: repeatElement([], count: id + 1 - scopeLeaves[d].count))
            }
            scopeLeaves[d][id].append(Int32(index))
        }
    }

    /// The leaves of one scope value, ascending (exactly those whose id along
    /// `dimension` is `id`); nil for the total or a "no name" id, which are
    /// found by testing every leaf.
    func leafIndices(_ dimension: KPIDimension, id: Int32) -> [Int32]? {
        guard let d = ScopeSums.index(of: dimension), id >= 0 else { return nil }
        return Int(id) < scopeLeaves[d].count ? scopeLeaves[d][Int(id)] : []
    }

    // MARK: Reading

    /// Sums of the leaves selected by `include` over `window` as of the clock
    /// (rolling windows) or for `day` (calendar-day window).
    public func counters(window: MetricWindow, day: Day?, include: (LeafKey) -> Bool) -> KPICounters {
        counters(window: window, day: day, include: include, only: nil)
    }

    /// The same, given the selected leaves' indices when known (`leafIndices`).
    func counters(window: MetricWindow, day: Day?, include: (LeafKey) -> Bool, only indices: [Int32]?) -> KPICounters {
        var total = KPICounters.zero
        forEachLeaf(window: window, day: day, include: include, only: indices) { _, counters in total += counters }
        return total
    }

    /// The same sums kept apart by channel (events that named no channel are
    /// one more part), in one pass over the leaves.
    public func countersByChannel(window: MetricWindow, day: Day?, include: (LeafKey) -> Bool) -> [KPICounters] {
        countersByChannel(window: window, day: day, include: include, only: nil)
    }

    func countersByChannel(window: MetricWindow, day: Day?, include: (LeafKey) -> Bool,
                           only indices: [Int32]?) -> [KPICounters] {
        var byChannel: [Int32: KPICounters] = [:]
        forEachLeaf(window: window, day: day, include: include, only: indices) { leaf, counters in
            byChannel[leaves[leaf].channel, default: .zero] += counters
        }
        return byChannel.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Visits the selected leaves' counters over `window` (a leaf may be
    /// visited more than once for a window kept minute by minute). `indices`,
    /// when given, are exactly the leaves `include` selects, ascending: the
    /// per-leaf windows then visit those alone, in the same order.
    private func forEachLeaf(window: MetricWindow, day: Day?, include: (LeafKey) -> Bool, only indices: [Int32]?,
                             _ body: (Int, KPICounters) -> Void) {
        if let indices {
            switch window {
            case .campaignToDate:
                for index in indices { body(Int(index), campaignToDate[Int(index)]) }
                return
            case .calendarDay:
                guard let day, let perLeaf = dayCounters(day.ordinal) else { return }
                for index in indices where Int(index) < perLeaf.count { body(Int(index), perLeaf[Int(index)]) }
                return
            case .rolling(let seconds):
                if let w = rollingWindows.firstIndex(of: seconds / 60) {
                    for index in indices { body(Int(index), rolling[w][Int(index)]) }
                    return
                }
            }
        }
        switch window {
        case .campaignToDate:
            for (index, leaf) in leaves.enumerated() where include(leaf) { body(index, campaignToDate[index]) }
        case .calendarDay:
            guard let day, let perLeaf = dayCounters(day.ordinal) else { return }
            for (index, leaf) in leaves.enumerated() where index < perLeaf.count && include(leaf) { body(index, perLeaf[index]) }
        case .rolling(let seconds):
            if let w = rollingWindows.firstIndex(of: seconds / 60) {
                for (index, leaf) in leaves.enumerated() where include(leaf) { body(index, rolling[w][index]) }
            } else {
                // A window without a running sum: add up the ring.
                let selected = leaves.map(include)
                for minute in (clockMinute - Int64(seconds / 60) + 1)...clockMinute {
                    ring.forEach(at: minute) { leaf, counters in if selected[leaf] { body(leaf, counters) } }
                }
            }
        }
    }

    /// Scope values along a dimension in order of first sighting (not the total).
    func scopeOrder(_ dimension: KPIDimension) -> [Int32]? {
        ScopeSums.index(of: dimension).map { scopeSums.order[$0] }
    }

    /// How many scope values `scopeIDs(dimension)` lists, without making the list.
    func scopeCount(_ dimension: KPIDimension) -> Int {
        ScopeSums.index(of: dimension).map { scopeSums.order[$0].count } ?? 1
    }

    /// One scope value's running sum over a rolling window the store keeps;
    /// nil for the total, other windows, or an id no leaf named.
    func scopeCounters(window: MetricWindow, day: Day, dimension: KPIDimension, id: Int32) -> KPICounters? {
        switch window {
        case .rolling(let seconds):
            guard let w = rollingWindows.firstIndex(of: seconds / 60) else { return nil }
            return scopeSums.counters(window: w, dimension: dimension, id: id)
        case .calendarDay:
            guard let sums = day.ordinal == currentDay ? currentDayScopes : dayScopes[day.ordinal] else { return nil }
            return sums.counters(dimension: dimension, id: id)
        case .campaignToDate:
            return nil
        }
    }

    /// One leaf's counters for one minute still held in the ring.
    func ringCounters(leaf: Int, minute: Int64) -> KPICounters { ring.counters(leaf: leaf, at: minute) }

    /// The selected leaves' counters (`selected[leaf]`) for one minute still held in the ring.
    func ringSum(minute: Int64, selected: [Bool]) -> KPICounters {
        var total = KPICounters.zero
        ring.forEach(at: minute) { leaf, counters in if selected[leaf] { total += counters } }
        return total
    }

    /// Every leaf's counters for one minute still held in the ring.
    func forEachRingLeaf(minute: Int64, _ body: (LeafKey, KPICounters) -> Void) {
        ring.forEach(at: minute) { leaf, counters in body(leaves[leaf], counters) }
    }

    /// Leaf-minutes held in the ring (for tests: memory follows the data).
    var ringEntries: Int { ring.entryCount }

    /// Distinct active community users on `day` for one scope value.
    /// Whether any event at all arrived on `day`.
    public func hadEvents(on day: Day) -> Bool { daysWithEvents.contains(day.ordinal) }

    public func activeUsers(day: Day, dimension: KPIDimension, id: Int32) -> Int {
        let key = DistinctKey(day: day.ordinal, dimension: dimension, id: id)
        return activeUsers[key]?.count ?? frozenActiveUsers[key] ?? 0
    }

    /// Keeps sets for the newest two days (late events for yesterday still
    /// count exactly) and turns older ones into counts.
    private mutating func freezeActiveUsers(newest day: Int) {
        newestActiveDay = day
        for (key, counter) in activeUsers where key.day < day - 1 {
            frozenActiveUsers[key] = counter.count
            activeUsers[key] = nil
        }
    }

    /// The latest member count: summed over the selected leaves' latest gauges.
    public func members(include: (LeafKey) -> Bool) -> Int64? {
        members(include: include, only: nil)
    }

    func members(include: (LeafKey) -> Bool, only indices: [Int32]?) -> Int64? {
        var total: Int64 = 0, seen = false
        if let indices {
            for index in indices where members[Int(index)].timestamp != .min {
                total += members[Int(index)].count
                seen = true
            }
            return seen ? total : nil
        }
        for (index, leaf) in leaves.enumerated() where members[index].timestamp != .min && include(leaf) {
            total += members[index].count
            seen = true
        }
        return seen ? total : nil
    }

    /// The campaign-zone day of an instant.
    public mutating func day(of timestamp: Int64) -> Day { clock.day(of: timestamp) }

}

// MARK: Snapshot (MonitorFold+Snapshot)

extension KPIStore {
    /// Everything a later event or judged minute reads. The current day's
    /// counters are written with the other days (they are kept apart only to
    /// spare a lookup) and dictionaries in key order, so equal stores write
    /// equal bytes.
    func write(_ out: inout SnapshotWriter) {
        out.int(rollingWindows.count)
        for window in rollingWindows { out.int(window) }
        out.i64(clockMinute)
        out.i64(lastDataMinute)
        out.int(leaves.count)
        for leaf in leaves { out.leaf(leaf) }
        ring.write(&out)
        for perLeaf in rolling { out.counterList(perLeaf) }
        scopeSums.write(&out)
        out.counterList(campaignToDate.rows)
        var allDays = days, allDayScopes = dayScopes
        if currentDay != .min {
            allDays[currentDay] = currentDayCounters
            allDayScopes[currentDay] = currentDayScopes
        }
        out.int(allDays.count)
        for day in allDays.keys.sorted() {
            out.int(day)
            out.counterList(allDays[day]!.rows)
            (allDayScopes[day] ?? ScopeSums.DaySums()).write(&out)
        }
        func key(_ key: DistinctKey) {
            out.int(key.day)
            out.int(KPIDimension.allCases.firstIndex(of: key.dimension)!)
            out.i32(key.id)
        }
        func ordered(_ a: DistinctKey, _ b: DistinctKey) -> Bool {
            (a.day, KPIDimension.allCases.firstIndex(of: a.dimension)!, a.id)
                < (b.day, KPIDimension.allCases.firstIndex(of: b.dimension)!, b.id)
        }
        out.int(activeUsers.count)
        for (k, counter) in activeUsers.sorted(by: { ordered($0.key, $1.key) }) {
            key(k)
            counter.write(&out)
        }
        out.int(daysWithEvents.count)
        for day in daysWithEvents.sorted() { out.int(day) }
        out.int(frozenActiveUsers.count)
        for (k, count) in frozenActiveUsers.sorted(by: { ordered($0.key, $1.key) }) {
            key(k)
            out.int(count)
        }
        out.int(newestActiveDay)
        for member in members {
            out.i64(member.timestamp)
            out.i64(member.count)
        }
        out.i64(earliestTimestamp)
        out.i64(latestTimestamp)
    }

    init(_ input: inout SnapshotReader, timeZoneIdentifier: String) throws {
        let windows = try (0..<input.count(minimumSize: 8)).map { _ in try input.int() }
        self.init(timeZoneIdentifier: timeZoneIdentifier, rollingWindows: windows)
        clockMinute = try input.i64()
        lastDataMinute = try input.i64()
        leaves = try (0..<input.count(minimumSize: 12)).map { _ in try input.leaf() }
        for (index, leaf) in leaves.enumerated() {
            guard leafIndex.index(of: leaf.packed) == nil else { throw SnapshotReader.Malformed() }
            leafIndex.insert(leaf.packed, index: index)
            noteScopeLeaves(leaf, index: index)
        }
        ring = try MinuteRing(&input)
        rolling = try windows.map { _ in try input.counterList() }
        scopeSums = try ScopeSums(&input, windows: windows.count)
        campaignToDate = LeafCounterColumns(try input.counterList())
        for _ in 0..<(try input.count(minimumSize: 16)) {
            let day = try input.int()
            let counters = try input.counterList()
            guard counters.count <= leaves.count else { throw SnapshotReader.Malformed() }
            days[day] = LeafCounterColumns(counters)
            dayScopes[day] = try ScopeSums.DaySums(&input)
        }
        func key() throws -> DistinctKey {
            let day = try input.int(), dimension = try input.int()
            guard KPIDimension.allCases.indices.contains(dimension) else { throw SnapshotReader.Malformed() }
            return DistinctKey(day: day, dimension: KPIDimension.allCases[dimension], id: try input.i32())
        }
        for _ in 0..<(try input.count(minimumSize: 21)) {
            let k = try key()
            activeUsers[k] = try DistinctCounter(&input)
        }
        daysWithEvents = Set(try (0..<input.count(minimumSize: 8)).map { _ in try input.int() })
        for _ in 0..<(try input.count(minimumSize: 28)) {
            let k = try key()
            frozenActiveUsers[k] = try input.int()
        }
        newestActiveDay = try input.int()
        members = try leaves.map { _ in (timestamp: try input.i64(), count: try input.i64()) }
        earliestTimestamp = try input.i64()
        latestTimestamp = try input.i64()
        // Per-leaf arrays must match the leaves, or a later event would index past them.
        guard ring.leafCount == leaves.count, campaignToDate.count == leaves.count,
              rolling.allSatisfy({ $0.count == leaves.count }) else { throw SnapshotReader.Malformed() }
    }
}
