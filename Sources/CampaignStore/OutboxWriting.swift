import CampaignCore
import Foundation
import GRDB

/// Turns a logged transition into outbox rows, one per channel it goes to,
/// inside the transaction that logs it. Built from the plan: which channels
/// each rule notifies, how values are written, and the policy's
/// `send_resolved` and `max_age`.
public struct OutboxWriting: Sendable {
    struct RuleChannels: Sendable {
        var channels: [String]
        var metric: String
        var playbook: String?
    }

    let campaignID: String
    let currency: String
    let sendResolved: Bool
    let maxAgeMilliseconds: Int64
    let rules: [String: RuleChannels]
    /// The wall clock, epoch milliseconds (injected so tests can pin it).
    let now: @Sendable () -> Int64
    /// Sends transitions older than `max_age` too (drills and tests).
    let includePast: Bool

    public init(plan: Plan, includePast: Bool = false, now: @escaping @Sendable () -> Int64 = AnomalyLog.now) {
        campaignID = plan.campaign.id
        currency = plan.campaign.currency
        sendResolved = plan.notifyPolicy.sendResolved
        maxAgeMilliseconds = Int64(plan.notifyPolicy.maxAgeSeconds) * 1_000
        var rules: [String: RuleChannels] = [:]
        for rule in plan.alerts where rules[rule.name] == nil {
            rules[rule.name] = RuleChannels(channels: plan.channels(notifying: rule).map(\.id), metric: rule.metric,
                                            playbook: rule.playbook)
        }
        self.rules = rules
        self.includePast = includePast
        self.now = now
    }

    /// What was logged, for the notice: the anomaly, the transition's kind,
    /// and how many of that kind the anomaly has had (1 for the first).
    struct Logged {
        var anomalyID: Int64
        var status: AlertNotice.Status
        var occurrence: Int
        var startedAt: Int64
        var owner: String?
    }

    /// Whether transitions of `rule` go anywhere (so the log need not look up what a notice needs).
    func notifies(_ rule: String) -> Bool { !(rules[rule]?.channels.isEmpty ?? true) }

    /// Writes the rows for `t`; a row already written for the same channel
    /// and fingerprint is left as it is, so a replay adds nothing.
    func enqueue(_ t: AlertTransition, _ logged: Logged, in db: Database) throws {
        guard let rule = rules[t.rule], !rule.channels.isEmpty else { return }
        if logged.status == .resolved && !sendResolved { return }
        if !includePast && now() - t.at > maxAgeMilliseconds { return }
        let notice = notice(t, logged, rule)
        let json = String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)
        for channel in rule.channels {
            try db.execute(sql: """
                INSERT INTO notify_outbox(channel, fingerprint, anomaly_id, rule, status, event_at, notice, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(channel, fingerprint) DO NOTHING
                """, arguments: [channel, notice.fingerprint, logged.anomalyID, t.rule, logged.status.rawValue, t.at,
                                 json, now()])
        }
    }

    private func notice(_ t: AlertTransition, _ logged: Logged, _ rule: RuleChannels) -> AlertNotice {
        let metric = Metric(rawValue: rule.metric)
        func text(_ value: Double?) -> String {
            guard let value else { return "no data" }
            return metric?.formatted(value, currency: currency) ?? Formatting.plain(value)
        }
        return AlertNotice(
            status: logged.status, rule: t.rule, per: t.per.rawValue, scope: t.per == .total ? "" : t.scope,
            metric: rule.metric, value: t.value, threshold: t.threshold, valueText: text(t.value),
            thresholdText: text(t.threshold), severity: t.severity, startedAt: logged.startedAt / 1_000,
            endedAt: logged.status == .resolved ? t.at / 1_000 : nil, anomalyID: logged.anomalyID,
            owner: logged.owner, playbook: rule.playbook,
            fingerprint: "\(campaignID)/\(logged.anomalyID)/\(logged.status.rawValue)/\(logged.occurrence)")
    }
}
