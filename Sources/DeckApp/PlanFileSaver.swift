import CampaignText
import CampaignCore
import CampaignStore
import DeckUI
import Foundation

/// Where plan edits are written. Called on the live session's thread for the
/// save effects; the result goes back to `DeckUpdate` as an action.
public protocol PlanSaver: Sendable {
    /// Saves over the plan's file; unless `overwrite`, refuses when it changed on disk.
    mutating func save(text: String, overwrite: Bool) -> PlanSaveResult
    /// Saves to a new file, never replacing an existing one.
    mutating func saveAs(path: String, text: String) -> PlanSaveResult
    /// Reads the plan's file again.
    mutating func reload() -> PlanReloadResult
}

/// Saves the dashboard's plan edits: atomically, over the file it was loaded
/// from unless that changed on disk meanwhile (then the dashboard asks), or
/// — for the built-in demo, which has no file — to a new file.
public struct PlanFileSaver: PlanSaver {
    private var file: PlanFile?

    public init(file: PlanFile?) { self.file = file }

    public mutating func save(text: String, overwrite: Bool) -> PlanSaveResult {
        guard var file else { return .needsPath }
        do {
            try file.save(PlanDocument(text: text), overwritingExternalChanges: overwrite)
            self.file = file
            return .saved(path: file.path, text: text)
        } catch .changedOnDisk(let path) {
            return FileManager.default.fileExists(atPath: path) ? .changedOnDisk(path: path) : .deletedOnDisk(path: path)
        } catch {
            return .failed(error.description)
        }
    }

    public mutating func reload() -> PlanReloadResult {
        guard let path = file?.path else { return .failed(Phrase.liveNoFile.text()) }
        do {
            let fresh = try PlanFile.load(path: path)
            if let error = fresh.document.diagnostics.errors.first {
                // Keep the old bytes as "known": a later save must still ask.
                return .failed(Phrase.liveFileHasErrors.text(error.location.line, error.message))
            }
            file = fresh
            return .loaded(text: fresh.document.text)
        } catch {
            return .failed(error.description)
        }
    }

    public mutating func saveAs(path: String, text: String) -> PlanSaveResult {
        let bytes = Data(text.utf8)
        do {
            try AtomicFile.create(bytes, at: path)
        } catch {
            return .failed("\(error)")
        }
        file = PlanFile(path: path, document: PlanDocument(text: text), knownBytes: bytes)
        return .saved(path: path, text: text)
    }
}
