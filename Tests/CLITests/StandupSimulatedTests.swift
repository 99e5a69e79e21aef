import Foundation
import Testing

/// `standup` on a fixed simulated stream (demo plan, seed 7) stored with
/// `ingest`: the anomalies are exactly the simulator's scripted incidents, the
/// tasks due are the schedule's, and the KPI moves are the day totals the test
/// sums from the raw events.
///
/// Ingesting is the slow part, so each incident gets only the hours it needs,
/// in a database of its own: days missing between two incidents would be
/// judged as days without community activity.
@Suite struct StandupSimulatedTests {
    /// The scripted incidents (CampaignCore/Simulation/ScriptedIncidents.swift)
    /// as the demo alert rules name them.
    static let fatigue = "[warning] CTR below 1% — channel douyin"   // 2026-04-09 10:00–16:00
    static let slump = "[warning] Community DAU below 20%"           // all of 04-18 and 04-19
    static let spike = "[critical] CPA 30% over benchmark — channel search" // 04-22 07:00–23:00

    /// A project database holding one stream.
    struct Store {
        let folder = ScratchFolder()

        init(_ stream: SimulatedStream) throws {
            try stream.write(to: folder, as: "s.jsonl")
            let ingest = try CLIRunner.run(["ingest", "--db", "s.sqlite", "s.jsonl"], in: folder.path)
            try #require(ingest.status == 0, "\(ingest.stderr)")
        }

        func standup(_ date: String) throws -> String {
            let run = try CLIRunner.run(["standup", "--db", "s.sqlite", "--date", date], in: folder.path)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
    }

    @Test func creativeFatigue() throws {
        // The morning of 04-09 is enough: the rule fires within an hour or so of 10:00.
        let store = try Store(SimulatedStream(from: "2026-04-09", days: 1, until: "2026-04-09T14"))
        let agenda = try store.standup("2026-04-10")
        #expect(Self.anomalies(agenda).map(\.title) == [Self.fatigue])
        #expect(Self.anomalies(agenda).map(\.new) == [true], "opened yesterday")
        try checkTasksDue(agenda, on: "2026-04-10")
    }

    @Test func communitySlump() throws {
        // 04-18 is judged when the day closes: the first hour of 04-19 moves the clock past it.
        let store = try Store(SimulatedStream(from: "2026-04-18", days: 2, until: "2026-04-19T01"))
        let agenda = try store.standup("2026-04-19")
        #expect(Self.anomalies(agenda).map(\.title) == [Self.slump])
        #expect(Self.anomalies(agenda).map(\.new) == [true])
        try checkTasksDue(agenda, on: "2026-04-19")
        #expect(!Self.section(agenda, "Due today").isEmpty, "04-19 was picked because a task finishes then")
    }

    @Test func cpaSpikeAndTheKPIsThatMoved() throws {
        let store = try Store(SimulatedStream.spikeDays)
        let agenda = try store.standup("2026-04-23")
        #expect(Self.anomalies(agenda).map(\.title) == [Self.spike])
        #expect(Self.anomalies(agenda).map(\.new) == [true])
        try checkTasksDue(agenda, on: "2026-04-23")
        try checkMoves(agenda)
        // A stand-up before the spike knows nothing of it.
        #expect(Self.anomalies(try store.standup("2026-04-21")).isEmpty)
        // Without --date the stand-up is about the latest stored day (the
        // stream ends on 04-22), not the calendar's today, as the walkthrough is.
        let undated = try CLIRunner.run(["standup", "--db", "s.sqlite"], in: store.folder.path)
        #expect(undated.status == 0, "\(undated.stderr)")
        #expect(undated.stdout.hasPrefix("# Stand-up 2026-04-22 "))
        #expect(undated.stdout == (try store.standup("2026-04-22")))
    }

    /// The bullets of one `## TITLE…` section.
    static func section(_ markdown: String, _ title: String) -> [String] {
        let parts = markdown.components(separatedBy: "\n## ")
        guard let part = parts.first(where: { $0.hasPrefix(title) }) else { return [] }
        return part.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    /// "**#3** [critical] CPA … — open, owner: _unassigned_ · new" → ("[critical] CPA …", new).
    static func anomalies(_ markdown: String) -> [(title: String, new: Bool)] {
        section(markdown, "Anomalies since yesterday").map { bullet in
            let afterID = bullet.drop { $0 != " " }.dropFirst()
            let title = afterID.components(separatedBy: " — open, owner:")[0]
            return (title, bullet.hasSuffix(" · new"))
        }
    }

    /// "Due today" lists exactly the tasks whose scheduled finish is `date`, in plan order.
    func checkTasksDue(_ agenda: String, on date: String) throws {
        let tasks = try #require(try DemoPlan.schedule()["tasks"] as? [[String: Any]])
        let due = tasks.filter { $0["early_finish"] as? String == date }
        let bullets = Self.section(agenda, "Due today")
        #expect(bullets.count == due.count, "\(date)")
        for (bullet, task) in zip(bullets, due) {
            let owner = task["owner"] as? String ?? "no owner"
            #expect(bullet.hasPrefix("\(task["id"] ?? "") \(task["name"] ?? "") (\(owner)), progress "), "\(bullet)")
        }
    }

    /// A move as the test works it out: day totals of 04-22 against 04-21.
    struct Move {
        var scope: String, metric: String, before: Double, after: Double
        var change: Double { (after - before) / abs(before) }
    }

    /// The five largest relative moves of the counted rates (ctr, cvr, cpa,
    /// roi, participation_rate), in total and per channel, 04-22 against
    /// 04-21, from the test's own day totals.
    func checkMoves(_ agenda: String) throws {
        let stream = SimulatedStream.spikeDays
        let proportions = ["ctr": \SimulatedStream.Tally.impressions, "cvr": \.clicks, "participation_rate": \.reach]
        /// A channel's value, or the total's: a total proportion counts only the
        /// channels (and the events naming none) that have its denominator.
        func value(_ metric: String, _ day: String, _ scope: String) -> Double? {
            guard scope == "total", let denominator = proportions[metric] else {
                return stream.sum { $0.day == day && (scope == "total" || $0.channel == scope) }.kpi(metric)
            }
            let parts = (stream.channels.map(Optional.some) + [nil]).map { channel in
                stream.sum { $0.day == day && $0.channel == channel }
            }
            return parts.filter { $0[keyPath: denominator] > 0 }.reduce(SimulatedStream.Tally(), +).kpi(metric)
        }
        var moves: [Move] = []
        for scope in ["total"] + stream.channels {
            for metric in ["ctr", "cvr", "cpa", "roi", "participation_rate"] {
                guard let b = value(metric, "2026-04-21", scope), let a = value(metric, "2026-04-22", scope),
                      b != 0, a != b else { continue }
                moves.append(Move(scope: scope, metric: metric, before: b, after: a))
            }
        }
        let top = moves.sorted { (abs($0.change), $1.scope, $1.metric) > (abs($1.change), $0.scope, $0.metric) }.prefix(5)
        #expect(top.first.map { "\($0.scope) \($0.metric)" } == "search cpa", "the spike is the biggest move")

        // "search cpa: 32.64 CNY → 72.08 CNY (+120.9%)": rates as percentages, others with two decimals.
        let bullets = Self.section(agenda, "KPIs that moved most")
        #expect(bullets.count == top.count)
        for (bullet, move) in zip(bullets, top) {
            let head = "\(move.scope) \(move.metric): "
            #expect(bullet.hasPrefix(head), "\(bullet) should be \(move.scope) \(move.metric)")
            let numbers = bullet.dropFirst(head.count).split { " →()%".contains($0) }.compactMap { Double($0) }
            try #require(numbers.count == 3, "\(bullet)")
            let percent = ["ctr", "cvr", "participation_rate"].contains(move.metric)
            let scale = percent ? 100.0 : 1
            // Printed to two decimals (of a percentage for rates), the change to one.
            #expect(abs(numbers[0] - move.before * scale) <= 0.005 + 1e-9, "\(bullet)")
            #expect(abs(numbers[1] - move.after * scale) <= 0.005 + 1e-9, "\(bullet)")
            #expect(abs(numbers[2] - move.change * 100) <= 0.05 + 1e-9, "\(bullet)")
        }
    }
}
