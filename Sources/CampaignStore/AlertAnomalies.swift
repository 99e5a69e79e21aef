import CampaignCore
import Foundation
import GRDB

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
    }

    /// Applies `transitions` inside the caller's transaction (ingest commits
    /// them with the data and offsets that produced them).
    @discardableResult
    public func apply(_ transitions: [AlertTransition], in db: Database) throws -> Outcome {
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
                       in database: DeckDatabase) throws -> Outcome {
        let relevant = transitions.filter { $0.to == .firing || $0.from == .firing }
        guard !relevant.isEmpty || (watermark != nil && outbox != nil) else { return Outcome() }
        return try database.write { db in
            let outcome = try apply(relevant, in: db)
            if let watermark { try advance(to: watermark, in: db) }
            return outcome
        }
    }

    /// After a commit's transitions: the events' clock for sending moves to
    /// `watermark`, and reminders of what still fires are written (nothing
    /// when this log sends nothing).
    public func advance(to watermark: Int64, in db: Database) throws {
        try outbox?.advance(to: watermark, in: db)
    }

    /// The latest event time the log holds for this rule and scope: its
    /// transitions, and the opening and recovery of its anomalies (entries
    /// from before v3 may lack keyed notes).
    private func latestLogged(_ t: AlertTransition, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT max(latest) FROM (
                SELECT max(at) AS latest FROM anomaly_note
                    WHERE rule = ? AND per = ? AND scope = ? AND transition IS NOT NULL
                UNION ALL
                SELECT max(opened_at, coalesce(recovered_at, opened_at)) FROM anomaly
                    WHERE source = 'alert' AND rule = ? AND per = ? AND scope = ?)
            """, arguments: [t.rule, t.per.rawValue, t.scope, t.rule, t.per.rawValue, t.scope])
    }

    private func isReplay(_ t: AlertTransition, _ db: Database) throws -> Bool {
        guard let latest = try latestLogged(t, db) else { return false }
        return t.at <= latest
    }

    /// Writes the timeline entry of transition `t`, keyed by its identity.
    private func addTransitionNote(_ db: Database, id: Int64, _ t: AlertTransition, _ kind: TransitionKind,
                                   text: String) throws {
        try db.execute(sql: """
            INSERT INTO anomaly_note(anomaly_id, at, author, kind, text, rule, per, scope, transition)
            VALUES (?, ?, 'alert', 'event', ?, ?, ?, ?, ?)
            """, arguments: [id, t.at, text, t.rule, t.per.rawValue, t.scope, kind.rawValue])
    }

    /// The `transition` column: what the alert did (opening and firing again are both `fire`).
    private enum TransitionKind: String { case fire, recover }

    private func unresolved(_ t: AlertTransition, _ db: Database) throws -> (id: Int64, recoveredAt: Int64?)? {
        try Row.fetchOne(db, sql: """
            SELECT id, recovered_at FROM anomaly
            WHERE source = 'alert' AND rule = ? AND per = ? AND scope = ? AND status != 'resolved'
            ORDER BY id DESC LIMIT 1
            """, arguments: [t.rule, t.per.rawValue, t.scope]).map { ($0["id"], $0["recovered_at"]) }
    }

    private func fire(_ t: AlertTransition, _ db: Database, _ outcome: inout Outcome) throws {
        let value = written(t.value, t), threshold = written(t.threshold, t)
        if let existing = try unresolved(t, db) {
            guard existing.recoveredAt != nil else { return } // still firing: already recorded
            try db.execute(sql: "UPDATE anomaly SET recovered_at = NULL, observed_value = ? WHERE id = ?",
                           arguments: [t.value, existing.id])
            try addTransitionNote(db, id: existing.id, t, .fire,
                                  text: "fired again: \(value) against \(threshold)")
            try enqueue(t, anomaly: existing.id, .fire, db)
            outcome.refired += 1
            return
        }
        let info = rules[t.rule]
        let title = t.per == .total ? t.rule : "\(t.rule) — \(t.per.rawValue) \(t.scope)"
        try db.execute(sql: """
            INSERT INTO anomaly(title, source, opened_at, rule, per, scope, metric, observed_value, threshold, severity, status)
            VALUES (?, 'alert', ?, ?, ?, ?, ?, ?, ?, ?, 'open')
            """, arguments: [title, t.at, t.rule, t.per.rawValue, t.scope, info?.metric, t.value, t.threshold,
                             t.severity.rawValue])
        let id = db.lastInsertedRowID
        var text = "opened by rule '\(t.rule)': \(info?.metric ?? "value") \(value) against \(threshold)"
        if let playbook = info?.playbook, !playbook.isEmpty { text += "; playbook: \(playbook)" }
        try addTransitionNote(db, id: id, t, .fire, text: text)
        try enqueue(t, anomaly: id, .fire, db)
        outcome.opened += 1
    }

    private func recover(_ t: AlertTransition, _ db: Database, _ outcome: inout Outcome) throws {
        guard let existing = try unresolved(t, db), existing.recoveredAt == nil else { return }
        try db.execute(sql: "UPDATE anomaly SET recovered_at = ? WHERE id = ?", arguments: [t.at, existing.id])
        try addTransitionNote(db, id: existing.id, t, .recover, text: "recovered: \(written(t.value, t))")
        try enqueue(t, anomaly: existing.id, .recover, db)
        outcome.recovered += 1
    }

    /// The transition's messages, in the same transaction as its log entry.
    /// Its occurrence is how many transitions of its kind the anomaly has had,
    /// so a second firing is its own message and a replay is not.
    private func enqueue(_ t: AlertTransition, anomaly id: Int64, _ kind: TransitionKind, _ db: Database) throws {
        guard let outbox, outbox.notifies(t.rule) else { return }
        let occurrence = try Int.fetchOne(db, sql: "SELECT count(*) FROM anomaly_note WHERE anomaly_id = ? AND transition = ?",
                                          arguments: [id, kind.rawValue]) ?? 1
        let row = try Row.fetchOne(db, sql: "SELECT opened_at, owner FROM anomaly WHERE id = ?", arguments: [id])
        try outbox.enqueue(t, OutboxWriting.Logged(anomalyID: id, status: kind == .fire ? .firing : .resolved,
                                                   occurrence: occurrence, startedAt: row?["opened_at"] ?? t.at,
                                                   owner: row?["owner"]), in: db)
    }
}
