@testable import CampaignCore
import CampaignText
import Testing

/// The new rule errors in Chinese: the English tests' bad input
/// (`RuleTextSyntaxTests.cases`, `RuleTextTypeTests.cases`) read under
/// `.chinese` at the same columns, translated, with no English interface word
/// (the rule's own words and quoted text aside); and some written out by hand.
struct RuleTextChineseTests {
    private static func parseError(_ text: String) -> RuleError? {
        do {
            _ = try RuleExpression.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: RuleTextSyntaxTests.cases)
    func syntaxErrorReadsInChinese(_ english: RuleTextSyntaxTests.Case) throws {
        let chinese = try #require(Language.$override.withValue(.chinese) { Self.parseError(english.text) })
        #expect(chinese.column == english.column)
        #expect(chinese.message != english.message)
        let words = PlanMessagesInChineseTests.interfaceWords(in: chinese.message, planText: english.text)
        #expect(words.isEmpty, "\(chinese.message): \(words)")
    }

    @Test(arguments: RuleTextTypeTests.cases)
    func typeErrorReadsInChinese(_ english: RuleTextTypeTests.Case) throws {
        let chinese = try Language.$override.withValue(.chinese) {
            try RuleTextTypeTests.problems(english.text, expecting: english.expecting)
        }
        #expect(chinese.map(\.column) == english.errors.map(\.column))
        for (inChinese, inEnglish) in zip(chinese, english.errors) {
            #expect(inChinese.message != inEnglish.message)
            let words = PlanMessagesInChineseTests.interfaceWords(in: inChinese.message, planText: english.text)
            #expect(words.isEmpty, "\(inChinese.message): \(words)")
        }
    }

    @Test func aSetWithoutMembersReadsInChinese() throws {
        let problems = try Language.$override.withValue(.chinese) {
            try RuleExpression.parse(#""vip" in tags"#).check(fields: ["tags": .set(members: [])], expecting: .boolean)
        }
        #expect(problems == [RuleError(column: 1, message: "'tags' 中没有成员 'vip'（该集合没有任何成员）")])
    }

    @Test func someMessagesAsAChineseTeamReadsThem() throws {
        func chinese(_ text: String, expecting: RuleType = .boolean) throws -> [String] {
            try Language.$override.withValue(.chinese) {
                if let error = Self.parseError(text) { return [error.description] }
                return try RuleTextTypeTests.problems(text, expecting: expecting).map(\.description)
            }
        }
        #expect(try chinese(#"gender == "女"#) == [#"第 11 列：从这里开始的文本缺少结尾的 '"'"#])
        #expect(try chinese("gender == “女”") == [#"第 11 列：无法识别的字符 '“'（文本请用半角双引号，例如 "女"）"#])
        #expect(try chinese("x in []") == ["第 6 列：列表至少要有一项，例如 [1, 2]"])
        #expect(try chinese("x in [1, 2") == ["第 11 列：缺少 ']'，无法闭合第 6 列的 '['"])
        #expect(try chinese("gender == 1") == ["第 11 列：'==' 两侧都需要文本，实际为数字"])
        #expect(try chinese(#"gender < "女""#) == [
            "第 1 列：'<' 两侧都需要数字，实际为文本；文本只能用 '=='、'!=' 和 'in' 比较",
            "第 10 列：'<' 两侧都需要数字，实际为文本；文本只能用 '=='、'!=' 和 'in' 比较",
        ])
        #expect(try chinese("gender in [1, 2]") == ["第 11 列：'in' 此处需要文本列表（左侧是文本），实际为数字列表"])
        #expect(try chinese(#""vipp" in tags"#) == ["第 1 列：'tags' 中没有成员 'vipp'；是否想写 'vip'？"])
        #expect(try chinese("tags") == [#"第 1 列：'tags' 是名称集合；请逐项判断，例如 '"名称" in tags'"#])
        #expect(try chinese("age == [1]") == ["第 8 列：列表只能写在 'in' 之后，例如 'city_tier in [1, 2]'"])
        #expect(try chinese(#""1.3""#, expecting: .number) == ["第 1 列：阈值应为数字，这里是文本"])
        #expect(try chinese("gender") == ["第 1 列：客群规则应为条件（true/false），这里是文本"])
    }
}
