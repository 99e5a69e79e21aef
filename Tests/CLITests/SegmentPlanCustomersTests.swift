import Foundation
import Testing

/// A plan that segments on more than purchases: its customers file (merged by
/// phone), behaviour, lifecycle, tags, tiers, strings and sets in rules. Every
/// figure below is worked out by hand from the four files.
@Suite struct SegmentPlanCustomersTests {
    static let plan = """
    campaign:
      id: c
      name: C
      start: 2026-06-01
      budget: 1000
      customers:
        file: people.csv
        merge_on: phone
        columns: { phone: text, gender: text, age: number, city_tier: number }
    lifecycle: { new_days: 30, silent_days: 90, churned_days: 180 }
    tags:
      - { name: big_spender, rule: "monetary >= 100" }
      - { name: browser, rule: "browses_90d >= 2" }
    tiers:
      - { name: silver, rule: "monetary_365d >= 50" }
      - { name: gold, rule: "monetary_365d >= 100" }
    segments:
      - { id: vip, name: VIP, rule: 'tier == "gold" and "big_spender" in tags' }
      - { id: quiet, name: Quiet, rule: 'lifecycle in ["silent", "dormant", "churned"]' }
      - { id: young, name: Young, rule: 'gender == "女" and city_tier in [1, 2] and age >= 25 and age <= 35' }

    """
    // As of 2026-07-01. A: Jun 20 (11 days). B: Jan 1 (181 days), May 1 (61). C: 2025-12-01 (212 days).
    // D: Feb 15 (136 days). E shares B's phone: E's Jun 25 (6 days) is B's.
    static let transactions = """
    customer_id,date,amount,category,channel
    A,2026-06-20,10,美妆,douyin
    B,2026-01-01,50,服饰,wechat
    C,2025-12-01,40,美妆,douyin
    E,2026-06-25,5,服饰,douyin
    B,2026-05-01,70,服饰,wechat
    D,2026-02-15,30,家居,search

    """
    static let people = "customer_id,phone,gender,age,city_tier\nB,138,M,30,1\nE,138,,,\nA,139,女,28,2\nD,140,女,40,1\n"
    // D browses Jun 1 and adds to cart Jun 2 (30 and 29 days before): silent. E's browse counts for B.
    static let behaviour = """
    {"ts":"2026-06-01T10:00:00+08:00","type":"browse","user":"D"}
    {"ts":"2026-06-02T10:00:00+08:00","type":"add_to_cart","user":"D"}
    {"ts":"2026-06-03T10:00:00+08:00","type":"browse","user":"E"}
    {"ts":"2026-06-04T10:00:00+08:00","type":"browse","user":"B"}

    """

    static func folder() throws -> ScratchFolder {
        let folder = ScratchFolder()
        for (name, text) in [("plan.yaml", plan), ("t.csv", transactions), ("people.csv", people), ("b.jsonl", behaviour)] {
            try text.write(toFile: folder.path + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let arguments = ["segment", "t.csv", "--plan", "plan.yaml", "--behaviour", "b.jsonl", "--as-of", "2026-07-01"]

    @Test func everyCustomerGetsTheHandWorkedFieldsTagsTierAndSegment() throws {
        let folder = try Self.folder()
        let run = try CLIRunner.run(Self.arguments + ["--format", "json"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["customers"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["customer_id"] as? String ?? "", $0) })
        #expect(rows.map { $0["customer_id"] as? String } == ["A", "B", "C", "D"])
        let b = try #require(byID["B"])
        // B with E: 50 + 5 + 70 = 125 (big_spender; monetary_365d 125 → gold), 服饰 on all three rows, wechat on two.
        #expect(b["monetary"] as? Double == 125 && b["tier"] as? String == "gold" && b["tags"] as? [String] == ["big_spender", "browser"])
        #expect(b["top_category"] as? String == "服饰" && b["top_channel"] as? String == "wechat")
        #expect(b["browses_90d"] as? Int == 2 && b["last_active_days"] as? Int == 6 && b["segment"] as? String == "vip")
        #expect(b["gender"] as? String == "男" && b["age"] as? Int == 30, "M is 男")
        let d = try #require(byID["D"])
        // D: no purchase for 136 days, two behaviours within 90: silent; last active 29 days ago (Jun 2).
        #expect(d["lifecycle"] as? String == "silent" && d["last_active_days"] as? Int == 29 && d["cart_adds_90d"] as? Int == 1)
        #expect(d["segment"] as? String == "quiet" && d["tier"] is NSNull && d["tags"] as? [String] == [])
        // A: 女, tier 2, 28: young; 10 spent, no tier. C: churned (212 days, no behaviour): quiet, silver (40 < 50: none).
        #expect(byID["A"]?["segment"] as? String == "young" && byID["A"]?["lifecycle"] as? String == "new")
        #expect(byID["C"]?["segment"] as? String == "quiet" && byID["C"]?["lifecycle"] as? String == "churned")
        #expect(byID["C"]?["tier"] is NSNull && byID["C"]?["gender"] is NSNull)
    }

    @Test func theSummaryCountsTagsTiersAndTheMatrix() throws {
        let folder = try Self.folder()
        let run = try CLIRunner.run(Self.arguments + ["--summary", "--format", "json"], in: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["tags"] as? [String: Int] == ["big_spender": 1, "browser": 1])
        #expect(json["tiers"] as? [String: Int] == ["silver": 0, "gold": 1] && json["without_tier"] as? Int == 3)
        #expect(json["lifecycle"] as? [String: Int] == ["new": 1, "active": 1, "silent": 1, "churned": 1, "dormant": 0])
        let file = try #require(json["customers_file"] as? [String: Any])
        #expect(file["customers"] as? Int == 3 && file["merged_ids"] as? Int == 1)
        #expect(run.stderrLines.contains("people.csv: E merged into B (same phone '138')"))
    }

    @Test func aRuleComparingTextWithANumberIsRefusedAtValidation() throws {
        let folder = try Self.folder()
        let bad = Self.plan.replacingOccurrences(of: #"gender == "女" and"#, with: "gender == 1 and")
        try bad.write(toFile: folder.path + "/plan.yaml", atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["plan", "validate", "plan.yaml"], in: folder.path)
        #expect(run.status == 2)
        // Line 20 is young's; its rule starts at column 38, so the 1 is at 48.
        #expect(run.stderrLines.first == "plan.yaml:20:48: '==' needs text on both sides, got a number", "\(run.stderr)")
    }
}
