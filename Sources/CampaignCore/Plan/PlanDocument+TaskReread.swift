import CampaignText
import Yams

/// What a plan's text read as before the checks between elements, kept with
/// the document so that an edit of one task need not read the other 999
/// again (`rereadingTasks`).
struct PlanReadParts: Sendable {
    var plan: Plan
    var campaignIsComplete: Bool
    /// Found while reading (tags, keys, values), in reading order.
    var readDiagnostics: [Diagnostic]
    /// The notify channels' ids as written, broken channels included.
    var declaredNotify: [NotifyReference]
}

/// Editing a task without reading the whole file again.
///
/// Why: an edit key on a 1,000-task plan read the whole text twice (the edit,
/// then the pushed pins), about 60 ms each. Only the edited tasks' lines can
/// read differently: those are parsed alone (with their own line numbers, so
/// every position is the file's), read by the same reader, and the whole plan
/// is checked again by the same validator. Lines an edit adds or removes move
/// the tasks below, which keep their text: their nodes, positions and
/// messages are moved, not read (`LineShift`). A task whose changes only
/// write one plain value over another (a pushed pin) is not even parsed: the
/// new text goes into its node. Anything this cannot be sure of returns nil,
/// and the caller reads the whole text as before.
extension PlanDocument {
    /// The document for `edited` — this text with `changes` applied at
    /// `paths` — re-reading only the tasks those paths are in, or nil.
    func rereadingTasks(at paths: [[PathComponent]], changes: [TextChange], edited: String) -> PlanDocument? {
        guard let parts, parts.campaignIsComplete, result.plan != nil,
              case .mapping(var top)? = tree.root,
              let tasksAt = top.firstIndex(where: { $0.key.string == "tasks" }),
              case .sequence(var items) = top[tasksAt].value, !isFlowCollection(top[tasksAt].value),
              // Every item was read to a task, so item i is task i.
              items.count == parts.plan.tasks.count, let dashColumn = top[tasksAt].value.mark?.column else { return nil }
        var editedTasks = Set<Int>()
        for path in paths {
            guard path.count == 3, case .key("tasks") = path[0], case .index(let index) = path[1], case .key = path[2],
                  items.indices.contains(index) else { return nil }
            editedTasks.insert(index)
        }
        let breaks = YAMLLineBreaks(edited)
        let old = tree.breaks
        // Lines the changes add or remove move the lines below them: the
        // tasks there keep their text, so they are moved rather than read.
        guard let shift = LineShift(changes: changes, old: old, text: text),
              breaks.lines.count == old.lines.count + shift.total else { return nil }
        // The last task's lines run to the next top-level key, or to the end;
        // the sections after the tasks keep their lines unless lines move past
        // them, and then are read again from their new lines (below).
        let afterTasks = top.index(after: tasksAt)
        let endOfTasks = afterTasks < top.endIndex ? top[afterTasks].key.location.line : old.lines.count + 1
        let order = editedTasks.sorted()
        // Each change lies within the lines of a task it edits.
        func lines(ofTask index: Int) -> (first: Int, end: Int) {
            (items[index].location.line, index + 1 < items.count ? items[index + 1].location.line : endOfTasks)
        }
        func start(ofLine line: Int, in breaks: YAMLLineBreaks, text: String) -> String.Index {
            line <= breaks.lines.count ? breaks.lines[line - 1].start : text.endIndex
        }
        // (Where each edited task's text starts and ends, in order: a hundred
        // pushed pins are found by halving, not by trying every task.)
        var spans: [Range<String.Index>] = []
        for index in order {
            let (first, end) = lines(ofTask: index)
            guard first >= 1, first < end, end <= old.lines.count + 1 else { return nil }
            spans.append(start(ofLine: first, in: old, text: text)..<start(ofLine: end, in: old, text: text))
        }
        var changesByTask: [Int: [TextChange]] = [:]
        for change in changes {
            // The last task starting at or before the change.
            var (low, high) = (0, spans.count)
            while low < high {
                let middle = (low + high) / 2
                if spans[middle].lowerBound <= change.range.lowerBound { low = middle + 1 } else { high = middle }
            }
            guard low > 0, change.range.upperBound <= spans[low - 1].upperBound else { return nil }
            changesByTask[order[low - 1], default: []].append(change)
        }
        // A task whose every change is a one-line plain value written over
        // with another (a pin pushed, a day count) is not parsed again: its
        // node gets the new values in place (`substitutingValues`).
        var substituted: [Int: Node] = [:]
        if shift.isEmpty {
            for (position, index) in order.enumerated() {
                let taskText = text.utf8[spans[position]]
                if let node = substitutingValues(in: items[index], changes: changesByTask[index] ?? [], taskText: taskText) {
                    substituted[index] = node
                }
            }
        }
        // A task below the edits is moved with its nodes; an anchor or alias
        // could tie its nodes to lines that do not move: leave those to the whole read.
        if !shift.isEmpty {
            // (The sections after the tasks are read again: an alias there to
            // an anchor above fails that read, which declines.)
            guard YAMLMarks.works,
                  !Self.mayHoldAnchor(text.utf8[start(ofLine: lines(ofTask: order[0]).first, in: old, text: text)..<start(ofLine: endOfTasks, in: old, text: text)])
            else { return nil }
        }
        // The edited tasks' lines, each on its own line number: blank lines
        // before the first, and a comment line for every line between two of
        // them (a comment ends a block scalar as the next task's `-` line
        // would, where blank lines would be kept by a `|+`).
        var fragment: [UInt8] = []
        var newFirsts: [Int] = []
        var nextLine = 1
        for index in order {
            let (first, end) = lines(ofTask: index)
            guard first >= 2, first < end, end - 1 <= old.lines.count else { return nil }
            // A message read from these lines before could not be told from
            // one about the list itself: leave such plans to the whole read.
            guard !parts.readDiagnostics.contains(where: { (first..<end).contains($0.location.line) }) else { return nil }
            guard substituted[index] == nil else { continue }
            let newFirst = shift.line(first)
            let newEnd = end > old.lines.count ? breaks.lines.count + 1 : shift.line(end)
            guard newFirst >= nextLine, newFirst < newEnd, newEnd - 1 <= breaks.lines.count else { return nil }
            if nextLine == 1 {
                fragment.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: newFirst - 1))
            } else {
                for _ in nextLine..<newFirst {
                    fragment.append(UInt8(ascii: "#"))
                    fragment.append(UInt8(ascii: "\n"))
                }
            }
            let from = breaks.lines[newFirst - 1].start
            let to = start(ofLine: newEnd, in: breaks, text: edited)
            let oldFrom = old.lines[first - 1].start
            let oldTo = start(ofLine: end, in: old, text: text)
            // An anchor or alias may tie these lines to others (and Yams keeps
            // no trace of anchors once composed): any '&' or '*' before or
            // after the edit leaves it to the whole read.
            guard !Self.mayHoldAnchor(text.utf8[oldFrom..<oldTo]), !Self.mayHoldAnchor(edited.utf8[from..<to]) else { return nil }
            fragment.append(contentsOf: edited.utf8[from..<to])
            newFirsts.append(newFirst)
            nextLine = newEnd
        }
        let parsed = order.filter { substituted[$0] == nil }
        var read: [Node] = []
        if !parsed.isEmpty {
            guard let composed = try? Yams.compose(yaml: String(decoding: fragment, as: UTF8.self), .basic),
                  case .sequence(let sequence) = composed, sequence.count == parsed.count,
                  composed.mark?.line == newFirsts[0], composed.mark?.column == dashColumn else { return nil }
            read = Array(sequence)
        }
        var readParts = parts
        // The tasks between and below the edits, and what was read from
        // their lines, move with the lines added above them.
        if !shift.isEmpty {
            for index in items.indices where !editedTasks.contains(index) {
                let moved = shift.line(items[index].location.line) - items[index].location.line
                guard moved != 0 else { continue }
                items[index] = items[index].shifted(byLines: moved)
                readParts.plan.tasks[index] = readParts.plan.tasks[index].shifted(byLines: moved)
            }
            for index in readParts.readDiagnostics.indices {
                readParts.readDiagnostics[index].location = readParts.readDiagnostics[index].location.shifted(by: shift)
            }
        }
        if afterTasks < top.endIndex, shift.total != 0 {
            guard let reread = Self.rereadingSections(of: top, from: afterTasks, firstLine: shift.line(endOfTasks), edited: edited,
                                                      breaks: breaks, parts: &readParts) else { return nil }
            top = reread
        }
        var added: [Diagnostic] = []
        for index in order {
            let sink = DiagnosticSink()
            let node: Node
            if let substitute = substituted[index] {
                // Its text holds no '!': no explicit tag to find (and the
                // tags it shares with the old tree may have been resolved).
                node = substitute
            } else {
                let position = parsed.firstIndex(of: index)!
                node = read[position]
                guard case .mapping = node,
                      node.location == SourceLocation(line: newFirsts[position], column: items[index].location.column) else { return nil }
                sink.explicitTags = YAMLTags.check(node, sink: sink)
            }
            guard let task = PlanNodeReader(sink: sink).task(node) else { return nil }
            readParts.plan.tasks[index] = task
            items[index] = node
            added += sink.diagnostics
        }
        readParts.readDiagnostics += added
        top[tasksAt] = (key: top[tasksAt].key, value: .sequence(items))
        return PlanDocument(text: edited, result: PlanLoader.checked(readParts),
                            tree: YAMLTree(root: .mapping(top), text: edited, breaks: breaks), parts: readParts)
    }

    /// `item` with each change written into the value it replaces, or nil
    /// unless every change replaces a whole plain value on one line with text
    /// that reads back as a plain value of exactly that text (letters, digits,
    /// '.', '-', '_', starting with a letter or digit) and leaves every other
    /// node where it was (in a `{ … }` task, only text of the same length);
    /// nor when the task's text holds a '!' (a tag, which only a parse sees)
    /// or an anchor or alias.
    func substitutingValues(in item: Node, changes: [TextChange], taskText: Substring.UTF8View) -> Node? {
        guard !changes.isEmpty, case .mapping(var mapping) = item, !taskText.contains(UInt8(ascii: "!")),
              // An anchor or alias: left to the whole read, as below.
              !Self.mayHoldAnchor(taskText) else { return nil }
        let inFlow = isFlowCollection(item)
        for change in changes {
            let line = LineShift.line(containing: change.range.lowerBound, in: tree.breaks)
            let replacement = change.replacement.unicodeScalars
            guard let head = replacement.first, Self.isPlainSafe(head), !Self.plainPunctuation.contains(head),
                  replacement.allSatisfy(Self.isPlainSafe),
                  let pairIndex = mapping.indices.first(where: { pairIndex in
                      guard case .scalar(let scalar) = mapping[pairIndex].value, scalar.style == .plain, !scalar.string.isEmpty,
                            let mark = scalar.mark, mark.line == line else { return false }
                      return (try? index(of: SourceLocation(line: mark.line, column: mark.column))) == change.range.lowerBound
                  }),
                  case .scalar(let scalar) = mapping[pairIndex].value else { return nil }
            let old = text.unicodeScalars[change.range]
            guard String(String.UnicodeScalarView(old)) == scalar.string,
                  !old.contains(where: YAMLLineBreaks.isBreak),
                  !inFlow || old.count == replacement.count else { return nil }
            // Built anew with the parse's tag: setting `string` would give
            // the scalar Yams' shared `.implicit` tag (another resolver).
            let written = Node.Scalar(change.replacement, scalar.tag, scalar.style, scalar.mark, scalar.anchor)
            mapping[pairIndex] = (mapping[pairIndex].key, .scalar(written))
        }
        return .mapping(mapping)
    }

    private static let plainPunctuation: Set<Unicode.Scalar> = [".", "-", "_"]

    private static func isPlainSafe(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || plainPunctuation.contains(scalar)
    }

    static func mayHoldAnchor(_ bytes: Substring.UTF8View) -> Bool {
        bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }
    }
}

/// Deleting a task without reading the whole file again: its lines go, and
/// the tasks below move up with their nodes, positions and messages.
extension PlanDocument {
    /// The document for `edited` — this text without `lines` (whole lines,
    /// `itemLines` of task `index`) — or nil when that cannot be sure.
    func removingTask(at index: Int, lines: ClosedRange<Int>, edited: String) -> PlanDocument? {
        guard let parts, parts.campaignIsComplete, result.plan != nil,
              case .mapping(var top)? = tree.root,
              let tasksAt = top.firstIndex(where: { $0.key.string == "tasks" }),
              case .sequence(var items) = top[tasksAt].value, !isFlowCollection(top[tasksAt].value),
              items.count == parts.plan.tasks.count, items.count > 1, items.indices.contains(index),
              YAMLMarks.works else { return nil }
        let old = tree.breaks
        let removed = lines.count
        // Sections after the tasks move up too: they are read again (below).
        let afterTasks = top.index(after: tasksAt)
        let endOfTasks = afterTasks < top.endIndex ? top[afterTasks].key.location.line : old.lines.count + 1
        // The lines are the task's own: from its `-` (at or above its first
        // key) to before the next task; nothing read from them stays.
        guard lines.lowerBound >= 2, lines.upperBound < old.lines.count, lines.upperBound < endOfTasks,
              lines.lowerBound <= items[index].location.line, items[index].location.line <= lines.upperBound,
              index == 0 || items[index - 1].location.line < lines.lowerBound,
              index + 1 == items.count || items[index + 1].location.line > lines.upperBound,
              !parts.readDiagnostics.contains(where: { lines.contains($0.location.line) }),
              // An anchor or alias could tie the moved nodes to these lines.
              // (An alias after the tasks to an anchor above fails their read, which declines.)
              !Self.mayHoldAnchor(text.utf8[old.lines[lines.lowerBound - 1].start..<(endOfTasks <= old.lines.count ? old.lines[endOfTasks - 1].start : text.endIndex)])
        else { return nil }
        let breaks = YAMLLineBreaks(edited)
        guard breaks.lines.count == old.lines.count - removed else { return nil }
        var readParts = parts
        items.remove(at: items.index(items.startIndex, offsetBy: index))
        readParts.plan.tasks.remove(at: index)
        for below in index..<items.count {
            items[below] = items[below].shifted(byLines: -removed)
            readParts.plan.tasks[below] = readParts.plan.tasks[below].shifted(byLines: -removed)
        }
        for position in readParts.readDiagnostics.indices where readParts.readDiagnostics[position].location.line > lines.upperBound {
            readParts.readDiagnostics[position].location.line -= removed
        }
        if afterTasks < top.endIndex {
            guard let reread = Self.rereadingSections(of: top, from: afterTasks, firstLine: endOfTasks - removed, edited: edited,
                                                      breaks: breaks, parts: &readParts) else { return nil }
            top = reread
        }
        top[tasksAt] = (key: top[tasksAt].key, value: .sequence(items))
        return PlanDocument(text: edited, result: PlanLoader.checked(readParts),
                            tree: YAMLTree(root: .mapping(top), text: edited, breaks: breaks), parts: readParts)
    }
}
