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
/// then the pushed pins), about 60 ms each. When every change stays inside
/// one line of a task of a block `tasks:` list, the other lines keep their
/// text and their numbers, so only the edited tasks' lines can read
/// differently: those are parsed alone (with their own line numbers, so every
/// position is the file's), read by the same reader, and the whole plan is
/// checked again by the same validator. Anything this cannot be sure of
/// returns nil, and the caller reads the whole text as before.
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
        // No change adds or removes a line break: every line keeps its number.
        for change in changes {
            guard !text.unicodeScalars[change.range].contains(where: YAMLLineBreaks.isBreak),
                  !change.replacement.unicodeScalars.contains(where: YAMLLineBreaks.isBreak) else { return nil }
        }
        let breaks = YAMLLineBreaks(edited)
        guard breaks.lines.count == tree.breaks.lines.count else { return nil }
        // The last task's lines run to the next top-level key, or to the end.
        let afterTasks = top.index(after: tasksAt)
        let endOfTasks = afterTasks < top.endIndex ? top[afterTasks].key.location.line : breaks.lines.count + 1
        // The edited tasks' lines, each on its own line number: blank lines
        // before the first, and a comment line for every line between two of
        // them (a comment ends a block scalar as the next task's `-` line
        // would, where blank lines would be kept by a `|+`).
        var fragment: [UInt8] = []
        var ranges: [ClosedRange<Int>] = []
        var nextLine = 1
        for index in editedTasks.sorted() {
            let first = items[index].location.line
            let end = index + 1 < items.count ? items[index + 1].location.line : endOfTasks
            guard first >= 2, first < end, end - 1 <= breaks.lines.count else { return nil }
            let lines = first...(end - 1)
            // A message read from these lines before could not be told from
            // one about the list itself: leave such plans to the whole read.
            guard !parts.readDiagnostics.contains(where: { lines.contains($0.location.line) }) else { return nil }
            if nextLine == 1 {
                fragment.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: first - 1))
            } else {
                for _ in nextLine..<first {
                    fragment.append(UInt8(ascii: "#"))
                    fragment.append(UInt8(ascii: "\n"))
                }
            }
            let from = breaks.lines[first - 1].start
            let to = end - 1 < breaks.lines.count ? breaks.lines[end - 1].start : edited.endIndex
            let oldFrom = tree.breaks.lines[first - 1].start
            let oldTo = end - 1 < tree.breaks.lines.count ? tree.breaks.lines[end - 1].start : text.endIndex
            // An anchor or alias may tie these lines to others (and Yams keeps
            // no trace of anchors once composed): any '&' or '*' before or
            // after the edit leaves it to the whole read.
            guard !Self.mayHoldAnchor(text.utf8[oldFrom..<oldTo]), !Self.mayHoldAnchor(edited.utf8[from..<to]) else { return nil }
            fragment.append(contentsOf: edited.utf8[from..<to])
            ranges.append(lines)
            nextLine = end
        }
        let order = editedTasks.sorted()
        guard let composed = try? Yams.compose(yaml: String(decoding: fragment, as: UTF8.self), .basic),
              case .sequence(let read) = composed, read.count == order.count,
              composed.mark?.line == ranges[0].lowerBound, composed.mark?.column == dashColumn else { return nil }
        var readParts = parts
        var added: [Diagnostic] = []
        for (position, index) in order.enumerated() {
            let node = read[position]
            guard case .mapping = node, node.location == items[index].location else { return nil }
            let sink = DiagnosticSink()
            sink.explicitTags = YAMLTags.check(node, sink: sink)
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

    static func mayHoldAnchor(_ bytes: Substring.UTF8View) -> Bool {
        bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }
    }
}
