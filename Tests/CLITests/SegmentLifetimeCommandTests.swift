import Foundation
import Testing

/// `segment --calibration-end` on Fader, Hardie & Lee's CDNOW sample: the
/// published parameters, and every customer's p_alive recomputed here from
/// the paper's closed form (equation 13 of the BG/NBD note) and the raw lines.
@Suite struct SegmentLifetimeCommandTests {
    /// The CDNOW sample as a transactions CSV. The line number keeps each
    /// line a purchase: without it, 21 lines repeat another exactly and the
    /// product would count them once (as it must for a real export).
    static func cdnowCSV() throws -> String {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../CampaignCoreTests/Fixtures/cdnow/CDNOW_sample.txt")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        var csv = "customer_id,date,amount,line\n"
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: " ")
            csv += "\(fields[1]),\(fields[2]),\(fields[4]),\(number + 1)\n"
        }
        return csv
    }

    @Test func thePublishedParametersAndEveryCustomersPAlive() throws {
        let folder = ScratchFolder()
        let csv = try Self.cdnowCSV()
        try csv.write(toFile: folder.path + "/cdnow.csv", atomically: true, encoding: .utf8)
        let summary = try CLIRunner.run(["segment", "cdnow.csv", "--calibration-end", "1997-09-30", "--summary", "--format", "json"],
                                        in: folder.path)
        #expect(summary.status == 0, "\(summary.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let model = try #require(json["clv_model"] as? [String: Any])
        #expect(model["unit"] as? String == "day" && model["calibration_end"] as? String == "1997-09-30")
        let bgnbd = try #require(model["bgnbd"] as? [String: Any])
        let spend = try #require(model["gamma_gamma"] as? [String: Any])
        func value(_ object: [String: Any], _ key: String) -> Double { object[key] as? Double ?? .nan }
        // Published (per week): r 0.243, alpha 4.414, a 0.793, b 2.426; p 6.25, q 3.74, v 15.44.
        #expect(abs(value(bgnbd, "r") - 0.243) < 0.0005)
        #expect(abs(value(bgnbd, "alpha") / 7 - 4.414) < 0.005)
        #expect(abs(value(bgnbd, "a") - 0.793) < 0.0005)
        #expect(abs(value(bgnbd, "b") - 2.426) < 0.005)
        #expect(abs(value(spend, "p") - 6.25) < 0.005)
        #expect(abs(value(spend, "q") - 3.74) < 0.005)
        #expect(abs(value(spend, "v") - 15.44) < 0.05)

        let listing = try CLIRunner.run(["segment", "cdnow.csv", "--calibration-end", "1997-09-30", "--format", "json"],
                                        in: folder.path)
        let customers = try #require((try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])?["customers"]
            as? [[String: Any]])
        #expect(customers.count == 2357)
        let (r, alpha, a, b) = (value(bgnbd, "r"), value(bgnbd, "alpha"), value(bgnbd, "a"), value(bgnbd, "b"))
        let days = Self.purchaseDays(csv, through: "19970930")
        var checked = 0
        for customer in customers {
            let id = try #require(customer["customer_id"] as? String)
            let own = try #require(days[id]).sorted()
            let x = Double(own.count - 1), tx = Double(own.last! - own.first!), T = Double(Self.ordinal("19970930") - own.first!)
            let expected = x == 0 ? 1 : 1 / (1 + a / (b + x - 1) * pow((alpha + T) / (alpha + tx), r + x))
            let printed = try #require(customer["p_alive"] as? Double)
            #expect(abs(printed - expected) < 2e-6, "customer \(id)")
            checked += 1
        }
        #expect(checked == 2357)
    }

    @Test func aFitWithNoRepeatBuyerSaysSoAndLeavesNoData() throws {
        let folder = ScratchFolder()
        try "customer_id,date,amount\nA,2026-01-01,5\nB,2026-01-02,7\n".write(toFile: folder.path + "/t.csv", atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["segment", "t.csv", "--clv", "--summary", "--format", "json"], in: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let model = try #require(json["clv_model"] as? [String: Any])
        // --clv alone learns from everything: up to the last day of the data.
        #expect(model["calibration_end"] as? String == "2026-01-02")
        let bgnbd = try #require(model["bgnbd"] as? [String: Any])
        #expect(bgnbd["converged"] as? Bool == false && bgnbd["r"] is NSNull)
        let table = try CLIRunner.run(["segment", "t.csv", "--clv", "--summary"], in: folder.path)
        #expect(table.stdout.contains("BG/NBD did not converge (2 customers): p_alive, expected_purchases_90d and clv_90d are no data"))
        let csv = try CLIRunner.run(["segment", "t.csv", "--clv", "--format", "csv"], in: folder.path)
        #expect(csv.stdout.split(separator: "\n")[1].hasSuffix(",,,"), "p_alive, expected_purchases_90d, clv_90d empty")
    }

    /// Distinct purchase days per customer up to `end` (inclusive), as day ordinals.
    static func purchaseDays(_ csv: String, through end: String) -> [String: Set<Int>] {
        var days: [String: Set<Int>] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard String(fields[1]) <= end else { continue }
            days[String(fields[0]), default: []].insert(ordinal(String(fields[1])))
        }
        return days
    }

    /// Days since 1970-01-01 of a YYYYMMDD date, by the calendar (UTC).
    static func ordinal(_ yyyymmdd: String) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let digits = Array(yyyymmdd)
        let parts = DateComponents(year: Int(String(digits[0..<4])), month: Int(String(digits[4..<6])), day: Int(String(digits[6..<8])))
        return Int(calendar.date(from: parts)!.timeIntervalSince1970 / 86_400)
    }
}

/// `segment --customers --merge-on`: what was refused and merged goes to
/// standard error with its line; the attributes join the listing.
@Suite struct SegmentCustomersCommandTests {
    @Test func theFilesProblemsAndMergesAreReportedAndItsColumnsListed() throws {
        let folder = ScratchFolder()
        try "customer_id,date,amount\nA,2026-06-20,10\nB,2026-01-01,50\nE,2026-06-25,5\n"
            .write(toFile: folder.path + "/t.csv", atomically: true, encoding: .utf8)
        try "customer_id,phone,gender,age\nB,138,M,30\nE,138,,\nA,139,女,150\n"
            .write(toFile: folder.path + "/people.csv", atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["segment", "t.csv", "--customers", "people.csv", "--merge-on", "phone", "--as-of", "2026-07-01",
                                     "--format", "csv"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderrLines == ["people.csv:4: column 'age': 150 is out of range (0 to 120)",
                                    "people.csv: E merged into B (same phone '138')",
                                    "people.csv: rows read 3, customers kept 2, problems 1, ids merged 1"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines[0].hasSuffix(",lifecycle,value_level,tags,tier,tenure_days,phone,gender,age"))
        // A: one purchase 11 days ago (new), refused age. B with E: three purchases, 男 (from M), 30.
        // Neither has a demo tag or tier: aov 10 and 27.5, under 3 orders, under 500 in the year.
        #expect(lines.count == 3 && lines[1].hasPrefix("A,11,1,10,") && lines[1].hasSuffix(",new,low,,,11,139,女,"))
        #expect(lines[2].hasPrefix("B,6,2,55,") && lines[2].hasSuffix(",,,181,138,男,30"), "B's first purchase, Jan 1, is 181 days back")
    }

    @Test func mergeOnWithoutACustomersFileIsAUsageError() throws {
        let run = try CLIRunner.run(["segment", "demo", "--merge-on", "phone"])
        #expect(run.status == 2)
        #expect(run.stderrLines.first == "campaign-deck: --merge-on needs --customers: it merges the customers file's rows (--merge-on)")
    }
}
