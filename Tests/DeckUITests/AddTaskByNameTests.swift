import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

/// `a` takes a name alone (a Chinese one included) and makes the id; `D`
/// names the copy in the interface's language.
@Suite struct AddTaskByNameTests {
    typealias K = KeyTyping

    /// `a` on kickoff (selected first in the Gantt), `text` typed, Enter.
    func add(_ text: String, to state: DeckState = K.editableDemo()) -> DeckState {
        var state = state
        K.press(.character("2"), .character("a"), in: &state)
        K.type(text, in: &state)
        K.press(.enter, in: &state)
        return state
    }

    @Test func aChineseNameGetsAMadeIDAndTheBarSaysWhich() throws {
        let state = add("素材二审")
        // The demo has no task-N ids: the first is task-1.
        #expect(state.editor?.document.text == (try K.demoText(after: .addTask(id: "task-1", name: "素材二审", afterTask: "kickoff"))))
        #expect(state.message == "added task-1 after kickoff · id task-1 given to '素材二审'")
        #expect(K.selectedTask(state) == "task-1")
        // The next one gets the next number, and `:move` finds it by name.
        var again = add("素材 三审", to: state)
        #expect(again.plan.task("task-2")?.name == "素材 三审")
        K.command("move 素材 三审 +1d", in: &again)
        #expect(again.message?.hasPrefix("task-2 1 day later") == true)
    }

    @Test func anIDThenANameStillWorksAndLatinWordsMakeTheID() throws {
        var state = add("qa-check 验收检查")
        #expect(state.editor?.document.text == (try K.demoText(after: .addTask(id: "qa-check", name: "验收检查", afterTask: "kickoff"))))
        state = add("「KOL」二次种草")
        #expect(state.plan.task("kol")?.name == "「KOL」二次种草")
        #expect(state.message?.hasSuffix("id kol given to '「KOL」二次种草'") == true)
    }

    @Test func theChineseBarAndPromptAreChinese() {
        Language.$override.withValue(.chinese) {
            var state = K.editableDemo()
            K.press(.character("2"), .character("a"), in: &state)
            #expect(K.prompt(state)?.title == "在 kickoff 之后新建任务：名称，或 ID 加名称")
            K.type("素材二审", in: &state)
            K.press(.enter, in: &state)
            #expect(state.message?.hasSuffix("已为“素材二审”分配 ID task-1") == true)
        }
    }

    @Test func aCopyIsNamedInTheInterfacesLanguage() {
        for (language, expected) in [(Language.english, "项目启动会 (copy)"), (.chinese, "项目启动会 (副本)")] {
            Language.$override.withValue(language) {
                var state = K.editableDemo()
                K.press(.character("2"), .character("D"), in: &state)
                #expect(state.plan.task("kickoff-copy")?.name == expected)
                #expect(K.selectedTask(state) == "kickoff-copy")
                // Two copies of one task never share a name, so `:goto` finds each.
                K.press(.character("k"), .character("D"), in: &state)
                let second = state.plan.task("kickoff-copy2")?.name
                #expect(second == (language == .english ? "项目启动会 (copy 2)" : "项目启动会 (副本 2)"))
            }
        }
    }
}
