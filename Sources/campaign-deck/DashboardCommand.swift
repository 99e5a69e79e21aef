import ArgumentParser
import CampaignCore
import CampaignNotify
import CampaignStore
import CampaignText
import DeckApp
import DeckConfig
import DeckTerminal
import DeckUI
import Foundation

struct DashboardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "dashboard",
            abstract: Phrase.cliDashboardAbstract.text(),
            discussion: """
            \(Phrase.cliDashboardDiscussion.text())
              language: zh        # en | zh
              theme: light        # default, light, high-contrast, monochrome, a .theme
              mouse: false
              speed: 600          # \(Phrase.cliDashboardConfigSpeed.text())
              keys:               # \(Phrase.cliDashboardConfigKeys.text())
                next_pane: [Tab, ctrl+n]
                quit: [q, ctrl+c]
            \(Phrase.cliDashboardDiscussionKeys.text())

            \(Phrase.cliExamples.text())
              campaign-deck
              campaign-deck spring-2026.yaml --events events.jsonl
              campaign-deck spring-2026.yaml --events live.jsonl --follow
              campaign-deck --snapshot 120x40 > dashboard.txt
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliPlanOrDemo.text()))
    var plan: String?

    @Option(name: .customLong("events"), help: ArgumentHelp(Phrase.cliDashboardEvents.text()))
    var events: [String] = []

    @Flag(help: ArgumentHelp(Phrase.cliDashboardFollow.text()))
    var follow = false

    @OptionGroup var bounds: EventLimitOptions

    @Flag(help: ArgumentHelp(Phrase.cliDashboardSimulate.text()))
    var simulate = false

    // `.unconditional`: `--speed -5` is a value out of range, not a missing one.
    @Option(parsing: .unconditional, help: ArgumentHelp(Phrase.cliDashboardSpeed.text()))
    var speed: Double?

    @Option(help: ArgumentHelp(Phrase.cliDashboardSeed.text()))
    var seed: UInt64 = CampaignSimulator.defaultSeed

    @Option(help: ArgumentHelp(Phrase.cliDashboardStartAt.text(DashboardCommand.demoNow)))
    var startAt: String?

    /// Where the demo opens: after the creative-fatigue and community incidents,
    /// half an hour before the CPA spike fires, so a first run shows the alert
    /// machinery within seconds (the earlier incidents are in the anomaly log).
    static let demoNow = "2026-04-22T11:00"

    @Option(help: ArgumentHelp(Phrase.cliDashboardDb.text()))
    var db: String?

    @Flag(help: ArgumentHelp(Phrase.cliDashboardNotifyPast.text()))
    var notifyPast = false

    @Option(help: ArgumentHelp(Phrase.cliDashboardTheme.text()))
    var theme: String?

    @Option(name: .customLong("config"), help: ArgumentHelp(Phrase.cliDashboardConfigFile.text()))
    var configFile: String?

    @Flag(help: ArgumentHelp(Phrase.cliDashboardNoConfig.text()))
    var noConfig = false

    @Flag(help: ArgumentHelp(Phrase.cliDashboardListKeys.text()))
    var listKeys = false

    // Optional: neither flag leaves it to the config file's `mouse:` (`DashboardSettings`; on when unset).
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(Phrase.cliDashboardMouse.text()))
    var mouse: Bool?

    @Option(help: ArgumentHelp(Phrase.cliDashboardSnapshot.text()))
    var snapshot: String?

    @Option(help: ArgumentHelp(Phrase.cliDashboardDays.text()))
    var days: Int?

    func validate() throws {
        if let speed, !(speed > 0) { throw ValidationError(Phrase.cliSpeedRange.text(Formatting.plain(speed))) }
        if configFile != nil && noConfig { throw ValidationError(Phrase.cliConfigExclusive.text()) }
        if let snapshot, DashboardCommand.size(snapshot) == nil {
            throw ValidationError(Phrase.cliSnapshotSize.text(snapshot))
        }
        if follow && events.isEmpty { throw ValidationError(Phrase.cliFollowNeedsEvents.text()) }
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
        } catch { throw CLIError(Phrase.cliNoConfigFile.text(error.path)) }
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
        // The stored history is read first (the header says "catching up"); it ends when read.

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
                    return .failure(ThemeLoadFailure(Phrase.cliThemeNotChanged.text(error.message)))
                } catch {
                    return .failure(ThemeLoadFailure(Phrase.cliThemeNotChanged.text(error)))
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
        let folder = (path as NSString).deletingLastPathComponent
        if transactions.hasPrefix("/") { return .file(transactions, planFolder: folder) }
        return .file(folder.isEmpty ? transactions : folder + "/" + transactions, planFolder: folder)
    }

    /// `YYYY-MM-DDTHH:MM` in the campaign's zone → epoch seconds; nil for `none`.
    static func warmStart(_ text: String, plan: Plan) throws -> Int64? {
        guard text != "none" else { return nil }
        let parts = text.split(separator: "T")
        let clock = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
        guard parts.count == 2, let day = Day(iso: parts[0]), clock.count == 2, (0..<24).contains(clock[0]),
              (0..<60).contains(clock[1]) else {
            throw CLIError(Phrase.cliStartAtFormat.text(text))
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
