import CampaignCore
import CampaignStore
import CampaignText
import Dispatch
import Foundation

/// The one `StoreIngest` of a collector, on one serial queue. Requests come
/// concurrently, but the alert fold, the per-minute batch and the commit
/// worker are single-writer state (the fold judges in event order, the batch
/// is cut and committed as one), so each posted batch is consumed and
/// committed in turn and only then answered. Concurrent POSTs therefore
/// serialise on the database write, which is where the time goes anyway
/// (one transaction per batch).
final class BatchDesk: @unchecked Sendable {
    /// The name rejected lines are stored under, and the collector's source row.
    static let sourceName = "http:/v1/events"

    enum Result: Sendable {
        case stored(answer: String)
        /// A retry of a batch already stored: its first answer.
        case repeated(answer: String)
        /// The key was used with another body.
        case conflicting
        case failed(String)
    }

    struct Totals: Sendable {
        var batches = 0
        var events = 0
        var rejected = 0
    }

    private let ingest: StoreIngest
    private let database: any StoreEngine
    private let queue = DispatchQueue(label: "campaign-deck.collect")
    // Only touched on `queue`.
    private var totals = Totals()
    /// After a failed commit the fold holds events the database does not: stop
    /// taking batches (a restart rebuilds the fold from what is stored). A lock
    /// of its own, so asking never waits behind a batch being committed.
    private let failure = LockedValue<String?>(nil)

    init(ingest: StoreIngest, database: any StoreEngine) {
        self.ingest = ingest
        self.database = database
    }

    func post(lines: [UInt8], key: CollectorBatchKey?) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.take(lines, key: key)) }
        }
    }

    /// Waits for the batch in hand (if any); the totals so far.
    func finish() -> Totals {
        queue.sync { totals }
    }

    var hasFailed: Bool { failure.withLock { $0 != nil } }

    /// Why a batch could not be stored (nil: every one was).
    var failureReason: String? { failure.withLock { $0 } }

    private func take(_ lines: [UInt8], key: CollectorBatchKey?) -> Result {
        if let reason = failureReason { return .failed(reason) }
        do {
            if let key {
                switch try CollectorBatches.lookup(key, now: AnomalyLog.now(), in: database) {
                case .repeated(let answer): return .repeated(answer: answer)
                case .conflicting: return .conflicting
                case .new: break
                }
            }
            var answer = ""
            let outcome = try ingest.ingestBatch(lines, source: Self.sourceName, key: key) { outcome in
                answer = CollectorAnswer.batch(outcome)
                return answer
            }
            totals.batches += 1
            totals.events += outcome.accepted
            totals.rejected += outcome.rejected
            return .stored(answer: answer)
        } catch {
            let reason = String(describing: error)
            failure.withLock { $0 = reason }
            return .failed(reason)
        }
    }
}
