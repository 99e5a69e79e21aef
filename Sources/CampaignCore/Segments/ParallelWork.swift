import Dispatch

/// Runs a few pieces of work at once, one per thread: the two halves of a
/// transactions file, and customers in two ranges when grouping and scoring.
///
/// Why not tasks: the work is a handful of long, CPU-bound loops over raw
/// memory that each piece owns outright; a blocking fork-join is the simplest
/// shape that says so.
enum ParallelWork {
    /// The pieces big inputs are cut into: this tool's machines have two cores,
    /// and more pieces would only cost more memory (a customer table each).
    static let pieces = 2

    /// Calls `body(0)` … `body(count - 1)` concurrently and returns when all
    /// have returned. Each call must touch only memory no other call writes.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: count) { body($0) }
        }
    }

    /// `0..<count` cut into `pieces` consecutive ranges of about equal size.
    static func ranges(_ count: Int, pieces: Int) -> [Range<Int>] {
        (0..<pieces).map { piece in count * piece / pieces..<count * (piece + 1) / pieces }
    }
}
