/// A plain-text table for terminals: columns sized by display width (CJK
/// takes two columns), numbers right-aligned, data made safe to print.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func rendered() -> String {
        let safeRows = rows.map { $0.map(ControlCharacters.escaped) }
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in safeRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                let isLast = index == columns.count - 1
                parts.append(column.alignment == .right ? padding + cell : (isLast ? cell : cell + padding))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(columns.map(\.title))] + safeRows.map(line)).joined(separator: "\n") + "\n"
    }
}
