import CampaignCore
@testable import CampaignStore
import Foundation
import Testing

/// A fresh folder per test, removed afterwards.
final class TemporaryFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "campaign-deck-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
    func contents() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] }
}

struct SimulatedCrash: Error {}

@Suite struct PlanFileTests {
    let demo = DemoCampaign.planText()

    @Test func loadingThenSavingAnUnchangedPlanWritesTheSameBytes() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        var file = try PlanFile.load(path: path)
        try file.save(file.document)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(demo.utf8))
        #expect(folder.contents() == ["plan.yaml"], "no temporary files are left behind")
    }

    @Test func savingAnEditChangesOnlyThatLine() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        var file = try PlanFile.load(path: path)
        let edited = try file.document.setting(file.document.path(toTask: "creative", key: "owner"), to: .text("品牌组"))
        try file.save(edited)
        let before = demo.components(separatedBy: "\n")
        let after = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.0 == "    owner: 推广组")
        #expect(changed.first?.1 == "    owner: 品牌组")
    }

    @Test func refusesToOverwriteAFileChangedOnDisk() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        var file = try PlanFile.load(path: path)
        let theirs = demo + "# someone else's edit\n"
        try Data(theirs.utf8).write(to: URL(fileURLWithPath: path))
        #expect(file.hasChangedOnDisk())
        #expect(throws: PlanFile.Failure.changedOnDisk(path: path)) { try file.save(file.document) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs, "their edit survives")
        // With explicit confirmation the save goes through.
        try file.save(file.document, overwritingExternalChanges: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == demo)
    }

    @Test func aCrashBetweenWriteAndRenameLeavesTheOldFileWhole() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        var file = try PlanFile.load(path: path)
        let edited = try file.document.setting(file.document.path(toTask: "kickoff", key: "owner"), to: .text("新负责人"))
        nonisolated(unsafe) var stagedBytes: Data?
        #expect(throws: PlanFile.Failure.self) {
            try file.save(edited, beforeRename: { temporary in
                // At the crash point the new bytes are complete and durable beside the old file…
                stagedBytes = try Data(contentsOf: URL(fileURLWithPath: temporary))
                throw SimulatedCrash()
            })
        }
        #expect(stagedBytes == Data(edited.text.utf8))
        // …and the plan itself is still exactly the old one.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(demo.utf8))
        #expect(folder.contents() == ["plan.yaml"])
    }

    @Test func aKilledWriterNeverLeavesAPartialFile() throws {
        // A child process saves big plans in a loop and is SIGKILLed at random
        // moments; after every kill the file must be one of the two versions.
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        let old = String(repeating: "a", count: 4_000_000), new = String(repeating: "b", count: 4_000_000)
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        for round in 0..<5 {
            let child = fork()
            if child == 0 {
                var flip = false
                while true {
                    try? AtomicFile.write(Data((flip ? old : new).utf8), to: path)
                    flip.toggle()
                }
            }
            usleep(UInt32(20_000 + round * 17_000))
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes == Data(old.utf8) || bytes == Data(new.utf8), "round \(round): \(bytes.count) bytes")
        }
    }

    @Test func createRefusesToReplaceAnExistingFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try AtomicFile.create(Data("first\n".utf8), at: path)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.create(Data("second\n".utf8), at: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(folder.contents() == ["plan.yaml"])
    }

    @Test func reportsMissingAndNonUTF8Files() throws {
        let folder = TemporaryFolder()
        #expect(throws: PlanFile.Failure.unreadable(path: folder.file("nope.yaml"), reason: "no such file")) {
            try PlanFile.load(path: folder.file("nope.yaml"))
        }
        let path = folder.file("latin1.yaml")
        try Data([0x61, 0x62, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanFile.Failure.notUTF8(path: path, byteOffset: 2)) { try PlanFile.load(path: path) }
    }
}
