import CampaignText
import CampaignCore
import DeckUI
import Foundation

/// The session's thread: runs the source, owns the live state, and handles
/// commands between batches and while the source waits. Confined to that
/// thread (not Sendable); it shares nothing but the mailbox.
final class LiveWorker: LiveFeed {
    private var state: LiveState
    private let source: any LiveSource
    private let desk: (any AnomalyDesk)?
    private var saver: (any PlanSaver)?
    private let customerBase: CustomerBaseSource
    private let mailbox: LiveMailbox
    /// Publishes as data arrives and keeps serving commands after the stream
    /// ends; otherwise (`--snapshot`) runs the source unpaced and returns.
    private let interactive: Bool
    /// Paces the simulator and times the follower's polls (injected by tests).
    let clock: any PacingClock
    /// Limits snapshots to what a terminal can show, and measures events per
    /// second: always the machine's time, whatever clock paces the stream.
    private let wallClock = SystemPacingClock()
    private(set) var speed: Double
    private var paused = false
    private var stopped = false
    private var catchingUp = false
    /// The walkthrough is open: snapshots carry the stand-up agenda.
    private var agendaWanted = false
    private var anomalyRows: [DashboardSnapshot.AnomalyRow] = []
    /// nil while the desk keeps no silences (no database).
    private var activeSilences: [Silence]?
    /// Records were folded since the last snapshot.
    private var dirty = false
    private var lastPublish = -Double.infinity
    /// When the desk was last asked whether others changed the log.
    private var lastWatch = -Double.infinity
    /// The store failure said last (see `sayFailure`).
    private var lastFailure: Phrase?
    private var rateWindow: (start: Double, events: Int)
    private var eventsPerSecond = 0.0
    /// The segmented customer base, handed over by the thread that reads it.
    private let loadedBase = LockedValue<CustomerBaseSource.Loaded?>(nil)
    private var loadingBase = false

    init(_ configuration: LiveConfiguration, mailbox: LiveMailbox, interactive: Bool) {
        state = LiveState(plan: configuration.plan)
        source = configuration.source
        desk = configuration.desk
        saver = configuration.saver
        customerBase = configuration.customerBase
        clock = configuration.clock
        speed = configuration.speed
        self.mailbox = mailbox
        self.interactive = interactive
        rateWindow = (wallClock.now(), 0)
    }

    /// The whole life of the session; returns the failure that ended the stream.
    func run() -> LiveSourceError? {
        refreshAnomalies()
        publish(force: true)
        loadCustomerBase()
        var failure: LiveSourceError?
        do {
            try source.run(into: self)
        } catch {
            failure = error
            note(error.message)
        }
        // Stopped (the dashboard quit) is not ended: a minute cut short is not judged.
        if !isStopping {
            record(state.closeCurrentMinute())
            publish(force: true)
            mailbox.post(.streamEnded)
        }
        if interactive {
            // The stream is over; the walkthrough, an edit or a save still come in,
            // and the customer base if it is still being segmented.
            while !isStopping {
                handle(mailbox.takeCommands(waitingUpTo: loadingBase || watchesOthers ? 0.25 : nil))
                publish(force: false)
            }
        }
        // What was asked before the stop (an anomaly acknowledged just before
        // quitting) is still done.
        handle(mailbox.takeCommands(waitingUpTo: 0))
        return failure
    }

    // MARK: LiveFeed

    var isStopping: Bool {
        if !stopped { stopped = mailbox.isStopping }
        return stopped
    }

    func deliver(_ records: [EventRecord], symbols: EventSymbols) {
        // Before the batch: events that arrive after an edit are judged by the edited rules.
        handle(mailbox.takeCommands(waitingUpTo: 0))
        record(state.fold(records, symbols: symbols))
        advanceClock()
        dirty = true
        if interactive { publish(force: false) }
    }

    func restore(_ fold: MonitorFold) {
        state.restore(fold)
        dirty = true
    }

    func setCatchingUp(_ catchingUp: Bool) { self.catchingUp = catchingUp }

    func publishNow() { publish(force: true) }

    func note(_ message: String) { mailbox.post(.message(message)) }

    @discardableResult
    func wait(until deadline: Double) -> Bool {
        while !isStopping {
            let remaining = deadline - clock.now()
            if remaining <= 0 { return false }
            publish(force: false)
            // Woken by a command at once; otherwise at most every quarter second, to publish.
            let blocking = min(clock.blockingSeconds(toLet: remaining), 0.25)
            if handle(mailbox.takeCommands(waitingUpTo: blocking)) { return true }
        }
        return false
    }

    func holdWhilePaused() -> Bool {
        guard interactive else { return false }
        var held = false
        while paused && !isStopping {
            held = true
            publish(force: false)
            handle(mailbox.takeCommands(waitingUpTo: watchesOthers ? 0.25 : nil))
        }
        return held
    }

    // MARK: Commands

    /// Runs the commands; true when one changed the pacing (pause or speed).
    @discardableResult
    private func handle(_ commands: [DeckEffect]) -> Bool {
        var pacingChanged = false
        var republish = false
        for command in commands {
            switch command {
            case .setPaused(let value):
                paused = value
                pacingChanged = true
            case .setSpeed(let value):
                speed = value
                pacingChanged = true
            case .acknowledge(let id):
                republish = changeAnomaly(Phrase.liveAcknowledging.text(id)) { try $0.acknowledge(id: id) } || republish
            case .assignOwner(let id, let owner):
                republish = changeAnomaly(Phrase.liveAssigning.text(id)) { try $0.assign(id: id, owner: owner) } || republish
            case .addNote(let id, let text):
                republish = changeAnomaly(Phrase.liveNoting.text(id)) { try $0.note(id: id, text: text) } || republish
            case .resolve(let id, let cause, let action):
                republish = changeAnomaly(Phrase.liveResolving.text(id)) { try $0.resolve(id: id, cause: cause, action: action) }
                    || republish
            case .reopen(let id):
                republish = changeAnomaly(Phrase.liveReopening.text(id)) { try $0.reopen(id: id) } || republish
            case .silence(let request):
                republish = silence(request) || republish
            case .savePlan(let text, let overwrite):
                let result = saver?.save(text: text, overwrite: overwrite) ?? .failed(Phrase.liveNoFileToSave.text())
                mailbox.post(.saveFinished(result))
            case .savePlanAs(let path, let text):
                let result = saver?.saveAs(path: path, text: text) ?? .failed(Phrase.liveSaveUnavailable.text())
                mailbox.post(.saveFinished(result))
            case .reloadPlan:
                mailbox.post(.reloadFinished(saver?.reload() ?? .failed(Phrase.liveNoFile.text())))
            case .planEdited(let version):
                state.adopt(edited: version.plan)
                republish = true
            case .planSaved(let version):
                state.adopt(saved: version.plan)
            case .walkthrough(let active):
                agendaWanted = active
                republish = republish || active
            case .quit:
                stopped = true
            case .useTheme, .copyToClipboard:
                // The terminal's own effects: drawing and the clipboard, not data.
                break
            }
        }
        if republish { publish(force: true) }
        return pacingChanged
    }

    /// An anomaly edit from the keyboard; true when the rows should be shown again.
    private func changeAnomaly(_ what: String, _ change: (any AnomalyDesk) throws -> Void) -> Bool {
        guard let desk else {
            note(Phrase.liveNoAnomalyLog.text(what))
            return false
        }
        do {
            try change(desk)
        } catch {
            // Nothing was written: the rows as last read are still right, and
            // reading them would fail the same way and say so over this message.
            note(Phrase.liveActionFailed.text(what, error))
            lastFailure = .liveReadingLogFailed
            return true
        }
        refreshAnomalies()
        return true
    }

    /// Writes a silence and says until when; true when the rows should be shown again.
    private func silence(_ request: SilenceRequest) -> Bool {
        guard let silences = desk as? any SilenceDesk else {
            note(SilenceWords.needsDatabase)
            return false
        }
        do {
            let silence = try silences.silence(request)
            note(SilenceWords.silenced(silence, now: silence.startsAt, timeZone: state.plan.campaign.timezone))
        } catch {
            note(Phrase.liveSilencingFailed.text(request.target.rule, error))
        }
        refreshAnomalies()
        return true
    }

    // MARK: The anomaly log

    private func record(_ transitions: [AlertTransition]) {
        guard !transitions.isEmpty, let desk else { return }
        do {
            try desk.record(transitions)
        } catch {
            sayFailure(.liveRecordingFailed, error)
        }
        refreshAnomalies()
    }

    /// After each batch: the notify clock follows the events judged.
    private func advanceClock() {
        let latest = state.fold.monitor.store.latestTimestamp
        guard let desk, latest != .min else { return }
        do {
            try desk.advance(to: latest)
        } catch {
            sayFailure(.liveRecordingFailed, error)
        }
    }

    private func refreshAnomalies() {
        guard let desk else { return }
        do {
            anomalyRows = try desk.rows()
        } catch {
            sayFailure(.liveReadingLogFailed, error)
            return
        }
        refreshSilences()
    }

    private func refreshSilences() {
        guard let silences = desk as? any SilenceDesk else { return }
        do {
            activeSilences = try silences.activeSilences()
            lastFailure = nil
        } catch {
            sayFailure(.liveReadingSilencesFailed, error)
        }
    }

    /// Says a failure of the store once (by what failed, whatever the
    /// server's words): a server that stays unreachable failed every refresh
    /// (several a second), and the repeats buried the message that mattered
    /// (the acknowledgement that was not written). Said again once a reading
    /// has worked in between.
    private func sayFailure(_ what: Phrase, _ error: any Error) {
        guard what != lastFailure else { return }
        lastFailure = what
        note(what.text(error))
    }

    // MARK: The customer base

    /// Segments the customer base: on a thread of its own when interactive, so
    /// a big transactions file does not hold the stream up (sizes and
    /// portraits only feed snapshots, never the alert rules, so when they
    /// arrive changes no judgement); at once for `--snapshot`, which shows them.
    private func loadCustomerBase() {
        if case .none = customerBase { return }
        if case .file(let path, _) = customerBase { note(Phrase.liveSegmentingFile.text(path)) }
        guard interactive else { return adopt(customerBase.load(plan: state.plan)) }
        loadingBase = true
        let (source, plan, handover) = (customerBase, state.plan, loadedBase)
        Thread.detachNewThread {
            let base = source.load(plan: plan)  // outside the lock: the stream's thread checks it every publish
            handover.withLock { $0 = base }
        }
    }

    private func adoptLoadedBase() {
        guard loadingBase, let base = loadedBase.withLock({ $0 }) else { return }
        loadingBase = false
        adopt(base)
    }

    private func adopt(_ base: CustomerBaseSource.Loaded) {
        if let message = base.message { note(message) }
        if let customers = base.customers {
            state.customers = customers
            state.portraits = base.portraits
            dirty = true
        }
    }

    // MARK: Snapshots

    /// At most ten snapshots a second, unless forced (an edit, the walkthrough).
    private func publish(force: Bool) {
        adoptLoadedBase()
        let now = wallClock.now()
        watchOthers(now: now)
        guard force || (dirty && now - lastPublish >= 0.1) else { return }
        if now - rateWindow.start >= 1 {
            eventsPerSecond = Double(state.eventsSeen - rateWindow.events) / (now - rateWindow.start)
            rateWindow = (now, state.eventsSeen)
        }
        lastPublish = now
        dirty = false
        var snapshot = state.snapshot(anomalies: anomalyRows, eventsPerSecond: eventsPerSecond, catchingUp: catchingUp)
        snapshot.silences = activeSilences
        if agendaWanted { snapshot.agenda = state.agenda(today: snapshot.today, anomalies: agendaItems()) }
        mailbox.post(.data(snapshot))
    }

    /// Waits between checks of a shared log can reach a quarter second; an
    /// acknowledgement made on another machine shows within about that.
    private var watchesOthers: Bool { desk?.watchesOthers ?? false }

    /// Reads what someone else changed in the log (at most five times a
    /// second: the check is a socket read; a change reads only the anomalies
    /// announced, or after a reconnect those stamped since the last reading).
    private func watchOthers(now: Double) {
        guard watchesOthers, now - lastWatch >= 0.2, let desk else { return }
        lastWatch = now
        do {
            guard let rows = try desk.rowsChangedElsewhere() else { return }
            anomalyRows = rows
        } catch {
            sayFailure(.liveReadingLogFailed, error)
            return
        }
        refreshSilences()
        dirty = true
    }

    private func agendaItems() -> [StandupAgenda.AnomalyItem] {
        guard let desk else { return [] }
        do {
            return try desk.agendaItems()
        } catch {
            note(Phrase.liveAgendaNoAnomalies.text(error))
            return []
        }
    }
}
