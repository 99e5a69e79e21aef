import CampaignCore

/// Alert judging over the merged minutes of a store that several writers
/// share (a team's PostgreSQL server), so that anomalies do not depend on
/// which process read which lines. Every writer keeps one of these; inside
/// each of its commits, holding the store's `judge` lock, it judges the
/// minutes no writer judged yet that every source has passed, records their
/// transitions and moves `judge_state.judged_through`, in that same
/// transaction. Nothing is held between commits: a writer killed at any
/// moment leaves either its whole commit, judging included, or none of it,
/// and the next commit of any writer judges on.
///
/// A minute is judged once each source that is still being read has stored
/// a later one (`source_progress`: the latest minute a source stored, and
/// whether its last run read it to the end). Each writer brings its own fold
/// up to `judged_through` by folding the minutes others judged (their
/// transitions are in the log already), so every writer's fold is the same
/// fold; a writer's first commit starts from the state the judging writers
/// store (`AlertResume`) rather than from the first minute.
struct SharedJudge {
    private let plan: Plan
    private var fold: MonitorFold
    /// The last minute `fold` has folded (`.min`: none).
    private var foldedThrough = Int64.min
    /// `alert_resume.generation` when the fold was last found consistent with
    /// the stored minutes (nil: not read yet).
    private var generation: Int64?
    /// The fold as it stood `AlertResume.lagMinutes` before the latest minute
    /// it judged, to be saved: the newest judged minutes are still written
    /// into (a file read to its end goes on growing in its last minute), and
    /// a state that covers them would be dropped at once.
    private var pending: (fold: MonitorFold, through: Int64)?
    /// The fold is a replay's of the stored minutes (see `checkStored`).
    private var trusted = true
    private var lastSave = ContinuousClock.now
    private let anomalies: AlertAnomalies

    init(plan: Plan, anomalies: AlertAnomalies) {
        self.plan = plan
        fold = MonitorFold(plan: plan)
        self.anomalies = anomalies
    }

    /// Inside a transaction holding the `judge` lock. The first step starts
    /// from the stored state when there is one to trust (else from nothing,
    /// folding all that was judged). Later, when minutes the fold covers were
    /// written since (`generation` moved), the fold judges on as it always
    /// did (a writer does not refold what it judged) but is never saved: it
    /// is no longer what a replay of the stored minutes gives.
    private mutating func checkStored(_ session: any SQLSession, judged: Int64) throws {
        let current = try AlertResume.generation(session)
        guard let known = generation else {
            if foldedThrough == .min, let state = try AlertResume.read(session, plan: plan).state, state.through <= judged {
                (fold, foldedThrough) = state
            }
            generation = current
            return
        }
        if current != known {
            trusted = false
            pending = nil
        }
    }

    /// Stores the `pending` fold, when due (or `force`d: the run ends).
    func saved(_ session: any SQLSession, force: Bool = false) throws -> SharedJudge {
        var next = self
        let now = ContinuousClock.now
        guard trusted, let pending, generation != nil, force || now - lastSave >= .seconds(AlertResume.Tracker.saveSeconds),
              try AlertResume.generation(session) == generation else { return next }
        try AlertResume.save(pending.fold, through: pending.through, plan: plan, session)
        next.pending = nil
        next.lastSave = now
        return next
    }

    /// A run's end: the fold is stored if it moved since the last save.
    func finish(_ engine: any StoreEngine) throws -> SharedJudge {
        guard trusted, pending != nil else { return self }
        return try engine.writeSQL { session in
            try engine.lock("judge", in: session)
            let judged = try session.fetchInt64("SELECT judged_through FROM judge_state WHERE id = 1") ?? .min
            guard foldedThrough <= judged else { return self }
            return try saved(session, force: true)
        }
    }

    /// Judges what can be judged, inside the caller's transaction. Works on a
    /// copy of the fold: the caller keeps `next` only once its transaction
    /// commits, so a rolled-back (or retried) transaction's judging never happened.
    func step(_ engine: any StoreEngine, in session: any SQLSession) throws -> (next: SharedJudge, outcome: AlertAnomalies.Outcome) {
        try engine.lock("judge", in: session)
        var next = self
        let judged = try session.fetchInt64("SELECT judged_through FROM judge_state WHERE id = 1") ?? .min
        try next.checkStored(session, judged: judged)
        let target: Int64
        if let slowest = try session.fetchInt64("SELECT min(latest_minute) AS slowest FROM source_progress WHERE NOT at_end") {
            target = slowest == .min ? .min : slowest - 1 // its latest minute may still be added to
        } else {
            target = try session.fetchInt64("SELECT max(minute) AS latest FROM metric_minute") ?? .min
        }
        // Most commits move nothing: no leaf is read then.
        guard max(judged, target) > next.foldedThrough else { return (next, AlertAnomalies.Outcome()) }
        let stored = try StoredLeaves.load(session)
        func foldMinutes(through last: Int64, _ keep: (AlertTransition) -> Void) throws {
            guard last > next.foldedThrough else { return }
            func fold(through end: Int64) throws {
                try AlertResume.foldMinutes(session, engine: engine, stored: stored, into: &next.fold, after: next.foldedThrough,
                                            upTo: end) { changes in
                    for change in changes where change.to == .firing || change.from == .firing { keep(change) }
                }
                next.foldedThrough = end
            }
            // Folded in two parts, the first kept to be saved: the same fold, minute after minute.
            let saveAt = last - AlertResume.lagMinutes
            if next.trusted && saveAt > next.foldedThrough {
                try fold(through: saveAt)
                next.pending = (next.fold, saveAt)
            }
            try fold(through: last)
        }
        // What others judged: their transitions are logged already.
        try foldMinutes(through: judged) { _ in }
        next.fold.update(stored.symbols)
        guard target > judged else { return (try next.saved(session), AlertAnomalies.Outcome()) }
        var transitions: [AlertTransition] = []
        try foldMinutes(through: target) { transitions.append($0) }
        let outcome = try anomalies.apply(transitions, in: session)
        for id in Set(outcome.changed).sorted() { try engine.anomalyChanged(id, in: session) }
        let latest = next.fold.monitor.store.latestTimestamp
        if latest != .min { try anomalies.advance(to: latest, in: session) }
        try session.execute("""
            INSERT INTO judge_state(id, judged_through) VALUES (1, ?)
            ON CONFLICT(id) DO UPDATE SET judged_through = excluded.judged_through
            """, [.integer(target)])
        next.fold.update(stored.symbols)
        return (try next.saved(session), outcome)
    }
}

/// How far one source's stored minutes reach, for `SharedJudge`.
struct SourceProgress: Sendable {
    var device: UInt64
    var inode: UInt64
    /// The latest minute of this source's events stored so far.
    var latestMinute: Int64
    /// The run that stored this read the source to its end.
    var atEnd: Bool

    /// Says a source is being read before its first commit: judging waits
    /// for it from then on (a source that starts after minutes were judged
    /// brings them late).
    static func register(device: UInt64, inode: UInt64, in engine: any StoreEngine) throws {
        try engine.writeSQL { session in
            try SourceProgress(device: device, inode: inode, latestMinute: .min, atEnd: false).save(session)
        }
    }

    func save(_ session: any SQLSession) throws {
        try session.execute("""
            INSERT INTO source_progress(device, inode, latest_minute, at_end) VALUES (?, ?, ?, ?)
            ON CONFLICT(device, inode) DO UPDATE SET
                latest_minute = CASE WHEN excluded.latest_minute > source_progress.latest_minute
                                     THEN excluded.latest_minute ELSE source_progress.latest_minute END,
                at_end = excluded.at_end
            """, [.integer(Int64(bitPattern: device)), .integer(Int64(bitPattern: inode)), .integer(latestMinute),
                  .integer(atEnd ? 1 : 0)])
    }
}
