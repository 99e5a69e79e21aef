import Foundation
import Testing

/// `campaign-deck anomalies` end to end, on a database in a scratch folder.
@Suite struct AnomaliesCommandTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/t.deck.sqlite" }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(["anomalies", "--db", db] + arguments, in: folder.path)
    }

    func json(_ run: CLIRunner.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
    }

    @Test func openAckNoteResolveAndShowTheTimeline() throws {
        let opened = try run(["open", "--title", "supplier delay", "--severity", "critical", "--channel", "offline",
                              "--author", "ana"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout == "anomaly 1 opened: supplier delay\n")
        #expect(try run(["ack", "1", "--owner", "王芳", "--author", "bo"]).stdout == "anomaly 1 acknowledged; owner 王芳: supplier delay\n")
        #expect(try run(["note", "1", "printer says Friday", "--author", "王芳"]).status == 0)
        let resolved = try run(["resolve", "1", "--cause", "late print run", "--action", "switched printer", "--author", "王芳"])
        #expect(resolved.stdout == "anomaly 1 resolved: supplier delay\n")

        let shown = try json(try run(["show", "1", "--format", "json"]))
        #expect(shown["status"] as? String == "resolved")
        #expect(shown["owner"] as? String == "王芳")
        #expect(shown["per"] as? String == "channel" && shown["scope"] as? String == "offline")
        #expect(shown["cause"] as? String == "late print run" && shown["action"] as? String == "switched printer")
        #expect(shown["closed_at"] is String && shown["recovered_at"] is NSNull)
        let notes = try #require(shown["notes"] as? [[String: Any]])
        #expect(notes.map { "\($0["author"] as? String ?? "") \($0["kind"] as? String ?? ""): \($0["text"] as? String ?? "")" } == [
            "ana event: opened by hand",
            "bo event: acknowledged; owner 王芳",
            "王芳 note: printer says Friday",
            "王芳 event: resolved; cause: late print run; action: switched printer",
        ])
        let table = try run(["show", "1"])
        #expect(table.stdout.hasPrefix("anomaly 1: supplier delay\n  status     resolved\n  severity   critical\n"))
    }

    @Test func listFiltersAndFormats() throws {
        _ = try run(["open", "--title", "a", "--severity", "info", "--channel", "douyin", "--author", "x"])
        _ = try run(["open", "--title", "b", "--severity", "critical", "--channel", "wechat", "--author", "x"])
        _ = try run(["ack", "2", "--author", "x"])
        // The default subcommand is list, newest first.
        let all = try json(try run(["--format", "json"]))
        #expect((all["anomalies"] as? [[String: Any]])?.map { $0["title"] as? String } == ["b", "a"])
        let open = try json(try run(["list", "--status", "open", "--format", "json"]))
        #expect((open["anomalies"] as? [[String: Any]])?.map { $0["title"] as? String } == ["a"])
        let wechat = try json(try run(["list", "--channel", "wechat", "--format", "json"]))
        #expect((wechat["anomalies"] as? [[String: Any]])?.count == 1)
        let csv = try run(["list", "--severity", "critical", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").first?.hasPrefix("id,title,source,status,severity,opened_at") == true)
        #expect(csv.stdout.split(separator: "\n").count == 2)
        let future = try json(try run(["list", "--since", "2999-01-01", "--format", "json"]))
        #expect((future["anomalies"] as? [Any])?.isEmpty == true)
        #expect(try run(["list", "--since", "yesterday"]).status == 2)
    }

    @Test func optionsAfterTheSubcommandWorkToo() throws {
        let run = try CLIRunner.run(["anomalies", "open", "--db", db, "--title", "x", "--author", "a"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CLIRunner.run(["anomalies", "list", "--db", db], in: folder.path).stdout.contains(" x\n"))
    }

    @Test func anUnknownIdIsBadInputOnOneLine() throws {
        // (A database must exist first: readers refuse a missing one.)
        #expect(try run(["open", "--title", "x", "--author", "a"]).status == 0)
        let run = try run(["show", "42"])
        #expect(run.status == 2)
        #expect(run.stderrLines.first == "campaign-deck: no anomaly with id 42 (anomaly log)")
        #expect(try self.run(["note", "42", "hello"]).status == 2)
        #expect(try self.run(["resolve", "7"]).status == 2)
    }

    @Test func aFileThatIsNotOurDatabaseIsRefusedAndLeftAlone() throws {
        let path = folder.path + "/plan.yaml"
        try Data("campaign:\n  id: x\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = try CLIRunner.run(["anomalies", "--db", path], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines.first
            == "campaign-deck: not a CampaignDeck database: the file is not SQLite; nothing was changed (\(path))")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "campaign:\n  id: x\n")
    }
}
