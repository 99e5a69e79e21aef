import GRDB
@testable import CampaignCore
@testable import CampaignStore
import StoreTestEngines
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

    @Test(arguments: TestEngine.all) func firingOpensAnAnomalyWithTheRulesMetricAndPlaybook(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        let outcome = try anomalies.record([Self.transition(.ok, .pending, at: 1), Self.transition(.pending, .firing, at: 4)],
                                           in: store)
        #expect(outcome == AlertAnomalies.Outcome(opened: 1, refired: 0, recovered: 0))
        let anomaly = try log.anomaly(id: 1)
        #expect(anomaly.title == "CTR low — channel douyin")
        #expect(anomaly.source == .alert && anomaly.status == .open)
        #expect(anomaly.openedAt == StoreFixtures.at(4))
        #expect(anomaly.rule == "CTR low" && anomaly.metric == "ctr" && anomaly.per == "channel" && anomaly.scope == "douyin")
        #expect(anomaly.observedValue == 0.005 && anomaly.threshold == 0.01 && anomaly.severity == .warning)
        #expect(anomaly.notes == [AnomalyNote(at: StoreFixtures.at(4), author: "alert", kind: .event,
                                              text: "opened by rule 'CTR low': ctr 0.50% against 1%; playbook: swap creatives",
                                              clock: .event)])
    }

    @Test(arguments: TestEngine.all) func recoveryMarksButDoesNotClose(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record([Self.transition(.pending, .firing, at: 4)], in: store)
        try anomalies.record([Self.transition(.firing, .ok, at: 9, value: 0.013)], in: store)
        let anomaly = try log.anomaly(id: 1)
        #expect(anomaly.recoveredAt == StoreFixtures.at(9))
        #expect(anomaly.status == .open && anomaly.closedAt == nil)
        #expect(anomaly.observedValue == 0.005, "the value that fired is kept")
        #expect(anomaly.notes.last?.text == "recovered: 1.30%")
    }

    @Test(arguments: TestEngine.all) func theSameTransitionTwiceChangesNothing(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        let fire = Self.transition(.pending, .firing, at: 4), recover = Self.transition(.firing, .ok, at: 9, value: 0.013)
        try anomalies.record([fire, fire], in: store)
        try anomalies.record([recover], in: store)
        try anomalies.record([recover], in: store)
        #expect(try log.list().count == 1)
        #expect(try log.anomaly(id: 1).notes.count == 2)
    }

    @Test(arguments: TestEngine.all) func firingAgainAfterRecoveryReopensTheSameUnresolvedAnomaly(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record([Self.transition(.pending, .firing, at: 4), Self.transition(.firing, .ok, at: 9, value: 0.013),
                              Self.transition(.pending, .firing, at: 20, value: 0.004)], in: store)
        #expect(try log.list().count == 1)
        let anomaly = try log.anomaly(id: 1)
        #expect(anomaly.recoveredAt == nil)
        #expect(anomaly.observedValue == 0.004)
        #expect(anomaly.notes.last?.text == "fired again: 0.40% against 1%", "a CTR is written as a percentage, never 0.004")
    }

    @Test(arguments: TestEngine.all) func onceResolvedAFreshFiringOpensANewAnomaly(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record([Self.transition(.pending, .firing, at: 4)], in: store)
        _ = try log.resolve(id: 1, cause: "fatigue", by: "ana", at: StoreFixtures.at(10))
        try anomalies.record([Self.transition(.pending, .firing, at: 30)], in: store)
        #expect(try log.list().map(\.id) == [2, 1])
        #expect(try log.anomaly(id: 2).openedAt == StoreFixtures.at(30))
    }

    @Test(arguments: TestEngine.all) func eachScopeHasItsOwnAnomaly(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record([Self.transition(.pending, .firing, at: 4),
                              Self.transition(.pending, .firing, at: 4, scope: "search")], in: store)
        #expect(try log.list().map { $0.scope ?? "" }.sorted() == ["douyin", "search"])
    }

    @Test(arguments: TestEngine.all) func quietTransitionsAreNotNews(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        let outcome = try anomalies.record([Self.transition(.ok, .noData, at: 1), Self.transition(.ok, .pending, at: 2),
                                            Self.transition(.pending, .ok, at: 3)], in: store)
        #expect(outcome == AlertAnomalies.Outcome())
        #expect(try log.list().isEmpty)
    }

    // MARK: Replays (a transition is written once)

    /// One incident as a stream tells it: fires at 4, recovers at 9, fires
    /// again at 20, recovers at 30.
    static let incident = [transition(.pending, .firing, at: 4), transition(.firing, .ok, at: 9, value: 0.013),
                           transition(.pending, .firing, at: 20, value: 0.004), transition(.firing, .ok, at: 30, value: 0.012)]

    @Test(arguments: TestEngine.all) func replayingAStreamTheLogHasSeenChangesNothing(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record(Self.incident, in: store)
        let before = try log.listWithNotes()
        #expect(before.count == 1 && before[0].notes.count == 4)
        for _ in 1...2 {
            #expect(try anomalies.record(Self.incident, in: store) == AlertAnomalies.Outcome())
            #expect(try log.listWithNotes() == before)
        }
    }

    @Test(arguments: TestEngine.all) func aReplayDoesNotReFireWhatAPersonAcknowledged(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record(Array(Self.incident.prefix(2)), in: store)
        _ = try log.acknowledge(id: 1, by: "ana", at: StoreFixtures.at(100))
        let before = try log.listWithNotes()
        // Replaying only the firing (a run cut short) must not mark it firing again.
        try anomalies.record(Array(Self.incident.prefix(1)), in: store)
        #expect(try log.listWithNotes() == before)
        #expect(try log.anomaly(id: 1).recoveredAt == StoreFixtures.at(9))
    }

    @Test(arguments: TestEngine.all) func aReplayDoesNotReopenWhatAPersonResolved(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        try anomalies.record(Self.incident, in: store)
        _ = try log.resolve(id: 1, cause: "creative fatigue", by: "ana", at: StoreFixtures.at(100))
        let before = try log.listWithNotes()
        try anomalies.record(Self.incident, in: store)
        #expect(try log.listWithNotes() == before, "no second anomaly for the same incident")
        // Time the log has not seen yet is news: a new breach opens a new anomaly.
        try anomalies.record([Self.transition(.pending, .firing, at: 40)], in: store)
        #expect(try log.list().map(\.id) == [2, 1])
        #expect(try log.anomaly(id: 2).openedAt == StoreFixtures.at(40))
    }

    @Test(arguments: TestEngine.all) func aReplayDoesNotRecoverAgainWhatFiredLater(engine: TestEngine) throws {
        let store = try engine.store(folder), log = AnomalyLog(store: store)
        // The log has seen the stream up to the re-fire at 20; a replay that
        // reaches the earlier recovery at 9 must not mark it recovered.
        try anomalies.record(Array(Self.incident.prefix(3)), in: store)
        let before = try log.listWithNotes()
        try anomalies.record(Array(Self.incident.prefix(2)), in: store)
        #expect(try log.listWithNotes() == before)
        #expect(try log.anomaly(id: 1).recoveredAt == nil)
    }

    @Test func theLogRefusesASecondEntryWithTheSameIdentity() throws {
        try anomalies.record(Array(Self.incident.prefix(1)), in: database)
        // A writer that skipped the replay check still cannot log the opening twice
        // (GRDB directly: DeckDatabase turns its errors into messages).
        let note = #expect(throws: DatabaseError.self) {
            try database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO anomaly_note(anomaly_id, at, author, kind, text, rule, per, scope, transition)
                    VALUES (1, ?, 'alert', 'event', 'fired again', 'CTR low', 'channel', 'douyin', 'fire')
                    """, arguments: [StoreFixtures.at(4)])
            }
        }
        #expect(note?.resultCode == .SQLITE_CONSTRAINT, "\(String(describing: note))")
        let anomaly = #expect(throws: DatabaseError.self) {
            try database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO anomaly(title, source, opened_at, rule, per, scope, severity)
                    VALUES ('again', 'alert', ?, 'CTR low', 'channel', 'douyin', 'warning')
                    """, arguments: [StoreFixtures.at(4)])
            }
        }
        #expect(anomaly?.resultCode == .SQLITE_CONSTRAINT, "\(String(describing: anomaly))")
    }

    @Test func ingestingACopyOfTheEventsUnderAnotherNameLogsNothingNew() throws {
        let events = folder.file("events.jsonl"), copy = folder.file("copy.jsonl")
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: copy)
        try StoreFixtures.ingest(events, into: database)
        let before = try log.listWithNotes()
        #expect(before.count == 1 && before[0].notes.map(\.text).count == 2)
        let (_, totals) = try StoreFixtures.ingest(copy, into: database)
        #expect(try log.listWithNotes() == before)
        #expect(totals.anomaliesOpened == 0 && totals.anomaliesRefired == 0 && totals.anomaliesRecovered == 0)
    }
}
