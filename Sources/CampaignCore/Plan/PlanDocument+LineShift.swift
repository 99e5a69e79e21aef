import Yams

/// Where the lines of a text are after changes that add or remove lines, for
/// re-reading edited tasks without reading the tasks below them again: their
/// nodes, positions and messages are moved by the lines added above them.
struct LineShift {
    /// From each old line on (in line order), the lines added above it in
    /// all (negative when removed).
    private let steps: [(line: Int, total: Int)]
    /// The lines the changes add in all (negative when they remove lines).
    var total: Int { steps.last?.total ?? 0 }
    /// No line moves.
    var isEmpty: Bool { steps.isEmpty }

    /// nil when a change's replacement could join a CR before it or an LF
    /// after it into one break, which the count below would not see.
    init?(changes: [TextChange], old: YAMLLineBreaks, text: String) {
        var found: [(line: Int, delta: Int)] = []
        for change in changes {
            let added = YAMLLineBreaks(change.replacement).lines.count - 1
            let (lower, upper) = (Self.line(containing: change.range.lowerBound, in: old),
                                  Self.line(containing: change.range.upperBound, in: old))
            let delta = added - (upper - lower)
            guard delta != 0 else { continue }
            guard !change.replacement.hasPrefix("\n") || change.range.lowerBound == text.startIndex
                    || text.unicodeScalars[text.unicodeScalars.index(before: change.range.lowerBound)] != "\r",
                  !change.replacement.hasSuffix("\r") || change.range.upperBound == text.endIndex
                    || text.unicodeScalars[change.range.upperBound] != "\n" else { return nil }
            // The first old line wholly after the change.
            // (A change ending where a line starts moves that whole line.)
            let after = old.lines[upper - 1].start == change.range.upperBound ? upper : upper + 1
            found.append((after, delta))
        }
        var running = 0
        steps = found.sorted { $0.line < $1.line }.map { step in
            running += step.delta
            return (step.line, running)
        }
    }

    /// Where old line `line` is now (for a line that no change ran over).
    func line(_ line: Int) -> Int {
        // The last step at or above `line`.
        var (low, high) = (0, steps.count)
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? line : line + steps[low - 1].total
    }

    /// The 1-based line whose text `index` is in (or whose start it is).
    static func line(containing index: String.Index, in breaks: YAMLLineBreaks) -> Int {
        var (low, high) = (0, breaks.lines.count)
        while low < high {
            let middle = (low + high) / 2
            if breaks.lines[middle].start <= index { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }
}

extension Node {
    /// This node with every mark `lines` lines further down.
    func shifted(byLines lines: Int) -> Node {
        // Built anew rather than changed in place: a copied mapping's pairs
        // would be copied again on the first write (the old tree keeps them).
        func moved(_ mark: Mark?) -> Mark? { mark.map { YAMLMarks.mark(line: $0.line + lines, column: $0.column) } }
        switch self {
        case .scalar(let scalar):
            return .scalar(Node.Scalar(scalar.string, scalar.tag, scalar.style, moved(scalar.mark), scalar.anchor))
        case .mapping(let mapping):
            let pairs = mapping.map { ($0.key.shifted(byLines: lines), $0.value.shifted(byLines: lines)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, moved(mapping.mark), mapping.anchor))
        case .sequence(let sequence):
            let nodes = sequence.map { $0.shifted(byLines: lines) }
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, moved(sequence.mark), sequence.anchor))
        case .alias(var alias):
            alias.mark = moved(alias.mark)
            return .alias(alias)
        }
    }
}

/// Yams gives `Mark` no public initializer, and a moved node needs one with
/// its new line. `Mark` is two `Int`s (line, column); `works` checks that on
/// a mark Yams made before any is built, and the re-read declines otherwise.
enum YAMLMarks {
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    static let works: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              let composed = try? Yams.compose(yaml: "\n\n   a: b\n", .basic), let mark = composed.mark else { return false }
        let (line, column) = unsafeBitCast(mark, to: (Int, Int).self)
        let made = Self.mark(line: 7, column: 9)
        return (line, column) == (3, 4) && mark.line == 3 && mark.column == 4 && made.line == 7 && made.column == 9
    }()
}

extension SourceLocation {
    func shifted(by shift: LineShift) -> SourceLocation { SourceLocation(line: shift.line(line), column: column) }
}

extension PlanTask {
    /// The task read from the same lines moved `lines` lines down.
    func shifted(byLines lines: Int) -> PlanTask {
        var task = self
        func move(_ location: SourceLocation) -> SourceLocation { SourceLocation(line: location.line + lines, column: location.column) }
        task.fields.element = move(fields.element)
        task.fields.values = fields.values.mapValues(move)
        for index in task.after.indices { task.after[index].location = move(after[index].location) }
        return task
    }
}
