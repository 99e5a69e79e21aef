/// A pane as one unit (lazygit's controllers, gitui's components): the rows
/// it lists and what the `/` filter searches in them, its keys, what Enter
/// does and how it draws. Adding or changing a pane means its own folder and
/// one line in `Pane.unit`; the renderer, the registry and the router ask
/// the unit rather than `switch pane`.
protocol PaneUnit {
    /// Keys that work only while this pane has the focus (the registry gathers them).
    static var bindings: [KeyBinding] { get }

    /// How many rows the pane lists, filter or not.
    static func rowCount(_ state: DeckState) -> Int

    /// Indices of the rows shown under `filter` (nil: every row), in screen order.
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int]

    /// Every row in screen order, unfiltered: a selection hidden by a filter
    /// moves to the next row in this order that is shown.
    static func screenOrder(_ state: DeckState) -> [Int]

    /// Enter on the selected row.
    static func open(_ state: inout DeckState) -> [DeckEffect]

    /// The first row (of `visibleRows`) or line the pane shows in an inner
    /// area `inner`, remembered after each action so the view stays put.
    static func top(of pane: Pane, _ state: DeckState, inner: Rect) -> Int

    /// The pane's own commands; nil when `command` is not one of them.
    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]?

    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid)

    /// The pane's height, box included, with every row shown: the layout
    /// gives panes room by what they hold.
    static func wantedHeight(_ state: DeckState) -> Int

    /// The columns `<`, `>` and `I` sort by (none: the pane keeps its order).
    static var sortColumns: [SortColumn] { get }

    /// The heads of the table's columns as drawn at `innerWidth`, left to
    /// right, one space apart (none: the pane is not a table). A click on a
    /// head sorts by its column.
    static func heads(_ state: DeckState, innerWidth: Int) -> [TableHead]

    /// The row (an index as in `visibleRows`) `pane` (this unit's) draws on
    /// inner line `line` of an inner area `inner`; nil for the head, a
    /// heading or blank space.
    static func row(atInnerLine line: Int, of pane: Pane, _ state: DeckState, inner: Rect) -> Int?
}

extension PaneUnit {
    static var sortColumns: [SortColumn] { [] }

    static func heads(_ state: DeckState, innerWidth: Int) -> [TableHead] { [] }

    static func top(of pane: Pane, _ state: DeckState, inner: Rect) -> Int {
        PaneFrame.tableTop(state.visibleRows(pane), selected: state.visibleSelection(pane), innerHeight: inner.height,
                           top: state.scrollTops[pane])
    }

    /// A table pane: its head on the first line, then the rows `tableRows` scrolls to.
    static func row(atInnerLine line: Int, of pane: Pane, _ state: DeckState, inner: Rect) -> Int? {
        let rows = PaneFrame.tableRows(state.visibleRows(pane), selected: state.visibleSelection(pane),
                                       innerHeight: inner.height, top: state.scrollTops[pane])
        return rows.first { $0.offset + 1 == line }?.index
    }

    /// Most panes list their rows in index order.
    static func screenOrder(_ state: DeckState) -> [Int] { Array(0..<rowCount(state)) }

    /// A table pane: its box, its header line and its rows (one line saying
    /// "none" when empty).
    static func wantedHeight(_ state: DeckState) -> Int { 3 + max(1, rowCount(state)) }

    /// A pane with nothing to open behind a row zooms instead.
    static func open(_ state: inout DeckState) -> [DeckEffect] {
        state.zoomed.toggle()
        return []
    }
}
