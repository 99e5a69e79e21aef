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
        func gone(after milliseconds: Int64) -> Bool {
            changes.due([path], now: start + .milliseconds(milliseconds), looking: ReportFollower.Look.at).contains { $0.0 == path && $0.1 == nil }
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

        // Deleted: due once with no look (to say it went), then nothing until it is back and settled.
        #expect(unlink(path) == 0)
        #expect(gone(after: 30_000))
        changes.read(path, as: nil)
        #expect(due(after: 40_000).isEmpty)
        try write("a,b\n7,8\n", to: path)
        #expect(due(after: 41_000).isEmpty)
        #expect(due(after: 42_000) == [path])
        changes.read(path, as: ReportFollower.Look.at(path))

        // A last row without its line break: most likely still being written, so it settles for longer.
        var slow = ReportFollower.Changes(settle: Self.settle, unterminatedSettle: .seconds(10))
        slow.read(path, as: ReportFollower.Look.at(path))
        Thread.sleep(forTimeInterval: 0.02)
        try write("a,b\n7,8\n9,1", to: path)
        #expect(ReportFollower.Look.at(path)?.endsWithBreak == false)
        let unterminated = { (ms: Int64) in slow.due([path], now: start + .milliseconds(ms), looking: ReportFollower.Look.at).map(\.0) }
        #expect(unterminated(50_000).isEmpty)
        #expect(unterminated(51_000).isEmpty, "a second is not enough without the line break")
        #expect(unterminated(59_999).isEmpty)
        #expect(unterminated(60_000) == [path], "an exporter that never ends its last row is still read")
        Thread.sleep(forTimeInterval: 0.02)
        try write("a,b\n7,8\n9,10\r\n", to: path)
        #expect(ReportFollower.Look.at(path)?.endsWithBreak == true)
        #expect(unterminated(61_000).isEmpty)
        #expect(unterminated(62_000) == [path], "ended: the usual second")
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

    /// A follower on a thread of its own, as `watch` runs it (quick polls): each read's report and each
    /// problem recorded; `stop` ends it, `finished` says it ended, `failure` what ended it otherwise.
    final class Following: @unchecked Sendable {
        let reads = LockedValue<[ReportIngestReport]>([])
        let problems = LockedValue<[String]>([])
        let stop = FollowStop()
        let failure = LockedValue<String?>(nil)
        let finished = DispatchSemaphore(value: 0)

        init(_ paths: [String], database: any StoreEngine) {
            Thread.detachNewThread { [self] in
                defer { finished.signal() }
                do {
                    let ingest = try StoreIngest(database: database, plan: StoreFixtures.plan(alerts: []))
                    try ReportFollower(pollSeconds: 0.05, settleSeconds: 0.2, unterminatedSettleSeconds: 0.2).follow(
                        paths, stop: stop, read: { path in
                            let report = try ingest.ingestReport(path: path, source: ReportFollowerTests.source)
                            self.reads.withLock { $0.append(report) }
                        }, problem: { message in self.problems.withLock { $0.append(message) } })
                    _ = try ingest.finish()
                } catch {
                    failure.withLock { $0 = "\(error)" }
                }
            }
        }
    }

    @Test(arguments: TestEngine.all) func eachSettledVersionIsReadAndTheLastOneIsWhatIsStored(engine: TestEngine) throws {
        let database = try engine.store(folder)
        let path = folder.file("douyin.csv")
        let first: (Int) -> (Int, Int) = { hour in (1000 + hour, 10 + hour % 3) }
        // The platform's refresh: hours 5 and 20 corrected (20 downwards), hours 24–29 added.
        let second: (Int) -> (Int, Int) = { hour in hour == 5 ? (9000, 90) : hour == 20 ? (7, 1) : first(hour) }
        try write(Self.report(hours: 0..<24, figures: first), to: path)

        let following = Following([path], database: database)
        let (reads, problems, stop, failure, finished) = (following.reads, following.problems, following.stop, following.failure,
                                                          following.finished)
        #expect(eventually { reads.withLock { $0.count } == 1 })

        // Rewritten in place.
        try write(Self.report(hours: 0..<30, figures: second), to: path)
        #expect(eventually { reads.withLock { $0.count } == 2 })
        // A version without its header row: reported, what was stored stays, following goes on.
        try write("2026-03-02 00:00,1,1\n", to: path)
        #expect(eventually { problems.withLock { $0.count } == 1 })
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
        #expect(problems.withLock { $0 } == [ReportFileError.missingHeader(path: path, column: "时间", source: "douyin-hourly",
                                                                         target: .ts, header: ["2026-03-02 00:00", "1", "1"]).message])
        let stored = try ReportIngestTests.totals(database)["douyin"]
        let expected = Self.sums(hours: 0..<30, figures: second)
        #expect(stored?.impressions == expected.impressions && stored?.clicks == expected.clicks)
    }

    /// Following runs unattended: a file not there yet is waited for, a FIFO
    /// or a folder at the path is reported (never opened to wait on a
    /// writer), and each is read once a report is there.
    @Test func missingFilesFIFOsAndFoldersAreWaitedOut() throws {
        let database = try TestEngine.sqlite.store(folder)
        let later = folder.file("later.csv"), odd = folder.file("odd.csv")
        #expect(mkfifo(odd, 0o600) == 0)
        let following = Following([later, odd], database: database)
        let (problems, stop, failure, finished) = (following.problems, following.stop, following.failure, following.finished)
        let reads = { following.reads.withLock { $0.map(\.path) } }
        #expect(eventually { problems.withLock { $0.count } >= 2 })
        #expect(problems.withLock { $0.first { $0.contains("later.csv") } } == "\(later) is not there: waiting for it")
        #expect(problems.withLock { $0.contains { $0.contains("odd.csv") && $0.contains("not a regular file") } })

        let figures: (Int) -> (Int, Int) = { hour in (500 + hour, 5) }
        try write(Self.report(hours: 0..<3, figures: figures), to: later)
        #expect(eventually { reads() == [later] })
        // The FIFO becomes a folder, then a report.
        #expect(unlink(odd) == 0 && mkdir(odd, 0o700) == 0)
        #expect(eventually { problems.withLock { $0.filter { $0.contains("odd.csv") }.count } >= 2 })
        #expect(rmdir(odd) == 0)
        try write(Self.report(hours: 3..<6, figures: figures), to: odd)
        #expect(eventually { reads() == [later, odd] })
        stop.request()
        #expect(finished.wait(timeout: .now() + 20) == .success)
        #expect(failure.withLock { $0 } == nil)
        let stored = try ReportIngestTests.totals(database)["douyin"]
        #expect(stored?.impressions == Self.sums(hours: 0..<6, figures: figures).impressions)
    }

    /// `ingest --source` on a FIFO says it cannot read it, at once, instead of waiting for a writer.
    @Test func aReportThatIsAFIFOIsRefusedWithoutWaiting() throws {
        let database = try TestEngine.sqlite.store(folder)
        let fifo = folder.file("pipe.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        let ingest = try StoreIngest(database: database, plan: StoreFixtures.plan(alerts: []))
        #expect(throws: StoreError.sourceUnreadable(path: fifo, detail: "not a regular file (a folder, a pipe, a device): a report is read whole, as a file")) {
            try ingest.ingestReport(path: fifo, source: Self.source)
        }
    }
}
