import CampaignCore

/// Where the dashboard's events come from: the simulator, event files
/// (optionally followed), or a database's stored history. A source runs on
/// the session's thread and hands everything to the feed; it never blocks
/// on its own (no sleep, no lock), it asks the feed to wait, so commands from
/// the keyboard are handled while it waits.
public protocol LiveSource: Sendable {
    /// Runs until the stream ends or `feed.isStopping`. A failure that ends
    /// the stream is thrown and shown to the user; what only deserves a note
    /// (rejected lines) goes through `feed.note`.
    func run(into feed: LiveFeed) throws(LiveSourceError)
}

/// What a source may ask of the session while it runs.
public protocol LiveFeed: AnyObject {
    /// The clock pacing and polling are measured on (injected by tests).
    var clock: any PacingClock { get }
    /// The replay speed the user chose (campaign seconds per wall second).
    var speed: Double { get }
    /// The session is shutting down: return soon.
    var isStopping: Bool { get }
    /// Folds a batch of records into the live state.
    func deliver(_ records: [EventRecord], symbols: EventSymbols)
    /// Replaces the live state's monitor with one brought up to date elsewhere.
    func restore(_ fold: MonitorFold)
    /// Replaying at full speed up to the demo's start time (the header says so).
    func setCatchingUp(_ catchingUp: Bool)
    /// Shows the data folded so far now, rather than at the next tick.
    func publishNow()
    /// A message for the status bar.
    func note(_ message: String)
    /// Handles commands until `deadline` on `clock`; returns early, true, when
    /// the user paused or changed the speed (the source re-plans its pacing).
    @discardableResult func wait(until deadline: Double) -> Bool
    /// Handles commands for as long as the user keeps the stream paused;
    /// true when it was paused.
    func holdWhilePaused() -> Bool
}

/// Why a source stopped, worded for the user (`campaign-deck: <message>`).
public struct LiveSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The input the user named is unusable (exit 2), rather than failing while read (exit 1).
    public let isBadInput: Bool

    public init(_ message: String, isBadInput: Bool) {
        self.message = message
        self.isBadInput = isBadInput
    }

    public var description: String { message }
}
