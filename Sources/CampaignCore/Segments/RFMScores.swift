/// Quintile scores 1…5 over the whole customer population:
///
///     score = 1 + floor(5 × (customers with a strictly worse value) / N)
///
/// "Worse" is smaller for frequency and monetary, and larger for recency
/// (fewer days since the last purchase is better). Because only strictly
/// worse customers count, equal values always get equal scores, and a
/// population where everyone ties scores 1 throughout.
enum RFMScores {
    /// Scores where a larger value is better (frequency, monetary).
    static func higherIsBetter<T: Comparable>(_ values: [T]) -> [UInt8] {
        guard !values.isEmpty else { return [] }
        let n = values.count
        // Score ≥ k exactly when at least m = ceil((k−1)·N/5) customers are
        // strictly smaller, i.e. when the value exceeds sorted[m − 1]. So four
        // thresholds of the sorted order score everyone in one pass; they are
        // selected (`OrderStatistics`), not found by sorting everything.
        let thresholds = OrderStatistics.select(values, at: (2...5).map { k in ceilDiv((k - 1) * n, 5) - 1 })
        return values.map { value in
            var score: UInt8 = 1
            for threshold in thresholds where value > threshold { score += 1 }
            return score
        }
    }

    /// Scores where a smaller value is better (recency): the mirror image,
    /// counting customers with a strictly larger value.
    static func lowerIsBetter<T: Comparable>(_ values: [T]) -> [UInt8] {
        guard !values.isEmpty else { return [] }
        let n = values.count
        // At least m customers strictly larger ⇔ the value is below sorted[N − m].
        let thresholds = OrderStatistics.select(values, at: (2...5).map { k in n - ceilDiv((k - 1) * n, 5) })
        return values.map { value in
            var score: UInt8 = 1
            for threshold in thresholds where value < threshold { score += 1 }
            return score
        }
    }

    /// The definition, counted directly; O(N²), for tests to check the fast path.
    static func byDefinition<T: Comparable>(_ values: [T], higherIsBetter: Bool) -> [Int] {
        values.map { value in
            let worse = values.count { higherIsBetter ? $0 < value : $0 > value }
            return 1 + 5 * worse / values.count
        }
    }

    private static func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
}
