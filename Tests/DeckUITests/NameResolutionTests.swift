import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

/// Commands and the `A` prompt take a task's name as well as its id. Each
/// expected plan text is `PlanEditor`'s on the untouched plan, with the id
/// read off the plan by hand.
@Suite struct NameResolutionTests {
    typealias K = KeyTyping

    /// Names with spaces, a name that starts another, a name two tasks share.
    static let plan = """
    campaign: { id: names, name: 名字测试, timezone: Asia/Shanghai, start: 2026-03-02, budget: 10000 }
    channels:
      - { id: douyin, name: 抖音, kind: paid, budget: 5000 }
    segments:
      - { id: vip, name: 高价值 老客, rule: frequency >= 3, budget_share: 0.5 }
      - { id: fresh, name: 新客, rule: frequency == 1, budget_share: 0.5 }
    phases:
      - { id: prep, name: 筹备期, weeks: 1-2 }
    tasks:
      - { id: launch, name: Launch event, phase: prep, start: 2026-03-02, days: 2 }
      - { id: kick, name: Launch, phase: prep, start: 2026-03-02, days: 1 }
      - { id: r1, name: 素材审核, phase: prep, start: 2026-03-03, days: 1 }
      - { id: r2, name: 素材审核, phase: prep, start: 2026-03-04, days: 1 }
      - { id: quote, name: Say "hi", phase: prep, start: 2026-03-05, days: 1 }
      - { id: party, name: Launch event party, phase: prep, start: 2026-03-05, days: 1 }
    alerts:
      - { name: CTR below 1%, metric: ctr, per: channel, below: 0.01, window: 1h }
      - { name: CTR total below 1%, metric: ctr, per: total, below: 0.01, window: 1h }

    """

    static func text(after edit: PlanEdit, on plan: String = plan) throws -> String {
        try PlanEditor.apply(edit, to: PlanDocument(text: plan)).document.text
    }

    @Test func theFixturePlanLoads() {
        #expect(PlanLoader.load(yaml: Self.plan).plan != nil)
    }

    @Test(arguments: [
        ("launch", PlanNames.Match.found(id: "launch")),
        ("Launch event", .found(id: "launch")),
        ("  Launch   event ", .found(id: "launch")),
        ("launch EVENT", .found(id: "launch")),
        ("Launch", .found(id: "kick")),
        ("kick", .found(id: "kick")),
        ("素材审核", .ambiguous(ids: ["r1", "r2"])),
        ("r2", .found(id: "r2")),
        ("Say \"hi\"", .found(id: "quote")),
        ("素材", .unknown),
        ("", .unknown),
    ])
    func matchIdThenNameThenIgnoringCase(typed: String, expected: PlanNames.Match) {
        let plan = PlanLoader.load(yaml: Self.plan).plan!
        #expect(PlanNames(.task, in: plan).match(typed) == expected)
    }

    @Test func anIdWinsOverAnotherTasksName() {
        let names = PlanNames(.task, items: [.init(id: "a", name: "b"), .init(id: "b", name: "c")])
        #expect(names.match("b") == .found(id: "b"))
        #expect(names.match("c") == .found(id: "b"))
    }

    @Test func segmentsAndRulesByNameOrNumber() {
        let plan = PlanLoader.load(yaml: Self.plan).plan!
        #expect(PlanNames(.segment, in: plan).match("高价值 老客") == .found(id: "vip"))
        #expect(PlanNames(.rule, in: plan).match("2") == .found(id: "2"))
        #expect(PlanNames(.rule, in: plan).match("ctr below 1%") == .found(id: "1"))
        // Validation refuses two rules of one name; were there two, their numbers are asked for.
        let rules = PlanNames(.rule, items: [.init(id: "1", name: "CTR low"), .init(id: "2", name: "CTR low")])
        #expect(rules.match("CTR low") == .ambiguous(ids: ["1", "2"]))
        #expect(rules.ambiguity("CTR low", ids: ["1", "2"]).message == "2 alert rules are named 'CTR low': use a number instead (1, 2)")
    }

    @Test func commandsTakeNamesWithSpacesTheLongestThatFits() throws {
        for (command, edit) in [
            ("move Launch event +1d", PlanEdit.moveTask(id: "launch", days: 1)),
            ("move \"Launch event\" +2d", .moveTask(id: "launch", days: 2)),
            ("move launch EVENT -1w", .moveTask(id: "launch", days: -7)),
            ("move Launch +1d", .moveTask(id: "kick", days: 1)),
            ("owner Launch event Li Wei", .setOwner(taskID: "launch", owner: "Li Wei")),
            ("owner Launch Li Wei", .setOwner(taskID: "kick", owner: "Li Wei")),
            ("owner 'Say \"hi\"' 张　三", .setOwner(taskID: "quote", owner: "张　三")),
            ("progress Launch event 40%", .setProgress(taskID: "launch", progress: 0.4)),
            ("after r1 Launch event", .addDependency(taskID: "r1", waitsFor: "launch")),
            ("after r1 Launch event+2d", .addDependency(taskID: "r1", waitsFor: "launch+2d")),
            ("after r1 Launch event + 3d", .addDependency(taskID: "r1", waitsFor: "launch+3d")),
            ("after Launch event Launch", .addDependency(taskID: "launch", waitsFor: "kick")),
        ] {
            var state = K.editable(Self.plan)
            K.command(command, in: &state)
            #expect(state.editor?.document.text == (try Self.text(after: edit)), "\(command): \(state.message ?? "")")
        }
    }

    @Test(arguments: [
        ("move 素材审核 +1d", "2 tasks are named '素材审核': use an id instead (r1, r2)"),
        ("goto 素材审核", "2 tasks are named '素材审核': use an id instead (r1, r2)"),
        ("after r1 素材审核+1d", "2 tasks are named '素材审核': use an id instead (r1, r2)"),
        ("move 素材审 +1d", "no task '素材审' (did you mean '素材审核'?)"),
        ("move Lanch event +1d", "no task 'Lanch event' (did you mean 'Launch event'?)"),
        ("owner Lanch event Li Wei", "no task 'Lanch event' (did you mean 'Launch event'?)"),
        ("move xyzzy +1d", "no task 'xyzzy' (Tab completes ids and names)"),
        ("persona 高价值老客", "no segment '高价值老客' (did you mean '高价值 老客'?)"),
        ("move Launch event soon", "a shift looks like +3d, -2d or +1w; got 'soon'"),
    ])
    func ambiguousAndUnknownNamesSayWhatToTypeAndChangeNothing(command: String, message: String) {
        var state = K.editable(Self.plan)
        K.command(command, in: &state)
        #expect(state.message == message)
        #expect(!state.hasUnsavedEdits)
        #expect(state.overlay == .inputLine(InputLine(.command)))
    }

    @Test func theMessagesAreInChineseInTheChineseInterface() {
        Language.$override.withValue(.chinese) {
            var state = K.editable(Self.plan)
            K.command("move 素材审核 +1d", in: &state)
            #expect(state.message == "有 2 个任务都叫“素材审核”：请改用 ID（r1, r2）")
            K.command("move 素材审 +1d", in: &state)
            #expect(state.message == "没有任务“素材审”（是否要找“素材审核”？）")
        }
    }

    @Test func theDemosChineseNamesWork() throws {
        var state = K.editableDemo()
        K.command("move 项目启动会 +1d", in: &state)
        #expect(state.editor?.document.text == (try K.demoText(after: .moveTask(id: "kickoff", days: 1))))
        #expect(state.message?.hasPrefix("kickoff 1 day later") == true)

        state = K.editableDemo()
        K.command("goto 会员系统配置", in: &state)
        #expect(K.selectedTask(state) == "crm-setup")

        state = K.editableDemo()
        K.command("after 私域社群搭建 创意简报+2d", in: &state)
        #expect(state.editor?.document.text == (try K.demoText(after: .addDependency(taskID: "community-setup", waitsFor: "creative-brief+2d"))))

        state = K.editableDemo()
        K.command("persona 沉睡客户", in: &state)
        #expect(state.focus == .segments)
        #expect(state.overlay == .personaCard(segment: state.segmentRows.firstIndex { $0.id == "lapsed" }!))

        state = K.editableDemo()
        K.command("alert Community DAU below 20%", in: &state)
        #expect(state.overlay == .alertEditor(selected: 1))
        K.press(.escape, in: &state)
        K.command("alert 3", in: &state)
        #expect(state.overlay == .alertEditor(selected: 2))
    }

    @Test func theDependencyPromptTakesANameToo() throws {
        var state = K.editableDemo()
        K.command("goto community-setup", in: &state)
        K.press(.character("A"), in: &state)
        K.type("创意简", in: &state)
        K.press(.enter, in: &state)
        #expect(state.message == "no task '创意简' (did you mean '创意简报'?)")
        #expect(K.prompt(state)?.text == "创意简", "the prompt stays open with the text")
        K.type("报", in: &state)
        K.press(.enter, in: &state)
        #expect(state.editor?.document.text == (try K.demoText(after: .addDependency(taskID: "community-setup", waitsFor: "creative-brief"))))

        // Tab completes a task's name in the prompt too, cycling when several fit.
        K.press(.character("A"), in: &state)
        K.type("素材", in: &state)
        K.press(.tab, in: &state)
        #expect(K.prompt(state)?.text == "素材制作")
        #expect(K.screen(state).contains("Tab cycles: [素材制作]  素材审核  素材迭代"))
        K.press(.tab, in: &state)
        #expect(K.prompt(state)?.text == "素材审核")
        K.press(.escape, in: &state)

        // R removes it by name.
        K.press(.character("R"), .control("u"), in: &state)
        K.type("创意简报", in: &state)
        K.press(.enter, in: &state)
        let added = try K.demoText(after: .addDependency(taskID: "community-setup", waitsFor: "creative-brief"))
        let removed = try PlanEditor.apply(.removeDependency(taskID: "community-setup", waitsFor: "creative-brief"),
                                           to: PlanDocument(text: added)).document.text
        #expect(state.editor?.document.text == removed)
    }
}
