/// The terminal's size in cells, as last reported. Keys that depend on what
/// is on screen (scrolling the Gantt to a moved task) read it; the renderer
/// is always given the size it draws at.
public struct TerminalSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// Until the terminal says otherwise: the smallest size the dashboard draws at.
    public static let minimum = TerminalSize(columns: DeckLayout.minimumColumns, rows: DeckLayout.minimumRows)
}
