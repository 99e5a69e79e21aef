import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// Issue 19: an ingest resumes from the stored judging state. The reference
/// is the replay of the whole stored history (`StoredHistory.fold`), which
/// the resume replaced: the resumed fold must be that fold byte for byte,
/// and a run cut into pieces must log what one run and a forced replay log.
@Suite struct AlertResumeTests {
    let folder = TemporaryFolder()

    static let rules = [
        StoreFixtures.ctrRule,
        "{ name: CTR high, metric: ctr, per: segment, above: 0.05, window: 15m, min_volume: 50, for: 2m, confidence: none }",
    ]

    /// Six hours of three channels and two segments whose CTR swings every
    /// 20 minutes (douyin's breaches, recovers, breaches…), with community
    /// users and member counts, so every part of the fold holds something.
    static func stream(minutes: Int64 = 360) -> [String] {
        var lines: [String] = []
        for minute in 0..<minutes {
            for (c, channel) in ["douyin", "wechat", "weibo"].enumerated() {
                let swing = (minute / 20 + Int64(c)) % 3
                let clicks: Int64 = swing == 0 ? 3 : swing == 1 ? 30 : 80
                let segment = minute % 2 == 0 ? "vip" : "new"
                lines.append(StoreFixtures.line(minute, 5, "impression", channel: channel, segment: segment, count: 1000))
                lines.append(StoreFixtures.line(minute, 15, "click", channel: channel, segment: segment, count: clicks))
                lines.append(StoreFixtures.line(minute, 25, "community_active", channel: channel, user: "u\((minute * 7 + Int64(c)) % 50)"))
                if minute % 30 == 0 { lines.append(StoreFixtures.line(minute, 35, "community_members", channel: channel, count: 100 + minute)) }
            }
        }
        return lines
    }

    static func snapshot(replayOf database: any StoreEngine, plan: Plan) throws -> [UInt8] {
        try StoredHistory.fold(database: database, plan: plan).snapshot()
    }

    static func storedState(_ database: any StoreEngine, plan: Plan) throws -> (fold: MonitorFold, through: Int64)? {
        try database.readSQL { try AlertResume.read($0, plan: plan).state }
    }

    static func forgetState(_ database: any StoreEngine) throws {
        try database.writeSQL { try $0.execute("UPDATE alert_resume SET state = NULL, format = NULL, fingerprint = NULL, through_minute = NULL", []) }
    }

    /// Ingests `lines` cut at `cuts` (line counts), one run per piece;
    /// `forget`: the stored state is dropped before each run (the replay path).
    func ingestInPieces(_ lines: [String], cuts: [Int], engine: TestEngine, plan: Plan, forget: Bool = false,
                        check: (any StoreEngine) throws -> Void = { _ in }) throws -> any StoreEngine {
        let events = folder.file("\(UUID().uuidString).jsonl")
        let database = try engine.store(folder)
        var options = IngestOptions()
        options.commitEvents = 500
        try StoreFixtures.write([], to: events)
        var done = 0
        for cut in cuts + [lines.count] {
            try StoreFixtures.append(Array(lines[done..<cut]), to: events)
            done = cut
            if forget { try Self.forgetState(database) }
            try check(database)
            try StoreFixtures.ingest(events, into: database, plan: plan, options: options)
        }
        try check(database)
        return database
    }

    @Test(arguments: TestEngine.all) func aResumedRunLogsWhatOneRunAndTheReplayLog(engine: TestEngine) throws {
        let plan = StoreFixtures.plan(alerts: Self.rules)
        let lines = Self.stream()
        let cuts = [700, 1_501, 2_200, 2_900, 3_100]
        let whole = try ingestInPieces(lines, cuts: [], engine: engine, plan: plan)
        var resumedFromState = 0
        let resumed = try ingestInPieces(lines, cuts: cuts, engine: engine, plan: plan) { database in
            // Before each run: the resume is the replay, to the byte.
            if try Self.storedState(database, plan: plan) != nil { resumedFromState += 1 }
            let (fold, _) = try AlertResume.resume(database: database, plan: plan)
            #expect(fold.snapshot() == (try Self.snapshot(replayOf: database, plan: plan)))
        }
        let replayed = try ingestInPieces(lines, cuts: cuts, engine: engine, plan: plan, forget: true)
        #expect(resumedFromState >= 4, "the runs after the first hour read a stored state")
        let dump = try StoreIngestTests.dump(whole)
        #expect(dump.contains { $0.hasPrefix("a ") }, "the stream opens anomalies")
        #expect(try StoreIngestTests.dump(resumed) == dump)
        #expect(try StoreIngestTests.dump(replayed) == dump)
        if engine == .sqlite {
            // The state saved at the end stands `lagMinutes` before the newest minute.
            let state = try #require(try Self.storedState(resumed, plan: plan))
            #expect(state.through == 359 + Int64(StoreFixtures.start / 60_000) - AlertResume.lagMinutes)
        }
    }

    @Test(arguments: TestEngine.all) func aChangedRuleSetIsNotReadAsTheStoredState(engine: TestEngine) throws {
        let plan = StoreFixtures.plan(alerts: Self.rules)
        let database = try ingestInPieces(Self.stream(minutes: 180), cuts: [], engine: engine, plan: plan)
        #expect(try Self.storedState(database, plan: plan) != nil)
        for changed in [StoreFixtures.plan(alerts: [StoreFixtures.ctrRule]),
                        StoreFixtures.plan(alerts: [StoreFixtures.ctrRule.replacingOccurrences(of: "0.01", with: "0.02"), Self.rules[1]])] {
            #expect(try Self.storedState(database, plan: changed) == nil)
            let (fold, _) = try AlertResume.resume(database: database, plan: changed)
            #expect(fold.snapshot() == (try Self.snapshot(replayOf: database, plan: changed)))
        }
    }

    @Test(arguments: TestEngine.all) func aDamagedOrForeignStateFallsBackToTheReplay(engine: TestEngine) throws {
        let plan = StoreFixtures.plan(alerts: Self.rules)
        let database = try ingestInPieces(Self.stream(minutes: 180), cuts: [], engine: engine, plan: plan)
        let replay = try Self.snapshot(replayOf: database, plan: plan)
        let good = try #require(try database.readSQL { try $0.fetchOne("SELECT state FROM alert_resume", [])?.bytes("state") })
        var flipped = good
        flipped[flipped.count / 2] ^= 0x40
        let damages: [(String, [SQLValue])] = [
            ("UPDATE alert_resume SET state = ?", [.blob(flipped)]),
            ("UPDATE alert_resume SET state = ?", [.blob(Array(good.prefix(good.count - 100)))]),
            ("UPDATE alert_resume SET state = ?", [.blob([])]),
            ("UPDATE alert_resume SET state = ?, format = 0", [.blob(good)]),
            ("UPDATE alert_resume SET state = ?, fingerprint = 'another'", [.blob(good)]),
        ]
        for (sql, arguments) in damages {
            try database.writeSQL { try $0.execute(sql, arguments) }
            #expect(try Self.storedState(database, plan: plan) == nil, "\(sql)")
            #expect(try AlertResume.resume(database: database, plan: plan).fold.snapshot() == replay)
            try database.writeSQL { try $0.execute("UPDATE alert_resume SET state = ?, format = ?, fingerprint = ?",
                                                   [.blob(good), .integer(MonitorFold.snapshotFormat), .text(MonitorFold.judgingFingerprint(plan))]) }
            #expect(try Self.storedState(database, plan: plan) != nil)
        }
    }

    @Test(arguments: TestEngine.all) func minutesWrittenUnderTheStateDropIt(engine: TestEngine) throws {
        let plan = StoreFixtures.plan(alerts: Self.rules)
        let database = try ingestInPieces(Self.stream(minutes: 180), cuts: [], engine: engine, plan: plan)
        let state = try #require(try Self.storedState(database, plan: plan))
        let generation = try database.readSQL { try AlertResume.generation($0) }
        // A late event, as a second source would bring it: inside the minutes the state covers.
        let late = folder.file("late.jsonl")
        let lateMinute = state.through - Int64(StoreFixtures.start / 60_000) - 5
        try StoreFixtures.write([StoreFixtures.line(lateMinute, 1, "click", channel: "douyin", count: 500)], to: late)
        try StoreFixtures.ingest(late, into: database, plan: plan)
        #expect(try database.readSQL { try AlertResume.generation($0) } > generation)
        if let after = try Self.storedState(database, plan: plan) {
            // Saved again by that run from a replay that saw the late minute.
            #expect(after.fold.snapshot() != state.fold.snapshot())
        }
        #expect(try AlertResume.resume(database: database, plan: plan).fold.snapshot() == (try Self.snapshot(replayOf: database, plan: plan)))
    }

    /// The state at the limits: 1,500 channels and 500 segments, a baseline
    /// rule's per-minute history for each segment (46 KB each for seven days);
    /// read back it is the same bytes, and it judges the next minutes as the
    /// fold that wrote it.
    @Test func aStateWithManyScopesReadsBackWhole() throws {
        let plan = StoreFixtures.plan(alerts: [
            StoreFixtures.ctrRule,
            "{ name: Clicks unusual, metric: clicks, per: segment, window: 5m, usual: hour_of_day, usual_days: 7, below_usual: 3, min_change: 30%, min_volume: 1 }",
        ])
        var symbols = EventSymbols()
        var fold = MonitorFold(plan: plan)
        func records(_ minute: Int64, _ scopes: Int) -> [EventRecord] {
            (0..<scopes).flatMap { i -> [EventRecord] in
                let channel = symbols.channels.intern("c\(i % 1_500)"), segment = symbols.segments.intern("s\(i % 500)")
                return [EventRecord(timestamp: StoreFixtures.at(minute), type: .impression, channel: channel, segment: segment,
                                    campaign: -1, user: EventRecord.noUser, count: 1000, amount: .zero),
                        EventRecord(timestamp: StoreFixtures.at(minute, 30), type: .click, channel: channel, segment: segment,
                                    campaign: -1, user: EventRecord.noUser, count: Int64((i + Int(minute)) % 20), amount: .zero)]
            }
        }
        for minute in Int64(0)..<4 { _ = fold.fold(records(minute, 1_500), symbols: symbols) }
        let bytes = fold.snapshot()
        var read = try #require(MonitorFold(plan: plan, snapshot: bytes))
        read.update(symbols)
        #expect(read.snapshot() == bytes)
        for minute in Int64(4)..<7 {
            let batch = records(minute, 1_500)
            #expect(read.fold(batch, symbols: symbols) == fold.fold(batch, symbols: symbols))
        }
        #expect(read.snapshot() == fold.snapshot())
        #expect(MonitorFold(plan: StoreFixtures.plan(), snapshot: bytes) == nil, "another rule set's engine does not fit")
    }
}
