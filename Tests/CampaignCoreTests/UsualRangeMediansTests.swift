import Testing
@testable import CampaignCore

/// The engine's way to a usual range — a stable insertion sort for the
/// median, a merge of the two runs of deviations for the MAD, from points in
/// a buffer — against the plain definition written here a second time: sort
/// the points, take the middle; sort the absolute deviations, take the middle.
/// Compared bit for bit (the log prints these numbers), on random data with
/// many ties, signed zeros, infinities, and 1 and 2 points.
@Suite struct UsualRangeMediansTests {
    /// The definition, by `sorted()`.
    static func reference(_ past: [Double]) -> (median: Double, mad: Double) {
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let middle = median(past)
        return (middle, median(past.map { abs($0 - middle) }))
    }

    static func expectSame(_ past: [Double], _ comment: Comment? = nil) {
        let expected = reference(past)
        var buffer = past
        let fromBuffer = buffer.withUnsafeMutableBufferPointer { UsualRange(points: $0, minimumPoints: 1) }
        #expect(buffer.map(\.bitPattern) == past.map(\.bitPattern), "the points are left as they were")
        for range in [fromBuffer, UsualRange(past, minimumPoints: 1)] {
            #expect(range?.median.bitPattern == expected.median.bitPattern, "median of \(past)")
            #expect(range?.mad.bitPattern == expected.mad.bitPattern, "MAD of \(past)")
            #expect(range?.points == past.count)
        }
    }

    @Test func oneAndTwoPoints() {
        Self.expectSame([0.035])
        Self.expectSame([0.02, 0.04])
        Self.expectSame([0.04, 0.02])
        Self.expectSame([-0.0, 0.0])
        Self.expectSame([0.0, -0.0])
        Self.expectSame([7, 7])
    }

    @Test func byHand() throws {
        // 1 2 3 4 → median 2.5; deviations 1.5 .5 .5 1.5 → MAD 1.
        let even = try #require(UsualRange([4, 1, 3, 2], minimumPoints: 1))
        #expect(even.median == 2.5 && even.mad == 1)
        // 1 1 1 9 10 → median 1; deviations 0 0 0 8 9 → MAD 0.
        let ties = try #require(UsualRange([9, 1, 10, 1, 1], minimumPoints: 1))
        #expect(ties.median == 1 && ties.mad == 0)
    }

    @Test func tooFewPointsIsNoRange() {
        #expect(UsualRange([1, 2], minimumPoints: 3) == nil)
        #expect(UsualRange([], minimumPoints: 0) == nil)
    }

    @Test func randomPointsMatchTheDefinition() {
        var random = SplitMix64(seed: 19)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-300]
        for trial in 0..<20_000 {
            let count = 1 + Int(random.next() % 20)
            let past: [Double] = (0..<count).map { _ in
                switch random.next() % 10 {
                case 0 where trial % 7 == 0: return specials[Int(random.next() % UInt64(specials.count))]
                case 0, 1, 2: return Double(random.next() % 4) / 100 // many ties
                default: return Double(Float(Double(random.next() % 1_000_000) / 1e7 - 0.02)) // as the history stores them
                }
            }
            // ∞ − ∞ is NaN: the definition's own sort is then undefined, so no such mix.
            if past.contains(.infinity) && past.contains(-.infinity) { continue }
            Self.expectSame(past)
        }
    }
}

/// A baseline rule's history, one step per scope and minute
/// (`usualThenRecord`), against the two steps it replaces: the points from
/// `points(scope:before:)`, their range, then `record`. Random values, gaps
/// of no value, skipped minutes and scopes that start late.
@Suite struct UsualHistoryStepTests {
    @Test func oneStepEqualsPointsThenRecord() {
        for baseline in [UsualBaseline(season: .hourOfDay, periods: 14, minChange: 0.3),
                         UsualBaseline(season: .hourOfWeek, periods: 3)] {
            var stepped = UsualHistory(baseline), twoSteps = UsualHistory(baseline)
            var random = SplitMix64(seed: 7)
            var minute: Int64 = 29_000_000
            let end = minute + 16 * baseline.periodMinutes
            var judged = 0
            while minute < end {
                for scope: Int32 in [0, 1, 4] where scope != 4 || minute > 29_000_000 + baseline.periodMinutes * 2 {
                    let value: Double? = random.next() % 9 == 0 ? nil : Double(random.next() % 50) / 1000
                    let expected = UsualRange(twoSteps.points(scope: scope, before: minute), minimumPoints: baseline.minimumPoints)
                    twoSteps.record(scope: scope, minute: minute, value: value)
                    let got = stepped.usualThenRecord(scope: scope, minute: minute, value: value,
                                                      minimumPoints: baseline.minimumPoints)
                    #expect(got == expected, "scope \(scope) minute \(minute)")
                    if expected != nil { judged += 1 }
                }
                // Mostly the next minute; sometimes an hour or a day and a half skipped.
                switch random.next() % 20_000 {
                case 0: minute += 2_160
                case 1, 2: minute += 60
                default: minute += baseline.season == .hourOfDay ? 1 : 7
                }
            }
            #expect(judged > 1_000, "enough minutes had a usual range to compare")
        }
    }
}
