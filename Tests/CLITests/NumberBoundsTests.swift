import Foundation
import Testing

/// Numbers and bounds through the real binary: money that neither
/// wraps nor loses digits below a millionth, the ±1e15 amount range, the cap
/// on distinct scope values and the time-jump rule. Expected sums are worked
/// out by hand in the comments.
@Suite struct NumberBoundsTests {
    static func kpi(_ lines: [String], _ extra: [String] = []) throws -> CLIRunner.Run {
        let folder = ScratchFolder()
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.path + "/e.jsonl", atomically: true, encoding: .utf8)
        return try CLIRunner.run(["kpi", "--by", "total", "--format", "json"] + extra + ["e.jsonl"], in: folder.path)
    }

    /// The exact text of a JSON member of the output, e.g. `"spend": 12.5` → `12.5`.
    static func member(_ name: String, in json: String) -> String? {
        guard let range = json.range(of: "\"\(name)\": ") else { return nil }
        return String(json[range.upperBound...].prefix { $0 != "," && $0 != "}" && $0 != "\n" })
    }

    static func spend(_ amount: String, at minute: Int = 0, channel: String = "a") -> String {
        #"{"ts":\#(1_772_416_800_000 + minute * 60_000),"type":"spend","channel":"\#(channel)","amount":\#(amount)}"#
    }

    @Test func tenTrillionOfSpendDoesNotWrap() throws {
        // 10 × 1e12 = 1e13; in Int64 millionths this wrapped to −8446744073709.551616.
        let run = try Self.kpi((0..<10).map { Self.spend("1000000000000", at: $0) })
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.member("spend", in: run.stdout) == "10000000000000")
    }

    @Test func amountsBelowAMillionthAddUp() throws {
        // 100 000 × 0.0000004 = 0.04 exactly (rounded per event to millionths it was 0).
        let run = try Self.kpi((0..<100_000).map { Self.spend("0.0000004", at: $0 / 1000) })
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.member("spend", in: run.stdout) == "0.04")
        #expect(Self.member("rejected", in: run.stdout) == "0")
    }

    @Test func floatNoiseBeyondNineDecimalsIsRoundedAway() throws {
        // 12.300000000000001 is 12.3 to the billionth; 0.0000000015 rounds half-even to 0.000000002.
        let run = try Self.kpi([Self.spend("12.300000000000001"), Self.spend("0.0000000015", at: 1)])
        #expect(Self.member("spend", in: run.stdout) == "12.300000002")
    }

    @Test func amountsUpToOneQuadrillionAreAcceptedAndBeyondRejectedWithTheReason() throws {
        let run = try Self.kpi([Self.spend("1e15"), Self.spend("1000000000000000.000000001", at: 1),
                                Self.spend("999999999999999.999999999", at: 2)])
        #expect(Self.member("spend", in: run.stdout) == "1999999999999999.999999999")
        #expect(Self.member("rejected", in: run.stdout) == "1")
        #expect(run.stderr.contains("e.jsonl:2: 'amount' out of range (at most 1e15)"), "\(run.stderr)")
    }

    @Test func distinctChannelsBeyondTheCapAreRejectedAndCounted() throws {
        // 7 channels with a cap of 5: the 6th and 7th names are refused, every
        // later line of a known channel is still taken.
        let lines = (0..<7).map { Self.spend("1", at: $0, channel: "c\($0)") } + [Self.spend("2", at: 8, channel: "c0")]
        let run = try Self.kpi(lines, ["--max-scopes", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.member("spend", in: run.stdout) == "7")  // 1 × 5 + 2
        #expect(Self.member("rejected", in: run.stdout) == "2")
        #expect(run.stderr.contains("e.jsonl:6: too many distinct channels (at most 5; --max-scopes)"), "\(run.stderr)")
    }

    @Test func theDefaultCapIsTenThousandDistinctChannels() throws {
        let lines = (0..<10_002).map { Self.spend("1", at: $0 / 100, channel: "ch\($0)") }
        let run = try Self.kpi(lines)
        #expect(Self.member("spend", in: run.stdout) == "10000")
        #expect(Self.member("rejected", in: run.stdout) == "2")
    }

    @Test func anEventMoreThanSevenDaysAfterTheLatestIsATimeJump() throws {
        let day = 1440
        let lines = [Self.spend("1"), Self.spend("10", at: 7 * day + 1), Self.spend("2", at: 7 * day),
                     Self.spend("4", at: 14 * day)]
        // Minute 0, then 7 days + 1 minute later (refused), then exactly 7 days
        // later (taken, the latest is now day 7), then 7 more days (taken).
        let run = try Self.kpi(lines)
        #expect(Self.member("spend", in: run.stdout) == "7")
        #expect(Self.member("rejected", in: run.stdout) == "1")
        #expect(run.stderr.contains("e.jsonl:2: time jump: 7 days 1 minute after the latest event (at most 7d; --max-time-jump)"),
                "\(run.stderr)")
        let wider = try Self.kpi(lines, ["--max-time-jump", "8d"])
        #expect(Self.member("spend", in: wider.stdout) == "17")
        #expect(Self.member("rejected", in: wider.stdout) == "0")
    }

    // MARK: transactions CSV

    static func segment(_ rows: [String]) throws -> CLIRunner.Run {
        let folder = ScratchFolder()
        try (["customer_id,date,amount"] + rows).joined(separator: "\n").appending("\n")
            .write(toFile: folder.path + "/t.csv", atomically: true, encoding: .utf8)
        return try CLIRunner.run(["segment", "t.csv", "--format", "json"], in: folder.path)
    }

    static func monetary(_ run: CLIRunner.Run, customer: String) -> String? {
        guard let at = run.stdout.range(of: "\"customer_id\": \"\(customer)\"") else { return nil }
        return member("monetary", in: String(run.stdout[at.upperBound...]))
    }

    @Test func largeCustomerTotalsStayPositiveAndExact() throws {
        // 5e12 + 5e12 = 1e13 (wrapped negative in Int64 millionths); one row of
        // 9223372036854 crashed the average order value.
        let run = try Self.segment(["A,2026-03-01,5000000000000", "A,2026-03-02,5000000000000", "B,2026-03-01,9223372036854"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.monetary(run, customer: "A") == "10000000000000")
        #expect(Self.monetary(run, customer: "B") == "9223372036854")
        let b = try #require(run.stdout.range(of: "\"customer_id\": \"B\""))
        #expect(Self.member("aov", in: String(run.stdout[b.upperBound...])) == "9223372036854")
    }

    @Test func csvAmountsKeepNineDecimalsAndTheRangeIsOneQuadrillion() throws {
        let run = try Self.segment(["A,2026-03-01,0.0000004", "A,2026-03-02,0.0000004", "A,2026-03-03,0.0000000015",
                                    "B,2026-03-01,1000000000000000", "C,2026-03-01,1000000000000000.000000001"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.monetary(run, customer: "A") == "0.000000802")  // 0.0000008 + 0.000000002 (half-even)
        #expect(Self.monetary(run, customer: "B") == "1000000000000000")
        #expect(run.stderr.contains("t.csv:6: amount out of range '1000000000000000.000000001' (at most 1e15)"), "\(run.stderr)")
    }
}
