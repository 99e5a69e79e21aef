import CampaignCore

/// Events since the last commit, folded per minute and leaf (channel ×
/// segment × campaign) the way `metric_minute` stores them, so a batch of a
/// million events becomes one upsert per minute.
///
/// This is the only per-event work persistence adds, so it is kept flat:
/// keys are the reader's symbol ids (names are looked up once per leaf when
/// written), entries live in one array, and the current minute's entries
/// are found by a short scan before any hashing (streams are mostly in time
/// order, with a few dozen leaves per minute).
public struct MetricBatch: Sendable {
    struct ActiveKey: Hashable {
        var day: Int
        var leaf: LeafKey
        var user: UInt64
    }

    /// One per leaf and minute; `leafID` is filled in when written.
    private(set) var entries: [LeafMinute] = []
    private(set) var entryKeys: [LeafKey] = []
    /// Entry indices of each minute but the current one, and the current one's.
    private var minuteEntries: [Int64: [Int]] = [:]
    private var currentMinute: Int64 = .min
    private var currentEntries: [Int] = []
    /// Where each leaf was last found, direct-mapped by a cheap mix of its
    /// ids: most events hit here and skip the scan.
    private var recent = [(key: LeafKey, minute: Int64, entry: Int)](
        repeating: (LeafKey(channel: -9, segment: -9, campaign: -9), .min, -1), count: 64)
    /// Community users already active on their day (stored or in this batch),
    /// so each is stored once per day and leaf. Survives commits; holds the
    /// last `trackedDays` days only, so an endless stream stays in bounded memory.
    private var seenActive: Set<ActiveKey> = []
    private var latestDay = Int.min
    static let trackedDays = 3
    private var clock: CampaignClock
    public private(set) var eventCount = 0

    public init(timeZoneIdentifier: String) {
        clock = CampaignClock(timeZoneIdentifier: timeZoneIdentifier)
    }

    public var isEmpty: Bool { eventCount == 0 }

    @inline(__always)
    public mutating func add(_ record: EventRecord) {
        let minute = CampaignClock.minute(of: record.timestamp)
        if minute != currentMinute { switchMinute(to: minute, timestamp: record.timestamp) }
        let key = LeafKey(channel: record.channel, segment: record.segment, campaign: record.campaign)
        let slot = Int(truncatingIfNeeded: (record.channel &* 31 &+ record.segment &* 7 &+ record.campaign) & 63)
        var index = -1
        if recent[slot].minute == minute && recent[slot].key == key {
            index = recent[slot].entry
        } else {
            for candidate in currentEntries where entryKeys[candidate] == key {
                index = candidate
                break
            }
            if index < 0 {
                index = entries.count
                entries.append(LeafMinute(leafID: -1))
                entryKeys.append(key)
                currentEntries.append(index)
            }
            recent[slot] = (key, minute, index)
        }
        eventCount += 1
        var newUser = false
        if record.type == .communityActive {
            newUser = noteActive(ActiveKey(day: clock.day(of: record.timestamp).ordinal, leaf: key, user: record.user))
        }
        entries[index].absorb(record, newUser: newUser)
    }

    private mutating func switchMinute(to minute: Int64, timestamp: Int64) {
        if currentMinute != .min { minuteEntries[currentMinute] = currentEntries }
        currentMinute = minute
        currentEntries = minuteEntries.removeValue(forKey: minute) ?? []
        advance(to: clock.day(of: timestamp).ordinal)
    }

    /// Hands over what the batch holds, for writing on another thread, and
    /// starts empty (what was seen stays).
    mutating func take() -> MetricBatchContents {
        if currentMinute != .min { minuteEntries[currentMinute] = currentEntries }
        let contents = MetricBatchContents(entries: entries, keys: entryKeys,
                                           minutes: minuteEntries.map { (minute: $0.key, entries: $0.value) })
        entries = []
        entryKeys = []
        minuteEntries = [:]
        currentMinute = .min
        currentEntries = []
        for slot in recent.indices { recent[slot].minute = .min } // the entries they point at are gone
        eventCount = 0
        return contents
    }

    /// Whether `key` is the user's first activity on that day and leaf.
    /// Days older than the tracked ones are not remembered: a user seen that
    /// late may be stored twice, which the distinct count absorbs. The rule
    /// depends only on the events, so a resumed ingest that reloads the
    /// tracked days (`rememberStored`) decides exactly as an unbroken one.
    private mutating func noteActive(_ key: ActiveKey) -> Bool {
        advance(to: key.day)
        guard key.day > latestDay - Self.trackedDays else { return true }
        return seenActive.insert(key).inserted
    }

    /// Moves the newest day forward (every event does, not only community ones).
    private mutating func advance(to day: Int) {
        guard day > latestDay else { return }
        latestDay = day
        let oldest = day - Self.trackedDays
        if seenActive.contains(where: { $0.day <= oldest }) { seenActive = seenActive.filter { $0.day > oldest } }
    }

    /// Reloads what the database already holds, at the start of a resumed ingest.
    mutating func rememberStored(latestMinute: Int64, users: [(minute: Int64, leaf: LeafKey, user: UInt64)]) {
        advance(to: clock.day(of: latestMinute * 60_000).ordinal)
        for user in users {
            let day = clock.day(of: user.minute * 60_000).ordinal
            if day > latestDay - Self.trackedDays { seenActive.insert(ActiveKey(day: day, leaf: user.leaf, user: user.user)) }
        }
    }

}

/// A batch's minutes, ready to write: entries with their leaf keys, and each
/// minute's entry indices.
struct MetricBatchContents: Sendable {
    var entries: [LeafMinute]
    var keys: [LeafKey]
    var minutes: [(minute: Int64, entries: [Int])]
}

extension LeafMinute {
    /// Folds one event of this leaf and minute in.
    @inline(__always)
    mutating func absorb(_ record: EventRecord, newUser: Bool) {
        events += 1
        firstAt = min(firstAt, record.timestamp)
        lastAt = max(lastAt, record.timestamp)
        switch record.type {
        case .communityMembers:
            if membersAt.map({ record.timestamp >= $0 }) ?? true {
                membersAt = record.timestamp
                members = record.count
            }
        case .communityActive:
            if newUser { users.append(record.user) }
        case .conversion:
            counters.add(record.type, count: record.count, amount: record.amount)
            // Each user once per leaf and minute (`MinuteRecord` keeps a set).
            if record.user != EventRecord.noUser && !buyers.contains(record.user) { buyers.append(record.user) }
        default:
            counters.add(record.type, count: record.count, amount: record.amount)
        }
    }
}
