@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// The plan checker in Chinese: the bad plans and rule expressions the English
/// tests use (the broken-plan corpus, `RuleSyntaxErrorTests.cases`, the type,
/// notify and time-zone cases) read under `.chinese` keep every position and
/// severity, and say nothing in English but plan data (quoted ids, keys and
/// values, zone names, words the plan itself is written in). And some
/// messages written out by hand, to read as a Chinese planner would.
@Suite struct PlanMessagesInChineseTests {
    /// Words typed the same in any language: the values a plan chooses from
    /// and the names a rule may read.
    static let typedWords: Set<String> = Set(
        Channel.Kind.allCases.map(\.rawValue) + AlertRule.Scope.allCases.map(\.rawValue)
            + AlertRule.Severity.allCases.map(\.rawValue) + AlertRule.Confidence.allCases.map(\.rawValue)
            + NotifyChannel.Kind.allCases.map(\.rawValue) + MetricWindow.names + Vocabulary.kpis
            + Vocabulary.goalMetrics + Vocabulary.customerFields
            + ["true", "false", "UTC", "IANA", "GMT", "ISO", "http", "https", "all", "ou_"])

    /// The English words of a message once plan data is set aside: text in
    /// quotes, zone names (`Area/Location`) and the plan's own words.
    static func interfaceWords(in message: String, planText: String = "") -> [String] {
        var text = message.replacingOccurrences(of: "'[^'\n]*'", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "[A-Za-z_]+/[A-Za-z_+0-9/-]+", with: " ", options: .regularExpression)
        // An offset as written (`UTC+8`, `UTC-5`) is a zone too.
        text = text.replacingOccurrences(of: "UTC[+-][0-9]+", with: " ", options: .regularExpression)
        let planWords = Set(EnglishWords.find(in: planText))
        return EnglishWords.find(in: text).filter { !typedWords.contains($0) && !planWords.contains($0) }
    }

    static func diagnostics(_ yaml: String, in language: Language) -> [Diagnostic] {
        Language.$override.withValue(language) { PlanLoader.load(yaml: yaml).diagnostics }
    }

    static func places(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" }
    }

    /// Each message of `yaml` in Chinese: at the English one's place, not the
    /// English text, and free of English interface words.
    static func expectChineseAtTheSamePlaces(_ yaml: String, _ label: String) {
        let english = diagnostics(yaml, in: .english)
        let chinese = diagnostics(yaml, in: .chinese)
        #expect(!english.isEmpty, "\(label) has no problem to read")
        #expect(places(chinese) == places(english), "\(label)")
        for (inEnglish, inChinese) in zip(english, chinese) {
            #expect(inChinese.message != inEnglish.message, "\(label): not translated: \(inEnglish.message)")
            #expect(interfaceWords(in: inChinese.message, planText: yaml).isEmpty,
                    "\(label): English in '\(inChinese.message)': \(interfaceWords(in: inChinese.message, planText: yaml))")
        }
    }

    // MARK: The English tests' bad input, in Chinese

    @Test(arguments: BrokenPlanCorpusTests.fixtureNames)
    func everyBrokenPlanReadsInChineseAtTheHandCheckedPlaces(name: String) throws {
        let folder = BrokenPlanCorpusTests.folder
        let yaml = try String(contentsOf: folder.appendingPathComponent(name + ".yaml"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // LINE:COLUMN and severity as the English `.expected` file has them.
        let places = expected.map { line in
            let parts = line.split(separator: ":", maxSplits: 2).map(String.init)
            return "\(parts[0]):\(parts[1]) " + (parts[2].hasPrefix(" warning: ") ? "warning" : "error")
        }
        let chinese = Self.diagnostics(yaml, in: .chinese)
        #expect(Self.places(chinese) == places)
        for diagnostic in chinese {
            // libyaml describes a syntax error in its own English; only our part is ours.
            let ours = diagnostic.message.hasPrefix("不是有效的 YAML：") ? "不是有效的 YAML：" : diagnostic.message
            let words = Self.interfaceWords(in: ours, planText: yaml)
            #expect(words.isEmpty, "\(name): English \(words) in '\(diagnostic.message)'")
            #expect(!expected.contains { $0.hasSuffix(" " + diagnostic.message) }, "\(name): not translated: \(diagnostic.message)")
        }
    }

    @Test(arguments: RuleSyntaxErrorTests.cases)
    func everyRuleSyntaxErrorReadsInChineseAtItsColumn(_ english: RuleSyntaxErrorTests.Case) throws {
        func parseError(_ text: String) -> RuleError? {
            do {
                _ = try RuleExpression.parse(text)
                return nil
            } catch {
                return error
            }
        }
        let chinese = try #require(Language.$override.withValue(.chinese) { parseError(english.text) })
        #expect(chinese.column == english.column)
        #expect(chinese.message != english.message)
        #expect(Self.interfaceWords(in: chinese.message, planText: english.text).isEmpty, "\(chinese.message)")
    }

    /// The expressions of `RuleTypeCheckTests`, with what each expects.
    static let typeProblems: [(String, RuleType, String?)] = [
        ("recncy_days > 90", .boolean, nil), ("orders_180d >= 3 and aov >= 1.5 * benchmark.aoc", .boolean, nil),
        ("1.3 * benchmark.CPA", .number, nil), ("zzz > 1", .boolean, nil), ("x > 1 and x < 5", .boolean, nil),
        ("销量 > 1 and recncy_days > 2", .boolean, nil), ("1 and 2", .boolean, nil), ("aov > 1 and 5", .boolean, nil),
        ("aov or aov > 1", .boolean, nil), ("not aov", .boolean, nil), ("(aov > 1) + 2", .number, nil),
        ("(1 < 2) < 3", .boolean, nil), ("aov == true", .boolean, nil), ("2 * false", .number, nil),
        ("aov * 2", .boolean, nil), ("  aov * 2", .boolean, nil), ("aov > 1", .number, nil),
        ("recncy_days > 1 and 3 or not aov", .boolean, nil), ("-(aov > 1)", .boolean, nil),
    ]

    @Test func everyRuleTypeProblemReadsInChineseAtItsColumn() throws {
        for (text, expecting, subject) in Self.typeProblems {
            func problems(_ language: Language) throws -> [RuleError] {
                try Language.$override.withValue(language) {
                    try RuleExpression.parse(text).check(knownNames: RuleTypeCheckTests.known, expecting: expecting, subject: subject)
                }
            }
            let english = try problems(.english), chinese = try problems(.chinese)
            #expect(!english.isEmpty, "\(text)")
            #expect(chinese.map(\.column) == english.map(\.column), "\(text)")
            for error in chinese {
                #expect(Self.interfaceWords(in: error.message, planText: text).isEmpty, "\(text): \(error.message)")
            }
        }
    }

    @Test func everyZoneVerdictReadsInChinese() {
        let names = ["CST", "IST", "GMT", "EST", "PRC", "JST", "GMT+8", "UTC+08:00", "+0800", "UTC-05", "GMT+5:30",
                     "Asia/Shanghia", "Mars/Olympus", "Etc/GMT-8", "Etc/GMT+5", "EST5EDT", "Cuba"]
        for name in names {
            let english = Language.$override.withValue(.english) { TimeZoneName.judge(name) }
            let chinese = Language.$override.withValue(.chinese) { TimeZoneName.judge(name) }
            switch (english, chinese) {
            case (.rejected(let inEnglish), .rejected(let inChinese)), (.acceptedWithWarning(let inEnglish), .acceptedWithWarning(let inChinese)):
                #expect(inChinese != inEnglish, "\(name)")
                #expect(Self.interfaceWords(in: inChinese).isEmpty, "\(name): \(inChinese)")
            default:
                Issue.record("\(name): \(english) in English, \(chinese) in Chinese")
            }
        }
    }

    @Test func notifyProblemsReadInChineseAtTheirPlaces() {
        // PlanNotifyTests' and PlanNotifyMentionTests' channels, less the
        // malformed `${…}` (EnvironmentText words that one, outside the plan reader).
        Self.expectChineseAtTheSamePlaces(PlanNotifyTests.plan(notify: """
              - id: ops
                kind: wecom
                url: ${WECOM_WEBHOOK}
                secret: abc
              - id: ops
                kind: webhok
                url: x
              - id: hooks
                kind: webhook
                url: htp://127.0.0.1/a
                severity: [critcal]
                mention: ["13800001111"]
              - id: lead
                kind: dingtalk
                url: https://oapi.dingtalk.com/robot/send?access_token=T
                mention: ["13800001111", "zhangsan"]
              - id: design
                kind: feishu
                url: https://open.feishu.cn/open-apis/bot/v2/hook/X
                mention: ["ou_1></at><at id=all"]
              - id: bad id
              - url: http://
            notify_policy:
              repeat_interval: 0
              quiet_hours: 25:00-08:00
              group_wait: soon
              max_age: 4000d
              send_resolved: perhaps
            """, alertNotify: "[ops, lede]"), "notify")
    }

    /// Element checks the corpus reaches only in part: each kind's unnamed
    /// form, personas, goals, alerts, phases, budgets and ids.
    @Test func elementProblemsReadInChineseAtTheirPlaces() {
        Self.expectChineseAtTheSamePlaces("""
            campaign:
              id: spring
              name: Spring
              start: 2026-03-02
              budget: 1000
              benchmarks: [1, 2]
            budget_lines:
              - id: media
                amount: 900
              - id: events
                amount: 300
              - name: no id
            channels:
              - id: douyin
                budget: 800
                budget_line: media
              - id: sms
                budget: 400
                budget_line: medai
            segments:
              - id: unassigned
                rule: r_score >= 6
                budget_share: 1.5
                persona: { traits: x, channels: [douyin, wechat], pain_points: "p" }
                goals:
                  - metric: ctr
                    target: 0.02
                    baseline: 0.01
                  - metric: cvr
                  - metric: conversion
                    target: 3
              - id: 'bad id'
                rule: 'r_score >= 1'
              - id: later
                rule: r_score >= 1
            phases:
              - id: prep
                weeks: 0-2
              - id: run
                weeks: 900
            tasks:
              - id: a
                days: 2
                start: 2026-02-20
                after: [b+x]
                phase: prp
                budget_line: nope
              - id: b
                end: 2026-03-10
              - id: m
                milestone: true
              - id: c
                start: 2026-03-10
                after: [a+4000d]
                days: 1
                progress: -1
              - days: 3
            alerts:
              - name: Low
                metric: ctrr
                below: 0.01
                above: 0.05
                for: 5y
              - name: Low
                metric: ctr
                window: 2h
                for: 20000d
              - metric: cvr
                below: benchmark.cvr * 0.5 +
                recover: 1 >
            """, "elements")
    }

    // MARK: Written out by hand

    @Test func brokenPlansInChineseWordForWord() throws {
        func lines(_ name: String) throws -> [String] {
            let url = BrokenPlanCorpusTests.folder.appendingPathComponent(name + ".yaml")
            let yaml = try String(contentsOf: url, encoding: .utf8)
            return Self.diagnostics(yaml, in: .chinese).map { $0.formatted(file: "plan.yaml") }
        }
        #expect(try lines("02-unknown-task-key") == ["plan.yaml:10:5: 任务 'a' 中有未知的键 'ownr'（是否想写 'owner'？）"])
        #expect(try lines("05-dependency-cycle") == [
            "plan.yaml:7:50: 依赖循环：design → approve → build → design（每个任务都在等下一个）",
            "plan.yaml:10:46: 依赖循环：ship → ship（每个任务都在等下一个）",
        ])
        #expect(try lines("07-budget-shares-above-one") == ["plan.yaml:9:67: 客群预算占比合计 1.15，超过 1：vip 0.5 + lapsed 0.4 + fresh 0.25"])
        #expect(try lines("09-rule-syntax-errors") == ["plan.yaml:9:30: 'and' 之后应有表达式", "plan.yaml:12:29: 无法识别的字符 '@'"])
        let wrongTypes = try lines("13-wrong-types")
        #expect(wrongTypes.contains("plan.yaml:7:29: 任务 'a' 中的 'days' 应为整数，实际为 'five'"))
        #expect(wrongTypes.contains("plan.yaml:7:45: 任务 'a' 的 'progress' 应在 0 到 1 之间（0.4 表示 40 %），实际为 1.5"))
        #expect(wrongTypes.contains("plan.yaml:8:43: 任务 'b' 中的 'milestone' 应为 true 或 false，实际为 'maybe'"))
        #expect(try lines("15-bad-zone-and-currency") == [
            "plan.yaml:4:13: 'currency' 应为三个字母的 ISO 4217 货币代码，例如 CNY 或 USD，实际为 'yuan'",
            "plan.yaml:5:13: 未知时区 'Asia/Shanghia'（是否想写 'Asia/Shanghai'？）",
        ])
        #expect(try lines("17-durations") == [
            "plan.yaml:7:11: 任务 'a' 缺少时长：'days: N' 或 'end: 日期'",
            "plan.yaml:8:37: 任务 'b' 同时给出了 'days' 和 'end'；请只保留一个",
            "plan.yaml:9:46: 任务 'm' 是里程碑，没有时长；请删除 'days'",
        ])
        // A noun phrase ending in Chinese runs on into the sentence, with no space.
        #expect(try lines("20-many-problems")[1] == "plan.yaml:12:35: 客群 'vip' 的客户画像中有未知的渠道 'wechat'")
        #expect(try lines("10-rule-names-and-types")[1] == "plan.yaml:8:33: 客群 'big' 的规则应为条件（true/false），这里是数字")
        #expect(try lines("24-zone-abbreviation") == [
            "plan.yaml:4:13: 时区缩写 'CST' 有歧义，是否想写 Asia/Shanghai？（若指美国中部时间，请写 America/Chicago；方案只接受 IANA 时区名）",
        ])
    }

    @Test func spacesAreDroppedOnlyBetweenChineseWordsOutsideQuotes() {
        #expect(ChineseSpacing.tidy("方案 中的 'tasks' 应为列表") == "方案中的 'tasks' 应为列表")
        #expect(ChineseSpacing.tidy("任务 '素材 二审' 的 '进度 表' 有误") == "任务 '素材 二审' 的 '进度 表' 有误")
        #expect(ChineseSpacing.tidy("第 3 行 ，实际为 列表") == "第 3 行，实际为列表")
        #expect(ChineseSpacing.tidy("unknown key 'a b' in task 'x y'") == "unknown key 'a b' in task 'x y'")
    }

    @Test func aWarningSaysSoInChinese() {
        let yaml = """
            campaign: { id: s, name: S, start: 2026-03-02, budget: 10 }
            tasks:
              - { id: early, start: 2026-02-27, days: 1 }
            """
        // `early` is at line 3; its start value at column 25 (after "  - { id: early, start: ").
        // The prefix is written when the line is (in the language of that moment).
        let lines = Language.$override.withValue(.chinese) { Self.diagnostics(yaml, in: .chinese).map { $0.formatted(file: "p.yaml") } }
        #expect(lines == ["p.yaml:3:25: 警告：任务 'early' 于 2026-02-27 开始，早于活动开始日期（2026-03-02）"])
    }

    @Test func theValidationSummaryAndScheduleErrorsInChinese() throws {
        let plan = try #require(PlanLoader.load(yaml: PlanNotifyTests.plan(notify: PlanNotifyTests.goodChannels)).plan)
        Language.$override.withValue(.chinese) {
            #expect(ValidationReport.summary(plan, file: "plan.yaml", warnings: 2)
                    == "plan.yaml：通过（2 条警告）：0 个渠道、0 个客群、0 个阶段、0 个任务、1 条预警规则")
            #expect(ScheduleError.dependencyCycle(["a", "b"]).description == "依赖循环：a -> b -> a")
            #expect(ScheduleError.nonPositiveDuration(taskID: "kickoff", days: 0).description
                    == "任务 'kickoff' 持续 0 天；任务至少需要 1 天（或设为 milestone: true）")
            #expect(RuleError(column: 4, message: "此处不应出现 ')'").description == "第 4 列：此处不应出现 ')'")
        }
        // And the English stays as it was.
        Language.$override.withValue(.english) {
            #expect(ValidationReport.summary(plan, file: "plan.yaml", warnings: 1)
                    == "plan.yaml: ok (1 warning): 0 channels, 0 segments, 0 phases, 0 tasks, 1 alert rule")
        }
    }
}
