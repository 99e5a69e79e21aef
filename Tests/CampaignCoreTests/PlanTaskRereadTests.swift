@testable import CampaignCore
import Testing
import Yams

/// An edit inside one task re-reads only that task (`PlanDocument+TaskReread`).
/// Each test checks that the fast path was taken, and that what it gives is
/// what reading the whole edited text gives: tree (with every position),
/// plan, diagnostics and schedule; and that the checks still fire, at
/// positions worked out by hand.
@Suite struct PlanTaskRereadTests {
    typealias Edit = (path: [PlanDocument.PathComponent], value: PlanDocument.Value)

    /// `tasks` tasks in a chain, every fifth pinned at its earliest start.
    static func chain(_ tasks: Int, break lineBreak: String = "\n", indentless: Bool = false) -> String {
        let dash = indentless ? "- " : "  - ", more = indentless ? "  " : "    "
        var lines = ["campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }",
                     "phases:", "  - { id: one, name: One, weeks: 1-40 }", "tasks:"]
        for index in 0..<tasks {
            lines.append("\(dash)id: t\(index)")
            lines.append("\(more)name: Task \(index)")
            lines.append("\(more)phase: one")
            if index == 0 {
                lines.append("\(more)start: 2026-01-05")
            } else {
                lines.append("\(more)after: [t\(index - 1)]")
                if index % 5 == 0 { lines.append("\(more)start: \(Day(year: 2026, month: 1, day: 5)! + index * 2)") }
            }
            lines.append("\(more)days: 2")
        }
        return lines.joined(separator: lineBreak) + lineBreak
    }

    /// Edits through the fast path (which must take them), compared with a read of the whole text.
    @discardableResult
    func rereadMatchesWholeRead(_ document: PlanDocument, _ edits: [Edit],
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PlanDocument {
        let (text, changes) = try document.textSetting(edits)
        let (fast, whole) = try changeMatchesWholeRead(document, at: edits.map(\.path), changes: changes, edited: text,
                                                       sourceLocation: sourceLocation)
        // And `setting` gives the same document.
        let set = try document.setting(edits)
        #expect(set.text == text && set.diagnostics == whole.diagnostics, sourceLocation: sourceLocation)
        return fast
    }

    /// Changes through the fast path (which must take them), compared with a read of the whole text.
    func changeMatchesWholeRead(_ document: PlanDocument, at paths: [[PlanDocument.PathComponent]], changes: [TextChange], edited text: String,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (fast: PlanDocument, whole: PlanDocument) {
        let fast = try #require(document.rereadingTasks(at: paths, changes: changes, edited: text),
                                "the fast path declined", sourceLocation: sourceLocation)
        return (fast, sameAsWholeRead(fast, sourceLocation: sourceLocation))
    }

    /// A read of `fast`'s whole text, after checking it gives what `fast` holds.
    @discardableResult
    func sameAsWholeRead(_ fast: PlanDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> PlanDocument {
        let text = fast.text
        let whole = PlanDocument(text: text)
        #expect(fast.text == whole.text, sourceLocation: sourceLocation)
        #expect(fast.diagnostics == whole.diagnostics, sourceLocation: sourceLocation)
        let (fastPlan, wholePlan) = (Self.dumped(fast.plan), Self.dumped(whole.plan))
        #expect(fastPlan == wholePlan, "\(Array(fastPlan.difference(from: wholePlan)).prefix(6))", sourceLocation: sourceLocation)
        #expect(fast.schedule == whole.schedule, sourceLocation: sourceLocation)
        #expect(Self.outline(fast.tree.root) == Self.outline(whole.tree.root), sourceLocation: sourceLocation)
        #expect(fast.tree.lineStarts == whole.tree.lineStarts, sourceLocation: sourceLocation)
        return whole
    }

    /// The plan's every value, as lines in sorted order: `dump` lists a
    /// dictionary (a task's field positions) in its storage order, which two
    /// equal dictionaries need not share.
    static func dumped(_ plan: Plan?) -> [Substring] {
        guard let plan else { return [] }
        var text = ""
        dump(plan, to: &text)
        return text.split(separator: "\n").sorted()
    }

    /// Every node with its kind, text, style and position, in document order.
    static func outline(_ node: Node?) -> [String] {
        guard let node else { return ["nil"] }
        let place = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            return ["scalar \(place) \(scalar.style) \(scalar.string)"]
        case .mapping(let mapping):
            return ["mapping \(place) \(mapping.count)"] + mapping.flatMap { outline($0.key) + outline($0.value) }
        case .sequence(let sequence):
            return ["sequence \(place) \(sequence.count)"] + sequence.flatMap { outline($0) }
        case .alias:
            return ["alias \(place)"]
        }
    }

    func start(_ task: Int) -> [PlanDocument.PathComponent] { [.key("tasks"), .index(task), .key("start")] }

    @Test func movingTheFirstTaskAndPushedPinsMatchesAWholeRead() throws {
        let document = PlanDocument(text: Self.chain(30))
        #expect(document.diagnostics.isEmpty)
        try rereadMatchesWholeRead(document, [(start(0), .literal("2026-01-06"))])
        try rereadMatchesWholeRead(document, [(start(5), .literal("2026-01-16")), (start(10), .literal("2026-01-26")),
                                              (start(29 / 5 * 5), .literal("2026-03-01"))])
        try rereadMatchesWholeRead(document, [([.key("tasks"), .index(3), .key("days")], .literal("4")),
                                              ([.key("tasks"), .index(3), .key("name")], .text("a: b #c")),
                                              ([.key("tasks"), .index(29), .key("name")], .text("最后一个"))])
    }

    @Test func indentlessListsAndWindowsLineBreaksMatchAWholeRead() throws {
        try rereadMatchesWholeRead(PlanDocument(text: Self.chain(12, indentless: true)),
                                   [(start(5), .literal("2026-01-20")), (start(0), .literal("2026-01-06"))])
        let crlf = PlanDocument(text: Self.chain(12, break: "\r\n"))
        #expect(crlf.diagnostics.isEmpty)
        let edited = try rereadMatchesWholeRead(crlf, [(start(10), .literal("2026-02-01"))])
        #expect(edited.text.contains("    start: 2026-02-01\r\n"))
    }

    /// Flow-mapping tasks, comments between tasks, a kept block scalar
    /// (`|+`, whose trailing blank lines belong to it) before an edited task
    /// further down, and a section after `tasks:`.
    @Test func flowTasksCommentsBlockScalarsAndALaterSectionMatchAWholeRead() throws {
        let text = """
        campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }
        tasks:
          # the first one
          - { id: a, name: A, start: 2026-01-05, days: 2, owner: ann }
          - id: b
            after: [a]
            days: 3
            mitigation: |+
              call the agency

          - { id: c, name: "C, quoted", after: [b], days: 1 }
          - id: d
            after: [c]
            days: 1
          # trailing comment

        alerts:
          - { name: slow, metric: ctr, below: 0.01 }

        """
        let document = PlanDocument(text: text)
        #expect(!document.diagnostics.hasErrors)
        try rereadMatchesWholeRead(document, [([.key("tasks"), .index(0), .key("owner")], .text("bob")),
                                              ([.key("tasks"), .index(1), .key("days")], .literal("4")),
                                              ([.key("tasks"), .index(2), .key("days")], .literal("5"))])
        // b and d, with c between them: b's kept blank line must not grow.
        let kept = try rereadMatchesWholeRead(document, [([.key("tasks"), .index(1), .key("days")], .literal("4")),
                                                         ([.key("tasks"), .index(3), .key("days")], .literal("6"))])
        #expect(kept.plan?.task("b")?.mitigation == "call the agency\n\n")
    }

    /// Values written over in place (no parse) and the cases that parse the
    /// task again: a tag in the task, a `{ … }` task whose value changes
    /// length, a value that is not plain or not one line, text that would
    /// not read back as written.
    @Test func valuesWrittenInPlaceMatchAWholeRead() throws {
        let text = """
        campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }
        tasks:
          - { id: a, name: A, start: 2026-01-05, days: 2, owner: ann }   # flow
          - id: b
            after: [a]
            days: !!int 3
          - id: c
            after: [b]
            days: 1    # one day
            owner: "cy"
            risk: goes
              on
          - id: d
            after: [c]
            days: 1

        """
        let document = PlanDocument(text: text)
        #expect(!document.diagnostics.hasErrors && document.plan?.task("c")?.risk == "goes on")
        func path(_ task: Int, _ key: String) -> [PlanDocument.PathComponent] { [.key("tasks"), .index(task), .key(key)] }
        for edits: [Edit] in [[(path(0, "days"), .literal("9")), (path(0, "owner"), .text("bob"))],
                              [(path(0, "days"), .literal("10")), (path(0, "owner"), .text("bo"))],
                              [(path(1, "days"), .literal("4"))], [(path(2, "days"), .literal("12"))],
                              [(path(2, "owner"), .text("dee"))], [(path(2, "risk"), .text("low"))],
                              [(path(2, "days"), .literal("0"))], [(path(3, "days"), .literal("null"))],
                              [(path(3, "days"), .literal("1.5"))], [(path(3, "owner"), .text("x"))],
                              [(path(0, "start"), .literal("2026-01-07")), (path(3, "days"), .literal("3"))]] {
            try rereadMatchesWholeRead(document, edits)
        }
    }

    @Test func theDemoPlansTasksMatchAWholeRead() throws {
        let document = PlanDocument(text: DemoCampaign.planText())
        let count = try #require(document.plan?.tasks.count)
        for index in 0..<count {
            try rereadMatchesWholeRead(document, [([.key("tasks"), .index(index), .key("name")], .text("某事 #\(index)"))])
        }
    }

    // MARK: Checks still made on the fast path, positions worked out by hand

    /// Line 5 is `  - id: t0`; with `name`, `phase`, `start`, `days` below it
    /// (values at column 12 after `    name: `, 13 after `    phase: `, …).
    @Test func aValueTheReaderRefusesIsReportedAtItsPosition() throws {
        let document = PlanDocument(text: Self.chain(10))
        let edited = try rereadMatchesWholeRead(document, [([.key("tasks"), .index(0), .key("days")], .literal("0"))])
        // t0's lines: 5 id, 6 name, 7 phase, 8 start, 9 days; "    days: " is 10 columns.
        let error = try #require(edited.diagnostics.errors.first)
        #expect(error.formatted(file: "plan.yaml") == "plan.yaml:9:11: 'days' in task 't0' must be at least 1, got 0")
    }

    @Test func aStartBeforeTheCampaignIsStillWarnedAbout() throws {
        let document = PlanDocument(text: Self.chain(10))
        let edited = try rereadMatchesWholeRead(document, [(start(0), .literal("2026-01-01"))])
        // "    start: " is 11 columns: the date is at column 12 of line 8.
        #expect(edited.diagnostics.warnings.map { $0.formatted(file: "p").replacingOccurrences(of: "warning: ", with: "") }
                    .contains("p:8:12: task 't0' starts on 2026-01-01, before the campaign starts (2026-01-05)"))
    }

    @Test func aDuplicateIDAndAnUnknownPhaseAreStillErrors() throws {
        let document = PlanDocument(text: Self.chain(10))
        // t1 starts on line 10 (t0 has five lines, 5–9): `  - id: t1`, its id at column 9.
        let duplicate = try rereadMatchesWholeRead(document, [([.key("tasks"), .index(1), .key("id")], .literal("t0"))])
        #expect(duplicate.diagnostics.errors.contains { $0.location == CampaignCore.SourceLocation(line: 10, column: 9)
            && $0.message == "duplicate task id 't0' (first at line 5)" })
        // t1's phase is on line 12, after "    phase: " (11 columns).
        let phase = try rereadMatchesWholeRead(document, [([.key("tasks"), .index(1), .key("phase")], .literal("two"))])
        #expect(phase.diagnostics.errors.map(\.location) == [CampaignCore.SourceLocation(line: 12, column: 12)])
        #expect(phase.diagnostics.errors.first?.message.hasPrefix("unknown phase 'two' in task 't1'") == true)
    }

    /// A duplicate key or broken YAML written into a task cannot be read
    /// alone with certainty: the fast path declines, and the whole read
    /// reports it where it is.
    @Test func aDuplicateKeyOrBrokenYAMLFallsBackToTheWholeRead() throws {
        let text = """
        campaign: { id: c, name: C, timezone: UTC, start: 2026-01-05, budget: 1000 }
        tasks:
          - { id: a, name: A, start: 2026-01-05, days: 2, owner: ann }
          - { id: b, after: [a], days: 1 }

        """
        let document = PlanDocument(text: text)
        let ownerPath: [PlanDocument.PathComponent] = [.key("tasks"), .index(0), .key("owner")]
        let (duplicated, changes) = try document.textSetting([(ownerPath, .literal("ann, days: 3"))])
        #expect(document.rereadingTasks(at: [ownerPath], changes: changes, edited: duplicated) == nil)
        // Both `days` are on line 3 (the first at column 42, after the 41
        // columns of "  - { id: a, name: A, start: 2026-01-05, ").
        let duplicate = try #require(PlanDocument(text: duplicated).diagnostics.first)
        #expect(duplicate.location.line == 3 && duplicate.message == "duplicate key 'days' (first at line 3)")
        let (broken, brokenChanges) = try document.textSetting([(ownerPath, .literal("[ann"))])
        #expect(document.rereadingTasks(at: [ownerPath], changes: brokenChanges, edited: broken) == nil)
        #expect(PlanDocument(text: broken).diagnostics.first?.message.hasPrefix("not valid YAML") == true)
    }

    /// An anchor or alias shared with other lines goes through the whole
    /// read.
    @Test func anchorsAndAliasesSharedWithOtherLinesAreLeftToTheWholeRead() throws {
        let anchored = PlanDocument(text: Self.chain(6).replacingOccurrences(of: "    name: Task 1\n", with: "    name: &shared Task 1\n")
            .replacingOccurrences(of: "    name: Task 3\n", with: "    name: *shared\n"))
        #expect(anchored.plan?.task("t3")?.name == "Task 1")
        let daysPath: [PlanDocument.PathComponent] = [.key("tasks"), .index(1), .key("days")]
        let (edited, anchorChanges) = try anchored.textSetting([(daysPath, .literal("3"))])
        #expect(anchored.rereadingTasks(at: [daysPath], changes: anchorChanges, edited: edited) == nil)
        // An alias below a line the edit adds: its node keeps the anchor's place.
        let ownerPath: [PlanDocument.PathComponent] = [.key("tasks"), .index(0), .key("owner")]
        let (below, belowChanges) = try anchored.textSetting([(ownerPath, .text("ann"))])
        #expect(anchored.rereadingTasks(at: [ownerPath], changes: belowChanges, edited: below) == nil)
        #expect(try anchored.setting(ownerPath, to: .text("ann")).plan?.task("t0")?.owner == "ann")

        // An alias after the tasks to an anchor above them: reading those
        // sections alone cannot resolve it, so the whole file is read.
        let aliased = PlanDocument(text: Self.chain(6).replacingOccurrences(of: "name: C,", with: "name: &label C,")
            + "alerts:\n  - { name: *label, metric: ctr, below: 0.01 }\n")
        #expect(aliased.plan?.alerts.first?.name == "C")
        let (aliasEdited, aliasChanges) = try aliased.textSetting([(ownerPath, .text("ann"))])
        #expect(aliased.rereadingTasks(at: [ownerPath], changes: aliasChanges, edited: aliasEdited) == nil)
        let aliasSet = try aliased.setting(ownerPath, to: .text("ann"))
        #expect(aliasSet.text == aliasEdited && aliasSet.plan?.alerts.first?.name == "C")
        sameAsWholeRead(aliasSet)
    }

    // MARK: Sections after the tasks, read again when lines move them

    /// After the tasks: targets, a comment, alerts (one with a key the reader
    /// refuses and a channel no `notify:` declares, one with a metric the
    /// rule checks refuse), notify and notify_policy.
    static let sectionsAfter = """
        targets:
          - { metric: ctr, target: 0.03 }
          - { metric: cvr, at_least: 0.05 }
        # alerts are judged per channel
        alerts:
          - name: CTR low
            metric: ctr
            below: 0.01
            colour: red
            severity: critical
            notify: [ops, pager]
          - { name: slow, metric: nosuch, below: 1 }
        notify:
          - id: ops
            kind: webhook
            url: http://127.0.0.1:9000/alerts
        notify_policy:
          group_wait: 1m

        """

    static func withSectionsAfter(_ tasks: Int, break lineBreak: String = "\n", indentless: Bool = false) -> String {
        chain(tasks, break: lineBreak, indentless: indentless) + sectionsAfter.replacingOccurrences(of: "\n", with: lineBreak)
    }

    @Test func linesMovingTheSectionsAfterTheTasksMatchAWholeRead() throws {
        for lineBreak in ["\n", "\r\n"] {
            for indentless in [false, true] {
                let document = PlanDocument(text: Self.withSectionsAfter(30, break: lineBreak, indentless: indentless))
                #expect(document.diagnostics.count >= 3)
                try rereadMatchesWholeRead(document, [(owner(0), .text("ann"))])
                try rereadMatchesWholeRead(document, [(owner(29), .text("bob"))])
                try rereadMatchesWholeRead(document, [(start(1), .literal("2026-01-07")), (owner(2), .text("dee")), (owner(29), .text("cy"))])
                // A value losing its second line: the sections move up.
                let twoLines = try document.setting(name(29), to: .text("Task\n29"))
                #expect(twoLines.text.contains("name: |-") || twoLines.text.contains("name: \"Task\\n29\""))
                try rereadMatchesWholeRead(twoLines, [(name(29), .text("one line"))])
                try rereadMatchesWholeRead(document, [(name(29), .text("Task\n29"))])
            }
        }
    }

    /// By hand, on six tasks: t0 is lines 5–9, t1–t4 five lines each, t5
    /// (pinned) six: the tasks end at line 35. `targets:` is 36, the comment
    /// 39, `alerts:` 40, the first alert's `- name` 41 and its `colour:` 44
    /// (column 5); `pager` is on 46 at column 19; the second alert is line 47;
    /// `notify:` 48 with `ops` on 49, `notify_policy:` 52.
    @Test func messagesAfterTheTasksMoveWithTheirLines() throws {
        let document = PlanDocument(text: Self.withSectionsAfter(6))
        let places = document.diagnostics.map(\.location)
        #expect(places.contains(.init(line: 44, column: 5)))
        #expect(places.contains(.init(line: 46, column: 19)))
        #expect(places.contains { $0.line == 47 })
        #expect(document.plan?.alerts.map(\.location.line) == [41, 47])
        // `owner: ann` goes under t0: everything after the tasks is a line lower.
        let added = try rereadMatchesWholeRead(document, [(owner(0), .text("ann"))])
        #expect(added.diagnostics.map(\.location) == places.map { .init(line: $0.line + 1, column: $0.column) })
        #expect(added.plan?.alerts.map(\.location.line) == [42, 48])
        #expect(added.plan?.notify.map(\.location.line) == [50])
        guard case .mapping(let top)? = added.tree.root else { Issue.record("no top-level mapping"); return }
        #expect(top.first { $0.key.string == "notify_policy" }?.key.location.line == 53)
        // t2 deleted: five lines up.
        let range = try document.itemLines([.key("tasks")], index: 2)
        #expect(range == 15...19)
        let starts = document.tree.lineStarts
        let edited = String(document.text[..<starts[14]]) + String(document.text[starts[19]...])
        let removed = try #require(document.removingTask(at: 2, lines: range, edited: edited))
        sameAsWholeRead(removed)
        #expect(removed.plan?.alerts.map(\.location.line) == [36, 42])
        #expect(removed.diagnostics.map(\.location).contains(.init(line: 39, column: 5)))
    }

    /// The plan `campaign-deck init` writes (its targets and alerts follow
    /// its tasks), grown to 300 tasks: a new line in its first, middle and
    /// last task, and a task deleted.
    @Test func theDemoPlanGrownToManyTasksMatchesAWholeRead() throws {
        var added = ""
        for index in 0..<280 {
            added += "  - id: g\(index)\n    name: Task \(index)\n    phase: review\n    owner: o\n    days: 1\n"
        }
        let text = DemoCampaign.planText().replacingOccurrences(of: "\ntargets:", with: added + "\ntargets:")
        #expect(text.contains("    milestone: true\n  - id: g0\n"))
        let document = PlanDocument(text: text)
        let count = try #require(document.plan?.tasks.count)
        #expect(count > 280)
        #expect(!(document.plan?.alerts.isEmpty ?? true) && !(document.plan?.targets.isEmpty ?? true))
        func risk(_ task: Int) -> [PlanDocument.PathComponent] { [.key("tasks"), .index(task), .key("risk")] }
        try rereadMatchesWholeRead(document, [(risk(0), .text("天气"))])
        try rereadMatchesWholeRead(document, [(risk(count / 2), .text("late"))])
        try rereadMatchesWholeRead(document, [(risk(count - 1), .text("late")), (risk(3), .text("x"))])
        for index in [1, count / 2, count - 2] {
            let range = try document.itemLines([.key("tasks")], index: index)
            let starts = document.tree.lineStarts
            let edited = String(document.text[..<starts[range.lowerBound - 1]]) + String(document.text[starts[range.upperBound]...])
            let fast = try #require(document.removingTask(at: index, lines: range, edited: edited))
            sameAsWholeRead(fast)
        }
    }

    // MARK: Edits that add or remove lines

    func owner(_ task: Int) -> [PlanDocument.PathComponent] { [.key("tasks"), .index(task), .key("owner")] }
    func name(_ task: Int) -> [PlanDocument.PathComponent] { [.key("tasks"), .index(task), .key("name")] }

    /// A key a task lacked gets a line of its own: on the first task, the
    /// last, several at once (as pushed pins are), with LF, CRLF and an
    /// indentless list; the tasks below move down.
    @Test func aNewKeyLineOnTheFirstAndLastTaskMatchesAWholeRead() throws {
        for text in [Self.chain(30), Self.chain(30, break: "\r\n"), Self.chain(30, indentless: true)] {
            let document = PlanDocument(text: text)
            #expect(document.diagnostics.isEmpty)
            let first = try rereadMatchesWholeRead(document, [(owner(0), .text("ann"))])
            // t0's lines are 5–9; `owner: ann` is line 10, and t1's `- id` moves from 10 to 11.
            #expect(first.plan?.task("t0")?.fields.of("owner") == CampaignCore.SourceLocation(line: 10, column: text.contains("\n- ") ? 10 : 12))
            #expect(first.plan?.task("t1")?.location.line == 11)
            try rereadMatchesWholeRead(document, [(owner(29), .text("bob"))])
            // Three tasks in one edit, the lower ones moved by one and two lines.
            try rereadMatchesWholeRead(document, [(start(1), .literal("2026-01-07")), (start(13), .literal("2026-01-31")),
                                                  (owner(29), .text("cy")), (owner(2), .text("dee"))])
            // A new line in one task and a changed value in another.
            try rereadMatchesWholeRead(document, [(owner(3), .text("eve")), (start(25), .literal("2026-03-01"))])
        }
    }

    /// The last task of a file without a final line break, and one followed
    /// by comments: the new line goes after the task's last value.
    @Test func theLastLineAndCommentsAfterATaskMatchAWholeRead() throws {
        var unended = Self.chain(8)
        unended.removeLast()
        let document = PlanDocument(text: unended)
        #expect(document.diagnostics.isEmpty)
        let edited = try rereadMatchesWholeRead(document, [(owner(7), .text("ann"))])
        #expect(edited.text.hasSuffix("    days: 2\n    owner: ann"))
        try rereadMatchesWholeRead(document, [(owner(7), .text("ann")), (owner(0), .text("bob"))])

        let commented = PlanDocument(text: Self.chain(8).replacingOccurrences(of: "    days: 2\n  - id: t3\n",
                                                                              with: "    days: 2\n  # t3 is next\n\n  - id: t3\n") + "# the end\n")
        #expect(commented.diagnostics.isEmpty)
        try rereadMatchesWholeRead(commented, [(owner(2), .text("ann"))])
        try rereadMatchesWholeRead(commented, [(owner(2), .text("ann")), (owner(3), .text("bob")), (owner(7), .text("cy"))])
    }

    /// A value over several lines (a plain one continued, a `|` block)
    /// replaced by one on a single line: the lines below move up.
    @Test func aValueLosingLinesMatchesAWholeRead() throws {
        let text = Self.chain(10)
            .replacingOccurrences(of: "    name: Task 2\n", with: "    name: Task 2\n      goes on\n      over three lines\n")
            .replacingOccurrences(of: "    name: Task 9\n", with: "    name: Task 9\n    mitigation: |\n      call\n      the agency\n")
        let document = PlanDocument(text: text)
        #expect(document.plan?.task("t2")?.name == "Task 2 goes on over three lines")
        #expect(document.plan?.task("t9")?.mitigation == "call\nthe agency\n")
        let shorter = try rereadMatchesWholeRead(document, [(name(2), .text("short"))])
        // t3 was at line 22 (t0 5 lines, t1 and t2 five each and t2 two more): now 20.
        #expect(document.plan?.task("t3")?.location.line == 22 && shorter.plan?.task("t3")?.location.line == 20)
        try rereadMatchesWholeRead(document, [([.key("tasks"), .index(9), .key("mitigation")], .text("wait"))])
        // Lines lost in one task and gained in another, the tasks between moved.
        try rereadMatchesWholeRead(document, [(name(2), .text("short")), (owner(5), .text("ann")),
                                              ([.key("tasks"), .index(9), .key("mitigation")], .text("wait"))])
    }

    /// Dependency edits: `after:` added to a task without one (a new line),
    /// set again (the same line), removed (its line goes), and a block
    /// `after:` list of three lines removed; each through the fast path.
    @Test func dependencyEditsMatchAWholeRead() throws {
        let text = Self.chain(12).replacingOccurrences(of: "    after: [t7]\n", with: "    after:\n      - t6\n      - t7\n")
        let document = PlanDocument(text: text)
        #expect(document.diagnostics.isEmpty && document.plan?.task("t8")?.after.map(\.taskID) == ["t6", "t7"])
        func after(_ task: Int) -> [PlanDocument.PathComponent] { [.key("tasks"), .index(task), .key("after")] }
        for (path, items) in [(after(0), ["t11"]), (after(3), ["t1", "t2"]), (after(8), ["t6"]), (after(11), ["t0", "t10"])] {
            let (edited, change) = try document.textSettingList(path, to: items)
            let (fast, _) = try changeMatchesWholeRead(document, at: [path], changes: [change], edited: edited)
            #expect(try document.settingList(path, to: items).text == fast.text)
        }
        // t0 waiting for t11 closes a loop: still an error on the fast path.
        let (looped, loop) = try document.textSettingList(after(0), to: ["t11"])
        #expect(try changeMatchesWholeRead(document, at: [after(0)], changes: [loop], edited: looped).fast.diagnostics.hasErrors)
        for path in [after(3), after(8), after(11)] {
            let (edited, change) = try document.textRemovingKey(path)
            let removal = try #require(change)
            let (fast, _) = try changeMatchesWholeRead(document, at: [path], changes: [removal], edited: edited)
            #expect(try document.removingKey(path).text == fast.text)
        }
        // Hand-worked: t8's three `after` lines go, t9 moves up from line 53 to 50.
        let (edited, change) = try document.textRemovingKey(after(8))
        #expect(!edited.contains("      - t6\n"))
        let removed = try changeMatchesWholeRead(document, at: [after(8)], changes: [try #require(change)], edited: edited).fast
        #expect(document.plan?.task("t9")?.location.line == 53 && removed.plan?.task("t9")?.location.line == 50)
    }

    /// Deleting a task removes its lines and moves the tasks below up,
    /// without reading them: the first, a middle and the last task, with LF,
    /// CRLF and an indentless list, comments before the next task (which
    /// stay), and a message below that moves up with its task.
    @Test func deletingATaskMatchesAWholeRead() throws {
        @discardableResult func removed(_ document: PlanDocument, _ index: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PlanDocument {
            let range = try document.itemLines([.key("tasks")], index: index)
            let starts = document.tree.lineStarts
            let edited = String(document.text[..<starts[range.lowerBound - 1]]) + String(document.text[starts[range.upperBound]...])
            let fast = try #require(document.removingTask(at: index, lines: range, edited: edited), sourceLocation: sourceLocation)
            sameAsWholeRead(fast, sourceLocation: sourceLocation)
            #expect(try document.removingItem(at: index, of: [.key("tasks")]).text == edited, sourceLocation: sourceLocation)
            return fast
        }
        for lineBreak in ["\n", "\r\n"] {
            for indentless in [false, true] {
                let document = PlanDocument(text: Self.chain(12, break: lineBreak, indentless: indentless))
                for index in [0, 1, 5, 11] { try removed(document, index) }
            }
        }
        // By hand: t1's five lines go; t2 (after t1, now unknown) moves from line 15 to 10.
        let text = Self.chain(6)
        let document = PlanDocument(text: text)
        let withoutT1 = try removed(document, 1)
        #expect(withoutT1.text == text.replacingOccurrences(of: "  - id: t1\n    name: Task 1\n    phase: one\n    after: [t0]\n    days: 2\n", with: ""))
        #expect(withoutT1.plan?.task("t2")?.location.line == 10)
        #expect(withoutT1.diagnostics.errors.map(\.location) == [.init(line: 13, column: 13)])
        // Comments after a task stay (they lead into the next one); a reader's message below moves up.
        let commented = PlanDocument(text: Self.chain(8)
            .replacingOccurrences(of: "    days: 2\n  - id: t3\n", with: "    days: 2\n  # t3 is next\n\n  - id: t3\n")
            .replacingOccurrences(of: "    after: [t6]\n    days: 2\n", with: "    after: [t6]\n    days: 0\n"))
        // Lines: t0 5–9, t1 10–14, t2 15–19, the comment and blank line 20–21, t3 22–26, t4 27–31,
        // t5 32–37 (pinned), t6 38–42, t7 43–47: its `days: 0` at 47:11. t1, t2 or t3 gone: five lines up.
        #expect(commented.diagnostics.errors.map(\.location) == [.init(line: 47, column: 11)])
        for index in [1, 2, 3] {
            #expect(try removed(commented, index).diagnostics.errors.map(\.location).contains(.init(line: 42, column: 11)))
        }
        #expect(try removed(commented, 2).text.contains("    days: 2\n  # t3 is next\n\n  - id: t3\n"))
    }

    /// Messages about tasks below a new line move with them: one the reader
    /// gave (t3's `days: 0`) and ones the checks give (t4's unknown phase,
    /// t9's id, a copy of t5's, whose message names the first one's line).
    @Test func messagesBelowANewLineMoveWithIt() throws {
        let text = Self.chain(10)
            .replacingOccurrences(of: "  - id: t3\n    name: Task 3\n    phase: one\n    after: [t2]\n    days: 2\n",
                                  with: "  - id: t3\n    name: Task 3\n    phase: one\n    after: [t2]\n    days: 0\n")
            .replacingOccurrences(of: "  - id: t4\n    name: Task 4\n    phase: one\n", with: "  - id: t4\n    name: Task 4\n    phase: two\n")
            .replacingOccurrences(of: "  - id: t9\n", with: "  - id: t5\n")
        let document = PlanDocument(text: text)
        // Lines: t0 5–9, t1 10–14, t2 15–19, t3 20–24, t4 25–29, t5 30–35 (pinned), t6–t9 five each from 36: t9 51–55.
        #expect(document.diagnostics.errors.map(\.location) == [.init(line: 24, column: 11), .init(line: 27, column: 12), .init(line: 51, column: 9)])
        let edited = try rereadMatchesWholeRead(document, [(owner(1), .text("ann"))])
        let errors = edited.diagnostics.errors
        #expect(errors.map(\.location) == [.init(line: 25, column: 11), .init(line: 28, column: 12), .init(line: 52, column: 9)])
        #expect(errors.first?.message == "'days' in task 't3' must be at least 1, got 0")
        #expect(errors.last?.message == "duplicate task id 't5' (first at line 31)")
        // And back up again when a line goes above them.
        let named = PlanDocument(text: text.replacingOccurrences(of: "    name: Task 0\n", with: "    name: Task 0\n      and more\n"))
        let up = try rereadMatchesWholeRead(named, [(name(0), .text("zero"))])
        #expect(up.diagnostics.errors.map(\.location) == document.diagnostics.errors.map(\.location))
    }

    /// Moving a task with no `start:` adds that line; the history's text is
    /// the hand-worked one: the new line after t3's `days: 2`, and the pins
    /// after it (each at its earliest start) a day later.
    @Test func movingAnUnpinnedTaskSavesTheHandWorkedText() throws {
        let text = Self.chain(30)
        var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
        _ = try history.apply(.moveTask(id: "t3", days: 1))
        // t3 starts on 2026-01-11 (t0 5th–6th, t1 7th–8th, t2 9th–10th); moved, the 12th.
        let expected = Self.pinsPushedADay(text.replacingOccurrences(of: "    after: [t2]\n    days: 2\n",
                                                                     with: "    after: [t2]\n    days: 2\n    start: 2026-01-12\n"),
                                           from: 5, tasks: 30)
        Self.expectSaved(history.document, as: expected)
        #expect(Self.outline(history.document.tree.root) == Self.outline(PlanDocument(text: expected).tree.root))
    }

    /// The text an edit key saves is the one worked out by hand: moving the
    /// first task of the chain a day later pushes every pin (each sits at its
    /// earliest start) a day later, and nothing else changes.
    @Test func aMoveKeySavesTheHandWorkedText() throws {
        let text = Self.chain(30)
        var history = PlanEditHistory(document: PlanDocument(text: text), savedText: text)
        _ = try history.apply(.moveTask(id: "t0", days: 1))
        Self.expectSaved(history.document, as: Self.pinsPushedADay(text, from: 0, tasks: 30))
    }

    /// `chain`'s text with the pins of every fifth task from `from` on (each at
    /// its earliest start, t*i* on 2026-01-05 + 2*i* days) a day later.
    static func pinsPushedADay(_ text: String, from: Int, tasks: Int) -> String {
        var pushed = text
        for index in stride(from: from, to: tasks, by: 5) {
            let day = Day(year: 2026, month: 1, day: 5)! + index * 2
            pushed = pushed.replacingOccurrences(of: "    start: \(day)\n", with: "    start: \(day + 1)\n")
        }
        return pushed
    }

    /// The edited document is `expected`'s text, with what a whole read of it says.
    static func expectSaved(_ document: PlanDocument, as expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(document.text == expected, sourceLocation: sourceLocation)
        #expect(document.diagnostics == PlanDocument(text: expected).diagnostics, sourceLocation: sourceLocation)
        #expect(document.schedule == PlanDocument(text: expected).schedule, sourceLocation: sourceLocation)
    }
}

/// `YAMLLineBreaks` scans bytes; a walk over Unicode scalars written here
/// says where the lines are.
@Suite struct YAMLLineBreaksTests {
    static func scalarWalk(_ text: String) -> [[Int]] {
        let scalars = Array(text.unicodeScalars)
        func utf8Offset(_ scalarIndex: Int) -> Int { scalars[..<scalarIndex].reduce(0) { $0 + String($1).utf8.count } }
        var lines: [[Int]] = []
        var start = scalars.first == "\u{FEFF}" ? 1 : 0, index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                let end = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? index + 2 : index + 1
                lines.append([utf8Offset(start), utf8Offset(index), utf8Offset(end)])
                start = end
                index = end
            } else {
                index += 1
            }
        }
        lines.append([utf8Offset(start), utf8Offset(scalars.count), utf8Offset(scalars.count)])
        return lines
    }

    @Test func everyKindOfBreakMakesALine() {
        let texts = ["", "a", "a\n", "\u{FEFF}tasks:\r\n  - 名字\r\n", "a\rb\r\n\nc\u{85}d\u{2028}e\u{2029}f", "\r", "\r\n\r\n", "é\u{2028}"]
        for text in texts {
            let lines = YAMLLineBreaks(text).lines.map { line in
                [line.start, line.contentEnd, line.end].map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
            }
            #expect(lines == Self.scalarWalk(text), "\(text.debugDescription)")
        }
        #expect(YAMLLineBreaks("a\r\nb\r\nc\n").ending == "\r\n")
        #expect(YAMLLineBreaks("a\rb\nc").ending == "\n")
        #expect(YAMLLineBreaks("a\rb\rc\n").ending == "\r")
        #expect(YAMLLineBreaks("abc").ending == "\n")
    }
}

/// `dump` writes an optional's value on one line (`lifecycleFields: Optional(…)`),
/// dictionaries included, in storage order, which two equal dictionaries need
/// not share (under ThreadSanitizer they did not): sorted here, so that line
/// compares by content like the rest of `PlanTaskRereadTests.dumped`.
extension FieldLocations: CustomDebugStringConvertible {
    public var debugDescription: String {
        "FieldLocations(element: \(element), values: [\(values.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", "))])"
    }
}
