import Foundation
import Testing

@Suite struct PlanCommandTests {
    @Test func initWritesADemoPlanThatValidatesAndRefusesToOverwrite() throws {
        let folder = ScratchFolder()
        let created = try CLIRunner.run(["init", "spring-2027"], in: folder.path)
        #expect(created.status == 0, "\(created.stderr)")
        let path = folder.path + "/spring-2027.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("  id: spring-2027\n"))

        let valid = try CLIRunner.run(["plan", "validate", "spring-2027.yaml"], in: folder.path)
        #expect(valid.status == 0)
        #expect(valid.stdout == "spring-2027.yaml: ok: 6 channels, 3 segments, 4 phases, 19 tasks, 4 alert rules, 3 tags, 4 tiers\n")
        #expect(valid.stderr.isEmpty)

        let again = try CLIRunner.run(["init", "spring-2027"], in: folder.path)
        #expect(again.status == 2)
        #expect(again.stderrLines.first == "campaign-deck: cannot create plan: it already exists (spring-2027.yaml)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "the existing plan is untouched")
    }

    @Test func theRFMStarterValidatesToo() throws {
        let folder = ScratchFolder()
        #expect(try CLIRunner.run(["init", "rfm.yaml", "--segments", "rfm"], in: folder.path).status == 0)
        let valid = try CLIRunner.run(["plan", "validate", "rfm.yaml"], in: folder.path)
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("10 segments"))
    }

    static let corpus = CLIRunner.sourceRoot.appendingPathComponent("Tests/CampaignCoreTests/Fixtures/broken-plans")

    static var brokenPlans: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test(arguments: brokenPlans)
    func validateExitsTwoWithEveryExpectedLine(file: String) throws {
        let run = try CLIRunner.run(["plan", "validate", file], in: Self.corpus.path)
        #expect(run.status == 2)
        let expected = try String(contentsOf: Self.corpus.appendingPathComponent(file.replacingOccurrences(of: ".yaml", with: ".expected")),
                                  encoding: .utf8).split(separator: "\n").map { file + ":" + $0 }
        // The diagnostics, then one summary line and a hint.
        #expect(Array(run.stderrLines.prefix(expected.count)) == expected)
        #expect(run.stderrLines.dropFirst(expected.count).first?.hasPrefix("campaign-deck: the plan has ") == true)
        #expect(run.stdout.isEmpty)
    }

    @Test func scheduleJSONHasTheSpecShapeAndTheHandWorkedCriticalPath() throws {
        let run = try CLIRunner.run(["plan", "schedule", "demo", "--format", "json", "--today", "2026-04-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["project_start"] as? String == "2026-03-02")
        // creative runs 35 days from 2026-03-23 → 04-26; data-review 04-27…05-01 (5 days);
        // final-report 05-02…05-04 (3 days); the close milestone falls on 05-05.
        #expect(json["project_end"] as? String == "2026-05-05")
        #expect(json["campaign_days"] as? Int == 65, "03-02 to 05-05: 30 + 30 + 5 days")
        #expect(json["critical_tasks"] as? [String] == ["launch-event", "warmup", "creative", "community-ops",
                                                        "data-review", "final-report", "close"])
        // Two chains, never one list: creative is pinned to 03-23 (asset-review
        // would allow 03-15), so nothing before it drives it; community-ops
        // starts the day after warmup ends, warmup the day launch-event falls on.
        #expect(json["critical_paths"] as? [[String]] == [
            ["launch-event", "warmup", "community-ops", "data-review", "final-report", "close"],
            ["creative", "data-review", "final-report", "close"],
        ])
        #expect(json["critical_path_count"] as? Int == 2)
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(tasks.count == 19)
        for key in ["id", "early_start", "early_finish", "late_start", "late_finish", "float_days", "critical"] {
            #expect(tasks.allSatisfy { $0[key] != nil }, "every task has \(key)")
        }
        // asset-review finishes 03-14 and could slip a day before launch-event (pinned 03-16) moves.
        let review = try #require(tasks.first { $0["id"] as? String == "asset-review" })
        #expect(review["early_finish"] as? String == "2026-03-14")
        #expect(review["late_finish"] as? String == "2026-03-15")
        #expect(review["float_days"] as? Int == 1)
        #expect(review["critical"] as? Bool == false)
        // kol-seeding: 28 days from 03-23 finishes 04-19, 7 days before data-review needs it.
        let kol = try #require(tasks.first { $0["id"] as? String == "kol-seeding" })
        #expect(kol["float_days"] as? Int == 7)
        #expect(kol["late"] as? Bool == false)
    }

    @Test func scheduleTextShowsParallelCriticalChainsOnSeparateLines() throws {
        let run = try CLIRunner.run(["plan", "schedule", "demo", "--today", "2026-04-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("春季会员焕新季: 2026-03-02 → 2026-05-05 (65 days), today 2026-04-01\n"))
        #expect(run.stdout.contains("""
            critical paths: 2 in parallel
              launch-event → warmup → community-ops → data-review → final-report → close
              creative → data-review → final-report → close

            """))
        #expect(!run.stdout.contains("warmup → creative"))
    }

    @Test func scheduleMarksLateTasks() throws {
        // On 2026-04-20 kol-seeding (finish 04-19, 50 % done) is late; creative (finish 04-26) is not.
        let run = try CLIRunner.run(["plan", "schedule", "demo", "--format", "csv", "--today", "2026-04-20"])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.joined(separator: ",") == "id,name,phase,owner,early_start,early_finish,late_start,late_finish,float_days,critical,milestone,progress,late")
        let late = rows.dropFirst().filter { $0.last == "true" }.map { String($0[0]) }
        // Unfinished and finishing before 04-20: sms-reactivation (04-12), creative-refresh (04-17), kol-seeding (04-19), mid-review (04-13).
        #expect(Set(late) == ["sms-reactivation", "mid-review", "creative-refresh", "kol-seeding"])
    }

    @Test func exportsRenderTheScheduledPlan() throws {
        let mermaid = try CLIRunner.run(["plan", "export", "demo", "--to", "mermaid"])
        #expect(mermaid.status == 0)
        let lines = mermaid.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == ["gantt", "    title 春季会员焕新季", "    dateFormat YYYY-MM-DD", "    axisFormat %m-%d"])
        #expect(lines.contains("    section 筹备期"))
        #expect(lines.contains("    项目启动会 :done, kickoff, 2026-03-02, 1d"))
        #expect(lines.contains("    活动上线 :done, crit, milestone, launch-event, 2026-03-16, 0d"))
        #expect(lines.contains("    线上推广素材投放 :active, crit, creative, 2026-03-23, 35d"))
        #expect(lines.filter { $0.contains(" :") }.count == 19)

        let ics = try CLIRunner.run(["plan", "export", "demo", "--to", "ics"])
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.stdout.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == 19)
        // creative: 03-23 … 04-26 inclusive, so the exclusive DTEND is 04-27.
        #expect(ics.stdout.contains("UID:creative@spring-2026.campaign-deck\r\nDTSTAMP:20260302T000000Z\r\nDTSTART;VALUE=DATE:20260323\r\nDTEND;VALUE=DATE:20260427\r\n"))
        #expect(!ics.stdout.split(separator: "\r\n").contains { $0.utf8.count > 75 }, "lines fold at 75 octets")

        let csv = try CLIRunner.run(["plan", "export", "demo", "--to", "csv"])
        #expect(csv.stdout.hasPrefix("id,name,phase,owner,start,finish,days,after,progress,budget,budget_line,risk,mitigation,milestone,critical,float_days\n"))
        #expect(csv.stdout.contains("\nkol-seeding,小红书达人种草,run,推广组,2026-03-23,2026-04-19,28,asset-review,0.5,180000,online,达人内容不达预期,\"分批合作, 按互动数据追加\",false,false,7\n"))
    }

    @Test func errorsAreOneLineWithExitCodes() throws {
        let missing = try CLIRunner.run(["plan", "validate", "/nonexistent/plan.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderrLines.first == "campaign-deck: cannot read plan: no such file (/nonexistent/plan.yaml)")

        let usage = try CLIRunner.run(["plan", "schedule", "demo", "--format", "xml"])
        #expect(usage.status == 2)
        #expect(usage.stderrLines.first?.hasPrefix("campaign-deck: ") == true)

        let badDate = try CLIRunner.run(["plan", "schedule", "demo", "--today", "April 1"])
        #expect(badDate.status == 2)
        #expect(badDate.stderrLines.first == "campaign-deck: --today must be a date like 2026-04-01, got 'April 1' (--today)")

        let showCSV = try CLIRunner.run(["plan", "show", "demo", "--format", "csv"])
        #expect(showCSV.status == 2)
    }

    @Test func helpAndVersion() throws {
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        for command in [["--help"], ["plan", "--help"], ["plan", "validate", "--help"], ["plan", "schedule", "--help"],
                        ["plan", "show", "--help"], ["plan", "export", "--help"], ["init", "--help"]] {
            let help = try CLIRunner.run(command)
            #expect(help.status == 0)
            #expect(help.stdout.contains("campaign-deck "), "\(command) shows an example")
        }
    }

    @Test func showPrintsEverySection() throws {
        let table = try CLIRunner.run(["plan", "show", "demo"])
        #expect(table.status == 0)
        for title in ["BUDGET LINES", "CHANNELS", "SEGMENTS", "PHASES", "TASKS", "ALERTS"] {
            #expect(table.stdout.contains("\n\(title)\n"))
        }
        let json = try CLIRunner.run(["plan", "show", "demo", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let campaign = try #require(object["campaign"] as? [String: Any])
        #expect(campaign["budget"] as? Int == 1_200_000)
        #expect((object["segments"] as? [[String: Any]])?.map { $0["budget_share"] as? Double } == [0.4, 0.35, 0.25])
    }
}
