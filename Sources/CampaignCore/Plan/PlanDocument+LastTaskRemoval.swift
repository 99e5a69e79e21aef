import Yams

/// Deleting the last task of a file without a final line break, without
/// reading the whole file again.
///
/// Why: there the task's lines cannot go with their breaks (the last has
/// none), so the line above loses its break too, and that line is the task
/// above's (or a comment after it): a `|` value ending there reads one line
/// break shorter. The task above is read again alone, from its own lines; no
/// task and no section is below to move. Anything this cannot be sure of
/// returns nil, and the caller reads the whole text.
extension PlanDocument {
    /// The document for `edited` — this text without `lines` (the last lines,
    /// `itemLines` of the last task `index`) and the line break before them —
    /// or nil.
    func removingLastTask(at index: Int, lines: ClosedRange<Int>, edited: String) -> PlanDocument? {
        guard let parts, parts.campaignIsComplete, result.plan != nil,
              case .mapping(var top)? = tree.root,
              let tasksAt = top.firstIndex(where: { $0.key.string == "tasks" }), top.index(after: tasksAt) == top.endIndex,
              case .sequence(var items) = top[tasksAt].value, !isFlowCollection(top[tasksAt].value),
              items.count == parts.plan.tasks.count, items.count > 1, index == items.count - 1,
              let dashColumn = top[tasksAt].value.mark?.column else { return nil }
        let old = tree.breaks
        let first = items[index - 1].location.line
        guard lines.upperBound == old.lines.count, first >= 2, first < lines.lowerBound,
              lines.lowerBound <= items[index].location.line,
              // Nothing read from these lines stays, and nothing ties them to others.
              !parts.readDiagnostics.contains(where: { $0.location.line >= first }),
              !Self.mayHoldAnchor(text.utf8[old.lines[first - 1].start...]) else { return nil }
        let breaks = YAMLLineBreaks(edited)
        guard breaks.lines.count == lines.lowerBound - 1 else { return nil }
        var fragment = [UInt8](repeating: UInt8(ascii: "\n"), count: first - 1)
        fragment.append(contentsOf: edited.utf8[breaks.lines[first - 1].start...])
        guard let composed = try? Yams.compose(yaml: String(decoding: fragment, as: UTF8.self), .basic),
              case .sequence(let sequence) = composed, sequence.count == 1,
              composed.mark?.line == first, composed.mark?.column == dashColumn,
              let above = sequence.first, case .mapping = above, above.location == items[index - 1].location else { return nil }
        let sink = DiagnosticSink()
        sink.explicitTags = YAMLTags.check(above, sink: sink)
        guard let task = PlanNodeReader(sink: sink).task(above) else { return nil }
        var readParts = parts
        readParts.plan.tasks.removeLast()
        readParts.plan.tasks[index - 1] = task
        readParts.readDiagnostics += sink.diagnostics
        items.remove(at: items.index(items.startIndex, offsetBy: index))
        items[index - 1] = above
        top[tasksAt] = (key: top[tasksAt].key, value: .sequence(items))
        return PlanDocument(text: edited, result: PlanLoader.checked(readParts),
                            tree: YAMLTree(root: .mapping(top), text: edited, breaks: breaks), parts: readParts)
    }
}
