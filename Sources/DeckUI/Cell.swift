/// One terminal cell: a base scalar with up to two combining marks, its width and style.
///
/// Why scalars and not `String`/`Character`: a frame is tens of thousands of cells and
/// is rebuilt on every change; a `String` per cell would mean an allocation per cell.
/// Two inline marks cover decomposed text (Vietnamese can stack two); further
/// marks are dropped, which also keeps "Zalgo" text from spilling over rows.
///
/// A wide character occupies two cells: the *lead* (width 2) holds the character and
/// the cell to its right is a *continuation* (width 0) that holds nothing. `CellGrid`
/// keeps that pairing intact, so a wide character is never half-drawn.
public struct Cell: Sendable, Hashable {
    /// The character, or a space for a blank or continuation cell.
    public internal(set) var scalar: Unicode.Scalar
    /// Combining marks stored inline; 0 means none (U+0000 is never stored: it is a
    /// control character and gets escaped before reaching the grid).
    internal var mark0: UInt32
    internal var mark1: UInt32
    /// 1 for a narrow cell, 2 for the lead of a wide character, 0 for its continuation.
    public internal(set) var width: UInt8
    public var style: Style

    internal init(scalar: Unicode.Scalar, width: UInt8, style: Style) {
        self.scalar = scalar
        self.mark0 = 0
        self.mark1 = 0
        self.width = width
        self.style = style
    }

    /// A space in `style`.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(scalar: " ", width: 1, style: style)
    }

    /// The right half of a wide character whose lead has `style`.
    internal static func continuation(_ style: Style) -> Cell {
        Cell(scalar: " ", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }

    /// Whether combining marks are drawn on top of `scalar`.
    public var hasMarks: Bool { mark0 != 0 }

    /// The combining marks drawn on top of `scalar`, in order (allocates; painting and
    /// text output use `forEachScalar`).
    public var marks: [Unicode.Scalar] {
        [mark0, mark1].compactMap { $0 == 0 ? nil : Unicode.Scalar($0) }
    }

    /// Calls `body` with the cell's scalars (base first, then marks) without allocating;
    /// a continuation cell has none. The terminal backend builds a `cchar_t` this way.
    public func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
        guard width != 0 else { return }
        body(scalar)
        if mark0 != 0, let mark = Unicode.Scalar(mark0) { body(mark) }
        if mark1 != 0, let mark = Unicode.Scalar(mark1) { body(mark) }
    }

    /// The cell's text: "" for a continuation cell.
    public var text: String {
        var result = ""
        forEachScalar { result.unicodeScalars.append($0) }
        return result
    }

    /// Adds a combining mark if there is room; returns false when it was dropped.
    @discardableResult
    internal mutating func addMark(_ mark: Unicode.Scalar) -> Bool {
        if mark0 == 0 {
            mark0 = mark.value
        } else if mark1 == 0 {
            mark1 = mark.value
        } else {
            return false
        }
        return true
    }
}
