import CampaignText
import Yams

/// The sections after `tasks:` (the demo's `targets:` and `alerts:`, a
/// `notify:` list…) read again from their new lines when an edit of the
/// tasks adds or removes lines above them.
///
/// Why: such an edit used to read the whole file whenever a section followed
/// the tasks (as in every plan `campaign-deck init` writes), because their
/// elements' positions were not moved. Reading them again, rather than moving
/// every position their readers stored, cannot miss one: the same reader
/// reads the same text, from its real lines (blank lines before it), so every
/// FILE:LINE:COLUMN is the file's. Their text is unchanged and they read
/// nothing from the tasks, so the plan's other parts stay as they were.
extension PlanDocument {
    /// `top` with its pairs from `first` on (every one of them a section of
    /// `PlanLoader.sectionsAfterTasks`) read again from `edited`, where their
    /// first line is now `firstLine`; `parts` gets their elements and
    /// messages (those at or below `firstLine` are theirs). nil when it
    /// cannot be sure.
    static func rereadingSections(of top: Node.Mapping, from first: Node.Mapping.Index, firstLine: Int, edited: String,
                                  breaks: YAMLLineBreaks, parts: inout PlanReadParts) -> Node.Mapping? {
        let pairs = Array(top[first...])
        var keys: [String] = []
        for pair in pairs {
            guard case .scalar = pair.key, let key = pair.key.string, PlanLoader.sectionsAfterTasks.contains(key) else { return nil }
            keys.append(key)
        }
        guard firstLine >= 2, firstLine <= breaks.lines.count else { return nil }
        var fragment = [UInt8](repeating: UInt8(ascii: "\n"), count: firstLine - 1)
        fragment.append(contentsOf: edited.utf8[breaks.lines[firstLine - 1].start...])
        guard let composed = try? Yams.compose(yaml: String(decoding: fragment, as: UTF8.self), .basic),
              case .mapping(let read) = composed, read.count == pairs.count else { return nil }
        // The same keys, each where the old one was moved to.
        let moved = firstLine - pairs[0].key.location.line
        for (old, new) in zip(pairs, read) {
            guard new.key.string == old.key.string,
                  new.key.location == SourceLocation(line: old.key.location.line + moved, column: old.key.location.column) else { return nil }
        }
        let sink = DiagnosticSink()
        sink.explicitTags = YAMLTags.check(composed, sink: sink)
        guard let fields = YAMLFields(composed, what: Phrase.checkNounPlan.text(), allowed: PlanLoader.topLevelKeys, sink: sink) else { return nil }
        var plan = parts.plan
        var declaredNotify = parts.declaredNotify
        PlanLoader.readSections(PlanLoader.sectionsAfterTasks.filter(keys.contains), of: fields, reader: PlanNodeReader(sink: sink),
                                into: &plan, declaredNotify: &declaredNotify)
        // Each message is about these lines (as the same text's were before the
        // edit, only higher or lower): none is dropped for another's.
        guard sink.diagnostics.allSatisfy({ $0.location.line >= firstLine }) else { return nil }
        parts.plan = plan
        parts.declaredNotify = declaredNotify
        parts.readDiagnostics.removeAll { $0.location.line >= firstLine }
        parts.readDiagnostics += sink.diagnostics
        var top = top
        for (index, pair) in zip(top.indices[first...], read) { top[index] = pair }
        return top
    }
}
