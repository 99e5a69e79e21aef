import CampaignText
import CampaignCore

/// What `y` copies: the open card's text, or the focused pane's selected row
/// as the pane shows it when nothing is cut — drawn alone on a wide grid, so
/// what lands in the clipboard reads like the screen, whole. The Gantt's row
/// is its bars, so it gives the task's name and summary line instead.
enum ClipboardText {
    /// Wide enough that no column of any pane is cut.
    static let width = 400

    /// What to copy and how the status line names it; nil when there is nothing.
    static func selection(_ state: DeckState) -> (text: String, what: String)? {
        if let overlay = state.overlay {
            switch overlay {
            case .personaCard, .taskCard, .anomalyDetail: return card(state).map { ($0, Phrase.copyWhatCard.text()) }
            default: return nil
            }
        }
        if state.focus == .gantt {
            guard let index = state.visibleSelection(.gantt), let schedule = state.schedule,
                  index < schedule.tasks.count else { return nil }
            let task = state.plan.tasks[index]
            return ("\(task.name) — " + GanttText.summary(task, schedule.tasks[index]), Phrase.copyWhatTask.text(task.id))
        }
        return selectedRow(state).map { ($0, Phrase.copyWhatRow.text()) }
    }

    /// The row the pane marks with `▶`, drawn at `width` columns, its cells'
    /// runs of blanks closed up to two spaces.
    static func selectedRow(_ state: DeckState) -> String? {
        let rows = max(state.screen.rows, 24)
        var grid = CellGrid(columns: width, rows: rows)
        state.focus.unit.draw(state, in: Rect(row: 0, column: 0, width: width, height: rows), grid: &grid)
        for line in grid.lines() where line.unicodeScalars.first == PaneFrame.selectedMark {
            return tidy(String(line.dropFirst().dropLast()))
        }
        return nil
    }

    /// The card's lines inside its box, drawn on a large blank screen.
    static func card(_ state: DeckState) -> String? {
        var large = state
        large.screen = DeckState.ScreenSize(columns: 200, rows: 60)
        var grid = CellGrid(columns: 200, rows: 60)
        state.overlay?.unit.draw(large, grid: &grid)
        let lines = grid.lines().compactMap { line -> String? in
            let inside = line.trimming(" ")
            guard let first = inside.unicodeScalars.first, let last = inside.unicodeScalars.last,
                  isVertical(first), isVertical(last) else { return nil }
            return tidy(String(inside.dropFirst().dropLast()))
        }
        let text = lines.joined(separator: "\n").trimming("\n")
        return text.isEmpty ? nil : text
    }

    private static func isVertical(_ scalar: Unicode.Scalar) -> Bool { "│┃║".unicodeScalars.contains(scalar) }

    /// Bars and sparklines (block elements) go, being pictures of numbers
    /// the row also gives as text; trailing blanks go; a run of three or
    /// more blanks inside becomes two.
    static func tidy(_ text: String) -> String {
        var result = ""
        var blanks = 0
        for character in text {
            if character.unicodeScalars.allSatisfy({ (0x2580...0x259F).contains($0.value) }) {
                blanks += 1
                continue
            }
            if character == " " {
                blanks += 1
                continue
            }
            if blanks > 0 { result += String(repeating: " ", count: min(blanks, 2)) }
            blanks = 0
            result.append(character)
        }
        return result.trimming(" ")
    }
}
