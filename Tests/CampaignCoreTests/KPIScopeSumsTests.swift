@testable import CampaignCore
import Testing

/// The per-scope sums the alert engine reads (`ScopeSums`) against two other
/// computations: sums worked out here from the events themselves, and the
/// store's per-leaf route (`counters(window:day:include:)`), on a stream of
/// many leaves, some events naming no channel, segment or campaign.
@Suite struct KPIScopeSumsTests {
    struct Event {
        var timestamp: Int64
        var type: EventType
        var leaf: LeafKey
        var count: Int64
        var amount: Money
    }

    static let context = KPIContext(plan: PlanLoader.load(yaml: """
    campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }

    """).plan!)
    static let start = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000

    /// A fixed pseudo-random stream (a linear congruential generator), in time order
    /// unless `late`: then one event in ten is up to 90 minutes late.
    static func events(count: Int, late: Bool) -> [Event] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let types: [EventType] = [.impression, .impression, .click, .conversion, .spend, .reach, .participation]
        var now = start
        return (0..<count).map { _ in
            now += Int64(next(40_000))
            let at = late && next(10) == 0 ? now - Int64(next(90 * 60_000)) : now
            let type = types[next(types.count)]
            // Ids -1 (named nothing) to a few; a campaign id up to 7 beside channels up to 3.
            let leaf = LeafKey(channel: Int32(next(5)) - 1, segment: Int32(next(7)) - 1, campaign: Int32(next(9)) - 1)
            let amount = type == .spend || type == .conversion ? Money(nanos: Int128(next(1_000_000)) * 10_000_000) : .zero
            return Event(timestamp: at, type: type, leaf: leaf, count: Int64(1 + next(3)), amount: amount)
        }
    }

    static let windows: [MetricWindow] = MetricWindow.rollingChoices.map { .rolling(seconds: $0.seconds) } + [.calendarDay]

    @Test func scopeSumsEqualSumsOfTheEventsInTheWindow() {
        var store = KPIStore(timeZoneIdentifier: "UTC")
        var seen: [KPIDimension: [Int32]] = [:]
        let events = Self.events(count: 6_000, late: false)
        for (n, event) in events.enumerated() {
            store.add(timestamp: event.timestamp, type: event.type, leaf: event.leaf, user: 0, count: event.count,
                      amount: event.amount)
            for dimension in ScopeSums.dimensions {
                let id = event.leaf.id(along: dimension)
                if id >= 0 && !(seen[dimension] ?? []).contains(id) { seen[dimension, default: []].append(id) }
            }
            guard n % 500 == 499 else { continue }
            let clockMinute = store.clockMinute
            let today = clockMinute * 60_000 / 86_400_000
            for dimension in ScopeSums.dimensions {
                #expect(store.scopeIDs(dimension) == seen[dimension] ?? [])
                for id in seen[dimension] ?? [] {
                    for window in Self.windows {
                        let inWindow = events[...n].filter { event in
                            guard event.leaf.id(along: dimension) == id else { return false }
                            let minute = event.timestamp / 60_000
                            switch window {
                            case .rolling(let seconds): return clockMinute - minute < Int64(seconds / 60)
                            case .calendarDay: return event.timestamp / 86_400_000 == today
                            case .campaignToDate: return true
                            }
                        }
                        var expected = KPICounters.zero
                        for event in inWindow { expected.add(event.type, count: event.count, amount: event.amount) }
                        let values = store.values(dimension, id: id, name: "x", window: window, atMinute: clockMinute,
                                                  context: Self.context, only: .ctr)
                        #expect(values.counters == expected, "\(dimension) \(id) \(window) after \(n + 1) events")
                    }
                }
            }
        }
    }

    /// With late events the per-scope sums still move exactly as the leaves' do.
    @Test func scopeSumsEqualTheLeavesSumsWithLateEvents() {
        var store = KPIStore(timeZoneIdentifier: "UTC")
        for (n, event) in Self.events(count: 8_000, late: true).enumerated() {
            store.add(timestamp: event.timestamp, type: event.type, leaf: event.leaf, user: 0, count: event.count,
                      amount: event.amount)
            guard n % 400 == 399 else { continue }
            var clock = store.clock
            let day = clock.day(of: store.clockMinute * 60_000)
            for dimension in ScopeSums.dimensions {
                for id in store.scopeIDs(dimension) {
                    for window in Self.windows {
                        let leaves = store.counters(window: window, day: day) { $0.id(along: dimension) == id }
                        let scope = store.scopeCounters(window: window, day: day, dimension: dimension, id: id)
                        #expect(scope == leaves, "\(dimension) \(id) \(window) after \(n + 1) events")
                    }
                }
            }
        }
    }

    /// `values(only:)` gives the rule's metric as the full values do, for every kind of metric.
    @Test func valuesForOneMetricAgreeWithTheFullValues() {
        var store = KPIStore(timeZoneIdentifier: "UTC")
        for event in Self.events(count: 3_000, late: true) {
            store.add(timestamp: event.timestamp, type: event.type, leaf: event.leaf, user: 0, count: event.count,
                      amount: event.amount)
        }
        for dimension in KPIDimension.allCases {
            for id in store.scopeIDs(dimension) {
                for window in Self.windows + [.campaignToDate] {
                    let full = store.values(dimension, id: id, name: "x", window: window, atMinute: store.clockMinute,
                                            context: Self.context)
                    for metric in Metric.allCases {
                        let one = store.values(dimension, id: id, name: "x", window: window, atMinute: store.clockMinute,
                                               context: Self.context, only: metric)
                        #expect(one.value(of: metric) == full.value(of: metric), "\(metric) \(dimension) \(id) \(window)")
                        #expect(one.volume(of: metric) == full.volume(of: metric))
                    }
                }
            }
        }
    }
}
