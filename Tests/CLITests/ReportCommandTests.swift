import Foundation
import Testing

/// `report` and `standup` through the real binary on a small hand-written
/// plan and stream (the same files and numbers as CampaignCoreTests/ReportResultsTests).
@Suite struct ReportCommandTests {
    /// The plan and stream CampaignCoreTests/Report*Tests work out by hand
    /// (the table of events is in CampaignCoreTests/ReportFixtures.swift).
    static let fixtures = CLIRunner.sourceRoot.appendingPathComponent("Tests/CampaignCoreTests/Fixtures/report")

    func folder() throws -> ScratchFolder {
        let folder = ScratchFolder()
        for (name, copy) in [("plan.yaml", "p.yaml"), ("events.jsonl", "events.jsonl")] {
            try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(name).path,
                                             toPath: folder.path + "/" + copy)
        }
        return folder
    }

    static func near(_ value: Any?, _ expected: Double) -> Bool {
        (value as? Double).map { abs($0 - expected) < 1e-12 } ?? false
    }

    @Test func reportJSONFromAStream() throws {
        let folder = try folder()
        let result = try CLIRunner.run(["report", "--plan", "p.yaml", "--format", "json", "events.jsonl"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let goals = try #require(json["goals"] as? [[String: Any]])
        // vip: 3 conversions / 50 clicks = 0.06 against 0.2 → 30 %; "VIP" folds onto vip.
        #expect(Self.near(goals[0]["achievement"], 0.3))
        // ctr 50 / 2000 = 0.025: a 25 % rise on 0.02 against a 50 % lift → 50 %.
        #expect(Self.near(goals[1]["achievement"], 0.5))
        #expect(goals[2]["actual"] is NSNull, "repurchase_rate is not measured by the stream")
        let overall = try #require(json["overall"] as? [String: Any])
        // spend 100.10 + 50.05 + 30 + 200 + 10 = 390.15; revenue 300 + 100.25 + 60 = 460.25.
        #expect((overall["spend"] as? NSNumber)?.decimalValue == Decimal(string: "390.15"))
        #expect(Self.near(overall["roi"], 70.10 / 390.15))
        #expect(Self.near(overall["cpa"], 97.5375))              // 390.15 / 4
        #expect(Self.near(overall["cpa_vs_benchmark"], 97.5375 / 40))
        #expect(overall["converting_users"] as? Int == 2)
        #expect(Self.near(overall["cac"], 195.075))              // 390.15 / 2 users
        let channels = try #require(json["channels"] as? [[String: Any]])
        #expect(channels.map { $0["key"] as? String } == ["douyin", "events", "search", "tiktok"])
        #expect(Self.near(channels[0]["cpa"], 50.05))            // 150.15 / 3
        #expect(Self.near(channels[0]["cac"], 150.15))           // one user, u1
        #expect(channels[1]["cpa"] is NSNull)
        let segments = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.map { $0["key"] as? String } == ["vip", "(none)"])
        #expect(segments[0]["roi"] is NSNull, "no spend line names vip: zero spend is no data")
        #expect((segments[0]["revenue"] as? NSNumber)?.decimalValue == Decimal(string: "400.25"))
        #expect(Self.near(segments[1]["roi"], (60 - 390.15) / 390.15)) // all the spend, search's 60 revenue
        let lines = try #require(json["budget_lines"] as? [[String: Any]])
        #expect(lines.map { $0["id"] as? String } == ["online", "offline", "(none)"])
        #expect((lines[0]["used"] as? NSNumber)?.decimalValue == Decimal(string: "180.15")) // douyin + search
        #expect(Self.near(lines[1]["used_share"], 0.4))          // events 200 of 500
    }

    @Test func reportFromTheDatabaseAndInMarkdown() throws {
        let folder = try folder()
        #expect(try CLIRunner.run(["ingest", "--plan", "p.yaml", "events.jsonl"], in: folder.path).status == 0)
        let csv = try CLIRunner.run(["report", "--plan", "p.yaml", "--db", "p.deck.sqlite", "--format", "csv"], in: folder.path)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("economics,total,cpa,97.5375,40,2.4384375\n"))
        // The history keeps who converted: CAC 390.15 / 2 users (u1, u2), as from the stream.
        #expect(csv.stdout.contains("economics,total,cac,195.075,,\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("economics,douyin,cac,150.15,,\n"), "douyin: one user, u1")
        let json = try CLIRunner.run(["report", "--plan", "p.yaml", "--db", "p.deck.sqlite", "--format", "json"], in: folder.path)
        let overall = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["overall"]
            as? [String: Any])
        #expect(overall["converting_users"] as? Int == 2)
        #expect(Self.near(overall["cac"], 195.075))
        #expect(csv.stdout.contains("budget_line,online,spend,180.15,1000,0.18015\n"))
        #expect(csv.stdout.contains("segment_economics,vip,revenue,400.25,,\n"), "the history keeps segments")
        #expect(csv.stdout.contains("segment_economics,(none),spend,390.15,,\n"))
        let markdown = try CLIRunner.run(["report", "--plan", "p.yaml", "--format", "markdown", "events.jsonl"], in: folder.path)
        #expect(markdown.stdout.contains("| vip | cvr | 0.2 | 0.0600 | 30% | 2026-03-12 |\n"))
        #expect(markdown.stdout.contains("| offline | Offline | 500.00 | 200.00 | 40% |\n"))
        let both = try CLIRunner.run(["report", "--plan", "p.yaml", "--db", "p.deck.sqlite", "events.jsonl"], in: folder.path)
        #expect(both.status == 2)
    }

    @Test func standupAgendaFromTheDatabase() throws {
        let folder = try folder()
        // The alert fires on douyin 03-04 (recovers 03-05, still open) and on search 03-05.
        #expect(try CLIRunner.run(["ingest", "--plan", "p.yaml", "events.jsonl"], in: folder.path).status == 0)
        #expect(try CLIRunner.run(["anomalies", "--plan", "p.yaml", "ack", "2", "--owner", "Bob"], in: folder.path).status == 0)
        let result = try CLIRunner.run(["standup", "--plan", "p.yaml", "--date", "2026-03-06"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = """
        # Stand-up 2026-03-06 · Test

        ## Anomalies since yesterday

        - **#2** [warning] CTR low — channel search — acknowledged, owner: Bob · new
        - **#1** [warning] CTR low — channel douyin — open, owner: _unassigned_

        ## KPIs that moved most (2026-03-05 vs 2026-03-04)

        - total cpa: 50.05 CNY → 145.03 CNY (+189.8%)
        - total roi: 2.00 → -0.45 (-122.4%)
        - douyin cvr: 10% → 3.33% (-66.7%)
        - douyin ctr: 2% → 3% (+50.0%)
        - douyin roi: 2.00 → 1.00 (-49.8%)

        ## Due today

        - b Launch (Bob), progress 0%
        - c Side (Cy), progress 100%

        ## Late

        - a Prepare (Ann), 2 days late, **critical path** — blocks: b

        ## Goals at risk

        - vip cvr: 30% achieved with 40% of the time to 2026-03-12 gone

        """
        // total cpa 100.10/2 → 290.05/2 (+189.8 %); roi (300 − 100.10)/100.10 = 2.00 → (160.25 − 290.05)/290.05 = −0.45;
        // a finished 03-04 at 50 %; 4 of the 10 days to 03-12 are gone and cvr is 30 % there.
        #expect(result.stdout == expected)
        let bad = try CLIRunner.run(["standup", "--plan", "p.yaml", "--date", "2026-13-01"], in: folder.path)
        #expect(bad.status == 2)
    }
}
