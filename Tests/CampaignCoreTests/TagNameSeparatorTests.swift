@testable import CampaignCore
import CampaignText
import Testing

/// Tag and tier names may not hold `;`: `segment --format csv` writes a
/// customer's tags as one field joined by `;`, so `a;b` would read back as
/// two tags. The plan refuses the name at its place; other punctuation a
/// CSV quotes by its own rules (`,`, `"` aside, which rules cannot write) stays allowed.
@Suite struct TagNameSeparatorTests {
    static func plan(tag: String, tier: String = "gold") -> String {
        """
        campaign: { id: c, name: C, start: 2026-03-02, budget: 1000 }
        tags:
          - { name: '\(tag)', rule: aov > 1 }
        tiers:
          - { name: '\(tier)', rule: monetary_365d >= 500 }
        segments:
          - { id: a, name: A, rule: aov > 1 }
        """
    }

    static func messages(_ yaml: String, _ language: Language) -> [String] {
        Language.$override.withValue(language) {
            PlanLoader.load(yaml: yaml).diagnostics.map { $0.formatted(file: "p.yaml") }
        }
    }

    @Test func aSemicolonInATagOrTierNameIsRefusedAtItsPlace() {
        // `  - { name: '` is 12 characters: the name's quote is column 13, on lines 3 and 5.
        #expect(Self.messages(Self.plan(tag: "a;b", tier: "x;"), .english) == [
            "p.yaml:3:13: tag name 'a;b' cannot contain ';': the CSV output joins a customer's tags with ';'",
            "p.yaml:5:13: tier name 'x;' cannot contain ';': the CSV output joins a customer's tags with ';'",
        ])
    }

    @Test func inChineseWrittenOutByHand() {
        #expect(Self.messages(Self.plan(tag: "价格;敏感"), .chinese) == [
            "p.yaml:3:13: 标签名称 '价格;敏感' 不能包含 ';'：`--format csv` 输出用 ';' 连接客户的多个标签",
        ])
    }

    @Test func otherPunctuationAndLettersOfAnyScriptStayAllowed() {
        for name in ["a,b", "价格敏感", "vip-2026", "a b", "50%"] {
            #expect(Self.messages(Self.plan(tag: name, tier: name + "!"), .english).isEmpty, "\(name)")
        }
    }

    /// One message per bad name, the first that applies: the separator is
    /// checked after control characters and quotes, before stray spaces.
    @Test func oneMessagePerName() {
        #expect(Self.messages(Self.plan(tag: " a;b"), .english) == [
            "p.yaml:3:13: tag name ' a;b' cannot contain ';': the CSV output joins a customer's tags with ';'",
        ])
    }
}
