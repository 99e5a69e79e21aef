import Foundation
import Testing

/// Issue 11 #10 and #19: plans that validated used to crash other commands
/// (SIGILL on arithmetic overflow in the forward pass, `plan show`, `kpi`,
/// `alerts`, `report`); dates outside four-digit years came out as
/// `10000-01-01`. Each value is now refused where it is read: by validation
/// (FILE:LINE:COLUMN, exit 2) or by the option or row that carries it.
@Suite struct PlanBoundsCommandTests {
    static let plan = """
    campaign:
      id: t
      name: Test
      timezone: Asia/Shanghai
      start: 2026-03-02
      budget: 1000
    phases:
      - { id: p, name: P, weeks: 1-2 }
    tasks:
      - { id: kickoff, name: Kickoff, phase: p, days: 2 }
      - { id: b, name: B, phase: p, days: 3, after: [kickoff] }
    alerts:
      - { name: low-ctr, metric: ctr, below: 0.01, for: 10m }

    """

    /// The hostile value, the text it replaces, and the line the error must
    /// start with (columns counted in the plan text above).
    static let cases: [(replace: String, with: String, error: String)] = [
        ("days: 2 }", "days: 9223372036854775807 }",
         "p.yaml:10:51: 'days' in task 'kickoff' must be at most 3653 (10 years), got 9223372036854775807"),
        ("days: 2 }", "days: 99999999999 }",
         "p.yaml:10:51: 'days' in task 'kickoff' must be at most 3653 (10 years), got 99999999999"),
        ("after: [kickoff]", "after: [kickoff+9223372036854775807d]",
         "p.yaml:11:50: the lag of dependency 'kickoff+9223372036854775807d' of task 'b' must be at most 3653d (10 years)"),
        ("weeks: 1-2", "weeks: 9-9223372036854775807",
         "p.yaml:8:30: 'weeks' of phase 'p' must end by week 521 (a campaign spans at most 10 years), got '9-9223372036854775807'"),
        ("for: 10m", "for: 9999999999999999m",
         "p.yaml:13:53: 'for' of alert 'low-ctr' must be at most 3653d (10 years), got '9999999999999999m'"),
    ]

    /// Two hours of 1,000 impressions and one click a minute: CTR 0.001, below
    /// the rule's 0.01, so the `for` timer runs (it overflowed before).
    static let breachingEvents: String = (0..<120).map { minute in
        let ts = String(format: "2026-03-02T%02d:%02d:00+08:00", 10 + minute / 60, minute % 60)
        return #"{"ts":"\#(ts)","type":"impression","count":1000,"channel":"x"}"# + "\n"
            + #"{"ts":"\#(ts)","type":"click","count":1,"channel":"x"}"# + "\n"
    }.joined()

    @Test(arguments: 0..<cases.count)
    func everyCommandRefusesThePlanWithWhereAndWhy(index: Int) throws {
        let (replace, with, error) = Self.cases[index]
        let folder = ScratchFolder()
        try Self.plan.replacingOccurrences(of: replace, with: with).write(toFile: folder.path + "/p.yaml", atomically: true, encoding: .utf8)
        try Self.breachingEvents.write(toFile: folder.path + "/ev.jsonl", atomically: true, encoding: .utf8)
        for arguments in [["plan", "validate", "p.yaml"], ["plan", "schedule", "p.yaml"], ["plan", "show", "p.yaml"],
                          ["plan", "export", "p.yaml", "--to", "mermaid"], ["simulate", "--plan", "p.yaml", "--days", "1"],
                          ["kpi", "--plan", "p.yaml", "ev.jsonl"], ["alerts", "--plan", "p.yaml", "ev.jsonl"],
                          ["report", "--plan", "p.yaml", "ev.jsonl"],
                          // Before: SIGILL, or (days: 99999999999) a hang in GanttPane.drawBar.
                          ["dashboard", "p.yaml", "--snapshot", "100x30"]] {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 2, "\(arguments): \(run.stderr.prefix(300))")
            #expect(run.stderrLines.first == error, "\(arguments)")
        }
    }

    /// The unchanged plan runs, so the refusals above are about the values.
    @Test func theSamePlanWithSaneNumbersRuns() throws {
        let folder = ScratchFolder()
        try Self.plan.write(toFile: folder.path + "/p.yaml", atomically: true, encoding: .utf8)
        try Self.breachingEvents.write(toFile: folder.path + "/ev.jsonl", atomically: true, encoding: .utf8)
        for arguments in [["plan", "schedule", "p.yaml"], ["alerts", "--plan", "p.yaml", "ev.jsonl"],
                          ["dashboard", "p.yaml", "--snapshot", "100x30"]] {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
    }

    @Test func segmentAsOfOutsideFourDigitYearsIsRefused() throws {
        let folder = ScratchFolder()
        try "customer_id,date,amount\nC1,2026-03-01,5.00\n".write(toFile: folder.path + "/t.csv", atomically: true, encoding: .utf8)
        for day in ["0001-01-01", "1899-12-31"] {
            let run = try CLIRunner.run(["segment", "t.csv", "--as-of", day], in: folder.path)
            #expect(run.status == 2)
            // (contains: the `(<where>)` form of option errors is another item's)
            #expect(run.stderrLines.first?.hasPrefix("campaign-deck: --as-of must be a date from 1900-01-01 to 9999-12-31, got '\(day)'") == true,
                    "\(run.stderr)")
        }
    }

    /// A purchase on the last day of 9999 made the default as-of (the day
    /// after the latest purchase) `10000-01-01`; the row is now rejected.
    @Test func purchasesOnTheLastDayOf9999AreRejectedNotPrintedAsYear10000() throws {
        let folder = ScratchFolder()
        try "customer_id,date,amount\nC1,2026-03-01,5.00\nC2,9999-12-31,5.00\n"
            .write(toFile: folder.path + "/t.csv", atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["segment", "t.csv", "--format", "json"], in: folder.path)
        #expect(run.stdout.contains(#""as_of": "2026-03-02""#), "\(run.stdout.prefix(200))")
        #expect(run.stderr.contains("date '9999-12-31' out of range (1900-01-01 to 9999-12-30)"), "\(run.stderr)")
        #expect(!run.stdout.contains("10000"))
    }

    /// An event on the last day of 9999 printed `as_of` as year 10000 in the
    /// campaign zone; one before year 0000 as `00-1-12-31…`.
    @Test func eventsOutsideTheRangeAreRejectedAndAsOfStaysFourDigits() throws {
        let folder = ScratchFolder()
        let good = #"{"ts":"2026-03-02T10:00:00+08:00","type":"click","count":5,"channel":"x"}"#
        for far in ["9999-12-31T23:59:59Z", "0000-01-01T00:00:00+23:59"] {
            try (good + "\n" + #"{"ts":"\#(far)","type":"click","count":1,"channel":"x"}"# + "\n")
                .write(toFile: folder.path + "/ev.jsonl", atomically: true, encoding: .utf8)
            let run = try CLIRunner.run(["kpi", "ev.jsonl", "--format", "json"], in: folder.path)
            #expect(run.stdout.contains(#""as_of": "2026-03-02T10:00:00+08:00""#), "\(far): \(run.stdout.prefix(120))")
            #expect(run.stdout.contains(#""rejected": 1"#), "\(far)")
        }
    }

    /// `simulate --from 9999-12-30 --days 3` trapped formatting member ids
    /// (a day index that large grows the community past six digits) and
    /// would have written year-10000 times no reader accepts.
    @Test func simulateStaysInsideTheDatesEventsMayHave() throws {
        let run = try CLIRunner.run(["simulate", "--from", "9999-12-30", "--days", "3"])
        #expect(run.status == 2)
        #expect(run.stderrLines.first == "campaign-deck: the simulated days run past 9999-12-30, the last day an event may have (--from, --days)")
        let long = try CLIRunner.run(["simulate", "--days", "99999999999999"])
        #expect(long.status == 2)
        #expect(long.stderr.contains("--days must be at most 3653 (10 years)"), "\(long.stderr)")
    }

    @Test(arguments: [("", "the name is empty"), ("plans/", "the name ends in '/', a folder; add a file name"),
                      ("a\u{1}b", "the name contains a control character (\\u{01})"), (".yaml", "the name has no file name before its extension")])
    func initRefusesNamesThatMakeNoFileName(name: String, reason: String) throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/plans", withIntermediateDirectories: false)
        let run = try CLIRunner.run(["init", name], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines.first == "campaign-deck: cannot create plan: \(reason) (NAME '\(name.replacingOccurrences(of: "\u{1}", with: "\\u{01}"))')")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plans"], "nothing was written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/plans").isEmpty)
    }
}
