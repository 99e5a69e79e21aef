import CampaignCore
import Testing

/// Pins (`start:`) the editor pushed to make room are its doing, not the
/// user's: a move back returns them, and the summary names every task moved.
@Suite struct PushedPinTests {
    static let demo = DemoCampaign.planText()

    func starts(_ document: PlanDocument) -> [String: String] {
        let plan = document.plan!
        let schedule = try! Schedule(computing: PlanScheduling.input(for: plan))
        return Dictionary(uniqueKeysWithValues: plan.tasks.map { ($0.id, schedule[id: $0.id]!.earlyStart.description) })
    }

    func pins(_ document: PlanDocument) -> [String: String] {
        Dictionary(uniqueKeysWithValues: document.plan!.tasks.compactMap { task in task.start.map { (task.id, $0.description) } })
    }

    @Test func aWeekForwardThenAWeekBackRestoresEveryDate() throws {
        var history = PlanEditHistory(document: PlanDocument(text: Self.demo), savedText: Self.demo)
        let before = history.document
        let forward = try history.apply(.moveTask(id: "kickoff", days: 7))
        let pushed = pins(history.document).filter { pins(before)[$0.key] != $0.value && $0.key != "kickoff" }
        #expect(!pushed.isEmpty, "the demo's pinned tasks are in the way of a week's move")
        // Every task whose start changed is named, none left as "and N more".
        let moved = starts(history.document).filter { starts(before)[$0.key] != $0.value && $0.key != "kickoff" }
        for id in moved.keys { #expect(forward.contains("\(id) +"), "\(id) is missing from: \(forward)") }
        #expect(!forward.contains("more"))

        let back = try history.apply(.moveTask(id: "kickoff", days: -7))
        #expect(history.document.text == Self.demo, "every date as it was")
        for id in pushed.keys { #expect(back.contains("\(id) -"), "\(id) is missing from: \(back)") }
    }

    @Test func smallStepsForwardThenOneBackRestoreToo() throws {
        var history = PlanEditHistory(document: PlanDocument(text: Self.demo), savedText: Self.demo)
        for _ in 1...7 { _ = try history.apply(.moveTask(id: "kickoff", days: 1)) }
        _ = try history.apply(.moveTask(id: "kickoff", days: -7))
        #expect(history.document.text == Self.demo)
    }

    @Test func aPushedPinTheUserMovedStaysWhereTheyPutIt() throws {
        var history = PlanEditHistory(document: PlanDocument(text: Self.demo), savedText: Self.demo)
        _ = try history.apply(.moveTask(id: "kickoff", days: 7))
        let pushed = try #require(pins(history.document).first { pins(PlanDocument(text: Self.demo))[$0.key] != $0.value && $0.key != "kickoff" })
        _ = try history.apply(.moveTask(id: pushed.key, days: 1))
        let chosen = pins(history.document)[pushed.key]
        _ = try history.apply(.moveTask(id: "kickoff", days: -7))
        #expect(pins(history.document)[pushed.key] == chosen, "the user's own date is kept")
    }

    @Test func undoAndRedoKeepWhatWasPushed() throws {
        var history = PlanEditHistory(document: PlanDocument(text: Self.demo), savedText: Self.demo)
        _ = try history.apply(.moveTask(id: "kickoff", days: 7))
        _ = try history.apply(.setOwner(taskID: "kickoff", owner: "Li"))
        _ = history.undo()
        _ = history.undo()
        _ = history.redo()
        _ = try history.apply(.moveTask(id: "kickoff", days: -7))
        #expect(history.document.text == Self.demo)
    }

    @Test func aVersionFromBeforeAReloadOverwritesTheirs() throws {
        var history = PlanEditHistory(document: PlanDocument(text: Self.demo), savedText: Self.demo)
        #expect(!history.overwritesReloadedVersion)
        _ = try history.apply(.moveTask(id: "kickoff", days: 1))
        let theirs = Self.demo + "# theirs\n"
        history.reload(PlanDocument(text: theirs))
        #expect(!history.overwritesReloadedVersion)
        _ = history.undo()
        #expect(history.overwritesReloadedVersion)
        // An edit on top of ours still builds on ours.
        _ = try history.apply(.moveTask(id: "kickoff", days: 1))
        #expect(history.overwritesReloadedVersion)
        history.markSaved(history.document.text)
        #expect(!history.overwritesReloadedVersion)
    }
}
