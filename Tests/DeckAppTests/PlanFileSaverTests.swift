import CampaignCore
import CampaignStore
import DeckApp
import DeckUI
import Foundation
import Testing

/// `:w PATH` after the plan's folder was deleted behind the dashboard: the
/// plan is written under the new name, and later saves and reloads use it.
@Suite struct PlanFileSaverTests {
    @Test func afterSavingUnderANewNameTheNewFileIsTheOneEdited() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("saver-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("gone")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let original = folder.appendingPathComponent("plan.yaml").path
        let text = DemoCampaign.planText()
        try Data(text.utf8).write(to: URL(fileURLWithPath: original))
        var saver = PlanFileSaver(file: try PlanFile.load(path: original))

        try FileManager.default.removeItem(at: folder)
        let ours = text + "# ours\n"
        #expect(saver.save(text: ours, overwrite: false) == .deletedOnDisk(path: original))
        guard case .failed = saver.save(text: ours, overwrite: true) else {
            Issue.record("writing into a deleted folder should fail")
            return
        }

        let other = root.appendingPathComponent("other.yaml").path
        #expect(saver.saveAs(path: other, text: ours) == .saved(path: other, text: ours))
        #expect(try String(contentsOfFile: other, encoding: .utf8) == ours)
        let later = ours + "# later\n"
        #expect(saver.save(text: later, overwrite: false) == .saved(path: other, text: later))
        #expect(try String(contentsOfFile: other, encoding: .utf8) == later)
        #expect(saver.reload() == .loaded(text: later))
        // A name already taken is never replaced.
        guard case .failed = saver.saveAs(path: other, text: text) else {
            Issue.record("saving as an existing file should fail")
            return
        }
        #expect(try String(contentsOfFile: other, encoding: .utf8) == later)
    }
}
