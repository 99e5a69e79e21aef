import CampaignText
import Foundation
import Testing

/// `report --week` / `--from --to` through the real binary on the report
/// fixture (14 events on Wednesday 2026-03-04 and Thursday 03-05, Asia/Shanghai,
/// listed in CampaignCoreTests/Fixtures/report/events.jsonl); figures worked out by hand.
@Suite struct WeekReportCommandTests {
    func folder() throws -> ScratchFolder { try ReportCommandTests().folder() }

    static func rows(_ stdout: String) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(json["rows"] as? [[String: Any]])
    }

    @Test func aWeekOfTheFixtureWorkedOutByHand() throws {
        let folder = try folder()
        let result = try CLIRunner.run(["report", "--plan", "p.yaml", "--week", "2026-W10", "--format", "json", "events.jsonl"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.rows(result.stdout)
        func row(_ scope: String, _ metric: String) -> [String: Any]? { rows.first { $0["scope"] as? String == scope && $0["metric"] as? String == metric } }
        // douyin: 1000 + 1000 impressions ("VIP" folds onto vip), 20 + 30 clicks, spend 100.10 + 50.05.
        #expect(row("douyin", "impressions")?["value"] as? Int == 2000)
        #expect(row("douyin", "clicks")?["value"] as? Int == 50)
        #expect((row("douyin", "spend")?["value"] as? NSNumber)?.decimalValue == Decimal(string: "150.15"))
        // Total CTR: 55 clicks over the 2,500 impressions of douyin and search.
        #expect(ReportCommandTests.near(row("total", "ctr")?["value"], 0.022))
        #expect((row("total", "spend")?["value"] as? NSNumber)?.decimalValue == Decimal(string: "390.15"))
        // 2026-W09 has no events: no data, no change (not 0 %).
        #expect(row("total", "spend")?["previous"] is NSNull && row("total", "spend")?["change"] is NSNull)
        // The fixture's rule (CTR below 2.5 % over the day) opens on douyin at 20 / 1000 and on search at 5 / 500.
        let anomalies = try #require(row("douyin", "ctr")?["anomalies"] as? [[String: Any]])
        #expect(anomalies.map { $0["rule"] as? String } == ["CTR low"])
        #expect(anomalies.first?["opened_at"] as? String == "2026-03-04T10:01:00+08:00")
        #expect((row("search", "ctr")?["anomalies"] as? [Any])?.count == 1)
    }

    @Test func oneDayAgainstTheDayBeforeLargestMovesFirst() throws {
        let folder = try folder()
        let result = try CLIRunner.run(["report", "--plan", "p.yaml", "--from", "2026-03-05", "--to", "2026-03-05", "--format", "csv",
                                        "events.jsonl"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let title = try CLIRunner.run(["report", "--plan", "p.yaml", "--from", "2026-03-05", "--to", "2026-03-05", "--format", "markdown",
                                       "events.jsonl"], in: folder.path).stdout.split(separator: "\n").first
        #expect(title == "# Period report: Test, 2026-03-05 against 2026-03-04")
        // 03-05 spend 50.05 + 30 + 200 + 10 = 290.05 against 100.10 on 03-04: +189.76 %; CPA (2 conversions both days)
        // moves the same; all of 03-05's spend carries no segment. Then ROI: −129.80 / 290.05 against 199.90 / 100.10.
        #expect(lines.prefix(4).map { $0.split(separator: ",").prefix(3).joined(separator: ",") } ==
                ["scope_kind,scope,metric", "total,total,spend", "total,total,cpa", "segment,(none),spend"])
        let change = (290.05 - 100.10) / 100.10
        #expect(lines[1].hasPrefix("total,total,spend,290.05,100.1,") && abs(Double(lines[1].split(separator: ",")[5])! - change) < 1e-12)
        let roi = lines[4].split(separator: ",")
        let now = -129.80 / 290.05, before = 199.90 / 100.10
        #expect(roi.prefix(3) == ["total", "total", "roi"] && abs(Double(roi[5])! - (now - before) / before) < 1e-9, "\(lines[4])")
        // CTR 30 / 1000 against 20 / 1000 on douyin: +50 %, +1 percentage point.
        let ctr = try #require(lines.first { $0.hasPrefix("channel,douyin,ctr,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(ctr[3] == "0.03" && ctr[4] == "0.02" && abs(Double(ctr[5])! - 0.5) < 1e-12 && abs(Double(ctr[6])! - 0.01) < 1e-12)
    }

    @Test func aBareWeekLeavesTheFileAloneAndNamesTheEmptyWeek() throws {
        let folder = try folder()
        // The data ends on Thursday 03-05: the last complete week is 2026-W09, which has no events.
        let result = try CLIRunner.run(["report", "--plan", "p.yaml", "--week", "events.jsonl"], in: folder.path)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("campaign-deck: no events in 2026-W09 (2026-02-23 to 2026-03-01); the data runs from 2026-03-04 to 2026-03-05 (--week)\n"),
                "\(result.stderr)")
    }

    @Test func errorsInChineseSayWhatAndWhere() throws {
        let folder = try folder()
        let bad: [[String]] = [["--week", "2026-W60"], ["--week", "2026W10"], ["--week", "2026-W10", "--from", "2026-03-02", "--to", "2026-03-03"],
                               ["--from", "2026-03-09", "--to", "2026-03-01"], ["--week", "2026-W30"], ["--from", "2026-03-01"]]
        for arguments in bad {
            let result = try CLIRunner.run(["report", "--lang", "zh", "--plan", "p.yaml"] + arguments + ["events.jsonl"], in: folder.path)
            let said = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(result.status == 2 && said.hasPrefix("campaign-deck: ") && said.hasSuffix("）"), "\(arguments): \(result.stderr)")
            #expect(EnglishWords.find(in: said).isEmpty, "\(arguments): \(EnglishWords.find(in: said))")
        }
        let week = try CLIRunner.run(["report", "--lang", "zh", "--plan", "p.yaml", "--week", "2026-W30", "events.jsonl"], in: folder.path)
        #expect(week.stderr.hasPrefix("campaign-deck: 没有事件落在 2026-W30（2026-07-20 至 2026-07-26）；数据的日期范围是 2026-03-04 至 2026-03-05（--week）\n"),
                "\(week.stderr)")
    }

    @Test func overTheDatabaseTheSameFiguresAndTheLogsCause() throws {
        let folder = try folder()
        #expect(try CLIRunner.run(["ingest", "--plan", "p.yaml", "events.jsonl"], in: folder.path).status == 0)
        let list = try CLIRunner.run(["anomalies", "list", "--plan", "p.yaml", "--db", "p.deck.sqlite", "--format", "json"], in: folder.path)
        let logged = try #require((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["anomalies"] as? [[String: Any]])
        let douyin = try #require(logged.first { $0["scope"] as? String == "douyin" }?["id"] as? Int)
        let resolved = try CLIRunner.run(["anomalies", "resolve", "--plan", "p.yaml", "--db", "p.deck.sqlite", "\(douyin)",
                                          "--cause", "素材疲劳", "--action", "换素材", "--author", "qa"], in: folder.path)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let arguments = ["report", "--plan", "p.yaml", "--week", "2026-W10", "--format", "json"]
        let fromDB = try CLIRunner.run(arguments + ["--db", "p.deck.sqlite"], in: folder.path)
        let fromFile = try CLIRunner.run(arguments + ["events.jsonl"], in: folder.path)
        #expect(fromDB.status == 0, "\(fromDB.stderr)")
        func figures(_ rows: [[String: Any]]) -> [String] {
            rows.map { "\($0["scope_kind"]!) \($0["scope"]!) \($0["metric"]!) \($0["value"]!) \($0["previous"]!)" }
        }
        #expect(figures(try Self.rows(fromDB.stdout)) == figures(try Self.rows(fromFile.stdout)))
        let row = try #require(try Self.rows(fromDB.stdout).first { $0["scope"] as? String == "douyin" && $0["metric"] as? String == "ctr" })
        let anomaly = try #require((row["anomalies"] as? [[String: Any]])?.first)
        #expect(anomaly["id"] as? Int == douyin && anomaly["status"] as? String == "resolved")
        #expect(anomaly["cause"] as? String == "素材疲劳" && anomaly["action"] as? String == "换素材")
        #expect(anomaly["opened_at"] as? String == "2026-03-04T10:01:00+08:00")
    }
}
