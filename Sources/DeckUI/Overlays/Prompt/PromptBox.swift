import CampaignCore
import CampaignText

/// The prompt's box: the text with its cursor, a rule's error shown at its
/// column as it is typed, and a hint on what to type.
enum PromptBox {
    static func draw(_ prompt: Prompt, state: DeckState, grid: inout CellGrid) {
        // A suggestion is shown selected (reverse), as typing replaces it.
        let textStyle = Style(.text, attributes: prompt.field.isSuggestion ? [.bold, .reverse] : .bold)
        var lines: [(String, Style)] = [(prompt.field.beforeCursor + "▏" + prompt.field.afterCursor, textStyle)]
        if let check = expressionCheck(prompt, plan: state.plan) {
            if let error = check {
                // The caret sits under the column the error names.
                let before = String(prompt.text.prefix(max(0, error.column - 1)))
                lines.append((String(repeating: " ", count: DisplayWidth.of(before)) + "^", Style(.firing, attributes: .bold)))
                lines.append(("column \(error.column): \(error.message)", Style(.firing)))
            } else {
                lines.append(("✓ valid", Style(.ok)))
            }
        }
        if let hint = hint(prompt, state: state) { lines.append((hint, Style(.muted))) }
        if case .silenceRule(_, let rules) = prompt.purpose {
            lines += rules.enumerated().map { ("\($0.offset + 1)  \($0.element)", Style(.text)) }
        }
        lines.append((prompt.field.isSuggestion ? Text.replacingKeys : Text.editingKeys, Style(.muted)))
        Overlays.box(prompt.title, lines: lines, grid: &grid)
    }

    private enum Text {
        static let editingKeys = "Enter applies · Esc cancels · Ctrl-U clears"
        static let replacingKeys = "typing replaces it · ← → Home End edit it · Enter applies · Esc cancels"
    }

    /// nil: the prompt is not an expression; .some(nil): a valid one.
    private static func expressionCheck(_ prompt: Prompt, plan: Plan) -> RuleError?? {
        switch prompt.purpose {
        case .segment(_, .rule): return .some(ExpressionCheck.segmentRule(prompt.text, plan: plan))
        case .alert(_, .threshold): return .some(ExpressionCheck.threshold(prompt.text, plan: plan))
        default: return nil
        }
    }

    private static func hint(_ prompt: Prompt, state: DeckState) -> String? {
        switch prompt.purpose {
        case .newTask: return Phrase.newTaskHint.text("验收检查", "qa-check 验收检查")
        case .addDependency: return "it starts after that task finishes; 'id+2d' adds two days"
        case .removeDependency(let id):
            return "waits for: " + (state.plan.task(id)?.after.map(\.text).joined(separator: ", ") ?? "")
        case .segment(_, .rule): return "fields: recency_days, frequency, monetary, aov, orders_30d…, r_score, f_score, m_score"
        case .saveAs: return "the built-in demo has no file yet; an existing file is never replaced"
        case .silenceRule: return "several rules judge this row and none or several fire:"
        case .silenceDuration: return SilenceWords.durationHint
        case .silenceComment: return SilenceWords.commentHint
        default: return nil
        }
    }
}
