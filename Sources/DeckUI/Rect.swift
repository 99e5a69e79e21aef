/// A rectangle of cells: the unit of layout (panes, boxes, table columns).
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    public var rows: Range<Int> { row..<(row + max(0, height)) }
    public var columns: Range<Int> { column..<(column + max(0, width)) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part of this rectangle inside `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        let bottom = min(row + height, other.row + other.height)
        let right = min(column + width, other.column + other.width)
        return Rect(row: top, column: left, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// This rectangle shrunk by `amount` cells on every side (a box's interior).
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount,
             width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }
}
