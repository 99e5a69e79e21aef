import CampaignCore
import DeckUI
import Foundation

/// What a live session is made of; all of it moves to the session's thread.
public struct LiveConfiguration: Sendable {
    public var plan: Plan
    public var source: any LiveSource
    /// The anomaly log (nil: none, the pane stays empty).
    public var desk: (any AnomalyDesk)?
    /// Where plan edits are saved (nil: saving is not available).
    public var saver: (any PlanSaver)?
    public var customerBase: CustomerBaseSource
    /// The simulator's replay speed at start.
    public var speed: Double
    public var clock: any PacingClock

    public init(plan: Plan, source: any LiveSource, desk: (any AnomalyDesk)? = nil, saver: (any PlanSaver)? = nil,
                customerBase: CustomerBaseSource = .none, speed: Double = 600, clock: any PacingClock = SystemPacingClock()) {
        self.plan = plan
        self.source = source
        self.desk = desk
        self.saver = saver
        self.customerBase = customerBase
        self.speed = speed
        self.clock = clock
    }
}

/// What a session run to its end (`--snapshot`) produced: the actions for
/// `DeckUpdate`, in order, and the failure that ended the stream, if any.
public struct LiveRun: Sendable {
    public var actions: [DeckAction]
    public var failure: LiveSourceError?
}

/// The dashboard's live side on one thread of its own: the source feeds the
/// live state; effects from the keyboard come in as commands (pause, speed,
/// anomaly edits, saves, plan edits, the walkthrough); `DeckAction`s go out
/// (snapshots, the stream's end, save outcomes, a message for every failure).
/// The terminal thread only sends commands and takes actions, so nothing it
/// does waits for the database or a file.
public final class LiveSession: Sendable {
    private let mailbox = LiveMailbox()
    private let configuration: LiveConfiguration

    public init(_ configuration: LiveConfiguration) { self.configuration = configuration }

    /// The session thread's name, as a debugger or `top -H` shows it (Linux
    /// keeps at most 15 bytes of a thread's name).
    public static let threadName = "deck-live"

    /// Readable when actions are waiting.
    public var wakeDescriptor: Int32 { mailbox.wakeDescriptor }

    /// Starts the session's thread; it runs until `stop`.
    public func start() {
        let thread = Thread { [configuration, mailbox] in
            Thread.current.name = LiveSession.threadName
            _ = LiveWorker(configuration, mailbox: mailbox, interactive: true).run()
            mailbox.markFinished()
        }
        thread.name = Self.threadName
        thread.start()
    }

    /// Runs the whole source on the calling thread, unpaced, and returns what
    /// it produced (`--snapshot`).
    public func runToEnd() -> LiveRun {
        let failure = LiveWorker(configuration, mailbox: mailbox, interactive: false).run()
        return LiveRun(actions: mailbox.takeActions(), failure: failure)
    }

    public func takeActions() -> [DeckAction] { mailbox.takeActions() }

    public func perform(_ effect: DeckEffect) { mailbox.send(effect) }

    /// A status-bar message from another thread (the sender's deliveries).
    public func note(_ message: String) { mailbox.post(.message(message)) }

    /// Asks the thread to finish and waits up to `seconds` for it, so the
    /// commands already sent (an anomaly acknowledged just before quitting)
    /// are written before the process ends. False when it did not finish in
    /// time (a source blocked in a read of standard input).
    @discardableResult
    public func stop(waitingUpTo seconds: Double = 5) -> Bool {
        mailbox.stop()
        return mailbox.waitUntilFinished(seconds: seconds)
    }
}
