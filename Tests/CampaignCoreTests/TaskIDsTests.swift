@testable import CampaignCore
import CampaignText
import Testing

/// Ids made for tasks that were only given a name, and the names of copies.
@Suite struct TaskIDsTests {
    static let derivations: [(name: String, existing: Set<String>, expected: String)] = [
        ("素材二审", [], "task-1"),
        ("素材二审", ["task-1", "task-7", "task-x", "task-", "task-07b"], "task-8"),
        ("素材二审", ["task-9223372036854775807"], "task-1"),      // Int.max: no number after it
        ("素材二审", ["task-99999999999999999999", "task-1"], "task-2"), // not an Int: not ours
        ("KOL 二次种草", [], "kol"),
        ("KOL 二次种草", ["kol"], "kol-2"),
        ("KOL 二次种草", ["kol", "kol-2"], "kol-3"),
        ("618 大促 Pre-heat!", [], "618-pre-heat"),
        ("Very long English name for a task that goes on", [], "very-long-english-name"),
        (String(repeating: "a", count: 40) + " b", [], String(repeating: "a", count: 24)),
        ("👋🎉", ["task-3"], "task-4"),
        ("　", [], "task-1"),
    ]

    @Test(arguments: derivations)
    func derivedIDs(name: String, existing: Set<String>, expected: String) {
        let id = TaskIDs.derive(fromName: name, existing: existing)
        #expect(id == expected)
        #expect(PlanDocument.isUsableID(id))
        #expect(!existing.contains(id))
    }

    @Test func manyTasksOfTheSameNameGetDistinctIDs() {
        var ids = Set<String>()
        for _ in 0..<50 { ids.insert(TaskIDs.derive(fromName: "Q2 复盘", existing: ids)) }
        #expect(ids.count == 50)
        #expect(ids.contains("q2") && ids.contains("q2-50"))
    }

    @Test func aCopysNameFollowsTheLanguage() throws {
        let plan = DemoCampaign.planText()
        let english = try Language.$override.withValue(.english) {
            try PlanEditor.apply(.duplicateTask(id: "asset-review"), to: PlanDocument(text: plan)).document
        }
        #expect(english.plan?.task("asset-review-copy")?.name == "素材审核 (copy)")
        try Language.$override.withValue(.chinese) {
            let once = try PlanEditor.apply(.duplicateTask(id: "asset-review"), to: PlanDocument(text: plan)).document
            #expect(once.plan?.task("asset-review-copy")?.name == "素材审核 (副本)")
            // Again: a second copy is numbered, and a copy of a copy is numbered from the original.
            let twice = try PlanEditor.apply(.duplicateTask(id: "asset-review"), to: once).document
            #expect(twice.plan?.task("asset-review-copy2")?.name == "素材审核 (副本 2)")
            let copyOfCopy = try PlanEditor.apply(.duplicateTask(id: "asset-review-copy"), to: twice).document
            #expect(copyOfCopy.plan?.task("asset-review-copy-copy")?.name == "素材审核 (副本 3)")
        }
    }

    @Test(arguments: [
        ("X (copy)", "X"), ("X (copy 12)", "X"), ("X (copy x)", "X (copy x)"), (" (copy)", " (copy)"),
        ("(copy 2)", "(copy 2)"), ("X", "X"), ("X (副本)", "X (副本)"),
    ])
    func theOriginalOfACopysName(name: String, original: String) {
        Language.$override.withValue(.english) { #expect(CopyNames.original(of: name) == original) }
    }
}
