import Testing
@testable import CampaignCore

/// The minute ring is shared by all leaves and holds only minutes with data
/// (issue 11 item 13: a ring per leaf cost 92 KB for a name seen once).
@Suite struct KPIMinuteRingTests {
    static let start = KPIStoreTests.at(10, 0)

    @Test func fiftyThousandNamesSeenOnceHoldFiftyThousandEntries() {
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai")
        for leaf in 0..<50_000 {
            store.add(timestamp: Self.start + Int64(leaf), type: .click, leaf: LeafKey(channel: Int32(leaf), segment: -1, campaign: -1),
                      user: 0, count: 1, amount: .zero)
        }
        #expect(store.leaves.count == 50_000)
        #expect(store.ringEntries == 50_000, "one minute each, not a day of empty minutes")
        #expect(store.counters(window: .rolling(seconds: 300), day: nil, include: { _ in true }).clicks == 50_000)
    }

    @Test func aLeafHoldsOneEntryPerMinuteWithDataAndOldMinutesAreReclaimed() {
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai")
        let leaf = LeafKey(channel: 0, segment: -1, campaign: -1)
        for minute in [0, 0, 1, 5, 5, 5] as [Int64] {
            store.add(timestamp: Self.start + minute * 60_000, type: .impression, leaf: leaf, user: 0, count: 1, amount: .zero)
        }
        #expect(store.ringEntries == 3)
        // A day and a minute later the first minute's slot is reused; minutes 1 and 5 remain.
        store.add(timestamp: Self.start + (1_440 + 0) * 60_000, type: .impression, leaf: leaf, user: 0, count: 1, amount: .zero)
        #expect(store.ringEntries == 3)
    }

    /// Random events, some late, over 300 leaves and two days: every rolling
    /// window (kept as a running sum, or added up from the ring) equals the sum
    /// of the events whose minute lies in it, computed directly.
    @Test(arguments: [true, false])
    func rollingWindowsEqualADirectSum(runningSums: Bool) {
        var rng = SplitMix64(seed: 11)
        let windows = [5, 60, 1_440]
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai", rollingWindows: runningSums ? windows : [])
        var events: [(minute: Int64, leaf: Int32, count: Int64)] = []
        var latest: Int64 = 0
        for _ in 0..<20_000 {
            latest += Int64(rng.next() % 5)  // 0…4 minutes on
            let minute = max(0, latest - (rng.next() % 10 == 0 ? Int64(rng.next() % 120) : 0))  // one in ten up to 2 h late
            let leaf = Int32(rng.next() % 300)
            let count = Int64(rng.next() % 9 + 1)
            events.append((minute, leaf, count))
            store.add(timestamp: Self.start + minute * 60_000 + 7, type: .click,
                      leaf: LeafKey(channel: leaf, segment: -1, campaign: -1), user: 0, count: count, amount: .zero)
        }
        let clock = CampaignClock.minute(of: Self.start) + latest
        #expect(store.clockMinute == clock)
        for window in windows {
            for channel in [Int32(0), 7, 299] {
                let direct = events.filter { $0.leaf == channel && CampaignClock.minute(of: Self.start) + $0.minute > clock - Int64(window) }
                    .reduce(0) { $0 + $1.count }
                let kept = store.counters(window: .rolling(seconds: window * 60), day: nil, include: { $0.channel == channel }).clicks
                #expect(kept == direct, "window \(window) min, channel \(channel)")
            }
        }
    }
}
