import Yams

/// Adding a task (`a`, `D`) without reading the whole file again.
///
/// Why: a new task's lines are a change inside the tasks list, yet adding
/// one read the whole text (about 35 ms on a 1,000-task plan, where an edit
/// key has 16). The new lines go in after a task's last line, so only that
/// task and the new one can read differently: a `|+` value of the task above
/// loses the blank lines now below the new task, a last line without a break
/// gains one. Those two are parsed alone (at their own line numbers) and read
/// by the same reader; the tasks below keep their text and are moved with
/// their nodes, positions and messages (`LineShift`'s `shifted`); the
/// sections after the tasks are read again from their new lines; the whole
/// plan is checked again by the same validator. Anything this cannot be sure
/// of returns nil, and the caller reads the whole text.
extension PlanDocument {
    /// The document for `edited` — this text with `lineCount` whole lines
    /// inserted so that they are lines `firstLine`… of `edited`, a new task
    /// after task `index`, among that task's lines or right after them — or
    /// nil when that cannot be sure.
    func addingTask(after index: Int, firstLine: Int, lineCount: Int, edited: String) -> PlanDocument? {
        guard let parts, parts.campaignIsComplete, result.plan != nil,
              case .mapping(var top)? = tree.root,
              let tasksAt = top.firstIndex(where: { $0.key.string == "tasks" }),
              case .sequence(var items) = top[tasksAt].value, !isFlowCollection(top[tasksAt].value),
              // Every item was read to a task, so item i is task i.
              items.count == parts.plan.tasks.count, items.indices.contains(index), lineCount >= 1,
              let dashColumn = top[tasksAt].value.mark?.column, YAMLMarks.works else { return nil }
        let old = tree.breaks
        let breaks = YAMLLineBreaks(edited)
        guard breaks.lines.count == old.lines.count + lineCount else { return nil }
        let afterTasks = top.index(after: tasksAt)
        let endOfTasks = afterTasks < top.endIndex ? top[afterTasks].key.location.line : old.lines.count + 1
        // Task `index`'s lines run to the next task (or the list's end); the
        // new lines go in among them, and every old line from `firstLine` on
        // is `lineCount` lines lower.
        let first = items[index].location.line
        let end = index + 1 < items.count ? items[index + 1].location.line : endOfTasks
        func start(ofLine line: Int, in breaks: YAMLLineBreaks, text: String) -> String.Index {
            line <= breaks.lines.count ? breaks.lines[line - 1].start : text.endIndex
        }
        guard first >= 2, first < firstLine, firstLine <= end, end <= old.lines.count + 1,
              // A message read from the task's lines before could not be told
              // from one about the list itself: left to the whole read.
              !parts.readDiagnostics.contains(where: { (first..<end).contains($0.location.line) }),
              // An anchor or alias could tie the moved nodes, or the new
              // ones, to other lines. (One after the tasks to an anchor above
              // fails their read, which declines.)
              !Self.mayHoldAnchor(text.utf8[start(ofLine: first, in: old, text: text)..<start(ofLine: endOfTasks, in: old, text: text)])
        else { return nil }
        // The task above and the new one, from the task's first line to the
        // next task's (now `lineCount` lower), on their own line numbers.
        let from = breaks.lines[first - 1].start, to = start(ofLine: end + lineCount, in: breaks, text: edited)
        guard !Self.mayHoldAnchor(edited.utf8[from..<to]) else { return nil }
        var fragment = [UInt8](repeating: UInt8(ascii: "\n"), count: first - 1)
        fragment.append(contentsOf: edited.utf8[from..<to])
        guard let composed = try? Yams.compose(yaml: String(decoding: fragment, as: UTF8.self), .basic),
              case .sequence(let sequence) = composed, sequence.count == 2,
              composed.mark?.line == first, composed.mark?.column == dashColumn else { return nil }
        let (above, new) = (sequence[sequence.startIndex], sequence[sequence.index(after: sequence.startIndex)])
        guard case .mapping = above, case .mapping = new, above.location == items[index].location,
              (firstLine..<firstLine + lineCount).contains(new.location.line) else { return nil }
        var tasks: [PlanTask] = []
        var added: [Diagnostic] = []
        for node in [above, new] {
            let sink = DiagnosticSink()
            sink.explicitTags = YAMLTags.check(node, sink: sink)
            guard let task = PlanNodeReader(sink: sink).task(node) else { return nil }
            tasks.append(task)
            added += sink.diagnostics
        }
        var readParts = parts
        for below in (index + 1)..<items.count {
            items[below] = items[below].shifted(byLines: lineCount)
            readParts.plan.tasks[below] = readParts.plan.tasks[below].shifted(byLines: lineCount)
        }
        // (None is on the task's own lines: those below it move down.)
        for position in readParts.readDiagnostics.indices where readParts.readDiagnostics[position].location.line >= firstLine {
            readParts.readDiagnostics[position].location.line += lineCount
        }
        items[index] = above
        readParts.plan.tasks[index] = tasks[0]
        items.insert(new, at: items.index(items.startIndex, offsetBy: index + 1))
        readParts.plan.tasks.insert(tasks[1], at: index + 1)
        if afterTasks < top.endIndex {
            guard let reread = Self.rereadingSections(of: top, from: afterTasks, firstLine: endOfTasks + lineCount, edited: edited,
                                                      breaks: breaks, parts: &readParts) else { return nil }
            top = reread
        }
        readParts.readDiagnostics += added
        top[tasksAt] = (key: top[tasksAt].key, value: .sequence(items))
        return PlanDocument(text: edited, result: PlanLoader.checked(readParts),
                            tree: YAMLTree(root: .mapping(top), text: edited, breaks: breaks), parts: readParts)
    }
}
