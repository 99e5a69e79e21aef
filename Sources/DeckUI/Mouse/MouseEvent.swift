/// What the mouse did, independent of how the terminal reported it
/// (DeckTerminal decodes xterm's SGR reports into these). Cells count from
/// 0 at the top left, as the grid does.
public struct MouseEvent: Equatable, Sendable {
    public enum Button: Equatable, Sendable {
        case left, middle, right
    }

    public enum Kind: Equatable, Sendable {
        case press(Button)
        case release(Button)
        /// One notch of the wheel (or a trackpad's swipe): up and down scroll
        /// rows; left and right are a tilted wheel or a sideways swipe.
        case wheelUp, wheelDown, wheelLeft, wheelRight
        /// The pointer moved (with a button held, or any motion the terminal
        /// reports); the dashboard does not ask for these, so they are ignored.
        case motion
    }

    public var kind: Kind
    public var column: Int
    public var row: Int
    public var shift: Bool
    public var alt: Bool
    public var control: Bool

    public init(_ kind: Kind, column: Int, row: Int, shift: Bool = false, alt: Bool = false, control: Bool = false) {
        self.kind = kind
        self.column = column
        self.row = row
        self.shift = shift
        self.alt = alt
        self.control = control
    }
}

/// The last left press, to tell a double click: a second press on the same
/// cell within `MouseClicks.doubleClickInterval`.
public struct MouseClick: Equatable, Sendable {
    public var column: Int
    public var row: Int
    /// Seconds on the clock the terminal loop passes in (monotonic, any origin).
    public var time: Double
}
