import Foundation
import Testing

/// The plan `init` writes (and the demo runs) uses tags, tiers and lifecycle
/// (issue 16: "init ships a plan using tags, tiers and lifecycle"). The
/// counts `segment demo --summary` gives for them are checked against a
/// second implementation here, which reads the demo base's transactions as
/// written out and applies the plan's rules in whole cents.
@Suite struct DemoPlanLayersTests {
    /// One customer's purchases as the rules see them on the as-of date.
    struct Spend {
        var orders = 0
        var total = 0, last90 = 0, last180 = 0, last365 = 0
    }

    static let asOf = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                     year: 2026, month: 3, day: 2).date!

    static func spending(_ csv: String) throws -> [String: Spend] {
        var spend: [String: Spend] = [:]
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd"
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let day = try #require(format.date(from: fields[1]))
            let age = Int((asOf.timeIntervalSince(day) / 86_400).rounded())
            // Amounts are written with two decimals; whole cents keep every comparison exact.
            let parts = fields[2].split(separator: ".")
            let cents = Int(parts[0])! * 100 + (parts.count > 1 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0)
            var customer = spend[fields[0], default: Spend()]
            customer.orders += 1
            customer.total += cents
            if age <= 90 { customer.last90 += cents }
            if age <= 180 { customer.last180 += cents }
            if age <= 365 { customer.last365 += cents }
            spend[fields[0]] = customer
        }
        return spend
    }

    @Test func theDemoTagsAndTiersCountWhatTheirRulesSay() throws {
        let folder = ScratchFolder()
        #expect(try CLIRunner.run(["segment", "demo", "--write-demo", "demo.csv"], in: folder.path).status == 0)
        let customers = try Self.spending(String(contentsOfFile: folder.path + "/demo.csv", encoding: .utf8))
        #expect(customers.count == 40_000)

        var tags = ["high_aov": 0, "price_sensitive": 0, "growing": 0]
        var tiers = ["bronze": 0, "silver": 0, "gold": 0, "platinum": 0]
        var withoutTier = 0
        for spend in customers.values {
            // high_aov: aov >= 1.5 × the benchmark's 180 = 270; price_sensitive: aov < 100 and 3+ orders.
            if spend.total >= 27_000 * spend.orders { tags["high_aov"]! += 1 }
            if spend.total < 10_000 * spend.orders, spend.orders >= 3 { tags["price_sensitive"]! += 1 }
            // growing: last90 / (last180 − last90) − 1 >= 0.5, none when the earlier 90 days spent nothing.
            let earlier = spend.last180 - spend.last90
            if earlier > 0, 2 * spend.last90 >= 3 * earlier { tags["growing"]! += 1 }
            // The highest tier whose threshold the year's spend reaches.
            switch spend.last365 {
            case 500_000...: tiers["platinum"]! += 1
            case 300_000...: tiers["gold"]! += 1
            case 150_000...: tiers["silver"]! += 1
            case 50_000...: tiers["bronze"]! += 1
            default: withoutTier += 1
            }
        }

        let run = try CLIRunner.run(["segment", "demo", "--summary", "--format", "json"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["tags"] as? [String: Int] == tags)
        #expect(json["tiers"] as? [String: Int] == tiers)
        #expect(json["without_tier"] as? Int == withoutTier)
        // Every stage appears: the demo base has no browsing, so nobody is silent.
        let lifecycle = try #require(json["lifecycle"] as? [String: Int])
        #expect(lifecycle.values.reduce(0, +) == 40_000 && lifecycle["silent"] == 0)
    }

    /// The vip persona reads the `high_aov` tag; the tag says what the rule
    /// spelled out before, so the segment holds the same customers.
    @Test func theVipRuleReadsATagAndKeepsItsCustomers() throws {
        let folder = ScratchFolder()
        #expect(try CLIRunner.run(["init", "p.yaml"], in: folder.path).status == 0)
        let written = try String(contentsOfFile: folder.path + "/p.yaml", encoding: .utf8)
        for line in ["lifecycle: { new_days: 30, silent_days: 90, churned_days: 180 }",
                     "  - { name: high_aov,        rule: aov >= 1.5 * benchmark.aov }",
                     "  - { name: platinum, rule: monetary_365d >= 5000 }",
                     "    rule: orders_180d >= 3 and \"high_aov\" in tags and repurchase_rate >= 0.6"] {
            #expect(written.contains(line + "\n") || written.contains(line + "   "), "\(line)")
        }
        let spelled = written.replacingOccurrences(of: "\"high_aov\" in tags", with: "aov >= 1.5 * benchmark.aov")
        try spelled.write(toFile: folder.path + "/spelled.yaml", atomically: true, encoding: .utf8)
        let withTag = try CLIRunner.run(["segment", "demo", "--plan", "p.yaml", "--format", "csv"], in: folder.path)
        let withRule = try CLIRunner.run(["segment", "demo", "--plan", "spelled.yaml", "--format", "csv"], in: folder.path)
        #expect(withTag.status == 0 && withRule.status == 0)
        #expect(withTag.stdout == withRule.stdout && withTag.stdout.contains(",vip,"))
    }
}
