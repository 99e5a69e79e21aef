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
    /// The log as last read, by id, and the change stamp it was read at:
    /// others' changes are read one anomaly at a time into it.
    private let known = LockedValue(Known())

    private struct Known {
        var anomalies: [Int64: Anomaly] = [:]
        var stamp: Int64 = 0
        /// News heard but not read yet: the reading failed (the server went away again), so it is tried with the next.
        var unread = AnomalyNews.none
    }

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

    /// Stamps are the server's clock at each change's statement; a change
    /// committed later than a younger one (a longer transaction) may carry a
    /// stamp older than the last reading's. Catching up from this much
    /// earlier reads a few anomalies twice, and misses none.
    static let catchUpMargin: Int64 = 10_000

    public func rowsChangedElsewhere() throws -> [DashboardSnapshot.AnomalyRow]? {
        let heard = database.anomalyNews()
        let (news, stamp) = known.withLock { known in
            known.unread = known.unread.adding(heard)
            return (known.unread, known.stamp)
        }
        let reading: AnomalyLog.Reading
        switch news {
        case .none: return nil
        case .changed(let ids): reading = try log.read(ids: ids, stampedAfter: nil)
        case .missed: reading = try log.read(ids: [], stampedAfter: stamp - Self.catchUpMargin)
        }
        let anomalies = known.withLock { known -> [Anomaly] in
            for anomaly in reading.anomalies { known.anomalies[anomaly.id] = anomaly }
            known.stamp = max(known.stamp, reading.stamp)
            known.unread = .none
            return Array(known.anomalies.values)
        }
        // The order `listWithNotes` reads in: newest first.
        return rows(anomalies.sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) })
    }

    public func record(_ transitions: [AlertTransition]) throws {
        let outcome = try alerts.record(transitions, in: database)
        if outcome.opened + outcome.refired + outcome.recovered > 0 { afterRecord?() }
    }

    /// Writes nothing without an outbox (the simulator): `record` skips the transaction.
    public func advance(to watermark: Int64) throws {
        try alerts.record([], advancingTo: watermark, in: database)
    }

    public func rows() throws -> [DashboardSnapshot.AnomalyRow] {
        // What was announced before a whole reading is in it: not read again after.
        let heard = database.anomalyNews()
        let reading: AnomalyLog.Reading
        do {
            reading = try log.readAll()
        } catch {
            known.withLock { $0.unread = $0.unread.adding(heard) }
            throw error
        }
        known.withLock { known in
            known.anomalies = Dictionary(uniqueKeysWithValues: reading.anomalies.map { ($0.id, $0) })
            known.stamp = reading.stamp
            known.unread = .none // all of it was just read
        }
        return rows(reading.anomalies)
    }

    private func rows(_ anomalies: [Anomaly]) -> [DashboardSnapshot.AnomalyRow] {
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        var times = AnomalyTimeText(timeZone: timeZone, campaignYear: campaignYear)
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
