import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// Reading the log again after others changed it: only the anomalies named
/// (announced ids), or, after missed announcements, those stamped since the
/// last reading.
@Suite struct AnomalyCatchUpTests {
    let folder = TemporaryFolder()

    /// 1,203 anomalies (three slices of ids), some with notes; ids read in a
    /// batch equal the same anomalies read one by one (`anomaly(id:)`, the
    /// single-row path), an id the log does not hold is left out.
    @Test(arguments: TestEngine.all) func anomaliesReadByIdEqualThoseReadOneByOne(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        for n in 0..<1_203 {
            let id = try log.open(ManualAnomaly(title: "a\(n)"), author: "ana", at: 1_000 + Int64(n % 17)).id
            if n % 100 == 7 { _ = try log.note(id: id, text: "note \(n)", author: "bo", at: 5_000) }
        }
        let wanted: [Int64] = Array(stride(from: 1, through: 1_203, by: 2)) + [99_999]
        let read = try log.read(ids: wanted.shuffled(), stampedAfter: nil).anomalies
        let oneByOne = try wanted.dropLast().map { try log.anomaly(id: $0) }
        // Newest first (opened_at, then id, descending), as the whole log is listed.
        let expected = oneByOne.sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }
        #expect(read.map(\.id) == expected.map(\.id))
        #expect(read.map(\.notes) == expected.map(\.notes))
        #expect(read.map(\.title) == expected.map(\.title))
        #expect(try log.read(ids: [], stampedAfter: nil).anomalies.isEmpty)
    }

    @Test func newsHeardWhileAReadingFailedAreKept() {
        #expect(AnomalyNews.none.adding(.none) == .none)
        #expect(AnomalyNews.none.adding(.changed([3])) == .changed([3]))
        #expect(AnomalyNews.changed([5, 9]).adding(.changed([1, 5])) == .changed([1, 5, 9]))
        #expect(AnomalyNews.changed([5]).adding(.missed) == .missed)
        #expect(AnomalyNews.missed.adding(.changed([2])) == .missed)
        #expect(AnomalyNews.missed.adding(.none) == .missed)
    }
}

/// On a shared server, stamps are the server's clock at each change: a
/// listener that was away reads what changed since its last reading (less
/// a margin), not the whole log.
@Suite(.enabled(if: TestEngine.postgresIsOn, TestEngine.skipped))
struct AnomalyStampTests {
    @Test func aListenerThatWasAwayReadsWhatWasStampedSinceItsLastReading() throws {
        let url = try TestEngine.freshSchemaURL()
        let store = try PostgresStore(url: url)
        let log = AnomalyLog(store: store)
        for n in 0..<30 { _ = try log.open(ManualAnomaly(title: "a\(n)"), author: "ana", at: 1_000 + Int64(n)) }
        // Changed an hour ago, as far as the stamps go; then a note on #3 just now, and the listener reads.
        try store.writeSQL { try $0.execute("UPDATE anomaly SET updated_at = updated_at - 3600000", []) }
        _ = try log.note(id: 3, text: "看一下", author: "ana")
        let before = try log.readAll()
        #expect(before.anomalies.count == 30)

        let other = AnomalyLog(store: try PostgresStore(url: url))
        _ = try other.acknowledge(id: 7, owner: "王芳", by: "bo")
        _ = try other.note(id: 12, text: "CDN 回源失败", author: "bo")
        let opened = try other.open(ManualAnomaly(title: "site down"), author: "carl").id

        // Less the margin: #3 again (stamped within it), not the 27 an hour old.
        let caughtUp = try log.read(ids: [], stampedAfter: before.stamp - 10_000)
        #expect(Set(caughtUp.anomalies.map(\.id)) == [3, 7, 12, opened])
        #expect(caughtUp.anomalies.first { $0.id == 7 }?.owner == "王芳")
        #expect(caughtUp.anomalies.first { $0.id == 12 }?.notes.last?.text == "CDN 回源失败")
        #expect(caughtUp.stamp > before.stamp)
        // From the new stamp, nothing more.
        #expect(try log.read(ids: [], stampedAfter: caughtUp.stamp).anomalies.isEmpty)
    }

    /// Channels are the database's: a change in another schema of the same
    /// database is not news to this one; a change in its own is, by id.
    @Test func anotherSchemasChangesAreNotNews() throws {
        let url = try TestEngine.freshSchemaURL()
        let listener = try PostgresStore(url: url)
        #expect(try listener.watchAnomalies())
        let elsewhere = AnomalyLog(store: try PostgresStore(url: try TestEngine.freshSchemaURL()))
        _ = try elsewhere.open(ManualAnomaly(title: "another team's"), author: "ana")
        usleep(300_000)
        #expect(listener.anomalyNews() == .none)
        let here = AnomalyLog(store: try PostgresStore(url: url))
        let id = try here.open(ManualAnomaly(title: "ours"), author: "bo").id
        _ = try here.note(id: id, text: "看一下", author: "bo")
        var news = AnomalyNews.none
        for _ in 0..<100 where news == .none {
            usleep(20_000)
            news = listener.anomalyNews()
        }
        #expect(news == .changed([id]) || news == .none && listener.anomalyNews() == .changed([id]))
    }
}

@Suite struct AnomalyAnnouncementTests {
    @Test func theSchemaIsWhatComesBeforeTheLastSpace() {
        #expect(PostgresStore.announcement("deck_test_1 42")! == ("deck_test_1", 42))
        #expect(PostgresStore.announcement("a team 7")! == ("a team", 7))
        #expect(PostgresStore.announcement(" 9")! == ("", 9))
        #expect(PostgresStore.announcement("42") == nil, "an older version's bare id: read all")
        #expect(PostgresStore.announcement("x y") == nil)
    }
}
