@testable import CampaignCore
import Testing

/// Edits on a small plan whose schedule is worked out by hand:
/// design 03-02…03-04 (3 days), build after design 03-05…03-06,
/// launch pinned to 03-07 after build (allowed from 03-07), review after
/// launch+1d 03-09…03-10.
@Suite struct PlanEditorTests {
    static let text = """
    campaign:
      id: t
      name: T
      currency: CNY
      timezone: UTC
      start: 2026-03-02
      budget: 1000
    segments:
      - id: vip
        name: VIP
        rule: orders_180d >= 3
    tasks:
      - id: design
        name: Design
        start: 2026-03-02
        days: 3
      # the build phase
      - id: build
        name: Build
        after: [design]
        days: 2
      - id: launch
        name: Launch
        start: 2026-03-07
        after: [build]
        days: 1
      - { id: review, name: Review, after: [launch+1d], days: 2 }
    alerts:
      - { name: CTR low, metric: ctr, per: channel, below: 0.01, window: 1h }

    """
    let document = PlanDocument(text: PlanEditorTests.text)

    func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    func start(_ id: String, _ document: PlanDocument) throws -> String {
        let schedule = try Schedule(computing: PlanScheduling.input(for: try #require(document.plan)))
        return try #require(schedule[id: id]).earlyStart.description
    }

    @Test func theHandWorkedScheduleHolds() throws {
        #expect(document.diagnostics.isEmpty)
        #expect(try start("build", document) == "2026-03-05")
        #expect(try start("launch", document) == "2026-03-07")
        #expect(try start("review", document) == "2026-03-09")
    }

    @Test func movingATaskLaterPushesItsPinnedDependantAndSaysWhatMoved() throws {
        let outcome = try PlanEditor.apply(.moveTask(id: "design", days: 1), to: document)
        let changed = zip(lines(document.text), lines(outcome.document.text)).filter { $0 != $1 }.map(\.1)
        // design's own start, and launch's pin pushed from 03-07 to 03-08 (build now ends 03-07).
        #expect(changed == ["    start: 2026-03-03", "    start: 2026-03-08"])
        #expect(outcome.summary == "design 1 day later, starts 2026-03-03; moved build +1d, launch +1d, review +1d")
        #expect(try start("review", outcome.document) == "2026-03-10")
    }

    @Test func movingATaskBeforeItsDependenciesAllowIsRefused() throws {
        #expect {
            try PlanEditor.apply(.moveTask(id: "build", days: -1), to: document)
        } throws: { error in
            "\(error)" == "refused: build cannot start on 2026-03-04: it waits for design, so 2026-03-05 is the earliest"
        }
    }

    @Test func aWeekMovePinsATaskPlacedByItsDependencies() throws {
        let outcome = try PlanEditor.apply(.moveTask(id: "build", days: 7), to: document)
        #expect(outcome.document.plan?.task("build")?.start?.description == "2026-03-12")
        #expect(outcome.summary.hasPrefix("build 1 week later, starts 2026-03-12; moved launch +7d, review +7d"))
    }

    @Test func stretchingATaskMovesWhatWaitsForIt() throws {
        let outcome = try PlanEditor.apply(.resizeTask(id: "build", days: 1), to: document)
        #expect(outcome.document.plan?.task("build")?.days == 3)
        #expect(outcome.summary == "build now 3 days; moved launch +1d, review +1d")
        #expect(throws: PlanDocument.EditError.self) {
            try PlanEditor.apply(.resizeTask(id: "launch", days: -1), to: document)
        }
    }

    @Test func aDependencyThatClosesALoopIsRefusedNamingTheCycle() throws {
        #expect {
            try PlanEditor.apply(.addDependency(taskID: "design", waitsFor: "review"), to: document)
        } throws: { error in
            "\(error)" == "refused: that makes a cycle: design → review → launch → build → design (each waits for the next)"
        }
    }

    @Test func addingAndRemovingADependencyRewritesOnlyTheList() throws {
        let added = try PlanEditor.apply(.addDependency(taskID: "review", waitsFor: "design"), to: document)
        #expect(lines(added.document.text)[26] == "  - { id: review, name: Review, after: [launch+1d, design], days: 2 }")
        let removed = try PlanEditor.apply(.removeDependency(taskID: "build", waitsFor: "design"), to: document)
        // build loses its only dependency: the key goes and build stays on 03-05.
        let build = lines(removed.document.text)[17...20]
        #expect(Array(build) == ["  - id: build", "    name: Build", "    days: 2", "    start: 2026-03-05"])
    }

    @Test func deletingATaskRewiresItsDependantsKeepingTheirDates() throws {
        let outcome = try PlanEditor.apply(.deleteTask(id: "build"), to: document)
        let text = outcome.document.text
        #expect(!text.contains("id: build"))
        #expect(text.contains("  # the build phase\n  - id: launch"))
        // launch waited for build (2 days) after design: now design+2d.
        #expect(outcome.document.plan?.task("launch")?.after.map(\.text) == ["design+2d"])
        #expect(outcome.summary == "deleted build; launch now waits for design")
        #expect(try start("review", outcome.document) == "2026-03-09")
    }

    @Test func deletingATaskWithoutDependenciesPinsWhatWaitedForIt() throws {
        let outcome = try PlanEditor.apply(.deleteTask(id: "design"), to: document)
        #expect(outcome.document.plan?.task("build")?.start?.description == "2026-03-05")
        #expect(outcome.document.plan?.task("build")?.after.isEmpty == true)
        #expect(try start("launch", outcome.document) == "2026-03-07")
    }

    @Test func addingATaskWritesItInItsNeighboursStyle() throws {
        let block = try PlanEditor.apply(.addTask(id: "qa", name: "QA", afterTask: "build"), to: document)
        #expect(Array(lines(block.document.text)[21...24]) == ["  - id: qa", "    name: QA", "    after: [build]", "    days: 1"])
        #expect(try start("qa", block.document) == "2026-03-07")
        let flow = try PlanEditor.apply(.duplicateTask(id: "review"), to: document)
        #expect(lines(flow.document.text)[27] == "  - { id: review-copy, name: Review (copy), after: [launch+1d], days: 2 }")
        #expect(throws: PlanDocument.EditError.self) {
            try PlanEditor.apply(.addTask(id: "design", name: "", afterTask: "build"), to: document)
        }
    }

    @Test func ownerAndProgressAreOneLineEdits() throws {
        let owner = try PlanEditor.apply(.setOwner(taskID: "build", owner: "数据组"), to: document)
        #expect(lines(owner.document.text).count == lines(document.text).count + 1)
        #expect(owner.document.plan?.task("build")?.owner == "数据组")
        let done = try PlanEditor.apply(.setProgress(taskID: "design", progress: 1), to: document)
        #expect(done.summary == "design: done")
        #expect(done.document.plan?.task("design")?.progress == 1)
    }

    @Test func segmentRuleErrorsNameTheColumn() throws {
        let plan = try #require(document.plan)
        let error = try #require(ExpressionCheck.segmentRule("orders_180d >= 3 and ordrs_90d > 1", plan: plan))
        #expect(error.column == 22)
        #expect(ExpressionCheck.segmentRule("orders_180d >= 3 and orders_90d > 1", plan: plan) == nil)
        #expect {
            try PlanEditor.apply(.setSegment(id: "vip", field: .rule, value: "orders_180d >="), to: document)
        } throws: { "\($0)".hasPrefix("rule error at column") }
        let share = try PlanEditor.apply(.setSegment(id: "vip", field: .budgetShare, value: "35%"), to: document)
        #expect(share.document.plan?.segments[0].budgetShare == 0.35)
        let persona = try PlanEditor.apply(.setSegment(id: "vip", field: .persona, value: "30-45岁"), to: document)
        #expect(persona.document.plan?.segments[0].persona?.traits == "30-45岁")
    }

    @Test func alertFieldsAreChecked() throws {
        let threshold = try PlanEditor.apply(.setAlert(index: 0, field: .threshold, value: "0.012"), to: document)
        #expect(lines(threshold.document.text)[28] == "  - { name: CTR low, metric: ctr, per: channel, below: 0.012, window: 1h }")
        let wait = try PlanEditor.apply(.setAlert(index: 0, field: .forDuration, value: "10m"), to: document)
        #expect(wait.document.plan?.alerts[0].forSeconds == 600)
        let zero = try PlanEditor.apply(.setAlert(index: 0, field: .forDuration, value: "0"), to: document)
        #expect(lines(zero.document.text)[28] == "  - { name: CTR low, metric: ctr, per: channel, below: 0.01, window: 1h, for: 0 }")
        #expect(throws: PlanDocument.EditError.self) {
            try PlanEditor.apply(.setAlert(index: 0, field: .forDuration, value: "soon"), to: document)
        }
        #expect(throws: PlanDocument.EditError.self) {
            try PlanEditor.apply(.setAlert(index: 0, field: .minVolume, value: "-3"), to: document)
        }
    }

    @Test func undoAndRedoRestoreExactTexts() throws {
        var history = PlanEditHistory(document: document, savedText: document.text)
        _ = try history.apply(.moveTask(id: "design", days: 1))
        let moved = history.document.text
        _ = try history.apply(.setOwner(taskID: "review", owner: "Ann"))
        #expect(history.hasUnsavedEdits)
        #expect(history.undo() == "review owner: Ann")
        #expect(history.document.text == moved)
        #expect(history.undo() != nil)
        #expect(history.document.text == PlanEditorTests.text)
        #expect(!history.hasUnsavedEdits)
        #expect(history.undo() == nil)
        _ = history.redo()
        #expect(history.document.text == moved)
        // A new edit drops what could be redone.
        _ = try history.apply(.resizeTask(id: "review", days: 1))
        #expect(!history.canRedo)
    }
}
