/// One day of the community: the hourly member gauge and who is active in
/// which minute. Built when the day starts (a few thousand entries), so a
/// long run never holds more than one day of it.
struct CommunityDay: Sendable {
    let membersAtStart: Int
    let growth: Int
    /// Active members sorted by the elapsed minute of the day they show up in:
    /// `members[minuteStart[m]..<minuteStart[m + 1]]` for minute `m`.
    private(set) var minuteStart: [Int32] = []
    private(set) var members: [Int32] = []

    /// The gauge at a wall-clock hour: growth spreads over the day.
    func gauge(hour: Int) -> Int { membersAtStart + growth * hour / 24 }

    /// `minuteShares` gives the weight of each elapsed minute of this day.
    init(model: CommunityModel, dayOffset: Int, incidents: Bool, minuteShares: [Double]) {
        membersAtStart = model.membersAtStart(dayOffset: dayOffset, incidents: incidents)
        growth = model.growth(dayOffset: dayOffset, incidents: incidents)
        // The ratio is judged against the latest gauge of the day (23:00), so
        // draw from exactly those members.
        let population = max(membersAtStart, membersAtStart + growth * 23 / 24)
        let scale = model.dauRatio(dayOffset: dayOffset, incidents: incidents) / CommunityModel.meanPropensity
        var cumulative: [Double] = []
        cumulative.reserveCapacity(minuteShares.count)
        var running = 0.0
        for share in minuteShares { running += share; cumulative.append(running) }

        var rng = SplitMix64(seed: SplitMix64.hash(model.seed, UInt64(bitPattern: Int64(dayOffset)), 0x636F_6D6D))
        var events: [(minute: Int, member: Int32)] = []
        for member in 1...max(population, 1) {
            // Keyed by (day, member) so who is active does not depend on draw order.
            let draw = SplitMix64.unitHash(model.seed, UInt64(bitPattern: Int64(dayOffset)) &* 0x1_0000_0000 &+ UInt64(member), 0x6163_7476)
            guard draw < model.propensity(member: member) * scale else { continue }
            // Most active members show up once or twice, a few keep chatting.
            let visits = 1 + (rng.unit() < 0.5 ? 1 : 0) + (rng.unit() < 0.2 ? 1 : 0)
            for _ in 0..<visits {
                events.append((Self.pick(rng.unit() * running, in: cumulative), Int32(member)))
            }
        }
        // Counting sort by minute: stable, so same-minute lines keep member order.
        var starts = [Int32](repeating: 0, count: minuteShares.count + 1)
        for event in events { starts[event.minute + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var fill = starts
        var sorted = [Int32](repeating: 0, count: events.count)
        for event in events {
            sorted[Int(fill[event.minute])] = event.member
            fill[event.minute] += 1
        }
        minuteStart = starts
        members = sorted
    }

    /// The first index whose running total exceeds `target` (binary search).
    private static func pick(_ target: Double, in cumulative: [Double]) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The members active in an elapsed minute of the day.
    func active(minute: Int) -> ArraySlice<Int32> {
        guard minute + 1 < minuteStart.count else { return [] }
        return members[Int(minuteStart[minute])..<Int(minuteStart[minute + 1])]
    }
}
