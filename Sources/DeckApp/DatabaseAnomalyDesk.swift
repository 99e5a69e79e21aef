import CampaignText
import CampaignCore
import CampaignStore
import DeckUI
import Foundation

/// The dashboard's anomaly log, kept in the project database so nothing done
/// from the keyboard is lost: alert transitions open and recover
/// anomalies; keys acknowledge, assign, note and resolve them.
public struct DatabaseAnomalyDesk: AnomalyDesk {
    private let database: any StoreEngine
    private let log: AnomalyLog
    private let alerts: AlertAnomalies
    private let timeZone: String
    private let campaignYear: Int
    private let author: String
    private let afterRecord: (@Sendable () -> Void)?
    /// On a shared server: other dashboards' and commands' changes are heard.
    public let watchesOthers: Bool

    /// `author` signs what is done from the keyboard (notes, owners, resolutions).
    /// With `outbox`, each logged transition's messages are written with it
    /// (event files and stored history; never the built-in simulator), and
    /// `afterRecord` is called once they are stored (it wakes the sender).
    public init(database: any StoreEngine, plan: Plan, author: String, outbox: OutboxWriting? = nil,
                afterRecord: (@Sendable () -> Void)? = nil) throws {
        self.database = database
        self.log = AnomalyLog(store: database)
        self.alerts = AlertAnomalies(plan: plan, outbox: outbox)
        self.afterRecord = afterRecord
        self.timeZone = plan.campaign.timezone
        self.campaignYear = plan.campaign.start.components.year
        // `anomalies list --db` without a plan shows times in the zone stored
        // here and money in this currency; without them a log written by the
        // dashboard would list in UTC while `--plan` lists in the campaign's zone.
        try database.setSetting("timezone", plan.campaign.timezone)
        try database.setSetting("currency", plan.campaign.currency)
        self.author = author
        watchesOthers = try database.watchAnomalies()
    }

    public func changedElsewhere() -> Bool { database.anomaliesChangedElsewhere() }

    public func record(_ transitions: [AlertTransition]) throws {
        let outcome = try alerts.record(transitions, in: database)
        if outcome.opened + outcome.refired + outcome.recovered > 0 { afterRecord?() }
    }

    /// Writes nothing without an outbox (the simulator): `record` skips the transaction.
    public func advance(to watermark: Int64) throws {
        try alerts.record([], advancingTo: watermark, in: database)
    }

    public func rows() throws -> [DashboardSnapshot.AnomalyRow] {
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        var times = AnomalyTimeText(timeZone: timeZone, campaignYear: campaignYear)
        let anomalies = try log.listWithNotes()
        return anomalies.map { anomaly in
            let opened = clock.rfc3339(anomaly.openedAt)
            var detail: [String] = []
            if let recovered = anomaly.recoveredAt { detail.append(Phrase.anomalyRecoveredAt.text(times.short(recovered))) }
            if let cause = anomaly.cause { detail.append(Phrase.anomalyCause.text(cause)) }
            if let action = anomaly.action { detail.append(Phrase.anomalyAction.text(action)) }
            // In the order written, each time with its clock (see `AnomalyTimeText`).
            if !anomaly.notes.isEmpty { detail.append(Phrase.timelineTitle.text(AnomalyTimeText.legend)) }
            detail += anomaly.notes.suffix(6).map { times.line($0) }
            return DashboardSnapshot.AnomalyRow(
                id: anomaly.id, openedAt: String(opened.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " "),
                title: anomaly.rule ?? anomaly.title, scope: anomaly.scope ?? "–", severity: anomaly.severity.rawValue,
                status: anomaly.status, owner: anomaly.owner, recovered: anomaly.recoveredAt != nil,
                measure: anomaly.metric.map { .init(metric: $0, value: anomaly.observedValue, threshold: anomaly.threshold) },
                detail: detail, rule: anomaly.source == .alert ? anomaly.rule : nil)
        }
    }

    public func agendaItems() throws -> [StandupAgenda.AnomalyItem] {
        try log.list().map(StandupAgenda.AnomalyItem.init)
    }

    public func acknowledge(id: Int64) throws { _ = try log.acknowledge(id: id, by: author) }
    public func assign(id: Int64, owner: String) throws { _ = try log.assign(id: id, to: owner, by: author) }
    public func note(id: Int64, text: String) throws { _ = try log.note(id: id, text: text, author: author) }
    public func resolve(id: Int64, cause: String?, action: String?) throws {
        _ = try log.resolve(id: id, cause: cause, action: action, by: author)
    }
    public func reopen(id: Int64) throws { _ = try log.reopen(id: id, by: author) }
}

/// The dashboard's silences live in the same database, so the drain of a
/// watcher or an ingest on it honours them.
extension DatabaseAnomalyDesk: SilenceDesk {
    public func silence(_ request: SilenceRequest) throws -> Silence {
        let now = Self.now()
        return try Silences(database: database).add(
            rule: request.target.rule, scope: request.target.scope, endsAt: now + Int64(request.seconds) * 1_000,
            comment: request.comment, createdBy: author + "@" + ProcessInfo.processInfo.hostName, now: now)
    }

    public func activeSilences() throws -> [Silence] { try Silences(database: database).active(at: Self.now()) }

    /// Silences are judged on the wall clock (SPEC §12).
    private static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000).rounded(.down)) }
}
