import CampaignText

/// Every user's browse and add-to-cart events, grouped by user and sorted by
/// day, with what the file held: the input to `last_active_days`,
/// `browses_90d`, `cart_adds_90d` and lifecycle's silent rule.
///
/// Users are numbered by first sight in the file (`userIDs`); a user with
/// behaviour but no purchase is kept like any other (whether they become a
/// customer row is the segmentation's decision). Queries take the as-of day
/// and count only events on or before it (`day <= asOf`, the purchases'
/// rule), and allocate nothing.
public struct BehaviourHistory: Sendable {
    /// The window of `browses90d` and `cartAdds90d`.
    public static let recentWindowDays = 90

    /// User ids (the customer ids of the transactions), by index.
    public let userIDs: [String]
    /// Every line of the file, by what it was.
    public let counts: BehaviourCounts
    /// The first `BehaviourReader.sampleLimit` rejected lines, with line and reason.
    public let rejected: [RejectedLineSample]
    /// User `u`'s events are `days[offsets[u]..<offsets[u + 1]]` (ascending),
    /// with their kinds and counts at the same positions.
    private let offsets: [Int]
    private let days: [Int32]
    private let kinds: [BehaviourKind]
    private let eventCounts: [Int64]
    /// User id → index, for `index(ofUser:)` and the transactions' mapping.
    private let table: SymbolTable

    init(users table: SymbolTable, events: [BehaviourEvent], counts: BehaviourCounts, rejected: [RejectedLineSample]) {
        let users = table.names
        userIDs = users
        self.counts = counts
        self.rejected = rejected
        self.table = table
        // Counting sort by user, then each user's few events sorted by day
        // (a stable sort keeps file order within a day).
        var offsets = [Int](repeating: 0, count: users.count + 1)
        for event in events { offsets[Int(event.user) + 1] += 1 }
        for u in 0..<users.count { offsets[u + 1] += offsets[u] }
        var next = offsets
        var placed = [BehaviourEvent](repeating: BehaviourEvent(user: 0, day: 0, kind: .browse, count: 0), count: events.count)
        for event in events {
            placed[next[Int(event.user)]] = event
            next[Int(event.user)] += 1
        }
        for u in 0..<users.count where offsets[u + 1] - offsets[u] > 1 {
            placed[offsets[u]..<offsets[u + 1]].sort { $0.day < $1.day }
        }
        self.offsets = offsets
        days = placed.map(\.day)
        kinds = placed.map(\.kind)
        eventCounts = placed.map(\.count)
    }

    public var userCount: Int { userIDs.count }

    /// The index of user id `id`, if it has any behaviour.
    public func index(ofUser id: String) -> Int? {
        table.id(of: id).map(Int.init)
    }

    /// For each customer of a transactions file, by its index there, the
    /// index of the same id here (`-1`: no behaviour).
    public func indices(for customers: CustomerIDs) -> [Int32] {
        (0..<customers.count).map { customer in
            customers.withBytes(of: customer) { table.id(of: $0) } ?? -1
        }
    }

    /// Users with behaviour whose id is not among a transactions file's
    /// customers (`mapping` from `indices(for:)`), in file order.
    public func usersWithoutPurchases(_ mapping: [Int32]) -> [Int] {
        var bought = [Bool](repeating: false, count: userCount)
        for user in mapping where user >= 0 { bought[Int(user)] = true }
        return bought.indices.filter { !bought[$0] }
    }

    /// What user `user` did up to `asOf`; `recentDays` sets the window of
    /// `recent` (lifecycle's `silent_days`). Windows count an event when
    /// `asOf − day ≤ N`, as the purchase windows do: 90 days before counts,
    /// 91 does not.
    public func activity(ofUser user: Int, asOf: Day, recentDays: Int) -> BehaviourActivity {
        var activity = BehaviourActivity()
        let lower = offsets[user], upper = offsets[user + 1]
        let limit = asOf.ordinal
        for i in lower..<upper {
            let day = Int(days[i])
            if day > limit { break }
            activity.lastDay = Day(ordinal: day)
            let age = limit - day
            if age <= Self.recentWindowDays {
                switch kinds[i] {
                case .browse: activity.browses90d += Int(eventCounts[i])
                case .addToCart: activity.cartAdds90d += Int(eventCounts[i])
                }
            }
            if age <= recentDays { activity.recent += Int(eventCounts[i]) }
        }
        return activity
    }

    /// User id `id`'s activity; empty (no last day, all zero) without behaviour.
    public func activity(ofUser id: String, asOf: Day, recentDays: Int) -> BehaviourActivity {
        index(ofUser: id).map { activity(ofUser: $0, asOf: asOf, recentDays: recentDays) } ?? BehaviourActivity()
    }
}

/// One user's behaviour as of a day.
public struct BehaviourActivity: Sendable, Equatable {
    /// The latest day with a browse or add-to-cart on or before the as-of day.
    public var lastDay: Day?
    public var browses90d = 0
    public var cartAdds90d = 0
    /// Browses and cart adds within the `recentDays` asked for.
    public var recent = 0

    public init(lastDay: Day? = nil, browses90d: Int = 0, cartAdds90d: Int = 0, recent: Int = 0) {
        self.lastDay = lastDay
        self.browses90d = browses90d
        self.cartAdds90d = cartAdds90d
        self.recent = recent
    }

    /// Days from the last behaviour to the as-of day (`last_active_days` from behaviour alone).
    public func daysSinceLast(asOf: Day) -> Int? { lastDay.map { asOf - $0 } }
}

extension BehaviourHistory {
    /// One line on what the file held, in the reader's language, for the
    /// command line's standard error (`source`: the file's name).
    public func summaryLine(source: String) -> String {
        Phrase.behavSummary.text(source, counts.browseLines, counts.cartLines, counts.ignored, counts.rejected)
    }
}
