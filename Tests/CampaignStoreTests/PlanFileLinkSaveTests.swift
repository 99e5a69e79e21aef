import CampaignCore
@testable import CampaignStore
import Foundation
import Testing

/// Issue 11 #5: saving through `link.yaml → real/plan.yaml` replaced the link
/// with a plain file, so the plan in git never got the edit. A save now
/// writes the link's target, with its temporary beside the target, and the
/// changed-on-disk check reads the target.
@Suite struct PlanFileLinkSaveTests {
    let demo = DemoCampaign.planText()

    /// `folder/real/plan.yaml` and a relative link `folder/link.yaml → real/plan.yaml`.
    func linkedPlan(in folder: TemporaryFolder) throws -> (link: String, target: String) {
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: false)
        let target = folder.file("real/plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.file("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/plan.yaml")
        return (link, target)
    }

    func ownerEdit(_ file: PlanFile) throws -> PlanDocument {
        try file.document.setting(file.document.path(toTask: "creative", key: "owner"), to: .text("品牌组"))
    }

    @Test func savingThroughALinkEditsTheTargetAndKeepsTheLink() throws {
        let folder = TemporaryFolder()
        let (link, target) = try linkedPlan(in: folder)
        var file = try PlanFile.load(path: link)
        let edited = try ownerEdit(file)
        try file.save(edited)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/plan.yaml", "still a link")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == edited.text, "the real plan has the edit")
        #expect(folder.contents() == ["link.yaml", "real"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("real")) == ["plan.yaml"],
                "no temporary is left beside the target")
        #expect(file.path == link, "messages keep naming the path the user gave")
        #expect(!file.hasChangedOnDisk())
    }

    @Test func aChainOfLinksIsFollowedToTheEnd() throws {
        let folder = TemporaryFolder()
        let (link, target) = try linkedPlan(in: folder)
        // outer.yaml → /absolute/…/link.yaml → real/plan.yaml
        let outer = folder.file("outer.yaml")
        try FileManager.default.createSymbolicLink(atPath: outer, withDestinationPath: link)
        var file = try PlanFile.load(path: outer)
        let edited = try ownerEdit(file)
        try file.save(edited)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: outer) == link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/plan.yaml")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == edited.text)
    }

    @Test func aChangeToTheTargetIsSeenThroughTheLink() throws {
        let folder = TemporaryFolder()
        let (link, target) = try linkedPlan(in: folder)
        var file = try PlanFile.load(path: link)
        let theirs = demo + "# someone else's edit\n"
        try Data(theirs.utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: PlanFile.Failure.changedOnDisk(path: link)) { try file.save(try ownerEdit(file)) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == theirs)
    }

    @Test func aLoopOfLinksIsRefusedWithAReason() throws {
        let folder = TemporaryFolder()
        let a = folder.file("a.yaml"), b = folder.file("b.yaml")
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: "a.yaml")
        var file = PlanFile(path: a, document: PlanDocument(text: demo), knownBytes: Data())
        #expect(throws: PlanFile.Failure.writeFailed(path: a, reason: "more than 40 symbolic links in a row (a loop?)")) {
            try file.save(PlanDocument(text: demo), overwritingExternalChanges: true)
        }
        #expect(folder.contents() == ["a.yaml", "b.yaml"])
    }
}

/// Issue 11 #19: a `kill -9` between creating the temporary and renaming it
/// left `.plan.yaml.tmp-*` behind for good. The next save removes such
/// leftovers of its own file: only our exact names, only files older than the
/// save, only when the process that wrote them is gone (or an hour has passed).
@Suite struct StaleTemporaryTests {
    let demo = DemoCampaign.planText()

    /// A process id no process can have: above Linux's PID_MAX_LIMIT (2^22).
    static let deadWriter = 4_194_305

    func leftover(_ name: String, in folder: TemporaryFolder, age: TimeInterval) throws {
        let path = folder.file(name)
        try Data("half a plan".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: path)
    }

    @Test func theNextSaveRemovesLeftoversOfDeadSavesOfThisFileOnly() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        let dead = Self.deadWriter
        let stale = [".plan.yaml.tmp-\(dead)-12345", ".plan.yaml.new-\(dead)-7", "..plan.yaml.new-\(dead)-7.tmp-\(dead)-99"]
        let kept = [
            ".plan.yaml.tmp-\(getpid())-5",       // this very process is alive
            ".plan.yaml.tmp-1-5",                 // a live process (init) may be saving right now
            ".other.yaml.tmp-\(dead)-1",          // another file's
            ".plan.yaml.tmp-notours",             // not our pattern
            ".plan.yaml.tmp-\(dead)-1-2",         // not our pattern either
            "plan.yaml.tmp-\(dead)-1",            // not hidden: not a name we make
        ]
        for name in stale + kept { try leftover(name, in: folder, age: 60) }
        // Written after the save started: never touched, whoever wrote it.
        var file = try PlanFile.load(path: path)
        let newer = folder.file(".plan.yaml.tmp-\(dead)-424242")
        try file.save(file.document, beforeRename: { _ in
            try Data("newer".utf8).write(to: URL(fileURLWithPath: newer))
        })
        #expect(folder.contents() == (["plan.yaml", ".plan.yaml.tmp-\(dead)-424242"] + kept).sorted())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == demo)
    }

    /// The leftover is made by `AtomicFile` itself, so its name is exactly the
    /// one a killed save leaves: the save is stopped between write and rename,
    /// and its temporary put back under its own name, as a kill would leave it.
    @Test func aTemporaryLeftByAnInterruptedSaveGoesWithTheNextSave() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        var file = try PlanFile.load(path: path)
        let keep = folder.file("kept"), nameFile = folder.file("name")
        #expect(throws: PlanFile.Failure.self) {
            try file.save(file.document, beforeRename: { temporary in
                guard link(temporary, keep) == 0 else { throw SimulatedCrash() }
                try Data(temporary.utf8).write(to: URL(fileURLWithPath: nameFile))
                throw SimulatedCrash()
            })
        }
        let temporary = try String(contentsOfFile: nameFile, encoding: .utf8)
        try FileManager.default.removeItem(atPath: nameFile)
        try FileManager.default.moveItem(atPath: keep, toPath: temporary)
        #expect(URL(fileURLWithPath: temporary).lastPathComponent.hasPrefix(".plan.yaml.tmp-\(getpid())-"))
        // This process is alive, so only age lets its leftover go: two hours.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7_200)], ofItemAtPath: temporary)
        #expect(folder.contents().count == 2)
        try file.save(file.document)
        #expect(folder.contents() == ["plan.yaml"])
    }

    @Test func aLeftoverOlderThanAnHourGoesEvenIfItsProcessIdIsInUse() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        try leftover(".plan.yaml.tmp-1-5", in: folder, age: 2 * 3_600)
        var file = try PlanFile.load(path: path)
        try file.save(file.document)
        #expect(folder.contents() == ["plan.yaml"])
    }

    @Test func aSymbolicLinkWithATemporaryNameIsNotFollowedOrRemoved() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data(demo.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.createSymbolicLink(atPath: folder.file(".plan.yaml.tmp-\(Self.deadWriter)-1"), withDestinationPath: "plan.yaml")
        var file = try PlanFile.load(path: path)
        try file.save(file.document)
        #expect(folder.contents() == [".plan.yaml.tmp-\(Self.deadWriter)-1", "plan.yaml"])
    }
}
