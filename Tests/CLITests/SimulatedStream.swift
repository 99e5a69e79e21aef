import Foundation

/// A fixed simulated stream (`campaign-deck simulate --seed 7` on the demo
/// plan) and the test's own sums of it, for checking `report` and `standup`
/// against numbers worked out here rather than read back from the program.
///
/// Each line is parsed with Foundation's JSONSerialization, not the program's
/// parser, and money is summed in integer cents (the simulator writes cents).
struct SimulatedStream: Sendable {
    /// Everything one day, channel and segment add up to, by event type.
    struct Tally: Sendable {
        var impressions = 0, clicks = 0, conversions = 0, reach = 0, participants = 0
        var spendCents: Int64 = 0, revenueCents: Int64 = 0
        var convertingUsers = Set<String>()

        static func + (a: Tally, b: Tally) -> Tally {
            var sum = a
            sum.impressions += b.impressions
            sum.clicks += b.clicks
            sum.conversions += b.conversions
            sum.reach += b.reach
            sum.participants += b.participants
            sum.spendCents += b.spendCents
            sum.revenueCents += b.revenueCents
            sum.convertingUsers.formUnion(b.convertingUsers)
            return sum
        }

        var spend: Double { Double(spendCents) / 100 }
        var revenue: Double { Double(revenueCents) / 100 }

        /// The KPI formulas, with "no data" (nil) for a zero denominator.
        func kpi(_ metric: String) -> Double? {
            func ratio(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a / b }
            switch metric {
            case "ctr": return ratio(Double(clicks), Double(impressions))
            case "cvr": return ratio(Double(conversions), Double(clicks))
            case "cpa": return ratio(spend, Double(conversions))
            case "roi": return ratio(revenue - spend, spend)
            case "participation_rate": return ratio(Double(participants), Double(reach))
            case "conversions": return Double(conversions)
            default: return nil
            }
        }
    }

    struct Key: Hashable, Sendable {
        var day: String
        var channel: String?
        var segment: String?
    }

    static let seed = "7"
    /// The day before the search CPA spike and the spike day (2026-04-22):
    /// a stand-up on 04-23 compares the two.
    static let spikeDays = SimulatedStream(from: "2026-04-21", days: 2)

    /// The stream exactly as `simulate` wrote it (possibly cut, see `init`).
    let text: String
    private(set) var tallies: [Key: Tally] = [:]
    private(set) var lines = 0

    /// `simulate --seed 7 --from FROM --days DAYS`, keeping only the lines
    /// whose local time is before `until` (e.g. "2026-04-19T01"), so a test
    /// ingests no more than it needs.
    init(from: String, days: Int, until: String? = nil) {
        let run = try! CLIRunner.run(["simulate", "--seed", Self.seed, "--from", from, "--days", String(days)])
        precondition(run.status == 0, "simulate failed: \(run.stderr)")
        var kept: [Substring] = []
        for line in run.stdout.split(separator: "\n") {
            let event = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let ts = event["ts"] as! String
            // The demo runs in Asia/Shanghai: the local date is the campaign day.
            precondition(ts.hasSuffix("+08:00"), "unexpected offset in \(ts)")
            if let until, ts >= until { break }
            kept.append(line)
            let key = Key(day: String(ts.prefix(10)), channel: event["channel"] as? String,
                          segment: event["segment"] as? String)
            let count = (event["count"] as? NSNumber)?.intValue ?? 1
            let cents = ((event["amount"] as? NSNumber)?.doubleValue).map { Int64(($0 * 100).rounded()) } ?? 0
            var tally = tallies[key] ?? Tally()
            switch event["type"] as! String {
            case "impression": tally.impressions += count
            case "click": tally.clicks += count
            case "reach": tally.reach += count
            case "participation": tally.participants += count
            case "spend": tally.spendCents += cents
            case "conversion":
                tally.conversions += count
                tally.revenueCents += cents
                if let user = event["user"] as? String { tally.convertingUsers.insert(user) }
            default: break
            }
            tallies[key] = tally
        }
        lines = kept.count
        text = kept.joined(separator: "\n") + "\n"
    }

    /// The sum of every tally whose key passes `include`.
    func sum(_ include: (Key) -> Bool = { _ in true }) -> Tally {
        tallies.filter { include($0.key) }.values.reduce(Tally(), +)
    }

    var channels: [String] { Set(tallies.keys.compactMap(\.channel)).sorted() }
    var segments: [String] { Set(tallies.keys.compactMap(\.segment)).sorted() }

    func write(to folder: ScratchFolder, as name: String) throws {
        try text.write(toFile: folder.path + "/" + name, atomically: true, encoding: .utf8)
    }
}

/// Reading the demo plan's facts (budget lines, goals, benchmarks, schedule)
/// from the commands that echo the plan, so the tests need no copy of it.
enum DemoPlan {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLIRunner.run(arguments)
        precondition(run.status == 0, "\(arguments) failed: \(run.stderr)")
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    }

    static func show() throws -> [String: Any] { try json(["plan", "show", "demo", "--format", "json"]) }
    static func schedule() throws -> [String: Any] { try json(["plan", "schedule", "demo", "--format", "json"]) }
}
