import CampaignCore
import CampaignStore
import DeckUI
import Foundation

/// The dashboard's anomaly log, kept in the project database so nothing done
/// from the keyboard is lost (SPEC §5): alert transitions open and recover
/// anomalies; keys acknowledge, assign, note and resolve them.
final class DatabaseAnomalyDesk: AnomalyDesk, @unchecked Sendable {
    private let database: DeckDatabase
    private let log: AnomalyLog
    private let alerts: AlertAnomalies
    private let timeZone: String
    private let campaignYear: Int
    private let author: String
    private let lock = NSLock()
    private var lastError: String?

    init(database: DeckDatabase, plan: Plan) {
        self.database = database
        self.log = AnomalyLog(database: database)
        self.alerts = AlertAnomalies(plan: plan)
        self.timeZone = plan.campaign.timezone
        self.campaignYear = plan.campaign.start.components.year
        // `anomalies list --db` without a plan shows times in the zone stored
        // here; without it a log written by the dashboard would list in UTC
        // while `--plan` lists in the campaign's zone.
        try? database.setSetting("timezone", plan.campaign.timezone)
        self.author = StoreInput.author(nil)
    }

    /// A failed write is shown in the status bar rather than lost silently.
    func takeError() -> String? { lock.withLock { defer { lastError = nil }; return lastError } }

    private func attempt(_ what: String, _ body: () throws -> Void) {
        do { try body() } catch { lock.withLock { lastError = "\(what) failed: \(error)" } }
    }

    func record(_ transitions: [AlertTransition]) {
        attempt("recording alerts") { _ = try alerts.record(transitions, in: database) }
    }

    func rows() -> [DashboardSnapshot.AnomalyRow] {
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        var times = AnomalyTimeText(timeZone: timeZone, campaignYear: campaignYear)
        let anomalies = (try? log.listWithNotes()) ?? []
        return anomalies.map { anomaly in
            let opened = clock.rfc3339(anomaly.openedAt)
            var detail: [String] = []
            if let metric = anomaly.metric {
                let value = anomaly.observedValue.map { Formatting.plain($0) } ?? "–"
                let threshold = anomaly.threshold.map { Formatting.plain($0) } ?? "–"
                detail.append("\(metric): \(value) (threshold \(threshold))")
            }
            if let recovered = anomaly.recoveredAt { detail.append("Recovered \(times.short(recovered)) event time") }
            if let cause = anomaly.cause { detail.append("Cause: " + cause) }
            if let action = anomaly.action { detail.append("Action: " + action) }
            // In the order written, each time with its clock (see `AnomalyTimeText`).
            if !anomaly.notes.isEmpty { detail.append("Timeline (\(AnomalyTimeText.legend)):") }
            detail += anomaly.notes.suffix(6).map { times.line($0) }
            return DashboardSnapshot.AnomalyRow(
                id: anomaly.id, openedAt: String(opened.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " "),
                title: anomaly.rule ?? anomaly.title, scope: anomaly.scope ?? "–", severity: anomaly.severity.rawValue,
                status: anomaly.status, owner: anomaly.owner, recovered: anomaly.recoveredAt != nil, detail: detail)
        }
    }

    func agendaItems() -> [StandupAgenda.AnomalyItem] {
        ((try? log.list()) ?? []).map(StandupAgenda.AnomalyItem.init)
    }

    func perform(_ effect: DeckEffect) {
        switch effect {
        case .acknowledge(let id): attempt("acknowledge") { _ = try log.acknowledge(id: id, by: author) }
        case .assignOwner(let id, let owner): attempt("assign") { _ = try log.assign(id: id, to: owner, by: author) }
        case .addNote(let id, let text): attempt("note") { _ = try log.note(id: id, text: text, author: author) }
        case .resolve(let id, let cause, let action):
            attempt("resolve") { _ = try log.resolve(id: id, cause: cause, action: action, by: author) }
        case .quit, .setPaused, .setSpeed, .useTheme, .savePlan, .reloadPlan, .savePlanAs, .planEdited, .planSaved,
             .walkthrough:
            break
        }
    }
}
