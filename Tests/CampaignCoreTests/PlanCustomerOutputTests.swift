@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// What people read about the plan's customer sections: `plan show` as a
/// table (written out by hand) and as JSON, and every message of the
/// English tests' bad input in Chinese at the same place, with no English
/// interface word, plus a few messages written out in Chinese.
@Suite struct PlanCustomerOutputTests {
    static let small = """
        campaign:
          id: s
          name: S
          start: 2026-03-02
          budget: 100
          customers: { file: c.csv, columns: { age: number, gender: text }, values: { gender: { 男性: 男 } }, ranges: { age: [18, 60] } }
        tags:
          - { name: vip, rule: "monetary >= 1000" }
        tiers:
          - { name: 铜牌, rule: "monetary_365d >= 500" }
          - { name: 银牌, rule: "monetary_365d >= 2000" }
        """

    // MARK: plan show

    @Test func theTableListsCustomersLifecycleTagsAndTiers() throws {
        let (plan, _) = try PlanCustomerSectionsTests.plan(Self.small)
        let table = Language.$override.withValue(.english) { PlanSummary.table(plan) }
        #expect(table == """
            S (s)  CNY 100  UTC  starts 2026-03-02

            CUSTOMERS
            file c.csv, id column 'customer_id'
            COLUMN  TYPE    SPELLINGS  RANGE
            age     number  -          18–60
            gender  text    男性→男    -

            LIFECYCLE
            new: first purchase within 30 days; active: a purchase within 90 days; silent: none for 90 days but 2+ browses or cart adds; churned: no behaviour for 180 days; dormant: the rest

            TAGS
            NAME  RULE
            vip   monetary >= 1000

            TIERS (LOW → HIGH)
            NAME  RULE
            铜牌  monetary_365d >= 500
            银牌  monetary_365d >= 2000

            """)
    }

    @Test func aPlanWithoutThemShowsNoneOfTheSections() throws {
        let (plan, _) = try PlanCustomerSectionsTests.plan(PlanCustomerSectionsTests.withCampaign(""))
        #expect(Language.$override.withValue(.english) { PlanSummary.table(plan) } == "S (s)  CNY 100  UTC  starts 2026-03-02\n")
    }

    @Test func theLifecycleAloneIsShownWithTheDaysWritten() throws {
        let (plan, _) = try PlanCustomerSectionsTests.plan(PlanCustomerSectionsTests.withCampaign("lifecycle: { new_days: 14 }\n"))
        #expect(Language.$override.withValue(.english) { PlanSummary.table(plan) }.hasSuffix("""

            LIFECYCLE
            new: first purchase within 14 days; active: a purchase within 90 days; silent: none for 90 days but 2+ browses or cart adds; churned: no behaviour for 180 days; dormant: the rest

            """))
    }

    @Test func theTableInChinese() throws {
        let (plan, _) = try PlanCustomerSectionsTests.plan(Self.small.replacingOccurrences(of: "file: c.csv,", with: "file: c.csv, merge_on: gender,"))
        let table = Language.$override.withValue(.chinese) { PlanSummary.table(plan) }
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("客户数据"))
        #expect(lines.contains("文件 c.csv，客户 ID 列 'customer_id'，'gender' 相同的客户合并为一人"))
        #expect(lines.contains("列      类型    取值规范  范围"))
        #expect(lines.contains("生命周期"))
        #expect(lines.contains("新客：首购在 30 天内；活跃客：90 天内有购买；沉默客：90 天未购买但有 2 次以上浏览或加购；流失客：180 天无任何行为；休眠客：其余"))
        #expect(lines.contains("标签"))
        #expect(lines.contains("会员等级（从低到高）"))
        #expect(lines.contains("名称  规则"))
        let words = PlanMessagesInChineseTests.interfaceWords(in: table, planText: Self.small)
        #expect(words.isEmpty, "\(words)")
    }

    @Test func theJSONHasEverySection() throws {
        let (plan, _) = try PlanCustomerSectionsTests.plan(Self.small)
        let data = Data(PlanSummary.json(plan).serialized(pretty: true).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let campaign = try #require(json["campaign"] as? [String: Any])
        let customers = try #require(campaign["customers"] as? [String: Any])
        #expect(customers["file"] as? String == "c.csv")
        #expect(customers["id_column"] as? String == "customer_id")
        #expect(customers["merge_on"] is NSNull)
        #expect(customers["columns"] as? [String: String] == ["age": "number", "gender": "text"])
        #expect(customers["values"] as? [String: [String: String]] == ["gender": ["男性": "男"]])
        #expect(customers["ranges"] as? [String: [Double]] == ["age": [18, 60]])
        #expect(json["lifecycle"] as? [String: Int] == ["new_days": 30, "silent_days": 90, "churned_days": 180])
        #expect(json["tags"] as? [[String: String]] == [["name": "vip", "rule": "monetary >= 1000"]])
        #expect((json["tiers"] as? [[String: String]])?.map { $0["name"] } == ["铜牌", "银牌"])

        let (bare, _) = try PlanCustomerSectionsTests.plan(PlanCustomerSectionsTests.withCampaign(""))
        let bareJSON = try #require(try JSONSerialization.jsonObject(with: Data(PlanSummary.json(bare).serialized(pretty: true).utf8)) as? [String: Any])
        #expect((bareJSON["campaign"] as? [String: Any])?["customers"] is NSNull)
        #expect((bareJSON["tags"] as? [Any])?.isEmpty == true)
        #expect((bareJSON["tiers"] as? [Any])?.isEmpty == true)
    }

    // MARK: Messages in Chinese

    /// The inline bad plans of `PlanCustomerSectionsTests` (the `cust-*`
    /// corpus files are read in Chinese by `PlanMessagesInChineseTests`).
    static let badPlans: [String] = [
        PlanCustomerSectionsTests.withCampaign("lifecycle: { churned_days: 60 }\n"),
        PlanCustomerSectionsTests.withCampaign("lifecycle: { silent_days: 200, churned_days: 100 }\n"),
        PlanCustomerSectionsTests.withCampaign("lifecycle: { new_days: 3654 }\n"),
        PlanCustomerSectionsTests.withCampaign("lifecycle: { new_days: x }\n"),
        PlanCustomerSectionsTests.withCampaign("lifecycle: [30, 90]\n"),
        PlanCustomerSectionsTests.withCampaign("").replacingOccurrences(
            of: "budget: 100\n", with: "budget: 100\n  customers: { file: c.csv, columns: { age: text } }\n"),
        PlanCustomerSectionsTests.withCampaign("").replacingOccurrences(
            of: "budget: 100\n", with: "budget: 100\n  customers: { file: c.csv, columns: { 城市: text }, ranges: { 城市: [1, 2] } }\n"),
        PlanCustomerSectionsTests.withCampaign("segments:\n  - { id: a, rule: \"tags > 1 and tier > 1\" }\n"),
        PlanCustomerSectionsTests.withCampaign("tiers:\n  - { name: t, rule: \"tags > 0\" }\n"),
        PlanCustomerSectionsTests.withCampaign("""
            tiers:
              - { name: c, rule: "clv_90d >= 10" }
              - { name: e, rule: "clv_90d >= -1" }

            """),
        PlanCustomerSectionsTests.withCampaign("").replacingOccurrences(
            of: "budget: 100\n", with: "budget: 100\n  customers: \"\"\n"),
    ]

    @Test(arguments: badPlans.indices)
    func everyBadPlanReadsInChineseAtTheSamePlaces(index: Int) {
        PlanMessagesInChineseTests.expectChineseAtTheSamePlaces(Self.badPlans[index], "bad plan \(index)")
    }

    @Test func someMessagesWrittenOutInChinese() {
        func chinese(_ yaml: String) -> [String] {
            Language.$override.withValue(.chinese) { PlanLoader.load(yaml: yaml).diagnostics.map { $0.formatted(file: "p.yaml") } }
        }
        #expect(chinese(Self.badPlans[0]) == [
            "p.yaml:6:28: 'silent_days'（90，默认值）不能大于 'churned_days'（60）：生命周期各阶段要求 'new_days' ≤ 'silent_days' ≤ 'churned_days'",
        ])
        #expect(chinese(Self.badPlans[5]) == ["p.yaml:6:40: 列 'age' 会按数字检查（0 到 120）：请声明为 'number'"])
        #expect(chinese(Self.badPlans[8]) == ["p.yaml:7:23: 'tags' 没有取值：方案中没有声明 'tags'"])
        #expect(chinese(Self.badPlans[9]) == [
            "p.yaml:8:23: 警告：会员等级 'e' 的门槛不高于前面的 'c'（'clv_90d' >= -1，前者为 >= 10）：等级应从低到高排列，客户取规则命中的最高等级",
        ])
        #expect(chinese(PlanCustomerSectionsTests.withCampaign("tags:\n  - { name: a, rule: \"tags > 0\" }\n")) == [
            "p.yaml:7:23: 标签规则不能读取 'tags'：每个标签只按客户字段判定，不能依赖其他标签",
        ])
    }
}
