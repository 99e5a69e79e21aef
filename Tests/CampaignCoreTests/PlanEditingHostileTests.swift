@testable import CampaignCore
import Testing

/// Plans as people really write them (Windows line breaks, a byte order mark,
/// `owner:` left empty, `|` blocks, anchors) put through `PlanEditor.apply`.
/// Every edit either changes exactly the intended characters — keeping the
/// file's own line breaks — or is refused with a reason and no new text.
///
/// The small plan: a (03-02, 2 days, ends 03-03); b after a+2d, 3 days, so
/// b starts 03-06.
@Suite struct PlanEditingHostileTests {
    static let head = "campaign:\n  id: t\n  name: T\n  currency: CNY\n  timezone: UTC\n  start: 2026-03-02\n  budget: 1000\n"
    static let twoTasks = head + "tasks:\n  - id: a\n    name: A\n    start: 2026-03-02\n    days: 2\n"
        + "  - id: b\n    name: B\n    after: [a+2d]\n    days: 3\n"
    /// What is left after deleting a: b keeps its start 03-06 as a pin.
    static let afterDeletingA = head + "tasks:\n  - id: b\n    name: B\n    days: 3\n    start: 2026-03-06\n"

    func apply(_ edit: PlanEdit, to text: String) throws -> String {
        let document = PlanDocument(text: text)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        return try PlanEditor.apply(edit, to: document).document.text
    }

    func refusal(_ edit: PlanEdit, to text: String) -> String? {
        do {
            _ = try PlanEditor.apply(edit, to: PlanDocument(text: text))
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: Line breaks

    @Test func aKeyAddedToAWindowsFileGetsAWindowsLineBreak() throws {
        let crlf = Self.twoTasks.replacingOccurrences(of: "\n", with: "\r\n")
        let edited = try apply(.setOwner(taskID: "a", owner: "x"), to: crlf)
        #expect(edited == crlf.replacingOccurrences(of: "    days: 2\r\n", with: "    days: 2\r\n    owner: x\r\n"))
    }

    @Test func addingDuplicatingAndDeletingTasksWorkOnWindowsFiles() throws {
        let crlf = Self.twoTasks.replacingOccurrences(of: "\n", with: "\r\n")
        let added = try apply(.addTask(id: "c", name: "C", afterTask: "b"), to: crlf)
        #expect(added == crlf + "  - id: c\r\n    name: C\r\n    after: [b]\r\n    days: 1\r\n")
        let copied = try apply(.duplicateTask(id: "a"), to: crlf)
        #expect(copied == crlf.replacingOccurrences(of: "    days: 2\r\n",
                                                    with: "    days: 2\r\n  - id: a-copy\r\n    name: A (copy)\r\n    start: 2026-03-02\r\n    days: 2\r\n"))
        let deleted = try apply(.deleteTask(id: "a"), to: crlf)
        #expect(deleted == Self.afterDeletingA.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func oldMacLineBreaksAreLinesToo() throws {
        // Deleting here used to crash: the file read as one long line.
        let cr = Self.twoTasks.replacingOccurrences(of: "\n", with: "\r")
        #expect(try apply(.deleteTask(id: "a"), to: cr) == Self.afterDeletingA.replacingOccurrences(of: "\n", with: "\r"))
        #expect(try apply(.setOwner(taskID: "b", owner: "x"), to: cr) == cr + "    owner: x\r")
    }

    @Test func aMixedFileKeepsEachLinesOwnBreak() throws {
        // Mostly CRLF with one bare LF (a line pasted in another editor).
        let mixed = Self.twoTasks.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "  budget: 1000\r\n", with: "  budget: 1000\n")
        let expected = Self.afterDeletingA.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "  budget: 1000\r\n", with: "  budget: 1000\n")
        #expect(try apply(.deleteTask(id: "a"), to: mixed) == expected)
    }

    @Test func aFileWithoutAFinalLineBreakGetsNone() throws {
        let text = String(Self.twoTasks.dropLast())
        #expect(try apply(.setOwner(taskID: "b", owner: "x"), to: text) == text + "\n    owner: x")
        #expect(try apply(.addTask(id: "c", name: "C", afterTask: "b"), to: text)
                == text + "\n  - id: c\n    name: C\n    after: [b]\n    days: 1")
    }

    @Test func aByteOrderMarkedPlanLoadsAndKeepsItsMark() throws {
        let marked = "\u{FEFF}" + Self.twoTasks
        let edited = try apply(.setOwner(taskID: "a", owner: "x"), to: marked)
        #expect(edited == "\u{FEFF}" + Self.twoTasks.replacingOccurrences(of: "    days: 2\n", with: "    days: 2\n    owner: x\n"))
        #expect(try apply(.deleteTask(id: "a"), to: marked) == "\u{FEFF}" + Self.afterDeletingA)
    }

    // MARK: Values as people write them

    @Test func anEmptyOwnerIsFilledInRatherThanWrittenTwice() throws {
        let text = Self.head + "tasks:\n  - id: a\n    name: A\n    owner:\n    start: 2026-03-02\n    days: 2\n"
            + "  - { id: b, name: B, owner: , days: 1 }\n  - id: c\n    owner: ~  # tbd\n    name: C\n    days: 1\n"
        #expect(try apply(.setOwner(taskID: "a", owner: "x"), to: text)
                == text.replacingOccurrences(of: "    owner:\n", with: "    owner: x\n"))
        #expect(try apply(.setOwner(taskID: "b", owner: "Ann"), to: text)
                == text.replacingOccurrences(of: "owner: , days", with: "owner: Ann, days"))
        #expect(try apply(.setOwner(taskID: "c", owner: "z"), to: text)
                == text.replacingOccurrences(of: "owner: ~  # tbd", with: "owner: z  # tbd"))
    }

    @Test func aKeyAfterALiteralBlockGoesBelowTheWholeBlock() throws {
        let text = Self.head + "tasks:\n  - id: a\n    start: 2026-03-02\n    days: 2\n    name: |\n      Line one\n\n      Line two\n"
            + "  - id: b\n    name: B\n    days: 1\n"
        #expect(try apply(.setOwner(taskID: "a", owner: "x"), to: text)
                == text.replacingOccurrences(of: "      Line two\n", with: "      Line two\n    owner: x\n"))
    }

    @Test func aPlainNameContinuedOnTheNextLineIsReplacedWhole() throws {
        let text = Self.head + "tasks:\n  - id: a\n    start: 2026-03-02\n    days: 1\n    name: Line one\n      continued  # why\n"
            + "  - id: b\n    name: B\n    days: 1\n"
        #expect(try apply(.setOwner(taskID: "a", owner: "x"), to: text)
                == text.replacingOccurrences(of: "  # why\n", with: "  # why\n    owner: x\n"))
        let copy = "  - id: a-copy\n    start: 2026-03-02\n    days: 1\n    name: Line one continued (copy)  # why\n"
        #expect(try apply(.duplicateTask(id: "a"), to: text) == text.replacingOccurrences(of: "  - id: b\n", with: copy + "  - id: b\n"))
    }

    @Test func anchoredAndAliasedValuesAreLeftToTheHand() {
        let text = Self.head + "tasks:\n  - id: a\n    name: A\n    owner: &lead Team\n    start: 2026-03-02\n    days: 2\n"
            + "  - id: b\n    name: B\n    owner: *lead\n    days: 1\n"
        #expect(refusal(.setOwner(taskID: "b", owner: "y"), to: text) == "'owner' uses a YAML alias (*); change it in the file by hand")
        #expect(refusal(.setOwner(taskID: "a", owner: "y"), to: text) == "'owner' uses a YAML anchor (&); change it in the file by hand")
    }

    @Test func aLineSeparatorInTypedTextIsEscaped() throws {
        // libyaml reads U+2028 as a line break: written raw it would split the value.
        let edited = try apply(.setOwner(taskID: "a", owner: "Ann\u{2028}Bo"), to: Self.twoTasks)
        #expect(edited == Self.twoTasks.replacingOccurrences(of: "    days: 2\n", with: "    days: 2\n    owner: \"Ann\\u2028Bo\"\n"))
        #expect(PlanDocument(text: edited).plan?.task("a")?.owner == "Ann\u{2028}Bo")
    }

    // MARK: Refusals

    @Test func aTaskAlreadyPinnedTooEarlyCannotBeMovedEarlierStill() throws {
        // c is pinned to 03-02 but waits for a (03-02…03-03): 03-04 at the earliest.
        let text = Self.head + "tasks:\n  - { id: a, name: A, start: 2026-03-02, days: 2 }\n"
            + "  - { id: c, name: C, after: [a], start: 2026-03-02, days: 1 }\n"
        #expect(refusal(.moveTask(id: "c", days: -1), to: text)
                == "refused: c cannot start on 2026-03-01: it waits for a, so 2026-03-04 is the earliest")
        // Later, towards what its dependency allows, is fine even while still too early.
        #expect(try apply(.moveTask(id: "c", days: 1), to: text) == text.replacingOccurrences(of: "start: 2026-03-02, days: 1", with: "start: 2026-03-03, days: 1"))
    }

    @Test func theOnlyTaskIsNotDeleted() {
        let text = Self.head + "tasks:\n  - id: a\n    name: A\n    days: 1\n    start: 2026-03-02\n"
        #expect(refusal(.deleteTask(id: "a"), to: text) == "a is the plan's only task: add another (a) before deleting it")
    }

    // MARK: History

    @Test func undoingEveryEditOfAWindowsFileRestoresItsBytes() throws {
        let crlf = Self.twoTasks.replacingOccurrences(of: "\n", with: "\r\n")
        var history = PlanEditHistory(document: PlanDocument(text: crlf), savedText: crlf)
        let edits: [PlanEdit] = [.setOwner(taskID: "a", owner: "推广组"), .moveTask(id: "a", days: 3),
                                 .addTask(id: "c", name: "C: #1", afterTask: "b"), .duplicateTask(id: "c"),
                                 .resizeTask(id: "b", days: 2), .deleteTask(id: "a")]
        for edit in edits { _ = try history.apply(edit) }
        #expect(!history.document.text.contains { $0 == "\n" || $0 == "\r" }, "every line break is still CRLF")
        #expect(throws: PlanDocument.EditError.self) { try history.apply(.addDependency(taskID: "b", waitsFor: "b")) }
        for _ in edits { #expect(history.undo() != nil) }
        #expect(history.undo() == nil, "a refused edit leaves nothing to undo")
        #expect(history.document.text == crlf)
        #expect(!history.hasUnsavedEdits)
    }
}
