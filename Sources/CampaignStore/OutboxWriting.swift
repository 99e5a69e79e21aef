import CampaignCore
import Foundation


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
    /// A firing anomaly nobody acknowledged is announced again this often (event time).
    let repeatIntervalMilliseconds: Int64
    let quietHours: QuietHours?
    let timeZone: String
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
        repeatIntervalMilliseconds = Int64(plan.notifyPolicy.repeatIntervalSeconds) * 1_000
        quietHours = plan.notifyPolicy.quietHours
        timeZone = plan.campaign.timezone
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
    /// and fingerprint is left as it is, so a replay adds nothing. A
    /// transition inside quiet hours waits for their end (event time).
    func enqueue(_ t: AlertTransition, _ logged: Logged, in db: any SQLSession) throws {
        guard let rule = rules[t.rule], !rule.channels.isEmpty else { return }
        if logged.status == .resolved && !sendResolved { return }
        if isTooOld(t.at) { return }
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        let holdUntil = quietHours?.end(holding: t.at, clock: &clock)
        try insert(notice(t, logged, rule), rule: t.rule, eventAt: t.at, holdUntil: holdUntil, channels: rule.channels,
                   anomalyID: logged.anomalyID, in: db)
    }

    /// `max_age`: a transition older than this on the wall clock is logged, not sent.
    private func isTooOld(_ eventAt: Int64) -> Bool { !includePast && now() - eventAt > maxAgeMilliseconds }

    private func insert(_ notice: AlertNotice, rule: String, eventAt: Int64, holdUntil: Int64?, channels: [String],
                        anomalyID: Int64, in db: any SQLSession) throws {
        let json = String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)
        for channel in channels {
            try db.execute("""
                INSERT INTO notify_outbox(channel, fingerprint, anomaly_id, rule, status, event_at, hold_until, notice,
                                          created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(channel, fingerprint) DO NOTHING
                """, [.text(channel), .text(notice.fingerprint), .integer(anomalyID), .text(rule), .text(notice.status.rawValue),
                       .integer(eventAt), .optional(holdUntil), .text(json), .integer(now())])
        }
    }

    /// Moves the events' clock to `watermark` (the latest event time of
    /// the commit) and writes the reminders that fell due on the way: for
    /// each anomaly still firing that nobody has acknowledged, one at every
    /// `repeat_interval` after it last fired (after the end of the quiet
    /// hours that held that firing). Only reminders with event
    /// times between the old clock and the new one are written, so each is
    /// written once however the stream is cut into commits, and a replay
    /// (which cannot move the clock back) writes none. A reminder inside
    /// quiet hours is not written: the quiet ends with the firing message
    /// held for it, or with the next reminder.
    func advance(to watermark: Int64, in db: any SQLSession) throws {
        let previous = try NotifyOutbox.advanceWatermark(to: watermark, in: db)
        guard repeatIntervalMilliseconds > 0, watermark > (previous ?? .min) else { return }
        let notifying = rules.filter { !$0.value.channels.isEmpty }
        guard !notifying.isEmpty else { return }
        let rows = try db.fetchAll("""
            SELECT id, rule, per, scope, opened_at, owner, observed_value, threshold, severity FROM anomaly
            WHERE source = 'alert' AND status = 'open' AND (recovered_at IS NULL OR recovered_at > ?)
            """, [.integer(previous ?? .min)])
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        for row in rows {
            let ruleName = row.string("rule") ?? ""
            guard let rule = notifying[ruleName], let id = row.int64("id") else { continue }
            for spell in try firingSpells(of: id, in: db) where spell.until.map({ $0 > previous ?? .min }) ?? true {
                // Counted from when the firing could be sent: the end of the quiet that held it.
                let base = quietHours?.end(holding: spell.from, clock: &clock) ?? spell.from
                let interval = repeatIntervalMilliseconds
                let first = previous.map { max(1, CampaignClock.floorDivide($0 - base, interval) + 1) } ?? 1
                let last = CampaignClock.floorDivide(watermark - base, interval)
                guard first <= last else { continue }
                for number in first...last {
                    let at = base + number * interval
                    if let until = spell.until, at >= until { break }
                    if isTooOld(at) || quietHours?.end(holding: at, clock: &clock) != nil { continue }
                    try insert(reminder(row, rule, firing: spell.occurrence, number: Int(number)), rule: ruleName,
                               eventAt: at, holdUntil: nil, channels: rule.channels, anomalyID: id, in: db)
                }
            }
        }
    }

    /// The anomaly's spells of firing from its timeline: each firing (the
    /// first is occurrence 1) until the recovery after it (nil: still firing).
    private func firingSpells(of anomaly: Int64, in db: any SQLSession) throws -> [(occurrence: Int, from: Int64, until: Int64?)] {
        let notes = try db.fetchAll("""
            SELECT at, transition FROM anomaly_note WHERE anomaly_id = ? AND transition IS NOT NULL ORDER BY at, id
            """, [.integer(anomaly)])
        var spells: [(occurrence: Int, from: Int64, until: Int64?)] = []
        for note in notes {
            let at = note.int64("at") ?? 0, transition = note.string("transition")
            if transition == "fire" {
                spells.append((spells.count + 1, at, nil))
            } else if let last = spells.indices.last, spells[last].until == nil {
                spells[last].until = at
            }
        }
        return spells
    }

    /// A reminder that anomaly `row` still fires, with the values it fired with.
    private func reminder(_ row: SQLRow, _ rule: RuleChannels, firing occurrence: Int, number: Int) -> AlertNotice {
        func text(_ value: Double?) -> String { written(value, metric: rule.metric) }
        let per = row.string("per") ?? "", scope = row.string("scope") ?? "", id = row.int64("id") ?? 0
        let value = row.double("observed_value"), threshold = row.double("threshold")
        let severity = AlertRule.Severity(rawValue: row.string("severity") ?? "") ?? .warning
        let openedAt = row.int64("opened_at") ?? 0
        return AlertNotice(
            status: .firing, rule: row.string("rule") ?? "", per: per, scope: per == "total" ? "" : scope, metric: rule.metric,
            value: value, threshold: threshold, valueText: text(value), thresholdText: text(threshold),
            severity: severity, startedAt: openedAt / 1_000, anomalyID: id, owner: row.string("owner"),
            playbook: rule.playbook, fingerprint: "\(campaignID)/\(id)/firing/\(occurrence)/reminder/\(number)",
            reminder: number)
    }

    private func notice(_ t: AlertTransition, _ logged: Logged, _ rule: RuleChannels) -> AlertNotice {
        func text(_ value: Double?) -> String { written(value, metric: rule.metric) }
        return AlertNotice(
            status: logged.status, rule: t.rule, per: t.per.rawValue, scope: t.per == .total ? "" : t.scope,
            metric: rule.metric, value: t.value, threshold: t.threshold, valueText: text(t.value),
            thresholdText: text(t.threshold), severity: t.severity, startedAt: logged.startedAt / 1_000,
            endedAt: logged.status == .resolved ? t.at / 1_000 : nil, anomalyID: logged.anomalyID,
            owner: logged.owner, playbook: rule.playbook,
            fingerprint: "\(campaignID)/\(logged.anomalyID)/\(logged.status.rawValue)/\(logged.occurrence)")
    }

    /// A value as the rule's metric writes it (`0.64%`, money with its currency), or "no data".
    private func written(_ value: Double?, metric: String) -> String {
        guard let value else { return "no data" }
        return Metric(rawValue: metric)?.formatted(value, currency: currency) ?? Formatting.plain(value)
    }
}
