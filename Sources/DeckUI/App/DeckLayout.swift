/// Where the bars and panes go for a terminal size: works from 80×24 up,
/// uses the room of big terminals, and gives each pane the height its rows
/// need rather than an even share (three segments should not take half the
/// screen while the Gantt hides a third of its tasks).
public struct DeckLayout: Equatable, Sendable {
    public static let minimumColumns = 80
    public static let minimumRows = 24
    /// A box, its header line and one row: the least a pane is given.
    static let minimumPaneHeight = 4

    public var header: Rect
    public var status: Rect
    public var panes: [Pane: Rect]

    public static func isTooSmall(columns: Int, rows: Int) -> Bool {
        columns < minimumColumns || rows < minimumRows
    }

    /// `wanted` is each pane's height with every row shown (box included);
    /// a pane missing from it is treated as wanting an even share.
    public init(columns: Int, rows: Int, zoomed: Pane?, wanted: [Pane: Int] = [:]) {
        header = Rect(row: 0, column: 0, width: columns, height: 1)
        status = Rect(row: rows - 1, column: 0, width: columns, height: 1)
        let body = Rect(row: 1, column: 0, width: columns, height: rows - 2)
        if let zoomed {
            panes = [zoomed: body]
            return
        }
        let even = body.height / 2
        let need = { (pane: Pane) in wanted[pane] ?? even }
        if columns >= 160 {
            // Wide: the Gantt gets the long top strip beside the segments; KPIs and
            // anomalies share the bottom. The strips split by the taller pane of each.
            let topHeight = Self.split(body.height, top: max(need(.segments), need(.gantt)),
                                       bottom: max(need(.kpis), need(.anomalies)))
            let bottomRow = body.row + topHeight, bottomHeight = body.height - topHeight
            let segmentsWidth = max(44, columns * 3 / 10)
            let kpiWidth = columns * 11 / 20
            panes = [
                .segments: Rect(row: body.row, column: 0, width: segmentsWidth, height: topHeight),
                .gantt: Rect(row: body.row, column: segmentsWidth, width: columns - segmentsWidth, height: topHeight),
                .kpis: Rect(row: bottomRow, column: 0, width: kpiWidth, height: bottomHeight),
                .anomalies: Rect(row: bottomRow, column: kpiWidth, width: columns - kpiWidth, height: bottomHeight),
            ]
        } else {
            // Two columns, each split on its own: Segments over the Gantt, KPIs over anomalies.
            let left = columns / 2
            let segmentsHeight = Self.split(body.height, top: need(.segments), bottom: need(.gantt))
            let kpisHeight = Self.split(body.height, top: need(.kpis), bottom: need(.anomalies))
            panes = [
                .segments: Rect(row: body.row, column: 0, width: left, height: segmentsHeight),
                .gantt: Rect(row: body.row + segmentsHeight, column: 0, width: left,
                             height: body.height - segmentsHeight),
                .kpis: Rect(row: body.row, column: left, width: columns - left, height: kpisHeight),
                .anomalies: Rect(row: body.row + kpisHeight, column: left, width: columns - left,
                                 height: body.height - kpisHeight),
            ]
        }
    }

    /// The layout the dashboard is drawn in for `state`: panes sized by the
    /// rows they hold, or the focused one alone when zoomed. The renderer and
    /// the mouse's hit-testing both take it from here.
    init(_ state: DeckState, columns: Int, rows: Int) {
        let wanted = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, $0.unit.wantedHeight(state)) })
        self.init(columns: columns, rows: rows, zoomed: state.zoomed ? state.focus : nil, wanted: wanted)
    }

    /// The upper pane's height when `available` rows are shared by two stacked
    /// panes wanting `top` and `bottom`. When both fit, the upper one gets what
    /// it wants and the lower one the rest (the anomaly log and the Gantt grow
    /// downwards). When they do not, a pane wanting no more than half keeps all
    /// it wants and the other takes the rest; two big panes share evenly.
    static func split(_ available: Int, top: Int, bottom: Int) -> Int {
        let half = available / 2
        let height: Int
        if top + bottom <= available || top <= half {
            height = top
        } else if bottom <= half {
            height = available - bottom
        } else {
            height = half
        }
        guard available >= 2 * minimumPaneHeight else { return half }
        return min(max(height, minimumPaneHeight), available - minimumPaneHeight)
    }
}

extension DeckState {
    /// Notes where each pane's view now starts, at the size it is drawn at,
    /// for the next frame and for the mouse's hit-testing.
    mutating func rememberScrollTops() {
        guard !DeckLayout.isTooSmall(columns: screen.columns, rows: screen.rows) else { return }
        let layout = DeckLayout(self, columns: screen.columns, rows: screen.rows)
        for (pane, rect) in layout.panes {
            scrollTops[pane] = pane.unit.top(of: pane, self, inner: rect.inset(by: 1))
        }
    }
}
