/// How a customer segment responds compared with the average: the demo's
/// personas differ (VIPs convert more and spend more per order, lapsed
/// customers click less), other segments behave like the average.
struct SegmentProfile: Sendable {
    var ctrFactor = 1.0
    var cvrFactor = 1.0
    var aovFactor = 1.0

    init(for segment: Segment) {
        switch segment.id {
        case "vip": (ctrFactor, cvrFactor, aovFactor) = (1.05, 1.25, 1.33)
        case "lapsed": (ctrFactor, cvrFactor, aovFactor) = (0.88, 0.85, 0.85)
        case "rising": (ctrFactor, cvrFactor, aovFactor) = (1.08, 0.95, 0.72)
        default: break
        }
    }

    init() {}

    /// The share of a channel's volume each segment gets: its budget share,
    /// tilted towards the segments whose persona names the channel. Sums to 1.
    static func shares(of segments: [Segment], on channel: String) -> [Double] {
        let fallback = 1.0 / Double(max(segments.count, 1))
        let weights = segments.map { segment -> Double in
            let share = segment.budgetShare ?? fallback
            let named = segment.persona?.channels.contains(channel) ?? false
            return max(share, 0.01) * (named ? 1.5 : 0.8)
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}
