import CampaignCore
import Foundation

/// Turns alert transitions into anomaly-log entries: firing opens
/// an anomaly, unless one for the same rule and scope is still unresolved
/// (then a re-fire clears its recovery instead of opening a second); leaving
/// firing marks it recovered, never closed, because people close anomalies.
///
/// A transition has an identity, (rule, per, scope, transition, event time),
/// stored with the timeline entry it writes. Replaying a stream
/// the log has already seen changes nothing: a transition for a rule and
/// scope at or before the latest event time the log holds for them is a
/// replay, and is skipped without looking at the anomaly's state, so a
/// replay never re-opens, re-fires or re-recovers an anomaly that people
/// have since acknowledged, resolved or reopened. Only time past what the
/// log has seen is news. (The unique indexes of the v3 schema hold the same
/// key, so even a writer that skipped this check could not log it twice.)
///
/// Written once for both engines (`SQLSession`).
public struct AlertAnomalies: Sendable {
    /// What the log needs from each rule that transitions do not carry.
    struct RuleInfo: Sendable {
        var metric: String
        var playbook: String?
    }

    private let rules: [String: RuleInfo]
    /// Where transitions become messages; nil: nothing is sent (the
    /// dashboard's simulator, a plan without `notify:`).
    public var outbox: OutboxWriting?
    /// The timeline's values written by their metric (`ctr 0.64% against 1%`).
    private let values: AlertValueText

    public init(plan: Plan, outbox: OutboxWriting? = nil) {
        self.outbox = outbox
        var rules: [String: RuleInfo] = [:]
        for rule in plan.alerts where rules[rule.name] == nil {
            rules[rule.name] = RuleInfo(metric: rule.metric, playbook: rule.playbook)
        }
        self.rules = rules
        values = AlertValueText(currency: plan.campaign.currency)
    }

    /// A transition's value and threshold as its rule's metric writes them.
    private func written(_ value: Double?, _ t: AlertTransition) -> String {
        value.map { values.text($0, metric: rules[t.rule]?.metric) } ?? "no data"
    }

    /// What one batch of transitions did to the log.
    public struct Outcome: Sendable, Equatable {
        public var opened = 0
        public var refired = 0
        public var recovered = 0
        /// The anomalies written to, for announcing the change (`StoreEngine.anomalyChanged`).
        /// Not part of equality: an outcome is what happened, counted.
        public var changed: [Int64] = []

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.opened == b.opened && a.refired == b.refired && a.recovered == b.recovered
        }

        func adding(_ other: Outcome) -> Outcome {
            var sum = self
            sum.opened += other.opened
            sum.refired += other.refired
            sum.recovered += other.recovered
            sum.changed += other.changed
            return sum
        }
    }

    /// Applies `transitions` inside the caller's transaction (ingest commits
    /// them with the data and offsets that produced them).
    @discardableResult
    public func apply(_ transitions: [AlertTransition], in db: any SQLSession) throws -> Outcome {
        var outcome = Outcome()
        for transition in transitions where transition.to == .firing || transition.from == .firing {
            if try isReplay(transition, db) { continue }
            if transition.to == .firing {
                try fire(transition, db, &outcome)
            } else if transition.from == .firing {
                try recover(transition, db, &outcome)
            }
        }
        return outcome
    }

    /// Applies `transitions` in a transaction of their own (for a caller that
    /// judges events it does not store, such as a live dashboard), moving
    /// the sending clock to `watermark` when given.
    @discardableResult
    public func record(_ transitions: [AlertTransition], advancingTo watermark: Int64? = nil,
                       in store: any StoreEngine) throws -> Outcome {
        let relevant = transitions.filter { $0.to == .firing || $0.from == .firing }
        guard !relevant.isEmpty || (watermark != nil && outbox != nil) else { return Outcome() }
        return try store.writeSQL { db in
            let outcome = try apply(relevant, in: db)
            if let watermark { try advance(to: watermark, in: db) }
            for id in Set(outcome.changed).sorted() { try store.anomalyChanged(id, in: db) }
            return outcome
        }
    }

    /// After a commit's transitions: the events' clock for sending moves to
    /// `watermark`, and reminders of what still fires are written (nothing
    /// when this log sends nothing).
    public func advance(to watermark: Int64, in db: any SQLSession) throws {
        try outbox?.advance(to: watermark, in: db)
    }

    /// The latest event time the log holds for this rule and scope: its
    /// transitions, and the opening and recovery of its anomalies (entries
    /// from before v3 may lack keyed notes).
    /// (The later of opening and recovery is a CASE: SQLite's two-argument
    /// `max` is PostgreSQL's `greatest`.)
    private func latestLogged(_ t: AlertTransition, _ db: any SQLSession) throws -> Int64? {
        let key: [SQLValue] = [.text(t.rule), .text(t.per.rawValue), .text(t.scope)]
        return try db.fetchOne("""
            SELECT max(latest) AS latest FROM (
                SELECT max(at) AS latest FROM anomaly_note
                    WHERE rule = ? AND per = ? AND scope = ? AND transition IS NOT NULL
                UNION ALL
                SELECT max(CASE WHEN recovered_at > opened_at THEN recovered_at ELSE opened_at END) AS latest FROM anomaly
                    WHERE source = 'alert' AND rule = ? AND per = ? AND scope = ?) AS logged
            """, key + key)?.int64("latest")
    }

    private func isReplay(_ t: AlertTransition, _ db: any SQLSession) throws -> Bool {
        guard let latest = try latestLogged(t, db) else { return false }
        return t.at <= latest
    }

    /// Writes the timeline entry of transition `t`, keyed by its identity.
    private func addTransitionNote(_ db: any SQLSession, id: Int64, _ t: AlertTransition, _ kind: TransitionKind,
                                   text: String) throws {
        try db.execute("""
            INSERT INTO anomaly_note(anomaly_id, at, author, kind, text, rule, per, scope, transition)
            VALUES (?, ?, 'alert', 'event', ?, ?, ?, ?, ?)
            """, [.integer(id), .integer(t.at), .text(text), .text(t.rule), .text(t.per.rawValue), .text(t.scope),
                   .text(kind.rawValue)])
    }

    /// The `transition` column: what the alert did (opening and firing again are both `fire`).
    private enum TransitionKind: String { case fire, recover }

    private func unresolved(_ t: AlertTransition, _ db: any SQLSession) throws -> (id: Int64, recoveredAt: Int64?)? {
        try db.fetchOne("""
            SELECT id, recovered_at FROM anomaly
            WHERE source = 'alert' AND rule = ? AND per = ? AND scope = ? AND status != 'resolved'
            ORDER BY id DESC LIMIT 1
            """, [.text(t.rule), .text(t.per.rawValue), .text(t.scope)]).map { ($0.int64("id") ?? 0, $0.int64("recovered_at")) }
    }

    private func fire(_ t: AlertTransition, _ db: any SQLSession, _ outcome: inout Outcome) throws {
        let value = written(t.value, t), threshold = written(t.threshold, t)
        if let existing = try unresolved(t, db) {
            guard existing.recoveredAt != nil else { return } // still firing: already recorded
            try db.execute("UPDATE anomaly SET recovered_at = NULL, observed_value = ? WHERE id = ?",
                           [.real(t.value), .integer(existing.id)])
            try addTransitionNote(db, id: existing.id, t, .fire,
                                  text: "fired again: \(value) against \(threshold)")
            try enqueue(t, anomaly: existing.id, .fire, db)
            outcome.refired += 1
            outcome.changed.append(existing.id)
            return
        }
        let info = rules[t.rule]
        let title = t.per == .total ? t.rule : "\(t.rule) — \(t.per.rawValue) \(t.scope)"
        let inserted = try db.fetchOne("""
            INSERT INTO anomaly(title, source, opened_at, rule, per, scope, metric, observed_value, threshold, severity, status)
            VALUES (?, 'alert', ?, ?, ?, ?, ?, ?, ?, ?, 'open') RETURNING id
            """, [.text(title), .integer(t.at), .text(t.rule), .text(t.per.rawValue), .text(t.scope), .optional(info?.metric),
                   .real(t.value), .real(t.threshold), .text(t.severity.rawValue)])
        guard let id = inserted?.int64("id") else { throw StoreError.writeFailed(detail: "no id for the new anomaly") }
        var text = "opened by rule '\(t.rule)': \(info?.metric ?? "value") \(value) against \(threshold)"
        if let playbook = info?.playbook, !playbook.isEmpty { text += "; playbook: \(playbook)" }
        try addTransitionNote(db, id: id, t, .fire, text: text)
        try enqueue(t, anomaly: id, .fire, db)
        outcome.opened += 1
        outcome.changed.append(id)
    }

    private func recover(_ t: AlertTransition, _ db: any SQLSession, _ outcome: inout Outcome) throws {
        guard let existing = try unresolved(t, db), existing.recoveredAt == nil else { return }
        try db.execute("UPDATE anomaly SET recovered_at = ? WHERE id = ?", [.integer(t.at), .integer(existing.id)])
        try addTransitionNote(db, id: existing.id, t, .recover, text: "recovered: \(written(t.value, t))")
        try enqueue(t, anomaly: existing.id, .recover, db)
        outcome.recovered += 1
        outcome.changed.append(existing.id)
    }

    /// The transition's messages, in the same transaction as its log entry.
    /// Its occurrence is how many transitions of its kind the anomaly has had,
    /// so a second firing is its own message and a replay is not.
    private func enqueue(_ t: AlertTransition, anomaly id: Int64, _ kind: TransitionKind, _ db: any SQLSession) throws {
        guard let outbox, outbox.notifies(t.rule) else { return }
        let occurrence = try db.fetchOne("SELECT count(*) AS n FROM anomaly_note WHERE anomaly_id = ? AND transition = ?",
                                         [.integer(id), .text(kind.rawValue)])?.int64("n").map(Int.init) ?? 1
        let row = try db.fetchOne("SELECT opened_at, owner FROM anomaly WHERE id = ?", [.integer(id)])
        try outbox.enqueue(t, OutboxWriting.Logged(anomalyID: id, status: kind == .fire ? .firing : .resolved,
                                                   occurrence: occurrence, startedAt: row?.int64("opened_at") ?? t.at,
                                                   owner: row?.string("owner")), in: db)
    }
}
