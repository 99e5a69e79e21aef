import CampaignStore
import Foundation
import Testing

/// `--db postgres://…` and `CAMPAIGN_DECK_DB` on the command line. What needs
/// no server always runs; the rest runs given `CAMPAIGN_DECK_TEST_POSTGRES`.
@Suite struct PostgresCommandLineTests {
    let folder = ScratchFolder()

    /// Commands whose data is not on PostgreSQL yet say so, naming the URL
    /// without its password, before touching anything; nothing is created.
    @Test func commandsNotOnPostgresYetRefuseTheURLClearly() throws {
        let url = "postgres://deck:hunter2@127.0.0.1:1/team"
        for arguments in [["ingest", "--db", url, "x.jsonl"], ["kpi", "--db", url], ["report", "--db", url], ["notify", "pending", "--db", url]] {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("campaign-deck: this command keeps its data in a SQLite file"), "\(run.stderr)")
            #expect(run.stderr.contains("(postgres://deck:***@127.0.0.1:1/team)") && !run.stderr.contains("hunter2"))
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
            #expect(run.status == 2 && run.stderr.hasPrefix("campaign-deck: this command keeps its data in a SQLite file"),
                    "\(command): \(run.stderr)")
        }
    }

    @Test func theRefusalInChinese() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_DECK_LANG"] = "zh"
        let run = try CLIRunner.run(["kpi", "--db", "postgresql://ana:pw@db.team:5432/spring"], in: folder.path, environment: environment)
        #expect(run.status == 2)
        #expect(run.stderr == "campaign-deck: 此命令的数据只能保存在 SQLite 文件中；PostgreSQL 存储目前只支持异常记录和静默"
                + "（`anomalies`、`silence`，以及带 `--simulate` 的看板）（postgresql://ana:***@db.team:5432/spring）\n")
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
