import CampaignStore
import Foundation
import Testing

/// `--db postgres://…` and `CAMPAIGN_DECK_DB` on the command line. What needs
/// no server always runs; the rest runs given `CAMPAIGN_DECK_TEST_POSTGRES`.
@Suite struct PostgresCommandLineTests {
    let folder = ScratchFolder()

    /// Every command that keeps data reaches the server the URL names: one
    /// that does not answer is one line naming the URL without its password,
    /// and nothing is created beside the command (no file named after the URL).
    @Test func everyStoringCommandGoesToTheServerItNames() throws {
        let url = "postgres://deck:hunter2@127.0.0.1:1/team"
        for arguments in [["ingest", "--db", url, "x.jsonl"], ["kpi", "--db", url], ["report", "--db", url],
                          ["notify", "pending", "--db", url], ["standup", "--db", url]] {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(run.stderrLines.count == 1, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("campaign-deck: cannot open the database: connection to server at \"127.0.0.1\", port 1 failed"),
                    "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasSuffix("(postgres://deck:***@127.0.0.1:1/team)\n") && !run.stderr.contains("hunter2"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [], "no file named after the URL")
    }

    /// Found by the red team: the hint of `kpi FILE --db URL` quoted the URL
    /// whole; the variable's value was blamed on `--db`; `kpi` and `report`
    /// without files ignored the variable.
    @Test func hintsAndTheVariableKeepThePasswordAndTheBlameRight() throws {
        let hinted = try CLIRunner.run(["kpi", "events.jsonl", "--db", "postgres://deck:hunter2@127.0.0.1:1/team"], in: folder.path)
        #expect(hinted.status == 2 && hinted.stderr.contains("postgres://deck:***@127.0.0.1:1/team"), "\(hinted.stderr)")
        #expect(!hinted.stderr.contains("hunter2"))

        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_DECK_LANG"] = "en"
        environment["CAMPAIGN_DECK_DB"] = folder.path + "/typo.deck.sqlite\n"
        let blamed = try CLIRunner.run(["anomalies", "list"], in: folder.path, environment: environment)
        #expect(blamed.stderr.hasPrefix("campaign-deck: no database at \(folder.path)/typo.deck.sqlite (CAMPAIGN_DECK_DB)\n"),
                "\(blamed.stderr)")

        environment["CAMPAIGN_DECK_DB"] = "postgres://deck:hunter2@127.0.0.1:1/team"
        for command in [["kpi"], ["report"]] {
            let run = try CLIRunner.run(command, in: folder.path, environment: environment)
            #expect(run.status == 1 && run.stderr.hasPrefix("campaign-deck: cannot open the database: connection to server"),
                    "\(command): \(run.stderr)")
            #expect(run.stderr.hasSuffix("(postgres://deck:***@127.0.0.1:1/team)\n"), "the variable's URL, password hidden")
        }
    }

    /// Our words in Chinese around libpq's own (the server's text, like a transport error's).
    @Test func anUnreachableServerInChinese() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_DECK_LANG"] = "zh"
        let run = try CLIRunner.run(["kpi", "--db", "postgresql://ana:pw@127.0.0.1:1/spring"], in: folder.path, environment: environment)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("campaign-deck: 无法打开数据库：connection to server at \"127.0.0.1\", port 1 failed"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("（postgresql://ana:***@127.0.0.1:1/spring）\n"), "\(run.stderr)")
    }

    @Test func aServerThatDoesNotAnswerIsOneLineWithTheURLHidden() throws {
        let run = try CLIRunner.run(["anomalies", "--db", "postgresql://deck:hunter2@127.0.0.1:1/team"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("campaign-deck: cannot open the database: connection to server at \"127.0.0.1\", port 1 failed"))
        #expect(run.stderr.hasSuffix("(postgresql://deck:***@127.0.0.1:1/team)\n") && !run.stderr.contains("hunter2"))
    }

    /// The environment's database is used when `--db` is not given, and `--db` wins over it.
    @Test func theEnvironmentNamesTheDatabaseAndDbWins() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_DECK_LANG"] = "en"
        environment["CAMPAIGN_DECK_DB"] = folder.path + "/team.deck.sqlite"
        let opened = try CLIRunner.run(["anomalies", "open", "--title", "from the environment"], in: folder.path, environment: environment)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/team.deck.sqlite"))
        let listed = try CLIRunner.run(["anomalies", "list", "--format", "json"], in: folder.path, environment: environment)
        #expect(listed.stdout.contains("from the environment"))
        let other = try CLIRunner.run(["anomalies", "list", "--db", folder.path + "/other.deck.sqlite"], in: folder.path,
                                      environment: environment)
        #expect(other.status == 2 && other.stderr.contains("other.deck.sqlite"), "--db wins: its missing file is the error")
    }
}

/// The test server's URL, when there is one.
enum TestServer {
    static var url: String? {
        ProcessInfo.processInfo.environment["CAMPAIGN_DECK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

@Suite(.enabled(if: TestServer.url != nil,
                "PostgreSQL command tests: set CAMPAIGN_DECK_TEST_POSTGRES=postgres://user:pass@127.0.0.1:PORT/db to run them"))
struct PostgresCommandTests {    let folder = ScratchFolder()
    let url: String

    /// A schema of this test's own on the test server.
    init() throws {
        let server = try #require(TestServer.url)
        let schema = "deck_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try PostgresConnection(url: server).execute("CREATE SCHEMA \(schema)")
        url = server + (server.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)"
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(["anomalies", "--db", url] + arguments, in: folder.path)
    }

    /// The SQLite flow of `AnomaliesCommandTests`, on the server: the same outputs.
    @Test func openAckNoteResolveAndShowOnTheServer() throws {
        let opened = try run(["open", "--title", "supplier delay", "--severity", "critical", "--channel", "offline", "--author", "ana"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout == "anomaly 1 opened: supplier delay\n")
        #expect(try run(["ack", "1", "--owner", "王芳", "--author", "bo"]).stdout == "anomaly 1 acknowledged; owner 王芳: supplier delay\n")
        #expect(try run(["note", "1", "printer says Friday", "--author", "王芳"]).status == 0)
        #expect(try run(["resolve", "1", "--cause", "late print run", "--action", "switched printer", "--author", "王芳"]).stdout
                == "anomaly 1 resolved: supplier delay\n")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try run(["show", "1", "--format", "json"]).stdout.utf8))
                                 as? [String: Any])
        #expect(shown["status"] as? String == "resolved" && shown["owner"] as? String == "王芳")
        #expect(shown["per"] as? String == "channel" && shown["scope"] as? String == "offline")
        #expect(shown["cause"] as? String == "late print run" && shown["action"] as? String == "switched printer")
        let notes = try #require(shown["notes"] as? [[String: Any]])
        #expect(notes.map { "\($0["author"] ?? "") \($0["text"] ?? "")" } == [
            "ana opened by hand", "bo acknowledged; owner 王芳", "王芳 printer says Friday",
            "王芳 resolved; cause: late print run; action: switched printer",
        ])
        #expect(try run(["resolve", "1", "--cause", "printer's paper jam", "--author", "bo"]).stdout
                == "anomaly 1 resolution updated (first resolved by 王芳): supplier delay\n")
        #expect(try run(["ack", "1"]).status == 2, "a resolved anomaly is refused on the server too")
        #expect(try run(["reopen", "1", "--author", "carl"]).stdout.contains("reopened"))
    }

    /// Silences live on the server too: added, listed and expired by anyone on the
    /// team. (`silence` only changes a store that is there, as with a file.)
    @Test func silencesOnTheServer() throws {
        let missing = try CLIRunner.run(["silence", "list", "--db", url], in: folder.path)
        #expect(missing.status == 2 && missing.stderr.contains("no database at postgres://"), "\(missing.stderr)")
        _ = try PostgresStore(url: url)
        func silence(_ arguments: [String]) throws -> CLIRunner.Run {
            try CLIRunner.run(["silence"] + arguments + ["--db", url], in: folder.path)
        }
        let added = try silence(["add", "--rule", "CTR below 1%", "--scope", "douyin", "--for", "2h", "--comment", "素材更换中"])
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(try silence(["list", "--format", "json"]).stdout.utf8))
                                  as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed.first?["rule"] as? String == "CTR below 1%" && listed.first?["scope"] as? String == "douyin")
        #expect(listed.first?["comment"] as? String == "素材更换中")
        #expect(try silence(["expire", "1"]).status == 0)
        let active = try JSONSerialization.jsonObject(with: Data(try silence(["list", "--format", "json"]).stdout.utf8)) as? [Any]
        #expect(active?.isEmpty == true, "an expired silence is no longer active")
        let again = try silence(["expire", "1"])
        #expect(again.status == 2 && again.stderr.contains("silence 1 has already ended"), "\(again.stderr)")
    }

    /// A stream ingested into the server reads back as from a SQLite file and
    /// as from the file itself (kpi of the events, folded without any store):
    /// the same KPIs, report, stand-up and anomaly log; a second ingest counts
    /// nothing. Two days of the demo, so alerts fire and recover.
    @Test func ingestedOnTheServerReadsAsTheFileAndAsSQLite() throws {
        let events = try CLIRunner.run(["simulate", "--days", "2", "--seed", "7"], in: folder.path)
        #expect(events.status == 0, "\(events.stderr)")
        try Data(events.stdout.utf8).write(to: URL(fileURLWithPath: folder.path + "/e.jsonl"))
        let file = folder.path + "/local.deck.sqlite"
        for db in [url, file] {
            let stored = try CLIRunner.run(["ingest", "--db", db, "e.jsonl"], in: folder.path)
            #expect(stored.status == 0, "\(db): \(stored.stderr)")
            let again = try CLIRunner.run(["ingest", "--db", db, "e.jsonl"], in: folder.path)
            #expect(again.stdout.hasPrefix("e.jsonl: 0 events from 0 lines"), "\(again.stdout)")
        }
        func same(_ arguments: [String], _ line: SourceLocation = #_sourceLocation) throws {
            let server = try CLIRunner.run(arguments + ["--db", url], in: folder.path)
            let local = try CLIRunner.run(arguments + ["--db", file], in: folder.path)
            #expect(server.status == 0 && !server.stdout.isEmpty, "\(arguments): \(server.stderr)", sourceLocation: line)
            #expect(server.stdout == local.stdout, "\(arguments)", sourceLocation: line)
        }
        for by in ["channel", "segment", "total"] {
            try same(["kpi", "--by", by, "--format", "json"])
        }
        try same(["kpi"])
        try same(["report", "--format", "json"])
        try same(["standup"])
        let fromFile = try CLIRunner.run(["kpi", "--by", "total", "--format", "json", "e.jsonl"], in: folder.path)
        let fromServer = try CLIRunner.run(["kpi", "--by", "total", "--format", "json", "--db", url], in: folder.path)
        #expect(try Self.figures(fromFile.stdout) == Self.figures(fromServer.stdout))
    }

    /// The KPI rows' figures, without the lines that say where they came from.
    static func figures(_ json: String) throws -> String {
        guard var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return json }
        for key in ["source", "events", "ingest", "rejected", "skipped", "database"] { object.removeValue(forKey: key) }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A CTR rule that fires and recovers (`NotifyOutboxCommandTests`' plan and
    /// stream), ingested into the server: the anomaly log and the notify
    /// outbox hold what a SQLite file holds, and a sender reads the outbox there.
    @Test func alertsAndTheOutboxOnTheServer() throws {
        try NotifyOutboxCommandTests.plan(channel: "lead").write(toFile: folder.path + "/p.yaml", atomically: true, encoding: .utf8)
        try Data(NotifyOutboxCommandTests.events.utf8).write(to: URL(fileURLWithPath: folder.path + "/e.jsonl"))
        let file = folder.path + "/local.deck.sqlite"
        for db in [url, file] {
            let stored = try CLIRunner.run(["ingest", "--plan", "p.yaml", "--notify-past", "--db", db, "e.jsonl"], in: folder.path)
            #expect(stored.status == 0, "\(db): \(stored.stderr)")
            #expect(stored.stdout.contains("anomalies 1 opened, 0 fired again, 1 recovered"), "\(db): \(stored.stdout)")
            #expect(stored.stderr.contains("2 messages pending"), "\(db): \(stored.stderr)")
        }
        func json(_ arguments: [String], _ db: String) throws -> Any? {
            let run = try CLIRunner.run(arguments + ["--plan", "p.yaml", "--format", "json", "--db", db], in: folder.path)
            return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        }
        func anomalies(_ db: String) throws -> [[String: Any]] {
            (try json(["anomalies", "list"], db) as? [String: Any])?["anomalies"] as? [[String: Any]] ?? []
        }
        let logged = try anomalies(url)
        #expect(logged.count == 1 && logged.first?["status"] as? String == "open")
        #expect(logged.first?["rule"] as? String == "CTR low" && logged.first?["scope"] as? String == "douyin")
        #expect(logged.first?["opened_at"] as? String == "2026-03-02T00:01:00Z")
        #expect(logged.first?["recovered_at"] as? String == "2026-03-02T00:16:00Z")
        // Compared as JSON with sorted keys: a dictionary's description follows its storage order.
        func canonical(_ rows: [[String: Any]]) throws -> Data { try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]) }
        #expect(try canonical(logged) == canonical(try anomalies(file)))
        func outbox(_ db: String) throws -> [String] {
            (try json(["notify", "pending"], db) as? [[String: Any]] ?? [])
                .map { "\($0["channel"] ?? "") \($0["status"] ?? "") \($0["fingerprint"] ?? "") \($0["attempts"] ?? "")" }
        }
        #expect(try outbox(url).map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
                == ["lead firing t/1/firing/1", "lead resolved t/1/resolved/1"])
        #expect(try outbox(url) == outbox(file))
        // Nobody listens on the channel's port: tried again, still pending, counted alike on both.
        for db in [url, file] {
            let flush = try CLIRunner.run(["notify", "flush", "--plan", "p.yaml", "--tries", "1", "--db", db], in: folder.path)
            #expect(flush.status == 1 && flush.stderr.contains("2 messages not delivered"), "\(flush.stderr)")
        }
        #expect(try outbox(url) == outbox(file))
    }

    /// Two people resolve one anomaly at the same moment from two processes:
    /// one is told it resolved it, the other that it updated the first's resolution.
    @Test func twoResolvingAtOnceAreEachToldWhatTheyDid() throws {
        for round in 1...4 {
            #expect(try run(["open", "--title", "race \(round)", "--author", "ana"]).status == 0)
            let results = LockedResults()
            let (url, folder) = (self.url, self.folder.path)
            DispatchQueue.concurrentPerform(iterations: 2) { who in
                let author = who == 0 ? "ana" : "bo"
                let arguments = ["anomalies", "--db", url, "resolve", String(round), "--cause", "by \(author)", "--author", author]
                if let done = try? CLIRunner.run(arguments, in: folder) { results.add(author, done.stdout) }
            }
            let said = results.all
            #expect(said.count == 2)
            let first = said.filter { $0.1 == "anomaly \(round) resolved: race \(round)\n" }
            #expect(first.count == 1, "\(said)")
            if let winner = first.first?.0 {
                #expect(said.contains { $0.1 == "anomaly \(round) resolution updated (first resolved by \(winner)): race \(round)\n" },
                        "\(said)")
            }
        }
    }
}

final class LockedResults: @unchecked Sendable {
    private var items: [(String, String)] = []
    private let lock = NSLock()
    func add(_ who: String, _ said: String) { lock.withLock { items.append((who, said)) } }
    var all: [(String, String)] { lock.withLock { items } }
}
