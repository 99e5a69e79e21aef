import CampaignCore
import CampaignText
import CampaignStore
import Foundation

/// A long-running sender on a thread of its own, for `watch` and the
/// dashboard: it holds the database's sender lease for as long as it runs
/// (renewing it every tick), makes a send pass when woken after a commit, and
/// also once a tick, so a message whose send failed is tried again when its
/// backoff ends even if no new event arrives. While another process holds the
/// lease this one does not send, and says so once; when that lease is
/// released or expires (or its holder is gone), this one takes over.
///
/// Its own thread, not the caller's: a send waits for the robot's answer (up to
/// the sender's timeout), which must hold up neither reading events nor drawing.
public final class OutboxSender: @unchecked Sendable {
    /// What one step did.
    public enum Step: Sendable, Equatable {
        /// Held the lease; nothing was due, or this pass (possibly empty).
        case sent(OutboxDrain.Pass)
        /// Another process holds the lease and sends.
        case deferred(to: String)
    }

    private let drain: OutboxDrain
    private let outbox: NotifyOutbox
    private let identity: SenderIdentity
    private let tickSeconds: Double
    /// Set before the thread starts (`start(log:)`), read only by the stepping thread.
    private var log: @Sendable (String) -> Void
    private let now: () -> Date

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var woken = false
    private var stopping = false
    private var finished = false
    private var started = false

    /// Only touched by the thread that steps (the sender's, or a test's).
    private var deferredTo: String?
    private var holding = false

    public init(plan: Plan, database: any StoreEngine, environment: [String: String],
                identity: SenderIdentity = SenderIdentity(), sender: RobotSender = RobotSender(),
                tickSeconds: Double = 1, now: @escaping @Sendable () -> Date = Date.init,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        outbox = NotifyOutbox(database: database)
        drain = OutboxDrain(plan: plan, outbox: outbox, environment: environment, sender: sender, now: now)
        self.identity = identity
        self.tickSeconds = tickSeconds
        self.now = now
        self.log = log
    }

    /// Starts the thread; it runs until `stop`. `log`, if given, replaces the
    /// one passed at init (the dashboard's status bar exists only after the
    /// sender it wakes is made).
    public func start(log: (@Sendable (String) -> Void)? = nil) {
        if let log { self.log = log }
        condition.withLock { started = true }
        let thread = Thread { [self] in run() }
        thread.name = "deck-sender"
        thread.start()
    }

    /// Something was committed: send it now rather than at the next tick.
    public func wake() {
        condition.withLock {
            woken = true
            condition.broadcast()
        }
    }

    /// Makes a last pass (what was committed before the call is sent, or left
    /// pending with its backoff), releases the lease and waits for the thread.
    /// Returns how many messages remain pending.
    @discardableResult
    public func stop() -> Int {
        let wasStarted = condition.withLock {
            stopping = true
            condition.broadcast()
            while started && !finished { condition.wait() }
            return started
        }
        if !wasStarted {
            _ = step(closingGroups: true)
            release()
        }
        return (try? outbox.pendingCount()) ?? 0
    }

    private func run() {
        while true {
            let last = condition.withLock {
                if !woken && !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: tickSeconds)) }
                woken = false
                return stopping
            }
            // The last pass closes the groups still waiting for `group_wait`:
            // this run's stream ends here, as at the end of an `ingest`.
            _ = step(closingGroups: last)
            if last { break }
        }
        release()
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// Takes or renews the lease and, holding it, sends what is due (groups
    /// close on the events' clock, or now with `closingGroups`). A failure
    /// of the database is logged and tried again at the next step.
    @discardableResult
    public func step(closingGroups: Bool = false) -> Step? {
        do {
            let milliseconds = Int64((now().timeIntervalSince1970 * 1_000).rounded(.down))
            guard try outbox.takeLease(holder: identity.holder, now: milliseconds, isGone: identity.isGone) else {
                let other = try outbox.leaseHolder()?.holder ?? Phrase.dataAnotherProcess.text()
                if deferredTo != other {
                    log(Phrase.dataLeaseHeld.text(other))
                    deferredTo = other
                }
                holding = false
                return .deferred(to: other)
            }
            if let previous = deferredTo {
                log(Phrase.dataLeaseTaken.text(previous))
                deferredTo = nil
            }
            holding = true
            guard try outbox.pendingCount() > 0 else { return .sent(OutboxDrain.Pass()) }
            let pass = try drain.pass(closingGroups: closingGroups)
            for line in pass.lines { log(line) }
            return .sent(pass)
        } catch {
            log(Phrase.dataCannotSend.text(error))
            return nil
        }
    }

    /// Gives the lease back, so another sender need not wait out its expiry.
    public func release() {
        guard holding else { return }
        do {
            try outbox.releaseLease(holder: identity.holder)
            holding = false
        } catch {
            log(Phrase.dataCannotReleaseLease.text(error))
        }
    }
}
