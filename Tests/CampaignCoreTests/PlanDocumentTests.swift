@testable import CampaignCore
import Testing

@Suite struct PlanDocumentTests {
    let demo = PlanDocument(text: DemoCampaign.planText())

    /// Pairs of (old line, new line) that differ, for same-length texts.
    func changedLines(_ a: String, _ b: String) -> [(String, String)] {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        return zip(x, y).filter { $0 != $1 }
    }

    @Test func anUnchangedDocumentKeepsItsExactText() {
        #expect(demo.text == DemoCampaign.planText())
    }

    @Test func replacingABlockValueChangesOneLine() throws {
        let edited = try demo.setting(demo.path(toTask: "creative", key: "owner"), to: .text("品牌组"))
        #expect(edited.plan?.task("creative")?.owner == "品牌组")
        let changes = changedLines(demo.text, edited.text)
        #expect(changes.count == 1)
        #expect(changes.first?.1 == "    owner: 品牌组")
        #expect(edited.diagnostics.isEmpty)
    }

    @Test func replacingAValueInsideAFlowMappingKeepsTheRestOfTheLine() throws {
        let edited = try demo.setting([.key("channels"), .index(0), .key("budget")], to: .literal("260000"))
        let changes = changedLines(demo.text, edited.text)
        #expect(changes.count == 1)
        #expect(changes.first?.1 == "  - { id: douyin,      name: 抖音信息流, kind: paid,      budget: 260000, budget_line: online }")
    }

    @Test func addingAMissingKeyInsertsOneLineAtTheMappingsIndent() throws {
        let edited = try demo.setting(demo.path(toTask: "data-review", key: "progress"), to: .literal("0.5"))
        let before = demo.text.components(separatedBy: "\n"), after = edited.text.components(separatedBy: "\n")
        #expect(after.count == before.count + 1)
        let index = try #require(before.firstIndex(of: "    name: 数据复盘"))
        // id, name, phase, owner, after, days: the new key follows 'days: 5'.
        #expect(after[index + 4] == "    days: 5")
        #expect(after[index + 5] == "    progress: 0.5")
        #expect(Array(after[..<(index + 5)]) == Array(before[..<(index + 5)]))
        #expect(Array(after[(index + 6)...]) == Array(before[(index + 5)...]))
        #expect(edited.plan?.task("data-review")?.progress == 0.5)
    }

    @Test func addingAKeyToAFlowMapping() throws {
        let text = "campaign: { id: a, start: 2026-01-01, budget: 10 }\n"
        let edited = try PlanDocument(text: text).setting([.key("campaign"), .key("name")], to: .text("Spring: big"))
        #expect(edited.text == "campaign: { id: a, start: 2026-01-01, budget: 10, name: \"Spring: big\" }\n")
        #expect(edited.plan?.campaign.name == "Spring: big")
    }

    @Test func textThatYAMLWouldMisreadIsQuoted() throws {
        let path = try demo.path(toTask: "kickoff", key: "owner")
        for (value, written) in [("true", "\"true\""), ("2026-01-01", "\"2026-01-01\""), ("a # b", "\"a # b\""),
                                 ("- x", "\"- x\""), ("12", "\"12\""), ("line\nbreak", "\"line\\nbreak\""),
                                 ("普通文本", "普通文本")] {
            let edited = try demo.setting(path, to: .text(value))
            #expect(edited.plan?.task("kickoff")?.owner == value)
            #expect(changedLines(demo.text, edited.text).first?.1 == "    owner: \(written)")
        }
    }

    @Test func quotedValuesAreReplacedWhole() throws {
        let text = "campaign:\n  id: a\n  name: 'it''s # not a comment' # real comment\n  start: 2026-01-01\n  budget: 5\n"
        let edited = try PlanDocument(text: text).setting([.key("campaign"), .key("name")], to: .text("new"))
        #expect(edited.text == "campaign:\n  id: a\n  name: new # real comment\n  start: 2026-01-01\n  budget: 5\n")
    }

    @Test func commentsAfterAPlainValueStay() throws {
        let edited = try demo.setting([.key("campaign"), .key("start")], to: .literal("2026-03-09"))
        #expect(changedLines(demo.text, edited.text).first?.1 == "  start: 2026-03-09          # week 1 starts here")
    }

    @Test func editsThatCannotBeMadeCleanlyAreRefused() {
        #expect(throws: PlanDocument.EditError.self) { try demo.path(toTask: "no-such-task", key: "owner") }
        #expect(throws: PlanDocument.EditError.self) { try demo.setting([.key("tasks"), .key("owner")], to: .text("x")) }
        // Writing over an alias would change every place that uses it.
        let aliased = PlanDocument(text: "campaign:\n  id: &n a\n  name: *n\n  start: 2026-01-01\n  budget: 1\n")
        #expect(throws: PlanDocument.EditError.self) { try aliased.setting([.key("campaign"), .key("name")], to: .text("x")) }
    }
}
