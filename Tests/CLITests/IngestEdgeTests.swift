import Foundation
import Testing

/// `ingest` at the edges (issue 11): a half-written last line, rotation and
/// hard links, Ctrl-C and SIGTERM while following, and input with no line
/// break at all.
@Suite struct IngestEdgeTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/t.deck.sqlite" }

    static let ts = #""ts":"2026-03-02T10:00:00+08:00""#
    static func click(_ count: Int) -> String { "{\(ts),\"type\":\"click\",\"count\":\(count)}\n" }

    func write(_ text: String, to name: String, append: Bool = false) throws {
        let url = URL(fileURLWithPath: folder.path + "/" + name)
        guard append, let handle = try? FileHandle(forWritingTo: url) else {
            try Data(text.utf8).write(to: url)
            return
        }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// `kpi --db --by total` as (clicks, impressions, rejected); nil before anything is stored.
    func storedTotals() -> (clicks: Int, impressions: Int, rejected: Int)? {
        guard let run = try? CLIRunner.run(["kpi", "--db", db, "--by", "total", "--format", "json"], in: folder.path),
              let json = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let row = (json["rows"] as? [[String: Any]])?.first else { return nil }
        return (row["clicks"] as? Int ?? -1, row["impressions"] as? Int ?? -1, json["rejected"] as? Int ?? -1)
    }

    func stored() throws -> (clicks: Int, impressions: Int, rejected: Int) {
        try #require(storedTotals(), "nothing stored in \(db)")
    }

    @Test func aHalfWrittenLastLineWaitsForItsEnd() throws {
        // The issue's reproduction: the producer is in the middle of line 2.
        let whole = Self.click(5) + Self.click(7) + Self.click(11)
        let cut = Self.click(5).utf8.count + 45 // …"type":"cli
        try write(String(whole.prefix(cut)), to: "f")
        let first = try CLIRunner.run(["ingest", "--db", db, "f"], in: folder.path)
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("f: 1 events from 1 lines, 1 line pending\n"))
        try write(String(whole.dropFirst(cut)), to: "f", append: true)
        let second = try CLIRunner.run(["ingest", "--db", db, "f"], in: folder.path)
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second.stderr)")
        let totals = try stored()
        #expect(totals.clicks == 5 + 7 + 11 && totals.rejected == 0)
        // The same as reading the finished file without a database.
        let kpi = try CLIRunner.run(["kpi", "--by", "total", "--format", "csv", "f"], in: folder.path)
        #expect(kpi.stdout.contains("\ntotal,0,23,"))
    }

    @Test func finalTakesTheUnterminatedLastLine() throws {
        // A complete event without its line break is an event at --final…
        try write(Self.click(5) + String(Self.click(7).dropLast()), to: "g")
        let taken = try CLIRunner.run(["ingest", "--db", db, "--final", "g"], in: folder.path)
        #expect(taken.status == 0 && taken.stdout.hasPrefix("g: 2 events from 2 lines\n"), "\(taken.stdout)\(taken.stderr)")
        // …and a cut one is rejected with its reason (46: see the corpus test's count).
        try write(Self.click(1) + String(Self.click(2).prefix(45)), to: "h")
        let rejected = try CLIRunner.run(["ingest", "--db", db, "--final", "h"], in: folder.path)
        #expect(rejected.status == 0)
        #expect(rejected.stderrLines.first == #"h:2: invalid JSON: unexpected end of line at byte 46 ({"ts":"2026-03-02T10:00:00+08:00","type":"cli)"#)
        #expect(try stored() == (clicks: 5 + 7 + 1, impressions: 0, rejected: 1))
        // Nothing is pending after --final: a later run reads nothing again.
        let again = try CLIRunner.run(["ingest", "--db", db, "h"], in: folder.path)
        #expect(again.stdout.hasPrefix("h: 0 events from 0 lines, resumed after line 2\n"), "\(again.stdout)")
    }

    @Test func aRotatedOrLinkedFileIsNotCountedAgain() throws {
        try write(String(repeating: Self.click(2), count: 100), to: "ev.jsonl")
        #expect(try CLIRunner.run(["ingest", "--db", db, "ev.jsonl"], in: folder.path).status == 0)
        try write(String(repeating: Self.click(3), count: 10), to: "ev.jsonl", append: true)
        try FileManager.default.moveItem(atPath: folder.path + "/ev.jsonl", toPath: folder.path + "/ev.jsonl.1")
        try write(Self.click(1000), to: "ev.jsonl")
        #expect(link(folder.path + "/ev.jsonl.1", folder.path + "/copy.jsonl") == 0)
        let run = try CLIRunner.run(["ingest", "--db", db, "ev.jsonl.1", "copy.jsonl", "ev.jsonl"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ev.jsonl.1: 10 events from 10 lines, resumed after line 100\ncopy.jsonl: 0 events from 0 lines, resumed after line 110\nev.jsonl: 1 events from 1 lines\n"), "\(run.stdout)")
        #expect(try stored().clicks == 100 * 2 + 10 * 3 + 1000)
    }

    /// Started by Foundation's Process, the child has these signals blocked;
    /// the e2e test (Tests/e2e/ingest_signals.sh) covers a shell's start and a
    /// producer that writes faster than the ingest reads.
    @Test(arguments: [SIGINT, SIGTERM])
    func followEndsCleanlyOnASignalWithItsSummary(signalNumber: Int32) throws {
        try write(String(repeating: Self.click(1), count: 50), to: "live.jsonl")
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        ingest.arguments = ["ingest", "--db", db, "--follow", "live.jsonl"]
        ingest.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let out = Pipe()
        ingest.standardOutput = out
        ingest.standardError = FileHandle.nullDevice
        try ingest.run()
        // Wait until the 50 clicks are stored: the follower is then polling for more.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, storedTotals()?.clicks != 50 { Thread.sleep(forTimeInterval: 0.1) }
        try write(String(repeating: Self.click(1), count: 5), to: "live.jsonl", append: true)
        // Signal once the growth is stored too: a fixed half-second wait lost the
        // race on a loaded machine (CI), and the summary then counted only 50.
        let grown = Date().addingTimeInterval(60)
        while Date() < grown, storedTotals()?.clicks != 55 { Thread.sleep(forTimeInterval: 0.1) }
        kill(ingest.processIdentifier, signalNumber)
        let exitDeadline = Date().addingTimeInterval(20)
        while ingest.isRunning, Date() < exitDeadline { Thread.sleep(forTimeInterval: 0.05) }
        let ignored = ingest.isRunning
        if ignored { kill(ingest.processIdentifier, SIGKILL) }
        ingest.waitUntilExit()
        #expect(!ignored, "signal \(signalNumber) did not end the follow")
        #expect(ingest.terminationReason == .exit && ingest.terminationStatus == 0)
        let summary = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(summary.hasPrefix("live.jsonl: 55 events from 55 lines\nstored in "), "\(summary)")
        #expect(try stored().clicks == 55)
    }

    @Test func oneHugeLineWithoutALineBreakTakesBoundedMemory() throws {
        // 128 MiB of zero bytes and no line break (a sparse file: no disk used).
        let path = folder.path + "/zeros.jsonl"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 128 << 20) == 0)
        let run = try CLIRunner.run(["-f", "maxrss %M", CLIRunner.binary, "ingest", "--dry-run", "zeros.jsonl"],
                                    in: folder.path, executable: "/usr/bin/time")
        #expect(run.status == 0, "\(run.stderr)")
        let maxRSS = try #require(run.stderrLines.last.flatMap { Int($0.dropFirst("maxrss ".count)) }, "\(run.stderr)")
        // The line is held back (or rejected) without ever being buffered whole.
        #expect(maxRSS < 100_000, "peak memory \(maxRSS) KB for a 128 MiB line")
    }
}
