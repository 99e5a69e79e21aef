/// Where the bars and panes go for a terminal size: works from
/// 80×24 up, and uses the room of big terminals.
public struct DeckLayout: Equatable, Sendable {
    public static let minimumColumns = 80
    public static let minimumRows = 24

    public var header: Rect
    public var status: Rect
    public var panes: [Pane: Rect]

    public static func isTooSmall(columns: Int, rows: Int) -> Bool {
        columns < minimumColumns || rows < minimumRows
    }

    public init(columns: Int, rows: Int, zoomed: Pane?) {
        header = Rect(row: 0, column: 0, width: columns, height: 1)
        status = Rect(row: rows - 1, column: 0, width: columns, height: 1)
        let body = Rect(row: 1, column: 0, width: columns, height: rows - 2)
        if let zoomed {
            panes = [zoomed: body]
            return
        }
        let topHeight = body.height / 2
        let top = Rect(row: body.row, column: 0, width: columns, height: topHeight)
        let bottom = Rect(row: body.row + topHeight, column: 0, width: columns, height: body.height - topHeight)
        if columns >= 160 {
            // Wide: the Gantt gets the long top strip beside the segments; KPIs and
            // anomalies share the bottom.
            let segmentsWidth = max(44, columns * 3 / 10)
            let kpiWidth = columns * 11 / 20
            panes = [
                .segments: Rect(row: top.row, column: 0, width: segmentsWidth, height: top.height),
                .gantt: Rect(row: top.row, column: segmentsWidth, width: columns - segmentsWidth, height: top.height),
                .kpis: Rect(row: bottom.row, column: 0, width: kpiWidth, height: bottom.height),
                .anomalies: Rect(row: bottom.row, column: kpiWidth, width: columns - kpiWidth, height: bottom.height),
            ]
        } else {
            let left = columns / 2
            panes = [
                .segments: Rect(row: top.row, column: 0, width: left, height: top.height),
                .kpis: Rect(row: top.row, column: left, width: columns - left, height: top.height),
                .gantt: Rect(row: bottom.row, column: 0, width: left, height: bottom.height),
                .anomalies: Rect(row: bottom.row, column: left, width: columns - left, height: bottom.height),
            ]
        }
    }
}
