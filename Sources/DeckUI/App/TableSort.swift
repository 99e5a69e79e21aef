import CampaignText
import CampaignCore

/// A table pane sorted by one of its columns (htop's `<`/`>` choose the
/// column, `I` turns the order round); without one a pane keeps its own
/// order (segments as the plan lists them, the newest anomaly first).
public struct TableSort: Equatable, Sendable {
    public var column: Int
    public var descending: Bool

    public init(column: Int, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// One column a table can be sorted by.
struct SortColumn {
    /// What the status line calls it.
    var name: String
    /// Whether a head drawn as `text` (trimmed) is this column's, at any width.
    var isHead: (String) -> Bool
    /// Numbers start largest first (the worst CPA, the biggest segment), text A to Z.
    var startsDescending: Bool
    var key: (DeckState, Int) -> SortKey

    init(_ name: String, heads: Set<String>? = nil, startsDescending: Bool = true,
         key: @escaping (DeckState, Int) -> SortKey) {
        let spellings = heads ?? [name]
        self.name = name
        self.isHead = { spellings.contains($0) }
        self.startsDescending = startsDescending
        self.key = key
    }

    init(_ name: String, isHead: @escaping (String) -> Bool, key: @escaping (DeckState, Int) -> SortKey) {
        self.name = name
        self.isHead = isHead
        self.startsDescending = true
        self.key = key
    }
}

/// A cell's value for ordering. A missing number (`–`) goes last whichever
/// way the column is sorted: a row without data is never "the best".
enum SortKey {
    case text(String)
    case number(Double?)

    /// nil when equal; else whether `self` comes first, in `descending` order or not.
    func precedes(_ other: SortKey, descending: Bool) -> Bool? {
        switch (self, other) {
        case (.number(nil), .number(nil)): return nil
        case (.number(nil), .number): return false
        case (.number, .number(nil)): return true
        case (.number(let a?), .number(let b?)):
            if a == b { return nil }
            return descending ? a > b : a < b
        case (.text(let a), .text(let b)):
            if a == b { return nil }
            return descending ? a > b : a < b
        case (.text, .number): return true
        case (.number, .text): return false
        }
    }
}

extension DeckState {
    /// `rows` (a pane's row indices) in the order of the pane's sort; a tie
    /// keeps the pane's own order, so sorting is stable.
    func sorted(_ rows: [Int], _ pane: Pane) -> [Int] {
        guard let sort = sorts[pane] else { return rows }
        let columns = pane.unit.sortColumns
        guard columns.indices.contains(sort.column) else { return rows }
        let column = columns[sort.column]
        let keys = Dictionary(uniqueKeysWithValues: rows.map { ($0, column.key(self, $0)) })
        let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        return rows.sorted { a, b in
            keys[a]!.precedes(keys[b]!, descending: sort.descending) ?? (position[a]! < position[b]!)
        }
    }

    /// `head` with ▲ or ▼ when the pane is sorted by its column, fitted to
    /// `width` (the head's last letters give way to the mark).
    func markedHead(_ head: String, width: Int, _ pane: Pane) -> String {
        guard let sort = sorts[pane], pane.unit.sortColumns.indices.contains(sort.column) else { return head }
        let trimmed = head.trimming(" ")
        guard pane.unit.sortColumns[sort.column].isHead(trimmed) else { return head }
        let mark = sort.descending ? "▼" : "▲"
        var text = trimmed
        while !text.isEmpty && DisplayWidth.of(text) + 1 > width { text.removeLast() }
        return text + mark
    }
}

/// `<`, `>` and `I` on the focused table.
enum TableSorting {
    static func perform(_ command: DeckCommand, _ state: inout DeckState) {
        let pane = state.focus
        let columns = pane.unit.sortColumns
        guard !columns.isEmpty else {
            state.message = Phrase.sortNoColumns.text(pane.title)
            return
        }
        let current = state.sorts[pane]
        switch command {
        case .sortNextColumn, .sortPreviousColumn:
            // Past the last column (or before the first) comes the pane's own order.
            let step = command == .sortNextColumn ? 1 : -1
            let positions = columns.count + 1
            let now = current.map { $0.column + 1 } ?? 0
            let next = (now + step + positions) % positions
            state.sorts[pane] = next == 0 ? nil
                : TableSort(column: next - 1, descending: columns[next - 1].startsDescending)
        case .reverseSort:
            guard let current else {
                state.message = Phrase.sortNotYet.text()
                return
            }
            state.sorts[pane] = TableSort(column: current.column, descending: !current.descending)
        default:
            return
        }
        if let sort = state.sorts[pane] {
            state.message = Phrase.sortedBy.text(columns[sort.column].name, sort.descending ? "▼" : "▲")
        } else {
            state.message = Phrase.sortOwnOrder.text()
        }
    }
}
