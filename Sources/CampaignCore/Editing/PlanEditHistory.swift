/// The one undo/redo history of a plan being edited. It keeps whole texts,
/// not inverse operations, so undoing restores exactly the earlier bytes —
/// including after a save — and "unsaved" is a plain comparison with the
/// text last written to (or read from) disk.
public struct PlanEditHistory: Sendable {
    public private(set) var document: PlanDocument
    private var undoStack: [(document: PlanDocument, summary: String)] = []
    private var redoStack: [(document: PlanDocument, summary: String)] = []
    /// The text on disk as far as we know (nil: never saved, like the built-in demo).
    public private(set) var savedText: String?
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

    /// Applies `edit`; on success it can be undone and the redo list is dropped.
    public mutating func apply(_ edit: PlanEdit) throws -> String {
        let outcome = try PlanEditor.apply(edit, to: document)
        undoStack.append((document, outcome.summary))
        if undoStack.count > Self.limit { undoStack.removeFirst() }
        redoStack.removeAll()
        document = outcome.document
        return outcome.summary
    }

    /// What was undone, or nil when there is nothing to undo.
    public mutating func undo() -> String? {
        guard let last = undoStack.popLast() else { return nil }
        redoStack.append((document, last.summary))
        document = last.document
        return last.summary
    }

    public mutating func redo() -> String? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append((document, next.summary))
        document = next.document
        return next.summary
    }

    /// After a successful save of `text` (the current document's text).
    public mutating func markSaved(_ text: String) { savedText = text }

    /// Takes `document` as read from disk (someone else changed the file):
    /// it becomes the saved text, and — like any edit — `undo` goes back to
    /// the version that was here before.
    public mutating func reload(_ document: PlanDocument) {
        undoStack.append((self.document, "reload from disk"))
        if undoStack.count > Self.limit { undoStack.removeFirst() }
        redoStack.removeAll()
        self.document = document
        savedText = document.text
    }
}
