import CampaignText

/// The one undo/redo history of a plan being edited. It keeps whole texts,
/// not inverse operations, so undoing restores exactly the earlier bytes —
/// including after a save — and "unsaved" is a plain comparison with the
/// text last written to (or read from) disk.
public struct PlanEditHistory: Sendable {
    /// A version of the plan and the version of the file it grew from: a
    /// reload from disk starts a new one, so a version from before the reload
    /// is known to overwrite someone else's changes if saved.
    private struct Entry: Sendable {
        var document: PlanDocument
        var summary: String
        var origin: Int
        var pushedPins: [String: Day]
    }

    public private(set) var document: PlanDocument
    private var origin = 0
    /// Pins the editor pushed, for the next edit to bring back (`PlanEditor`).
    private var pushedPins: [String: Day] = [:]
    private var undoStack: [Entry] = []
    private var redoStack: [Entry] = []
    /// The text on disk as far as we know (nil: never saved, like the built-in demo).
    public private(set) var savedText: String?
    /// The origin of the text on disk: what was loaded, reloaded or saved last.
    private var diskOrigin = 0
    /// Kept bounded: plan texts are small, but a long session should not grow forever.
    public static let limit = 500

    public init(document: PlanDocument, savedText: String?) {
        self.document = document
        self.savedText = savedText
    }

    public var plan: Plan? { document.plan }
    public var hasUnsavedEdits: Bool { savedText.map { $0 != document.text } ?? !undoStack.isEmpty }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// The file holds a version reloaded from disk (someone else's) and this
    /// one does not build on it (`u` went back past the reload): saving it
    /// would overwrite their changes, so the user is asked first.
    public var overwritesReloadedVersion: Bool { origin != diskOrigin }

    /// Applies `edit`; on success it can be undone and the redo list is dropped.
    public mutating func apply(_ edit: PlanEdit) throws -> String {
        let outcome = try PlanEditor.apply(edit, to: document, pushedPins: pushedPins)
        push(summary: outcome.summary)
        document = outcome.document
        pushedPins = outcome.pushedPins
        return outcome.summary
    }

    /// What was undone, or nil when there is nothing to undo.
    public mutating func undo() -> String? {
        guard let last = undoStack.popLast() else { return nil }
        redoStack.append(Entry(document: document, summary: last.summary, origin: origin, pushedPins: pushedPins))
        document = last.document
        origin = last.origin
        pushedPins = last.pushedPins
        return last.summary
    }

    public mutating func redo() -> String? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append(Entry(document: document, summary: next.summary, origin: origin, pushedPins: pushedPins))
        document = next.document
        origin = next.origin
        pushedPins = next.pushedPins
        return next.summary
    }

    /// After a successful save of `text` (the current document's text). The
    /// file now holds what this dashboard wrote: no version in the history
    /// overwrites anyone else's any more.
    public mutating func markSaved(_ text: String) {
        savedText = text
        origin = 0
        diskOrigin = 0
        for index in undoStack.indices { undoStack[index].origin = 0 }
        for index in redoStack.indices { redoStack[index].origin = 0 }
    }

    /// Takes `document` as read from disk (someone else changed the file):
    /// it becomes the saved text, and — like any edit — `undo` goes back to
    /// the version that was here before.
    public mutating func reload(_ document: PlanDocument) {
        push(summary: Phrase.editReload.text())
        self.document = document
        savedText = document.text
        // Their file's pins are theirs: none of them was pushed here.
        pushedPins = [:]
        diskOrigin = (undoStack.map(\.origin) + [origin, diskOrigin]).max()! + 1
        origin = diskOrigin
    }

    /// The current version goes on the undo list (the redo list is dropped).
    private mutating func push(summary: String) {
        undoStack.append(Entry(document: document, summary: summary, origin: origin, pushedPins: pushedPins))
        if undoStack.count > Self.limit { undoStack.removeFirst() }
        redoStack.removeAll()
    }
}
