import CampaignCore
@testable import CampaignStore
import Foundation
import Testing

/// Saving when the world under the plan file has changed: the file made
/// read-only, deleted, replaced by a folder; a new file in a folder that does
/// not exist. Each either saves correctly or says why, leaving disk as it was.
@Suite struct PlanFileHostileSaveTests {
    let demo = DemoCampaign.planText()

    func loaded(in folder: TemporaryFolder) throws -> (PlanFile, String, PlanDocument) {
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        let file = try PlanFile.load(path: path)
        let edited = try file.document.setting(file.document.path(toTask: "creative", key: "owner"), to: .text("品牌组"))
        return (file, path, edited)
    }

    @Test func aReadOnlyPlanIsNotReplaced() throws {
        let folder = TemporaryFolder()
        var (file, path, edited) = try loaded(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(throws: PlanFile.Failure.writeFailed(path: path, reason: "the file is read-only")) {
            try file.save(edited, overwritingExternalChanges: true)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == demo)
        #expect(folder.contents() == ["plan.yaml"])
    }

    @Test func aDeletedPlanCountsAsChangedAndIsWrittenAgainWhenConfirmed() throws {
        let folder = TemporaryFolder()
        var (file, path, edited) = try loaded(in: folder)
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: PlanFile.Failure.changedOnDisk(path: path)) { try file.save(edited) }
        try file.save(edited, overwritingExternalChanges: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited.text)
    }

    @Test func aFolderWhereThePlanWasIsLeftAlone() throws {
        let folder = TemporaryFolder()
        var (file, path, edited) = try loaded(in: folder)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(throws: PlanFile.Failure.changedOnDisk(path: path)) { try file.save(edited) }
        #expect(throws: PlanFile.Failure.writeFailed(path: path, reason: "cannot write \(path): Is a directory")) {
            try file.save(edited, overwritingExternalChanges: true)
        }
        #expect(folder.contents() == ["plan.yaml"], "the folder stays, no temporary file is left")
    }

    @Test func creatingInAMissingFolderNamesTheFolderNotTheStagingFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("nowhere/plan.yaml")
        #expect {
            try AtomicFile.create(Data("x\n".utf8), at: path)
        } throws: { error in
            "\(error)" == "cannot write \(path): there is no folder \(folder.file("nowhere"))"
        }
        #expect(folder.contents().isEmpty)
    }
}
