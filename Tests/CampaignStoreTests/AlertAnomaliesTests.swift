@testable import CampaignCore
@testable import CampaignStore
import Testing

/// Alert transitions into log entries: firing opens, recovery marks, people close.
@Suite struct AlertAnomaliesTests {
    let folder = TemporaryFolder()
    let database: DeckDatabase
    let anomalies = AlertAnomalies(plan: StoreFixtures.plan())

    init() throws {
        database = try DeckDatabase(path: folder.file("alerts.deck.sqlite"))
    }

    static func transition(_ from: AlertState, _ to: AlertState, at minute: Int64, scope: String = "douyin",
                           value: Double? = 0.005) -> AlertTransition {
        AlertTransition(at: StoreFixtures.at(minute), rule: "CTR low", per: .channel, scope: scope, from: from, to: to,
                        value: value, threshold: 0.01, severity: .warning)
    }

    var log: AnomalyLog { AnomalyLog(database: database) }

    @Test func firingOpensAnAnomalyWithTheRulesMetricAndPlaybook() throws {
        let outcome = try anomalies.record([Self.transition(.ok, .pending, at: 1), Self.transition(.pending, .firing, at: 4)],
                                           in: database)
        #expect(outcome == AlertAnomalies.Outcome(opened: 1, refired: 0, recovered: 0))
        let anomaly = try log.anomaly(id: 1)
        #expect(anomaly.title == "CTR low — channel douyin")
        #expect(anomaly.source == .alert && anomaly.status == .open)
        #expect(anomaly.openedAt == StoreFixtures.at(4))
        #expect(anomaly.rule == "CTR low" && anomaly.metric == "ctr" && anomaly.per == "channel" && anomaly.scope == "douyin")
        #expect(anomaly.observedValue == 0.005 && anomaly.threshold == 0.01 && anomaly.severity == .warning)
        #expect(anomaly.notes == [AnomalyNote(at: StoreFixtures.at(4), author: "alert", kind: .event,
                                              text: "opened by rule 'CTR low': ctr 0.005 against 0.01; playbook: swap creatives")])
    }

    @Test func recoveryMarksButDoesNotClose() throws {
        try anomalies.record([Self.transition(.pending, .firing, at: 4)], in: database)
        try anomalies.record([Self.transition(.firing, .ok, at: 9, value: 0.013)], in: database)
        let anomaly = try log.anomaly(id: 1)
        #expect(anomaly.recoveredAt == StoreFixtures.at(9))
        #expect(anomaly.status == .open && anomaly.closedAt == nil)
        #expect(anomaly.observedValue == 0.005, "the value that fired is kept")
        #expect(anomaly.notes.last?.text == "recovered: 0.013")
    }

    @Test func theSameTransitionTwiceChangesNothing() throws {
        let fire = Self.transition(.pending, .firing, at: 4), recover = Self.transition(.firing, .ok, at: 9, value: 0.013)
        try anomalies.record([fire, fire], in: database)
        try anomalies.record([recover], in: database)
        try anomalies.record([recover], in: database)
        #expect(try log.list().count == 1)
        #expect(try log.anomaly(id: 1).notes.count == 2)
    }

    @Test func firingAgainAfterRecoveryReopensTheSameUnresolvedAnomaly() throws {
        try anomalies.record([Self.transition(.pending, .firing, at: 4), Self.transition(.firing, .ok, at: 9, value: 0.013),
                              Self.transition(.pending, .firing, at: 20, value: 0.004)], in: database)
        #expect(try log.list().count == 1)
        let anomaly = try log.anomaly(id: 1)
        #expect(anomaly.recoveredAt == nil)
        #expect(anomaly.observedValue == 0.004)
        #expect(anomaly.notes.last?.text == "fired again: 0.004 against 0.01")
    }

    @Test func onceResolvedAFreshFiringOpensANewAnomaly() throws {
        try anomalies.record([Self.transition(.pending, .firing, at: 4)], in: database)
        _ = try log.resolve(id: 1, cause: "fatigue", by: "ana", at: StoreFixtures.at(10))
        try anomalies.record([Self.transition(.pending, .firing, at: 30)], in: database)
        #expect(try log.list().map(\.id) == [2, 1])
        #expect(try log.anomaly(id: 2).openedAt == StoreFixtures.at(30))
    }

    @Test func eachScopeHasItsOwnAnomaly() throws {
        try anomalies.record([Self.transition(.pending, .firing, at: 4),
                              Self.transition(.pending, .firing, at: 4, scope: "search")], in: database)
        #expect(try log.list().map { $0.scope ?? "" }.sorted() == ["douyin", "search"])
    }

    @Test func quietTransitionsAreNotNews() throws {
        let outcome = try anomalies.record([Self.transition(.ok, .noData, at: 1), Self.transition(.ok, .pending, at: 2),
                                            Self.transition(.pending, .ok, at: 3)], in: database)
        #expect(outcome == AlertAnomalies.Outcome())
        #expect(try log.list().isEmpty)
    }
}
