/// A frame for a terminal that cannot show UTF-8 (`LANG=C`): box drawing
/// becomes `+`, `-` and `|`, the dashboard's marks their nearest ASCII
/// look-alike, and anything else `?` — one per cell, so a wide character
/// keeps its two columns and every line keeps its width.
extension CellGrid {
    public func asciiOnly() -> CellGrid {
        var copy = self
        for index in copy.cells.indices {
            let cell = copy.cells[index]
            let scalar: Unicode.Scalar = cell.isContinuation ? "?" : Self.ascii(for: cell.scalar)
            copy.cells[index] = Cell(scalar: scalar, width: 1, style: cell.style)
        }
        return copy
    }

    static func ascii(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar }
        if let known = asciiLookAlikes[scalar] { return known }
        switch scalar.value {
        case 0x2500...0x257F: // box drawing: lines, corners and joints not listed above
            return "+"
        default:
            return "?"
        }
    }

    private static let asciiLookAlikes: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        func map(_ characters: String, to replacement: Unicode.Scalar) {
            for scalar in characters.unicodeScalars { table[scalar] = replacement }
        }
        map("─━═╌╍┄┅┈┉", to: "-")
        map("│┃║╎╏┆┇┊┋", to: "|")
        map("▶▸▹►→⇒", to: ">")
        map("◀◂◃◄←", to: "<")
        map("↑▲△", to: "^")
        map("↓▼▽", to: "v")
        map("…·•", to: ".")
        map("★☆●◆■✎", to: "*")
        map("▁▂▃", to: "_")
        map("▄▅", to: "=")
        map("▆▇█▓", to: "#")
        map("░▒", to: ":")
        map("✓✔", to: "v")
        map("✗✘", to: "x")
        map("±", to: "~")
        map("↺↻", to: "@")
        map("⊘", to: "/")
        map("¥", to: "Y")
        return table
    }()
}
