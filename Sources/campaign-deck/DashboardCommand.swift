import ArgumentParser
import CampaignCore
import CampaignNotify
import CampaignStore
import DeckApp
import DeckConfig
import DeckTerminal
import DeckUI
import Foundation

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default command).",
        discussion: """
        With no plan it opens the built-in demo campaign with a simulated stream
        played at ×600 (a minute on screen is ten hours of campaign). Keys: Tab/1-4
        panes, arrows or hjkl move, Enter opens, z zooms, p pauses, +/- speed, t
        theme, / filters, : commands, w stand-up walkthrough, ? every key, q quits.
        The mouse: a click selects, a double click opens, the wheel scrolls, a click
        on a column head sorts (Shift+drag still selects text).

        Editing a plan file: in the Gantt H/L move a task (Shift-arrows a week), </>
        stretch, o owner, % progress, x done, a add, D duplicate, d delete, A/R
        dependencies; in Segments r rule, n name, P persona, b budget share; in KPIs e
        edits alert rules. u undoes, Ctrl-R redoes, Ctrl-S saves (only the changed
        characters; asks if the file changed on disk), q asks when edits are unsaved.

        Your defaults and keys: $XDG_CONFIG_HOME/campaign-deck/config.yaml (else
        ~/.config/campaign-deck/config.yaml), or --config FILE:
          language: zh        # en | zh
          theme: light        # default, light, high-contrast, monochrome, a .theme
          mouse: false
          speed: 600          # the simulator's replay speed
          keys:               # binding id: a key or a list; replaces its keys
            next_pane: [Tab, ctrl+n]
            quit: [q, ctrl+c]
        Flags win over the file. Keys are written as one character (q, ?, 中), a name
        (Enter, Esc, Tab, Space, Backspace, Del, Up, Down, Left, Right, PgUp, PgDn,
        Home, End, F1-F12), ctrl+n (also C-n, ^N), shift+tab, shift+left, shift+right;
        quote '#' and ':' in YAML. --list-keys prints every binding id and its keys.
        A problem in the file is reported as FILE:LINE:COLUMN (on standard error and
        in the status bar) and the dashboard starts with the defaults for it.

        Examples:
          campaign-deck
          campaign-deck spring-2026.yaml --events events.jsonl
          campaign-deck spring-2026.yaml --events live.jsonl --follow
          campaign-deck --snapshot 120x40 > dashboard.txt
        """
    )

    @Argument(help: "The plan file (default: the built-in demo campaign).")
    var plan: String?

    @Option(name: .customLong("events"), help: "Event files to show instead of the simulator (`-` is standard input).")
    var events: [String] = []

    @Flag(help: "Keep reading the last event file as it grows.")
    var follow = false

    @OptionGroup var bounds: EventLimitOptions

    @Flag(help: "Use the simulator even when event files are given (the default when there are none).")
    var simulate = false

    // `.unconditional`: `--speed -5` is a value out of range, not a missing one.
    @Option(parsing: .unconditional, help: "Replay speed of the simulator: campaign seconds per wall-clock second (default: the config's speed, else 600).")
    var speed: Double?

    @Option(help: "Seed of the simulator.")
    var seed: UInt64 = CampaignSimulator.defaultSeed

    @Option(help: "Simulator: replay at full speed up to this campaign time (YYYY-MM-DDTHH:MM, campaign time zone), then go live. The demo starts at \(DashboardCommand.demoNow), just before its CPA spike; `none` starts at the beginning.")
    var startAt: String?

    /// Where the demo opens: after the creative-fatigue and community incidents,
    /// half an hour before the CPA spike fires, so a first run shows the alert
    /// machinery within seconds (the earlier incidents are in the anomaly log).
    static let demoNow = "2026-04-22T11:00"

    @Option(help: "The database with the anomaly log and metric history (default: PLAN.deck.sqlite beside the plan, or the demo's in $XDG_STATE_HOME/campaign-deck). With --db and no --events the dashboard shows the stored history.")
    var db: String?

    @Flag(help: "With a plan that has notify: channels and event files: send transitions older than max_age too (drills).")
    var notifyPast = false

    @Option(help: "Theme: default, light, high-contrast, monochrome, or a .theme file (default: the config's theme, else default).")
    var theme: String?

    @Option(name: .customLong("config"), help: "The config file (default: $XDG_CONFIG_HOME/campaign-deck/config.yaml).")
    var configFile: String?

    @Flag(help: "Ignore the config file: built-in defaults and keys.")
    var noConfig = false

    @Flag(help: "Print every key binding's id (what the config's keys: names), its keys and what it does, then exit.")
    var listKeys = false

    // Optional: neither flag leaves it to the config file's `mouse:` (`DashboardSettings`; on when unset).
    @Flag(inversion: .prefixedNo, help: "Clicks, double clicks and the wheel in the dashboard (default on; with --no-mouse the terminal keeps its own text selection).")
    var mouse: Bool?

    @Option(help: "Render one frame as plain text at COLSxROWS (e.g. 120x40) and exit, after the whole stream.")
    var snapshot: String?

    @Option(help: "With --snapshot and the simulator: simulate this many days (default: the whole campaign).")
    var days: Int?

    func validate() throws {
        if let speed, !(speed > 0) { throw ValidationError("--speed is out of range: it must be above 0, got \(Formatting.plain(speed)) (--speed)") }
        if configFile != nil && noConfig { throw ValidationError("--config and --no-config exclude each other (--no-config)") }
        if let snapshot, DashboardCommand.size(snapshot) == nil {
            throw ValidationError("--snapshot takes COLSxROWS, e.g. 120x40; got '\(snapshot)' (--snapshot)")
        }
        if follow && events.isEmpty { throw ValidationError("--follow needs --events FILE (--follow)") }
    }

    static func size(_ text: String) -> (columns: Int, rows: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (1...1000).contains(columns), (1...1000).contains(rows) else { return nil }
        return (columns, rows)
    }

    func run() throws {
        var config: DeckConfig
        do {
            config = try DeckConfig.forDashboard(explicit: configFile, disabled: noConfig, environment: ProcessInfo.processInfo.environment)
        } catch { throw CLIError("no config file at \(error.path) (--config)") }
        if listKeys {
            config.problemLines.forEach(Output.error)
            return Output.print(KeyListing.lines(config.keys).joined(separator: "\n"))
        }
        let settings = DashboardSettings(speedFlag: speed, themeFlag: theme, mouseFlag: mouse, config: config)
        let loadedTheme: Theme
        do { loadedTheme = try ThemeFiles.load(settings, config: &config) } catch { throw CLIError(error.message, hint: error.hint) }
        // Before the terminal is taken: still on screen (and in a log) after quitting.
        config.problemLines.forEach(Output.error)
        let isDemo = self.plan == nil || self.plan == "demo"
        // Read once: the bytes the plan came from are the ones a save checks against.
        let planFile = isDemo ? nil : try PlanInput.file(self.plan!)
        let document = planFile?.document ?? PlanDocument(text: DemoCampaign.planText())
        let plan = try PlanInput.validated(document, displayPath: self.plan ?? DemoCampaign.fileName)
        let schedule = try? Schedule(computing: PlanScheduling.input(for: plan))
        let database = try StoreInput.open(db: db, plan: self.plan, .createIfMissing)
        let showsHistory = db != nil && events.isEmpty && !simulate
        let warmUntil = try Self.warmStart(startAt ?? (isDemo ? Self.demoNow : "none"), plan: plan)
        let source: any LiveSource
        if showsHistory {
            source = StoredHistorySource(database: database, plan: plan)
        } else if events.isEmpty || simulate {
            source = SimulatorSource(simulator: CampaignSimulator(plan: plan, seed: seed, days: snapshot != nil ? days : nil),
                                     paced: snapshot == nil, warmUntil: snapshot == nil ? warmUntil : nil)
        } else {
            source = EventFileSource(paths: events, follow: follow && snapshot == nil, limits: bounds.limits)
        }
        // The simulator never notifies; a sender runs beside the live thread, never on the terminal's.
        let notifying = DashboardSending(plan: plan, usesSimulator: !showsHistory && (events.isEmpty || simulate),
                                         snapshot: snapshot != nil)
        let sender = notifying.sends ? OutboxSender(plan: plan, database: database, environment: ProcessInfo.processInfo.environment) : nil
        let outbox = notifying.writesOutbox ? OutboxWriting(plan: plan, includePast: notifyPast) : nil
        let wakeSender: (@Sendable () -> Void)? = sender.map { sender in { @Sendable in sender.wake() } }
        let desk = try StoreInput.run {
            try DatabaseAnomalyDesk(database: database, plan: plan, author: StoreInput.author(nil), outbox: outbox,
                                    afterRecord: wakeSender)
        }
        let session = LiveSession(LiveConfiguration(
            plan: plan, source: source, desk: desk,
            saver: PlanFileSaver(file: planFile), customerBase: Self.customerBase(plan: plan, path: isDemo ? nil : self.plan),
            speed: settings.speed))
        let editor = PlanEditHistory(document: document, savedText: planFile?.document.text)
        var state = DeckState(plan: plan, schedule: schedule, speed: settings.speed, themeName: loadedTheme.name, editor: editor)
        state.keys = config.keys
        state.showConfigProblems(config.problemLines)
        if !events.isEmpty && !simulate { state.stream = .replay(speed: 1) }
        if showsHistory { state.stream = .finished }

        if let snapshot, let size = Self.size(snapshot) {
            let run = session.runToEnd()
            // The stream could not be read: the frame would show empty panes as if all were well.
            if let failure = run.failure { throw CLIError(failure.message, code: failure.isBadInput ? .badInput : .runtime) }
            for action in run.actions { _ = DeckUpdate.apply(action, to: &state) }
            state.stream = .finished
            _ = DeckUpdate.apply(.resize(columns: size.columns, rows: size.rows), to: &state)
            let grid = DeckRenderer.render(state, columns: size.columns, rows: size.rows)
            Output.raw(grid.lines(trimmingTrailingSpaces: true).joined(separator: "\n") + "\n")
            return
        }
        session.start()
        sender?.start(log: { session.note("notify: " + $0) })
        // However the dashboard ends, what it asked of the live side is done
        // first; then a last send pass, and the lease is given back.
        defer {
            session.stop()
            sender?.stop()
        }
        let environment = ProcessInfo.processInfo.environment
        var firstFrameMilliseconds: Double?
        do {
            _ = try TerminalDashboard.run(state: state, feed: session, environment: environment, mouse: settings.mouse,
                                          firstFrame: {
                firstFrameMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - launchTime.uptimeNanoseconds) / 1e6
            }) { name in
                do {
                    return .success(try Self.loadTheme(name))
                } catch let error as CLIError {
                    return .failure(ThemeLoadFailure("theme not changed: " + error.message))
                } catch {
                    return .failure(ThemeLoadFailure("theme not changed: \(error)"))
                }
            }
            if environment["CAMPAIGN_DECK_TIMING"] == "1", let firstFrameMilliseconds {
                Output.error("first frame \(Formatting.fixed(firstFrameMilliseconds, decimals: 1)) ms after launch")
            }
        } catch let failure as TerminalDashboard.Failure {
            // The message already names the headless alternatives.
            var message = failure.description
            if message.hasPrefix("campaign-deck: ") { message.removeFirst("campaign-deck: ".count) }
            throw CLIError(message)
        }
    }

    /// The demo's generated base, the plan's `transactions:` file (relative to
    /// the plan's folder), or none.
    static func customerBase(plan: Plan, path: String?) -> CustomerBaseSource {
        guard let path else { return .demo }
        guard let transactions = plan.campaign.transactions else { return .none }
        if transactions.hasPrefix("/") { return .file(transactions) }
        let folder = (path as NSString).deletingLastPathComponent
        return .file(folder.isEmpty ? transactions : folder + "/" + transactions)
    }

    /// `YYYY-MM-DDTHH:MM` in the campaign's zone → epoch seconds; nil for `none`.
    static func warmStart(_ text: String, plan: Plan) throws -> Int64? {
        guard text != "none" else { return nil }
        let parts = text.split(separator: "T")
        let clock = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
        guard parts.count == 2, let day = Day(iso: parts[0]), clock.count == 2, (0..<24).contains(clock[0]),
              (0..<60).contains(clock[1]) else {
            throw CLIError("--start-at must look like 2026-04-22T11:00, got '\(text)' (--start-at)")
        }
        let start = CampaignClock(timeZoneIdentifier: plan.campaign.timezone).start(of: day)
        return start / 1000 + Int64(clock[0] * 3600 + clock[1] * 60)
    }

    /// A theme by name or path (`ThemeFiles`), its failure as this command's error.
    static func loadTheme(_ name: String) throws -> Theme {
        do { return try ThemeFiles.load(name) } catch { throw CLIError(error.message, hint: error.hint) }
    }
}

/// The live session is what the terminal loop talks to.
extension LiveSession: DashboardFeed {}
