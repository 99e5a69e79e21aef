import CampaignCore

/// The alert judging's state stored beside the history (`alert_resume`), so
/// that an ingest resuming on a long campaign reads where judging stands
/// instead of replaying every stored minute (issue 19).
///
/// The stored state is always a replay's: the fold of the stored minutes up
/// to `through_minute`, exactly as `StoredHistory.fold` would leave it there.
/// A resume reads it and replays only the minutes after it. It is trusted
/// only when all of these hold, otherwise the whole history is replayed:
/// - it was written in this snapshot format and decodes whole (checksum);
/// - it was judged by the same rules, zone, budgets… (`judgingFingerprint`);
/// - no minute it covers was written since: every write of minutes
///   (`noteWrite`, in the writing transaction) drops the state when it
///   touches a minute up to the stored `through_minute`, and moves
///   `generation` (only that moves it: saving a state does not) when it
///   touches a minute a fold kept in memory may cover: the stored state's,
///   up to `lagMinutes` before the newest stored minute (where an ingest's
///   `Tracker` stands), and on a shared store up to `judged_through` (where
///   every writer's judge stands). A fold kept in memory is saved only while
///   `generation` is still the one it was read at.
public enum AlertResume {
    /// How far behind the newest stored minute a tracked state stays: the
    /// newest minutes are still being added to (a batch cut mid-minute, a
    /// slightly late event) and would drop the state at every commit. A
    /// resume replays at most this many minutes after the state.
    static let lagMinutes: Int64 = 60

    /// The row as read, and the state in it when it can be trusted for `plan`.
    struct Row {
        var generation: Int64
        var state: (fold: MonitorFold, through: Int64)?
    }

    static func generation(_ session: any SQLSession) throws -> Int64 {
        try session.fetchInt64("SELECT generation FROM alert_resume WHERE id = 1") ?? 0
    }

    static func read(_ session: any SQLSession, plan: Plan) throws -> Row {
        guard let row = try session.fetchOne("SELECT generation, format, fingerprint, through_minute, state FROM alert_resume WHERE id = 1", []) else {
            return Row(generation: 0, state: nil)
        }
        let generation = row.int64("generation") ?? 0
        guard row.int64("format") == MonitorFold.snapshotFormat,
              row.string("fingerprint") == MonitorFold.judgingFingerprint(plan),
              let through = row.int64("through_minute"), let bytes = row.bytes("state"),
              let fold = MonitorFold(plan: plan, snapshot: bytes) else { return Row(generation: generation, state: nil) }
        return Row(generation: generation, state: (fold, through))
    }

    /// Stores `fold` as the state through `through`. The caller checked, in
    /// this transaction, that `generation` is the one its fold was read at.
    static func save(_ fold: MonitorFold, through: Int64, plan: Plan, _ session: any SQLSession) throws {
        try session.execute("""
            UPDATE alert_resume SET format = ?, fingerprint = ?, through_minute = ?, state = ? WHERE id = 1
            """, [.integer(MonitorFold.snapshotFormat), .text(MonitorFold.judgingFingerprint(plan)), .integer(through),
                  .blob(fold.snapshot())])
    }

    /// Called by every write of stored minutes, before it, in its transaction:
    /// a write into minutes a state may have folded makes every such state stale.
    static func noteWrite(firstMinute: Int64, engine: any StoreEngine, _ session: any SQLSession) throws {
        let stored = try session.fetchInt64("SELECT through_minute FROM alert_resume WHERE id = 1") ?? .min
        if firstMinute <= stored {
            try session.execute("""
                UPDATE alert_resume SET generation = generation + 1, format = NULL, fingerprint = NULL, through_minute = NULL,
                    state = NULL WHERE id = 1
                """, [])
            return
        }
        // Not under the stored state, but maybe under a fold kept in memory.
        var covered = Int64.min
        if let latest = try session.fetchInt64("SELECT max(minute) AS latest FROM metric_minute") {
            covered = latest - lagMinutes
        }
        if engine.sharesJudging, let judged = try session.fetchInt64("SELECT judged_through FROM judge_state WHERE id = 1") {
            covered = max(covered, judged)
        }
        guard firstMinute <= covered else { return }
        try session.execute("UPDATE alert_resume SET generation = generation + 1 WHERE id = 1", [])
    }

    /// Folds the stored minutes after `through` up to `last` into `fold`;
    /// calls `transitions` with each minute's, in order.
    static func foldMinutes(_ session: any SQLSession, engine: any StoreEngine, stored: StoredLeaves, into fold: inout MonitorFold,
                            after through: Int64, upTo last: Int64,
                            transitions: ([AlertTransition]) -> Void = { _ in }) throws {
        guard last > through else { return }
        // A minute's events are folded as one batch: one at a time, each
        // copied the name tables into a closure (a third of the time).
        var records: [EventRecord] = []
        try StoredLeaves.forEachMinute(session, from: through == .min ? .min : through + 1, through: last,
                                       location: engine.location) { _, leaves in
            records.removeAll(keepingCapacity: true)
            try StoredHistory.events(of: leaves, keys: stored.keys) { records.append($0) }
            let changes = fold.fold(records, symbols: stored.symbols)
            if !changes.isEmpty { transitions(changes) }
        }
    }

    /// The fold of the whole stored history (what `StoredHistory.fold`
    /// replays), from the stored state when it can be trusted: what the
    /// dashboard shows of a database, in about the time of a resume rather
    /// than of a replay of every stored minute.
    public static func storedFold(database: any StoreEngine, plan: Plan) throws -> MonitorFold {
        try resume(database: database, plan: plan).fold
    }

    /// An ingest's start: the fold of the whole stored history (what
    /// `StoredHistory.fold` replays), from the stored state when it can be
    /// trusted, and the state `lagMinutes` before the newest minute for the
    /// commits to keep (`Tracker`).
    static func resume(database: any StoreEngine, plan: Plan) throws -> (fold: MonitorFold, tracker: Tracker) {
        try database.readSQL { session in
            let row = try read(session, plan: plan)
            let stored = try StoredLeaves.load(session)
            let latest = try session.fetchInt64("SELECT max(minute) AS latest FROM metric_minute")
            let target = latest.map { $0 - lagMinutes } ?? .min
            var fold = MonitorFold(plan: plan), through = Int64.min
            if let state = row.state, state.through <= target {
                (fold, through) = state
            }
            try foldMinutes(session, engine: database, stored: stored, into: &fold, after: through, upTo: target)
            fold.update(stored.symbols)
            let tracker = Tracker(plan: plan, fold: fold, through: max(through, target), generation: row.generation,
                                  saved: row.state.map { $0.through == max(through, target) } ?? false)
            try foldMinutes(session, engine: database, stored: stored, into: &fold, after: max(through, target), upTo: .max)
            fold.update(stored.symbols)
            return (fold, tracker)
        }
    }

    /// The stored history's fold up to `lagMinutes` before its newest minute,
    /// kept by an ingest's commits on a store it judges alone (SQLite) and
    /// saved with them, at most every `saveSeconds` and at the end.
    struct Tracker: Sendable {
        static let saveSeconds = 2.0

        let plan: Plan
        var fold: MonitorFold
        var through: Int64
        /// The row's generation the fold is consistent with.
        var generation: Int64
        /// The row holds this very state.
        var saved: Bool
        var lastSave = ContinuousClock.now

        /// Inside a commit's transaction, after its minutes are written:
        /// folds what the lag now lets through and saves when due. nil: the
        /// history changed under the fold (it is dropped for this run; the
        /// next resume replays).
        func step(_ engine: any StoreEngine, in session: any SQLSession, force: Bool = false) throws -> Tracker? {
            guard try AlertResume.generation(session) == generation else { return nil }
            var next = self
            if let latest = try session.fetchInt64("SELECT max(minute) AS latest FROM metric_minute"), latest - lagMinutes > through {
                let stored = try StoredLeaves.load(session)
                try foldMinutes(session, engine: engine, stored: stored, into: &next.fold, after: through, upTo: latest - lagMinutes)
                next.fold.update(stored.symbols)
                next.through = latest - lagMinutes
                next.saved = false
            }
            let now = ContinuousClock.now
            if !next.saved && next.through != .min && (force || now - lastSave >= .seconds(Self.saveSeconds)) {
                try save(next.fold, through: next.through, plan: plan, session)
                next.saved = true
                next.lastSave = now
            }
            return next
        }
    }
}
