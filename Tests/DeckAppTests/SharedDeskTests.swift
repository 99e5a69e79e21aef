import CampaignCore
@testable import CampaignStore
@testable import DeckApp
import DeckUI
import Foundation
import StoreTestEngines
import Testing

/// Two dashboards on one PostgreSQL database: what one does reaches the
/// other's rows by the ids announced; after its connection was cut, the
/// other catches up by the stamps, and its rows equal a fresh reading.
@Suite(.enabled(if: TestEngine.postgresIsOn, Comment(rawValue: TestEngine.skippedText)))
struct SharedDeskTests {
    /// What a row shows, for comparing rows read two ways.
    static func shown(_ rows: [DashboardSnapshot.AnomalyRow]) -> [String] {
        rows.map { "\($0.id) \($0.status.rawValue) \($0.owner ?? "-") \($0.recovered) \($0.title) \($0.detail.joined(separator: " | "))" }
    }

    /// Asks `desk` until it has rows for the news (up to 10 s), as the live
    /// side does five times a second. A reading on a connection that was just
    /// cut fails (the dashboard says so once) and the next asking reconnects.
    static func news(_ desk: DatabaseAnomalyDesk, failures: inout Int) -> [DashboardSnapshot.AnomalyRow]? {
        let until = Date().addingTimeInterval(10)
        while Date() < until {
            do {
                if let rows = try desk.rowsChangedElsewhere() { return rows }
            } catch {
                failures += 1
            }
            usleep(20_000)
        }
        return nil
    }

    @Test func anotherDesksChangesAndAMissedStretchReachTheRows() throws {
        let url = try TestEngine.freshSchemaURL()
        let anaStore = try PostgresStore(url: url)
        let ana = try DatabaseAnomalyDesk(database: anaStore, plan: Live.demoPlan, author: "ana")
        let bo = try DatabaseAnomalyDesk(database: try PostgresStore(url: url), plan: Live.demoPlan, author: "bo")
        let log = AnomalyLog(store: try PostgresStore(url: url))
        let first = try log.open(ManualAnomaly(title: "官网宕机 site down"), author: "zhang").id
        let second = try log.open(ManualAnomaly(title: "CPA spike"), author: "zhang").id
        #expect(ana.watchesOthers)
        usleep(300_000) // the opening's announcements are on their way: the reading below covers them
        _ = try ana.rows()
        #expect(try ana.rowsChangedElsewhere() == nil, "nothing since the reading (it covers what was announced before it)")
        var failures = 0

        try bo.acknowledge(id: first)
        try bo.note(id: first, text: "CDN 回源失败")
        let heard = try #require(Self.news(ana, failures: &failures))
        #expect(Self.shown(heard) == Self.shown(try bo.rows()))
        #expect(heard.first { $0.id == first }?.status == .acknowledged)

        // Ana's connection is cut (a server restart, a network cut); Bo resolves meanwhile.
        let admin = try PostgresConnection(url: try #require(TestEngine.serverURL))
        _ = try admin.execute("SELECT pg_terminate_backend(\(anaStore.connection.backendPID))")
        try bo.resolve(id: second, cause: "出价过高", action: "调低出价")
        let caughtUp = try #require(Self.news(ana, failures: &failures))
        #expect(Self.shown(caughtUp) == Self.shown(try bo.rows()))
        #expect(caughtUp.first { $0.id == second }?.status == .resolved)
        // And it listens again: the next change arrives as an announcement.
        try bo.note(id: second, text: "已复盘")
        let after = try #require(Self.news(ana, failures: &failures))
        #expect(Self.shown(after) == Self.shown(try bo.rows()))
        #expect(failures <= 1, "at most the one reading on the cut connection")
    }
}
