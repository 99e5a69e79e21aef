@testable import CampaignCore
import Testing

/// Adding a task's lines (`a`, `D`) re-reads only the task above and the new
/// one (`PlanDocument+TaskInsert`): each case takes the fast path, gives what
/// a read of the whole edited text gives, and where it matters the text,
/// lines and messages worked out by hand.
extension PlanTaskRereadTests {
    /// A new five-line task `id` waiting for `previous`, at the list's indentation.
    static func newTask(_ id: String, after previous: String, indentless: Bool = false) -> String {
        let (dash, more) = indentless ? ("- ", "  ") : ("  - ", "    ")
        return ["\(dash)id: \(id)", "\(more)name: New \(id)", "\(more)phase: one", "\(more)after: [\(previous)]", "\(more)days: 1"]
            .joined(separator: "\n")
    }

    /// `item` inserted after task `index` through the fast path (which must
    /// take it), compared with a whole read; the text is also built here
    /// from the file's lines, and `insertingItem` must give that text.
    @discardableResult
    func added(_ document: PlanDocument, _ item: String, after index: Int,
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PlanDocument {
        let range = try document.itemLines([.key("tasks")], index: index)
        let ending = document.text.contains("\r\n") ? "\r\n" : "\n"
        let itemLines = item.split(separator: "\n", omittingEmptySubsequences: false)
        // The text split after each break: the new lines go after line `range.upperBound`.
        var lines: [Substring] = []
        var rest = Substring(document.text)
        while let lineBreak = rest.range(of: ending) {
            lines.append(rest[..<lineBreak.upperBound])
            rest = rest[lineBreak.upperBound...]
        }
        let edited: String
        if range.upperBound <= lines.count {
            edited = (lines[..<range.upperBound] + itemLines.map { $0 + ending } + lines[range.upperBound...]).joined() + rest
        } else {
            // After a last line without a break: that line gets one, the new last line does not.
            edited = document.text + ending + itemLines.joined(separator: ending)
        }
        let fast = try #require(document.addingTask(after: index, firstLine: range.upperBound + 1, lineCount: itemLines.count, edited: edited),
                                "the fast path declined", sourceLocation: sourceLocation)
        #expect(fast.text == edited, sourceLocation: sourceLocation)
        sameAsWholeRead(fast, sourceLocation: sourceLocation)
        let inserted = try document.insertingItem(item, into: [.key("tasks")], after: index)
        #expect(inserted.text == edited && inserted.diagnostics == fast.diagnostics, sourceLocation: sourceLocation)
        return fast
    }

    /// The first, a middle and the last task, with LF and CRLF, indented and
    /// indentless lists, with and without sections after the tasks.
    @Test func addingATaskMatchesAWholeRead() throws {
        for lineBreak in ["\n", "\r\n"] {
            for indentless in [false, true] {
                for text in [Self.chain(12, break: lineBreak, indentless: indentless),
                             Self.withSectionsAfter(12, break: lineBreak, indentless: indentless)] {
                    let document = PlanDocument(text: text)
                    for index in [0, 5, 11] {
                        try added(document, Self.newTask("n\(index)", after: "t\(index)", indentless: indentless), after: index)
                    }
                }
            }
        }
    }

    /// By hand, on `chain(12)`: t5 is lines 30–35 (pinned to 2026-01-15, two
    /// days), t6 starts on line 36. The new task takes lines 36–40 and starts
    /// on the 17th; t6 moves to line 41, t11 from 62 to 67.
    @Test func anAddedTaskSavesTheHandWorkedText() throws {
        let text = Self.chain(12)
        let document = PlanDocument(text: text)
        let item = Self.newTask("n", after: "t5")
        let fast = try added(document, item, after: 5)
        #expect(fast.text == text.replacingOccurrences(of: "    days: 2\n  - id: t6\n", with: "    days: 2\n" + item + "\n  - id: t6\n"))
        #expect(fast.plan?.tasks.map(\.id) == ["t0", "t1", "t2", "t3", "t4", "t5", "n", "t6", "t7", "t8", "t9", "t10", "t11"])
        // (A task's place is its id's: after "  - id: ", column 9.)
        #expect(fast.plan?.task("n")?.location == .init(line: 36, column: 9))
        #expect(fast.plan?.task("t6")?.location.line == 41 && fast.plan?.task("t11")?.location.line == 67)
        #expect(fast.schedule?[id: "n"]?.earlyStart == Day(year: 2026, month: 1, day: 17))
        #expect(fast.diagnostics.isEmpty)
    }

    /// An add that repeats an id is still an error, where the copy's id is:
    /// after t7 (lines 46–50) on `chain(12)`, the new `id: t2` is on line
    /// 46, column 9, and t2's own is on line 15; LF and CRLF alike.
    @Test func aDuplicateIDTheAddMakesIsStillAnError() throws {
        for lineBreak in ["\n", "\r\n"] {
            let document = PlanDocument(text: Self.chain(12, break: lineBreak))
            let fast = try added(document, Self.newTask("t2", after: "t7"), after: 7)
            #expect(fast.diagnostics.errors.map(\.location) == [.init(line: 46, column: 9)])
            #expect(fast.diagnostics.errors.first?.message == "duplicate task id 't2' (first at line 15)")
            // And an unknown phase and `after:` in the new lines, at their places (lines 48 and 49).
            let broken = try added(document, Self.newTask("n", after: "nosuch").replacingOccurrences(of: "phase: one", with: "phase: two"), after: 7)
            #expect(broken.diagnostics.errors.map(\.location.line) == [48, 49])
        }
    }

    /// The last task of a file without a final line break (that line gets
    /// one, the new last line has none), and comments after a task and at
    /// the end, which stay below the new task.
    @Test func theLastLineAndCommentsAroundAnAddedTaskMatchAWholeRead() throws {
        var unended = Self.chain(8)
        unended.removeLast()
        let document = PlanDocument(text: unended)
        let last = try added(document, Self.newTask("n", after: "t7"), after: 7)
        #expect(last.text == unended + "\n" + Self.newTask("n", after: "t7"))
        try added(document, Self.newTask("n", after: "t3"), after: 3)

        let commented = PlanDocument(text: Self.chain(8).replacingOccurrences(of: "    days: 2\n  - id: t3\n",
                                                                              with: "    days: 2\n  # t3 is next\n\n  - id: t3\n") + "# the end\n")
        let afterT2 = try added(commented, Self.newTask("n", after: "t2"), after: 2)
        #expect(afterT2.text.contains("    after: [t1]\n    days: 2\n" + Self.newTask("n", after: "t2") + "\n  # t3 is next\n\n  - id: t3\n"))
        let afterLast = try added(commented, Self.newTask("n", after: "t7"), after: 7)
        #expect(afterLast.text.hasSuffix("    days: 2\n" + Self.newTask("n", after: "t7") + "\n# the end\n"))
    }

    /// A `|+` value keeps the blank lines after it: once a task goes in below
    /// its task, they are the new task's, and the value above loses them. A
    /// `|` value on a last line without a break gains one.
    @Test func blockValuesAboveAnAddedTaskAreReadAgain() throws {
        let kept = PlanDocument(text: Self.chain(6).replacingOccurrences(of: "    after: [t1]\n    days: 2\n",
                                                                         with: "    after: [t1]\n    days: 2\n    mitigation: |+\n      call the agency\n\n"))
        #expect(kept.plan?.task("t2")?.mitigation == "call the agency\n\n")
        let fast = try added(kept, Self.newTask("n", after: "t2"), after: 2)
        #expect(fast.plan?.task("t2")?.mitigation == "call the agency\n")
        // Duplicated, the copy is the one with the blank line after it.
        var history = PlanEditHistory(document: kept, savedText: kept.text)
        _ = try history.apply(.duplicateTask(id: "t2"))
        #expect(history.document.plan?.task("t2")?.mitigation == "call the agency\n")
        #expect(history.document.plan?.task("t2-copy")?.mitigation == "call the agency\n\n")
        sameAsWholeRead(history.document)

        var unended = Self.chain(4) + "    mitigation: |\n      call"
        let clipped = PlanDocument(text: unended)
        #expect(clipped.plan?.task("t3")?.mitigation == "call")
        let gained = try added(clipped, Self.newTask("n", after: "t3"), after: 3)
        #expect(gained.plan?.task("t3")?.mitigation == "call\n")
        unended += "\n"
        #expect(gained.text == unended + Self.newTask("n", after: "t3"))
    }

    /// By hand, on `withSectionsAfter(6)`: the tasks end at line 35; the
    /// alerts start on lines 41 and 47, a refused key is at 44:5 and an
    /// undeclared channel at 46:19. Five lines after t5 move each five lower.
    @Test func sectionsAndMessagesAfterAnAddedTaskMoveDown() throws {
        let document = PlanDocument(text: Self.withSectionsAfter(6))
        let fast = try added(document, Self.newTask("n", after: "t5"), after: 5)
        #expect(document.plan?.alerts.map(\.location.line) == [41, 47] && fast.plan?.alerts.map(\.location.line) == [46, 52])
        let places = fast.diagnostics.map(\.location)
        #expect(places.contains(.init(line: 49, column: 5)) && places.contains(.init(line: 51, column: 19)))
        #expect(fast.diagnostics.map(\.location) == document.diagnostics.map { .init(line: $0.location.line + 5, column: $0.location.column) })
        // A reader's message in a task below moves too: t4's `days: 0` (line 29, column 11).
        let zero = PlanDocument(text: Self.chain(6).replacingOccurrences(of: "    after: [t3]\n    days: 2\n", with: "    after: [t3]\n    days: 0\n"))
        #expect(zero.diagnostics.errors.map(\.location) == [.init(line: 29, column: 11)])
        #expect(try added(zero, Self.newTask("n", after: "t1"), after: 1).diagnostics.errors.map(\.location) == [.init(line: 34, column: 11)])
    }

    /// Flow-mapping tasks: `a` writes the new task as one `{ … }` line, after
    /// the comment-free neighbour; a one-task list gets its second task.
    @Test func flowTasksAndAOneTaskListTakeAnAddedTask() throws {
        let text = """
        campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }
        tasks:
          - { id: a, name: A, start: 2026-01-05, days: 2 }
          - { id: b, after: [a], days: 1 }

        """
        var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
        _ = try history.apply(.addTask(id: "qa", name: "QA", afterTask: "a"))
        #expect(history.document.text == text.replacingOccurrences(of: "days: 2 }\n", with: "days: 2 }\n  - { id: qa, name: QA, after: [a], days: 1 }\n"))
        sameAsWholeRead(history.document)
        let one = PlanDocument(text: "campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }\ntasks:\n  - id: a\n    start: 2026-01-05\n    days: 2\n")
        let second = try added(one, "  - id: b\n    after: [a]\n    days: 1", after: 0)
        #expect(second.plan?.tasks.map(\.id) == ["a", "b"] && second.plan?.task("b")?.location.line == 6)
    }

    /// With no task in the list there is nothing to add after: the editor
    /// refuses, and the text is unchanged.
    @Test func anEmptyTaskListRefusesAnAdd() throws {
        for tasks in ["tasks: []\n", "tasks:\n"] {
            let text = "campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }\n" + tasks
            var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
            #expect(throws: PlanDocument.EditError.self) { try history.apply(.addTask(id: "n", name: "N", afterTask: "a")) }
            #expect(history.document.text == text)
        }
    }

    /// Sections after the tasks that read without a message.
    static let validSectionsAfter = """
        targets:
          - { metric: ctr, target: 0.03 }
        # alerts are judged per channel
        alerts:
          - { name: slow, metric: ctr, below: 0.01, notify: [ops] }
        notify:
          - id: ops
            kind: webhook
            url: http://127.0.0.1:9000/alerts

        """

    /// `D` on the first, a middle and the last task (LF and CRLF, indented
    /// and indentless, sections after): the copy right below with its new id
    /// and name, read alone; by hand on `chain(12)`'s t5 (lines 30–35).
    @Test func duplicatingATaskMatchesAWholeReadAndTheHandWorkedText() throws {
        for lineBreak in ["\n", "\r\n"] {
            for indentless in [false, true] {
                let text = Self.chain(12, break: lineBreak, indentless: indentless) + Self.validSectionsAfter.replacingOccurrences(of: "\n", with: lineBreak)
                #expect(PlanDocument(text: text).diagnostics.isEmpty)
                for id in ["t0", "t5", "t11"] {
                    var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
                    _ = try history.apply(.duplicateTask(id: id))
                    sameAsWholeRead(history.document)
                    let index = try #require(history.document.plan?.tasks.firstIndex { $0.id == id })
                    #expect(history.document.plan?.tasks[index + 1].id == id + "-copy")
                }
            }
        }
        let text = Self.chain(12)
        var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
        _ = try history.apply(.duplicateTask(id: "t5"))
        let t5 = "    name: Task 5\n    phase: one\n    after: [t4]\n    start: 2026-01-15\n    days: 2\n"
        #expect(history.document.text == text.replacingOccurrences(of: "  - id: t5\n" + t5,
                                                                  with: "  - id: t5\n" + t5 + "  - id: t5-copy\n" + t5.replacingOccurrences(of: "Task 5", with: "Task 5 (copy)")))
        #expect(history.document.plan?.task("t5-copy")?.location == .init(line: 36, column: 9))
        #expect(history.document.plan?.task("t6")?.location.line == 42)
        #expect(history.document.diagnostics.isEmpty)
    }

    /// A task whose lines hold an alias to an anchor in another task cannot
    /// be read alone: its copy's id and name are set in the whole plan, as
    /// before, and the copy reads the anchor's value.
    @Test func duplicatingATaskWithAnAliasSetsItsCopyInThePlan() throws {
        let t2 = "  - id: t2\n    name: Task 2\n    owner: *lead\n    phase: one\n    after: [t1]\n    days: 2\n"
        let text = Self.chain(6).replacingOccurrences(of: "    name: Task 0\n", with: "    name: Task 0\n    owner: &lead ann\n")
            .replacingOccurrences(of: "  - id: t2\n    name: Task 2\n", with: "  - id: t2\n    name: Task 2\n    owner: *lead\n")
        #expect(text.contains(t2))
        var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
        _ = try history.apply(.duplicateTask(id: "t2"))
        #expect(history.document.text == text.replacingOccurrences(of: t2, with: t2 + t2.replacingOccurrences(of: "id: t2", with: "id: t2-copy")
            .replacingOccurrences(of: "Task 2", with: "Task 2 (copy)")))
        #expect(history.document.plan?.task("t2-copy")?.owner == "ann")
        sameAsWholeRead(history.document)
    }

    /// An anchor or alias among the tasks: left to the whole read, which
    /// still adds the task.
    @Test func anAnchorAmongTheTasksLeavesAnAddToTheWholeRead() throws {
        let text = Self.chain(6).replacingOccurrences(of: "    name: Task 4\n", with: "    name: &four Task 4\n")
        let document = PlanDocument(text: text)
        let range = try document.itemLines([.key("tasks")], index: 1)
        let edited = try document.insertingItem(Self.newTask("n", after: "t1"), into: [.key("tasks")], after: 1)
        #expect(document.addingTask(after: 1, firstLine: range.upperBound + 1, lineCount: 5, edited: edited.text) == nil)
        #expect(edited.plan?.task("n")?.location.line == 15 && edited.plan?.task("t4")?.name == "Task 4")
    }
}

/// Deleting the last task of a file without a final line break: its lines
/// and the break before them go, and only the task above is read again.
extension PlanTaskRereadTests {
    @Test func deletingTheLastTaskOfAFileWithoutAFinalBreakMatchesAWholeRead() throws {
        for lineBreak in ["\n", "\r\n"] {
            for indentless in [false, true] {
                var text = Self.chain(8, break: lineBreak, indentless: indentless)
                text.removeLast() // the final break ("\r\n" is one Character)
                let document = PlanDocument(text: text)
                let range = try document.itemLines([.key("tasks")], index: 7)
                // t7 is lines 41–45; the text then ends after t6's `days: 2` on line 40, with no break.
                #expect(range == 41...45)
                let t7 = try #require(text.range(of: lineBreak + (indentless ? "- " : "  - ") + "id: t7"))
                let expected = String(text[..<t7.lowerBound])
                #expect(expected.hasSuffix("days: 2") && !text[t7.upperBound...].contains("id:"))
                let fast = try #require(document.removingLastTask(at: 7, lines: range, edited: expected))
                sameAsWholeRead(fast)
                #expect(fast.plan?.tasks.map(\.id) == ["t0", "t1", "t2", "t3", "t4", "t5", "t6"])
                let removed = try document.removingItem(at: 7, of: [.key("tasks")])
                #expect(removed.text == expected && removed.diagnostics == fast.diagnostics)
            }
        }
        // A `|` value above: it loses its line break with the line.
        let clipped = PlanDocument(text: Self.chain(4) + "    mitigation: |\n      call\n" + Self.newTask("n", after: "t3"))
        #expect(clipped.plan?.task("t3")?.mitigation == "call\n")
        var history = PlanEditHistory(document: clipped, savedText: clipped.text)
        _ = try history.apply(.deleteTask(id: "n"))
        #expect(history.document.text == Self.chain(4) + "    mitigation: |\n      call")
        #expect(history.document.plan?.task("t3")?.mitigation == "call")
        sameAsWholeRead(history.document)
    }
}
