import CampaignCore
@testable import CampaignStore
import CampaignText
import Foundation
import StoreTestEngines
import Testing

/// `watch --source ID --follow`: a report file is read again when it was
/// rewritten (in place, or renamed over) and has stayed the same for the
/// settling time; a deleted file is waited for; an unreadable version is
/// reported and the next one read.
@Suite struct ReportFollowerTests {
    let folder = TemporaryFolder()
    static let settle = Duration.seconds(1)

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aChangeIsDueOnlyOnceItHasLookedTheSameForTheSettlingTime() throws {
        let path = folder.file("r.csv")
        try write("a,b\n1,2\n", to: path)
        var changes = ReportFollower.Changes(settle: Self.settle)
        changes.read(path, as: ReportFollower.Look.at(path))
        let start = ContinuousClock.now
        func due(after milliseconds: Int64) -> [String] {
            changes.due([path], now: start + .milliseconds(milliseconds), looking: ReportFollower.Look.at).map(\.0)
        }
        #expect(due(after: 0).isEmpty)
        #expect(due(after: 5_000).isEmpty, "unchanged, however long")

        // Rewritten in place with the same size: the times tell.
        Thread.sleep(forTimeInterval: 0.02)
        try write("a,b\n3,4\n", to: path)
        #expect(due(after: 6_000).isEmpty, "first seen changed: settling begins")
        #expect(due(after: 6_999).isEmpty)
        #expect(due(after: 7_000) == [path])
        changes.read(path, as: ReportFollower.Look.at(path))
        #expect(due(after: 9_000).isEmpty, "read: nothing new")

        // Still being written: each new look starts the settling again.
        Thread.sleep(forTimeInterval: 0.02)
        try write("a,b\n5,", to: path)
        #expect(due(after: 10_000).isEmpty)
        Thread.sleep(forTimeInterval: 0.02)
        try write("a,b\n5,6\n", to: path)
        #expect(due(after: 10_900).isEmpty, "a new look: settling starts again at 10.9 s")
        #expect(due(after: 11_800).isEmpty)
        #expect(due(after: 11_900) == [path])
        changes.read(path, as: ReportFollower.Look.at(path))

        // Renamed over by a new file with the same bytes: another inode, so read again.
        let next = folder.file("r.csv.new")
        try write("a,b\n5,6\n", to: next)
        #expect(rename(next, path) == 0)
        #expect(due(after: 20_000).isEmpty)
        #expect(due(after: 21_000) == [path])
        changes.read(path, as: ReportFollower.Look.at(path))

        // Deleted: nothing to read, nothing settling; back again: read once settled.
        #expect(unlink(path) == 0)
        #expect(due(after: 30_000).isEmpty)
        #expect(due(after: 40_000).isEmpty)
        try write("a,b\n7,8\n", to: path)
        #expect(due(after: 41_000).isEmpty)
        #expect(due(after: 42_000) == [path])
    }

    static let source = ReportSource(id: "douyin-hourly", columns: [
        (.ts, .header("时间")), (.channel, .constant("douyin")), (.impressions, .header("展示数")), (.clicks, .header("点击数")),
    ])

    /// A report of `hours` hours from 2026-03-02 00:00, each hour's impressions and clicks given by `figures`.
    static func report(hours: Range<Int>, figures: (Int) -> (Int, Int)) -> String {
        "时间,展示数,点击数\n" + hours.map { hour in
            let (impressions, clicks) = figures(hour)
            return String(format: "2026-03-%02d %02d:00,%d,%d\n", 2 + hour / 24, hour % 24, impressions, clicks)
        }.joined()
    }

    /// Impressions and clicks summed over a report's hours, worked out from the same figures without the reader.
    static func sums(hours: Range<Int>, figures: (Int) -> (Int, Int)) -> KPICounters {
        hours.reduce(into: KPICounters.zero) { sums, hour in
            sums.impressions += Int64(figures(hour).0)
            sums.clicks += Int64(figures(hour).1)
        }
    }

    /// Waits up to 20 s for `condition` (a loaded machine is slow, never wrong).
    func eventually(_ condition: () -> Bool) -> Bool {
        let until = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < until {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    @Test(arguments: TestEngine.all) func eachSettledVersionIsReadAndTheLastOneIsWhatIsStored(engine: TestEngine) throws {
        let database = try engine.store(folder)
        let path = folder.file("douyin.csv")
        let first: (Int) -> (Int, Int) = { hour in (1000 + hour, 10 + hour % 3) }
        // The platform's refresh: hours 5 and 20 corrected (20 downwards), hours 24–29 added.
        let second: (Int) -> (Int, Int) = { hour in hour == 5 ? (9000, 90) : hour == 20 ? (7, 1) : first(hour) }
        try write(Self.report(hours: 0..<24, figures: first), to: path)

        let reads = LockedValue<[ReportIngestReport]>([])
        let unreadable = LockedValue<[ReportFileError]>([])
        let stop = FollowStop()
        let failure = LockedValue<String?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { finished.signal() }
            do {
                let ingest = try StoreIngest(database: database, plan: StoreFixtures.plan(alerts: []))
                try ReportFollower(pollSeconds: 0.05, settleSeconds: 0.2).follow([path], stop: stop, read: { path in
                    let report = try ingest.ingestReport(path: path, source: Self.source)
                    reads.withLock { $0.append(report) }
                }, unreadable: { error in unreadable.withLock { $0.append(error) } })
                _ = try ingest.finish()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
        #expect(eventually { reads.withLock { $0.count } == 1 })

        // Rewritten in place.
        try write(Self.report(hours: 0..<30, figures: second), to: path)
        #expect(eventually { reads.withLock { $0.count } == 2 })
        // A version without its header row: reported, what was stored stays, following goes on.
        try write("2026-03-02 00:00,1,1\n", to: path)
        #expect(eventually { unreadable.withLock { $0.count } == 1 })
        // The same report as before, renamed over: read, and nothing changes.
        try write(Self.report(hours: 0..<30, figures: second), to: path + ".new")
        #expect(rename(path + ".new", path) == 0)
        #expect(eventually { reads.withLock { $0.count } == 3 })
        stop.request()
        #expect(finished.wait(timeout: .now() + 20) == .success)
        #expect(failure.withLock { $0 } == nil)

        let seen = reads.withLock { $0 }
        #expect(seen.map(\.changed) == [24, 8, 0], "24 new hours; hours 5, 20 and 24–29; the same again")
        #expect(seen.map(\.unchanged) == [0, 22, 30])
        #expect(unreadable.withLock { $0 } == [.missingHeader(path: path, column: "时间", source: "douyin-hourly", target: .ts,
                                                                header: ["2026-03-02 00:00", "1", "1"])])
        let stored = try ReportIngestTests.totals(database)["douyin"]
        let expected = Self.sums(hours: 0..<30, figures: second)
        #expect(stored?.impressions == expected.impressions && stored?.clicks == expected.clicks)
    }
}
