import CampaignText
import Yams

/// Edits that change the plan's shape rather than one scalar: whole lists
/// (`after: [a, b]`), removing a key, and adding or removing an item of a
/// block list such as `tasks:`. Like `setting`, each works on the text and
/// touches only the lines it must, then reads the result back to check it.
extension PlanDocument {
    /// Sets the list at `path` (ending in a key), written in flow style
    /// `[a, b+2d]`; replaces a flow or block list or a single value, or adds the key.
    public func settingList(_ path: [PathComponent], to items: [String]) throws -> PlanDocument {
        let (edited, change) = try textSettingList(path, to: items)
        // A task's `after:` (a dependency edit) re-reads that task alone.
        let result = rereadingTasks(at: [path], changes: [change], edited: edited) ?? PlanDocument(text: edited)
        guard let reread = try? result.root(), let (changed, _) = try? result.node(at: path, in: reread),
              case .sequence(let sequence) = changed, sequence.map(\.string) == items.map(Optional.some) else {
            throw EditError(message: Phrase.checkDocCouldNotSet.text(describe(path)))
        }
        return result
    }

    /// The text with the list at `path` set, and the change that made it.
    func textSettingList(_ path: [PathComponent], to items: [String]) throws -> (text: String, change: TextChange) {
        guard case .key(let key)? = path.last else { throw EditError(message: Phrase.checkDocPathEndsInKey.text()) }
        let root = try root()
        let (parentNode, inFlow) = try node(at: Array(path.dropLast()), in: root)
        guard case .mapping(let mapping) = parentNode else { throw EditError(message: Phrase.checkDocNotMapping.text(describe(path.dropLast()))) }
        let listText = "[" + items.map { YAMLScalarText.render(text: $0, inFlow: true) }.joined(separator: ", ") + "]"
        let change: TextChange
        if let pair = mapping.first(where: { $0.key.string == key }), !pair.value.isNull {
            let (start, end) = try valueSpan(of: pair.key, value: pair.value)
            change = TextChange(range: start..<end, replacement: " " + listText)
        } else {
            change = try keyInsertion(key, value: .literal(listText), into: parentNode, mapping: mapping, inFlow: inFlow)
        }
        return (try applying([change]), change)
    }

    /// Removes the key at the end of `path` with its value. A value spanning
    /// several lines in a block mapping goes with all of its lines.
    public func removingKey(_ path: [PathComponent]) throws -> PlanDocument {
        guard case .key(let key)? = path.last else { throw EditError(message: Phrase.checkDocPathEndsInKey.text()) }
        let root = try root()
        let (parentNode, _) = try node(at: Array(path.dropLast()), in: root)
        guard case .mapping(let mapping) = parentNode, mapping.contains(where: { $0.key.string == key }) else { return self }
        let (edited, change) = try textRemovingKey(path)
        // A task's key (a dependency edit's `after:`) re-reads that task alone.
        let result = change.flatMap { rereadingTasks(at: [path], changes: [$0], edited: edited) } ?? PlanDocument(text: edited)
        guard let reread = try? result.root(), let (parent, _) = try? result.node(at: Array(path.dropLast()), in: reread),
              case .mapping(let after) = parent, after.count == mapping.count - 1, !after.contains(where: { $0.key.string == key }) else {
            throw EditError(message: Phrase.checkDocCouldNotRemove.text(describe(path)))
        }
        return result
    }

    /// The text without the key at the end of `path` (which must be there),
    /// and the change that made it — nil when the key's lines end the file
    /// (the line before then loses its break too).
    func textRemovingKey(_ path: [PathComponent]) throws -> (text: String, change: TextChange?) {
        guard case .key(let key)? = path.last else { throw EditError(message: Phrase.checkDocPathEndsInKey.text()) }
        let root = try root()
        let (parentNode, _) = try node(at: Array(path.dropLast()), in: root)
        guard case .mapping(let mapping) = parentNode,
              let pairIndex = mapping.firstIndex(where: { $0.key.string == key }) else { throw EditError(message: Phrase.checkDocNoKeyThere.text(key)) }
        let pair = mapping[pairIndex]
        if isFlowCollection(parentNode) {
            // `{ a: 1, key: v, b: 2 }`: drop "key: v" and one neighbouring comma.
            let keyStart = try index(of: pair.key.location)
            let (_, valueEnd) = try valueSpan(of: pair.key, value: pair.value)
            let scalars = text.unicodeScalars
            var start = keyStart, end = valueEnd
            var before = start
            while before > scalars.startIndex, scalars[scalars.index(before: before)] == " " { before = scalars.index(before: before) }
            if before > scalars.startIndex, scalars[scalars.index(before: before)] == "," {
                start = scalars.index(before: before)
            } else {
                var after = end
                while after < scalars.endIndex, scalars[after] == " " { after = scalars.index(after: after) }
                if after < scalars.endIndex, scalars[after] == "," {
                    end = scalars.index(after: after)
                    while end < scalars.endIndex, scalars[end] == " " { end = scalars.index(after: end) }
                }
            }
            let change = TextChange(range: start..<end, replacement: "")
            return (try applying([change]), change)
        }
        let first = pair.key.location.line
        let last = max(first, lastLine(ofValue: pair.value, keyIndent: parentNode.location.column - 1))
        let lines = tree.breaks.lines
        // Whole lines, each with its break: the text from `first`'s start to the next line's.
        if last < lines.count {
            let change = TextChange(range: lines[first - 1].start..<lines[last].start, replacement: "")
            return (try applying([change]), change)
        }
        var textLines = TextLines(text)
        textLines.remove(first...last)
        return (textLines.joined, nil)
    }

    /// The lines (1-based, inclusive) of item `index` of the block list at
    /// `path`: from its `-` line to its last line, leaving out comments and
    /// blank lines that lead into the next item.
    public func itemLines(_ path: [PathComponent], index: Int) throws -> ClosedRange<Int> {
        let root = try root()
        let (listNode, _) = try node(at: path, in: root)
        guard case .sequence(let sequence) = listNode, !isFlowCollection(listNode) else {
            throw EditError(message: Phrase.checkDocBlockList.text(describe(path)))
        }
        guard index >= 0, index < sequence.count else { throw EditError(message: Phrase.checkDocNoItemIn.text(index, describe(path))) }
        // The file's own lines, not copies of them: this runs on every add,
        // duplicate and delete key, which look at one item's few lines.
        let lines = LineTexts(text: text, breaks: tree.breaks)
        let itemNode = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
        var first = itemNode.location.line
        if !lines[first].trimmingLeadingSpaces.hasPrefix("-"), first > 1, lines[first - 1].trimmingLeadingSpaces.hasPrefix("-") {
            first -= 1 // `-` alone on a line, the item below it
        }
        guard lines[first].trimmingLeadingSpaces.hasPrefix("-") else {
            throw EditError(message: Phrase.checkDocItemStart.text(index, describe(path), first))
        }
        let dashColumn = lines[first].leadingSpaces
        var last = first
        var line = first + 1
        while line <= lines.count {
            let content = lines[line]
            let trimmed = content.trimmingLeadingSpaces
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                if content.leadingSpaces <= dashColumn { break }
                last = line
            }
            line += 1
        }
        return first...last
    }

    /// Inserts `itemText` (whole lines, without the final newline) after item
    /// `index` of the block list at `path`; `expectedCount` is checked after.
    public func insertingItem(_ itemText: String, into path: [PathComponent], after index: Int) throws -> PlanDocument {
        let range = try itemLines(path, index: index)
        // The new lines take the file's usual break. After a last line
        // without a break, that line gets one and the new last line does not.
        let lines = tree.breaks.lines, ending = tree.breaks.ending
        let newLines = itemText.components(separatedBy: "\n")
        let change = range.upperBound < lines.count
            ? TextChange(range: lines[range.upperBound].start..<lines[range.upperBound].start,
                         replacement: newLines.map { $0 + ending }.joined())
            : TextChange(range: text.endIndex..<text.endIndex, replacement: ending + newLines.joined(separator: ending))
        let edited = try applying([change])
        // A task: its lines are read alone, and the tasks below move down (`addingTask`).
        if path == [.key("tasks")],
           let result = addingTask(after: index, firstLine: range.upperBound + 1, lineCount: newLines.count, edited: edited) {
            return try verifiedList(result, path: path, expectedChange: +1)
        }
        return try verifiedList(PlanDocument(text: edited), path: path, expectedChange: +1)
    }

    /// Removes item `index` of the block list at `path` with all its lines.
    public func removingItem(at index: Int, of path: [PathComponent]) throws -> PlanDocument {
        let range = try itemLines(path, index: index)
        // A task with a line after it: its lines go as one change, and the
        // task list is not read again (`removingTask`).
        let lines = tree.breaks.lines
        if path == [.key("tasks")], range.upperBound < lines.count {
            let edited = try applying([TextChange(range: lines[range.lowerBound - 1].start..<lines[range.upperBound].start, replacement: "")])
            if let result = removingTask(at: index, lines: range, edited: edited) {
                return try verifiedList(result, path: path, expectedChange: -1)
            }
        } else if path == [.key("tasks")], range.lowerBound >= 2 {
            // The last lines of a file without a final break: the line above
            // loses its break too (as `TextLines.remove` does), and only the
            // task above is read again (`removingLastTask`).
            let edited = try applying([TextChange(range: lines[range.lowerBound - 2].contentEnd..<text.endIndex, replacement: "")])
            if let result = removingLastTask(at: index, lines: range, edited: edited) {
                return try verifiedList(result, path: path, expectedChange: -1)
            }
        }
        var textLines = TextLines(text)
        textLines.remove(range)
        return try verifiedList(PlanDocument(text: textLines.joined), path: path, expectedChange: -1)
    }

    /// The text of item `index` (its lines, joined), for duplicating it.
    public func itemText(_ path: [PathComponent], index: Int) throws -> String {
        let range = try itemLines(path, index: index)
        let lines = LineTexts(text: text, breaks: tree.breaks)
        return range.map { String(lines[$0]) }.joined(separator: "\n")
    }

    // MARK: Helpers

    private func describe<C: Collection>(_ path: C) -> String where C.Element == PathComponent {
        path.map(\.description).joined(separator: ".")
    }

    /// From just after `key:`'s colon to the end of the value (a list or
    /// mapping in flow style ends at its closing bracket; in block style at the
    /// end of its last line).
    private func valueSpan(of keyNode: Node, value: Node) throws -> (String.Index, String.Index) {
        let scalars = text.unicodeScalars
        let start = scalars.index(after: try colon(after: keyNode))
        let valueStart = try index(of: value.location)
        let end: String.Index
        switch value {
        case .scalar(let scalar):
            let quote: Unicode.Scalar? = scalar.style == .singleQuoted ? "'" : scalar.style == .doubleQuoted ? "\"" : nil
            guard let found = YAMLScalarText.endOfScalar(in: scalars, from: valueStart, quote: quote, inFlow: true) else {
                throw EditError(message: Phrase.checkDocUnterminatedValue.text(value.location))
            }
            end = found
        case .mapping, .sequence:
            if isFlowCollection(value) {
                end = try closingBracket(from: valueStart)
                break
            }
            // A block collection: to the end of its last line.
            end = tree.breaks.lines[lastLine(ofValue: value, keyIndent: keyNode.location.column - 1) - 1].contentEnd
        default:
            throw EditError(message: Phrase.checkDocValueIsAlias.text(value.location))
        }
        return (start, end)
    }

    /// Just past the bracket that closes the one at `open`.
    func closingBracket(from open: String.Index) throws -> String.Index {
        let scalars = text.unicodeScalars
        var position = open
        var depth = 0
        var quote: Unicode.Scalar?
        while position < scalars.endIndex {
            let scalar = scalars[position]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "{" || scalar == "[" {
                depth += 1
            } else if scalar == "}" || scalar == "]" {
                depth -= 1
                if depth == 0 { return scalars.index(after: position) }
            }
            position = scalars.index(after: position)
        }
        throw EditError(message: Phrase.checkDocUnclosedBracket.text())
    }

    private func verifiedList(_ result: PlanDocument, path: [PathComponent], expectedChange: Int) throws -> PlanDocument {
        guard let before = try? node(at: path, in: root()).0, case .sequence(let old) = before,
              let reread = try? result.root(), let (after, _) = try? result.node(at: path, in: reread),
              case .sequence(let new) = after, new.count == old.count + expectedChange else {
            throw EditError(message: Phrase.checkDocCouldNotChange.text(describe(path)))
        }
        return result
    }
}

/// A text as numbered lines (1-based, like YAML marks), split where libyaml
/// splits (`YAMLLineBreaks`). Each line keeps its own break, so a CRLF or
/// mixed file is written back with exactly the breaks it had.
struct TextLines {
    private var prefix: String
    private var lines: [(content: String, lineBreak: String)]

    init(_ text: String) {
        let breaks = YAMLLineBreaks(text)
        let scalars = text.unicodeScalars
        prefix = String(scalars[scalars.startIndex..<breaks.lines[0].start])
        lines = breaks.lines.map { (String(scalars[$0.start..<$0.contentEnd]), String(scalars[$0.contentEnd..<$0.end])) }
    }

    /// Lines counted without the empty remainder after a final line break.
    var count: Int { lines.last?.content == "" ? lines.count - 1 : lines.count }
    subscript(line: Int) -> String { line >= 1 && line <= lines.count ? lines[line - 1].content : "" }

    mutating func remove(_ range: ClosedRange<Int>) {
        let lastLineHadNoBreak = range.upperBound == lines.count && lines[lines.count - 1].lineBreak.isEmpty
        lines.removeSubrange((range.lowerBound - 1)..<range.upperBound)
        // Removing a last line that had no break must not leave one behind.
        if lastLineHadNoBreak, !lines.isEmpty { lines[lines.count - 1].lineBreak = "" }
    }

    var joined: String { prefix + lines.map { $0.content + $0.lineBreak }.joined() }
}

extension StringProtocol {
    var leadingSpaces: Int { prefix { $0 == " " }.count }
    var trimmingLeadingSpaces: SubSequence { drop { $0 == " " || $0 == "\t" } }
}

/// A text's lines (1-based, like YAML marks) as views of the text itself,
/// without their breaks; "" past the last line, as `TextLines` gives.
struct LineTexts {
    let text: String
    let breaks: YAMLLineBreaks

    var count: Int { breaks.lines.count }
    subscript(line: Int) -> Substring {
        guard line >= 1, line <= breaks.lines.count else { return "" }
        return text[breaks.lines[line - 1].start..<breaks.lines[line - 1].contentEnd]
    }
}
