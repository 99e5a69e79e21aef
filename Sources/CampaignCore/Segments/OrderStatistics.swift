/// The values that would sit at a few positions of a sorted array, found
/// without sorting it (quickselect).
///
/// Why: quintile scores need four thresholds per measure; sorting a million
/// values three times to read twelve of them was most of the scoring time.
/// Partitioning is three-way because frequencies and recencies are mostly
/// ties (a two-way partition degrades to quadratic on them), and a range that
/// keeps partitioning badly is simply sorted, so the worst case stays n log n.
enum OrderStatistics {
    /// `values.sorted()[p]` for each p in `positions` (each in `0..<values.count`).
    static func select<T: Comparable>(_ values: [T], at positions: [Int]) -> [T] {
        var work = values
        let wanted = positions.sorted()
        var found = [Int: T]()
        work.withUnsafeMutableBufferPointer { buffer in
            select(buffer, 0, buffer.count, wanted[...], depthLeft: 64) { found[$0] = $1 }
        }
        return positions.map { found[$0]! }
    }

    /// Finds the `wanted` positions (ascending) that fall in `lower..<upper`.
    private static func select<T: Comparable>(_ a: UnsafeMutableBufferPointer<T>, _ lower: Int, _ upper: Int,
                                              _ wanted: ArraySlice<Int>, depthLeft: Int, _ report: (Int, T) -> Void) {
        guard !wanted.isEmpty else { return }
        if upper - lower <= 32 || depthLeft == 0 {
            var range = UnsafeMutableBufferPointer(rebasing: a[lower..<upper])
            range.sort()
            for p in wanted { report(p, a[p]) }
            return
        }
        let pivot = medianOfThree(a[lower], a[lower + (upper - lower) / 2], a[upper - 1])
        // Dutch national flag: [lower, less) < pivot, [less, i) == pivot, [greater, upper) > pivot.
        var less = lower, i = lower, greater = upper
        while i < greater {
            let value = a[i]
            if value < pivot {
                a.swapAt(i, less)
                less += 1
                i += 1
            } else if pivot < value {
                greater -= 1
                a.swapAt(i, greater)
            } else {
                i += 1
            }
        }
        let left = wanted.prefix(while: { $0 < less })
        let right = wanted.drop(while: { $0 < greater })
        for p in wanted where p >= less && p < greater { report(p, pivot) }
        select(a, lower, less, left, depthLeft: depthLeft - 1, report)
        select(a, greater, upper, right, depthLeft: depthLeft - 1, report)
    }

    @inline(__always)
    private static func medianOfThree<T: Comparable>(_ x: T, _ y: T, _ z: T) -> T {
        if x < y { return y < z ? y : (x < z ? z : x) }
        return x < z ? x : (y < z ? z : y)
    }
}
