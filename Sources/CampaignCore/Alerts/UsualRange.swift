/// What is usual for a KPI at this time of day (or week): the median of the
/// same window at the same hour over past days, and the spread around it as
/// the median absolute deviation — robust statistics, so one bad day in the
/// past does not move "usual" (the method of PostHog's MAD detector and
/// Datadog's robust detector).
///
/// A value is unusual when both hold: its robust z-score
/// `(value − median) / (1.4826 × MAD)` is beyond the rule's threshold, and it
/// is at least `min_change` away from the median in relative terms (a real
/// move, not noise on a flat series). When MAD is 0 — every past point equal
/// — z is undefined and `min_change` alone decides.
public struct UsualRange: Equatable, Sendable {
    public enum Direction: Sendable { case below, above }

    /// 1 / Φ⁻¹(3/4): scales MAD to the standard deviation of normal data.
    public static let madScale = 1.4826

    public let median: Double
    /// The median absolute deviation, unscaled.
    public let mad: Double
    public let points: Int

    /// nil until there are `minimumPoints` past points: "no data", never a guess.
    public init?(_ past: [Double], minimumPoints: Int) {
        var copy = past
        let range = copy.withUnsafeMutableBufferPointer { Self(points: $0, minimumPoints: minimumPoints) }
        guard let range else { return nil }
        self = range
    }

    /// The same from points in a buffer (the engine's per-minute path: no
    /// array made; the buffer is left as it was). Both medians are found by a
    /// stable insertion sort of a copy of the few points (14 for 14 days) on
    /// the stack, so the middle values are the very ones `sorted()` — also
    /// stable — put there, ties and signed zeros alike; the deviations are
    /// taken in the points' own order, as before.
    init?(points past: UnsafeMutableBufferPointer<Double>, minimumPoints: Int) {
        guard past.count >= max(1, minimumPoints) else { return nil }
        (median, mad) = withUnsafeTemporaryAllocation(of: Double.self, capacity: past.count) { work in
            for i in past.indices { work[i] = past[i] }
            let middle = Self.sortedMedian(work)
            return (middle, Self.deviationMedian(sorted: work, from: middle))
        }
        points = past.count
    }

    /// The median of `abs(x - middle)` over `sorted` (ascending), without
    /// sorting the deviations: those of the points below `middle`, read
    /// downwards, and those of the rest, read upwards, are each ascending
    /// (rounded subtraction is monotone), so the middle ones are found by
    /// merging the two runs. The same values as sorting them, as a median
    /// reads values, not places.
    private static func deviationMedian(sorted: UnsafeMutableBufferPointer<Double>, from middle: Double) -> Double {
        var split = 0
        while split < sorted.count && sorted[split] < middle { split += 1 }
        var below = split - 1, above = split
        func next() -> Double {
            if below >= 0 && (above >= sorted.count || abs(sorted[below] - middle) <= abs(sorted[above] - middle)) {
                below -= 1
                return abs(sorted[below + 1] - middle)
            }
            above += 1
            return abs(sorted[above - 1] - middle)
        }
        let count = sorted.count
        for _ in 0..<((count - 1) / 2) { _ = next() }
        let lower = next()
        return count % 2 == 1 ? lower : (lower + next()) / 2
    }

    /// Sorts `values` in place (stable insertion sort: few values) and returns their median.
    private static func sortedMedian(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        for i in values.indices.dropFirst() {
            let x = values[i]
            var j = i
            while j > 0 && x < values[j - 1] {
                values[j] = values[j - 1]
                j -= 1
            }
            values[j] = x
        }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// The robust z-score of `value`; nil when MAD is 0.
    public func robustZ(_ value: Double) -> Double? {
        mad > 0 ? (value - median) / (Self.madScale * mad) : nil
    }

    /// The usual band: median ± z × the scaled MAD (a point when MAD is 0).
    public func band(z: Double) -> ClosedRange<Double> {
        let half = z * Self.madScale * mad
        return (median - half)...(median + half)
    }

    /// The values a rule with this z and min_change calls usual: outside it
    /// on the rule's side, a value is unusual (both tests fail together only
    /// past the farther of the two bounds). What the dashboard draws and
    /// `kpi` writes as `usual_low`/`usual_high`.
    public func usualBand(z: Double, minChange: Double) -> ClosedRange<Double> {
        let spread = band(z: z)
        let low = min(spread.lowerBound, median - abs(median) * minChange)
        let high = max(spread.upperBound, median + abs(median) * minChange)
        return low...high
    }

    /// The value `min_change` away from the median: what the log and the
    /// alerts JSON call the threshold of a baseline rule.
    public func threshold(_ direction: Direction, minChange: Double) -> Double {
        direction == .below ? median * (1 - minChange) : median * (1 + minChange)
    }

    /// Whether `value` is unusual in `direction`: z at or beyond `z`
    /// (skipped when MAD is 0) and a relative change of at least `minChange`
    /// (and some change at all, when `minChange` is 0).
    public func isUnusual(_ value: Double, _ direction: Direction, z threshold: Double, minChange: Double) -> Bool {
        if let z = robustZ(value) {
            guard direction == .below ? z <= -threshold : z >= threshold else { return false }
        }
        let change = value - median
        guard direction == .below ? change < 0 : change > 0 else { return false }
        // Relative to a median of 0 any rise is infinitely large and no fall is possible.
        guard median != 0 else { return direction == .above }
        return abs(change) / abs(median) >= minChange
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension UsualRange {
    func write(_ out: inout SnapshotWriter) {
        out.double(median)
        out.double(mad)
        out.int(points)
    }

    init(_ input: inout SnapshotReader) throws {
        median = try input.double()
        mad = try input.double()
        points = try input.int()
    }
}
