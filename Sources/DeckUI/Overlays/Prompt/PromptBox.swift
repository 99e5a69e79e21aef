import CampaignText
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
                lines.append((Phrase.promptColumnError.text(error.column, error.message), Style(.firing)))
            } else {
                lines.append((Phrase.promptValid.text(), Style(.ok)))
            }
        }
        if let completion = prompt.completion, completion.text == prompt.text {
            lines.append((completion.hint, Style(.muted)))
        } else if let hint = hint(prompt, state: state) {
            lines.append((hint, Style(.muted)))
        }
        if case .silenceRule(_, let rules) = prompt.purpose {
            lines += rules.enumerated().map { ("\($0.offset + 1)  \($0.element)", Style(.text)) }
        }
        lines.append((prompt.field.isSuggestion ? Text.replacingKeys : Text.editingKeys, Style(.muted)))
        Overlays.box(prompt.title, lines: lines, grid: &grid)
    }

    private enum Text {
        static var editingKeys: String { Phrase.promptEditingKeys.text() }
        static var replacingKeys: String { Phrase.promptReplacingKeys.text() }
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
        case .newTask: return Phrase.promptNewTaskHint.text()
        case .addDependency: return Phrase.promptAddDependencyHint.text()
        case .removeDependency(let id):
            return Phrase.promptRemoveDependencyHint.text(state.plan.task(id)?.after.map(\.text).joined(separator: ", ") ?? "")
        case .segment(_, .rule): return Phrase.promptSegmentRuleHint.text()
        case .saveAs: return Phrase.promptSaveAsHint.text()
        case .silenceRule: return Phrase.promptSilenceRuleHint.text()
        case .silenceDuration: return SilenceWords.durationHint
        case .silenceComment: return SilenceWords.commentHint
        default: return nil
        }
    }
}
