@testable import CampaignCore
import Testing

/// `kpi` with baseline rules over its dimension folds the stream through an
/// engine that only records those rules' values (`recordingUsualOf:`). Two
/// second implementations: the judging engine `alerts` uses (its recorded
/// past must be the very same bytes), and a plain sliding-window CTR computed
/// here from the records.
@Suite struct UsualRecordingTests {
    /// The demo plan with baseline rules that take every way a value is read:
    /// a scope's running sum (channel CTR, a campaign's day CPA, a segment's
    /// CVR) and the whole `KPIStore.values` (the total, a campaign's CTR over
    /// its channels, a budget metric, a community gauge); plus a fixed rule.
    static let plan: Plan = {
        let demo = DemoCampaign.planText()
        let head = demo[..<demo.range(of: "\nalerts:\n")!.lowerBound]
        let text = head + """

        alerts:
          - { name: CTR below 1%, metric: ctr, per: channel, below: 0.01, window: 1h, min_volume: 1000, for: 10m }
          - { name: ctr usual, metric: ctr, per: channel, window: 1h, usual: hour_of_day, below_usual: 3.5, min_change: 30%, min_volume: 1000 }
          - { name: total ctr usual, metric: ctr, per: total, window: 15m, usual: hour_of_day, below_usual: 3 }
          - { name: campaign cpa usual, metric: cpa, per: campaign, window: day, usual: hour_of_day, above_usual: 3 }
          - { name: campaign ctr usual, metric: ctr, per: campaign, window: 1h, usual: hour_of_day, below_usual: 3 }
          - { name: segment cvr usual, metric: cvr, per: segment, window: 6h, usual: hour_of_day, below_usual: 3 }
          - { name: burn usual, metric: budget_burn, per: channel, window: 1h, usual: hour_of_day, above_usual: 3 }
          - { name: dau usual, metric: community_dau_ratio, per: total, window: day, usual: hour_of_day, below_usual: 3 }

        """
        let result = PlanLoader.load(yaml: String(text))
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }()

    /// Nine days, so the 14-day baselines have their seven points by the end.
    static let bytes = Array(CampaignSimulator(plan: plan, from: Day(iso: "2026-04-02")!, days: 9).text().utf8)

    @Test func aRecordingEngineKeepsTheSamePastAsAJudgingOne() throws {
        let expectedRules: [KPIDimension: Set<String>] = [
            .channel: ["ctr usual", "burn usual"], .total: ["total ctr usual", "dau usual"],
            .campaign: ["campaign cpa usual", "campaign ctr usual"], .segment: ["segment cvr usual"],
        ]
        // One judging fold and a recording one per dimension, over the same batches.
        var judging = MonitorFold(plan: Self.plan)
        var recordings = KPIDimension.allCases.map {
            MonitorFold(plan: Self.plan, reportWindow: .campaignToDate, recordingUsualOf: $0)
        }
        var judged: [AlertTransition] = [], recorded: [AlertTransition] = []
        var reader = EventStreamReader()
        try reader.read(bytes: Self.bytes, sourceName: "simulator") { records, symbols in
            judged += judging.fold(records, symbols: symbols)
            for index in recordings.indices { recorded += recordings[index].fold(records, symbols: symbols) }
        }
        #expect(!judged.isEmpty)
        #expect(recorded.isEmpty, "a recording engine judges nothing")
        for (dimension, recording) in zip(KPIDimension.allCases, recordings) {
            let engine = judging.monitor.engine, lean = recording.monitor.engine
            var compared: Set<String> = []
            for (index, rule) in engine.rules.enumerated() where rule.rule.usual != nil && rule.dimension == dimension {
                let full = try #require(engine.histories[index]), kept = try #require(lean.histories[index])
                var a = SnapshotWriter(), b = SnapshotWriter()
                full.write(&a)
                kept.write(&b)
                // A Bool, not the two arrays: a failed #expect would diff 500 KB of bytes.
                let same = a.bytes == b.bytes
                #expect(same, "\(rule.rule.name)")
                // Not a comparison of empty pasts: some scope has points to compare.
                let clock = judging.monitor.store.clockMinute
                let points = judging.monitor.store.scopeIDs(dimension).map { kept.points(scope: $0, before: clock + 1).count }
                #expect(points.contains { $0 > 0 }, "\(rule.rule.name)")
                compared.insert(rule.rule.name)
            }
            #expect(compared == expectedRules[dimension], "\(dimension)")
            #expect(report(judging, dimension) == report(recording, dimension), "\(dimension)")
        }
    }

    /// The running sum of the rules' windows only: a 6-hour window no
    /// recorded rule of the channel reads is not kept.
    @Test func aRecordingMonitorKeepsRunningSumsForItsRulesOnly() {
        #expect(CampaignMonitor(plan: Self.plan, reportWindow: .campaignToDate, recordingUsualOf: .channel)
            .store.rollingWindows == [60])
        #expect(CampaignMonitor(plan: Self.plan, reportWindow: .campaignToDate, recordingUsualOf: .segment)
            .store.rollingWindows == [360])
        #expect(CampaignMonitor(plan: Self.plan, reportWindow: .rolling(seconds: 300), recordingUsualOf: .total)
            .store.rollingWindows == [5, 15])
    }

    /// "ctr usual" keeps the value it judged each minute for 15 days; its
    /// points for a minute are the values judged 1…14 days before. Each
    /// value is checked against the CTR of the hour ending then, summed here
    /// from the records as they arrive (a minute is judged when the first
    /// record of a later minute comes; a scope from the first minute judged
    /// after its first record).
    @Test func theRecordedValuesAreTheHourlyCTRs() throws {
        var recording = MonitorFold(plan: Self.plan, reportWindow: .campaignToDate, recordingUsualOf: .channel)
        var perMinute: [Int64: [Int32: (impressions: Int64, clicks: Int64)]] = [:]
        var expected: [Int64: [Int32: Double]] = [:]
        var firstJudged: [Int32: Int64] = [:]
        var channels: Set<Int32> = []
        var open = Int64.min
        func close(_ minute: Int64) {
            for channel in channels {
                if firstJudged[channel] == nil { firstJudged[channel] = minute }
                var sum: (impressions: Int64, clicks: Int64) = (0, 0)
                for past in (minute - 59)...minute {
                    if let counts = perMinute[past]?[channel] {
                        sum.impressions += counts.impressions
                        sum.clicks += counts.clicks
                    }
                }
                if sum.impressions >= 1000 { expected[minute, default: [:]][channel] = Double(sum.clicks) / Double(sum.impressions) }
            }
        }
        var reader = EventStreamReader()
        try reader.read(bytes: Self.bytes, sourceName: "simulator") { records, symbols in
            _ = recording.fold(records, symbols: symbols)
            for record in records {
                let minute = CampaignClock.minute(of: record.timestamp)
                while open != .min && open < minute {
                    close(open)
                    open += 1
                }
                if open == .min { open = minute }
                guard record.channel >= 0 else { continue }
                channels.insert(record.channel)
                var counts = perMinute[minute]?[record.channel] ?? (0, 0)
                if record.type == .impression { counts.impressions += record.count }
                if record.type == .click { counts.clicks += record.count }
                perMinute[minute, default: [:]][record.channel] = counts
            }
        }
        let index = try #require(recording.monitor.engine.rules.firstIndex { $0.rule.name == "ctr usual" })
        let history = try #require(recording.monitor.engine.histories[index])
        // The store's clock is the minute still open (not judged).
        let last = recording.monitor.store.clockMinute - 1
        #expect(open == last + 1)
        var checked = 0, points = 0
        for minute in (last - 3 * 1_440 + 1)...last {
            for channel in channels {
                let first = try #require(firstJudged[channel])
                var want: [Double] = []
                for k in Int64(1)...14 {
                    let past = minute - (k - 1) * 1_440
                    if past >= first, let value = expected[past]?[channel] { want.append(Double(Float(value))) }
                }
                #expect(history.points(scope: channel, before: minute + 1_440) == want, "minute \(minute) channel \(channel)")
                checked += 1
                points += want.count
            }
        }
        #expect(channels.count >= 3)
        #expect(checked == 3 * 1_440 * channels.count)
        #expect(points > checked * 3, "most hours of the nine days have the volume to be judged")
    }

    private func report(_ fold: MonitorFold, _ dimension: KPIDimension) -> String {
        let store = fold.monitor.store
        var report = KPIReport(store: store, dimension: dimension, window: .campaignToDate, context: fold.monitor.context,
                               rejected: 0, skipped: 0, name: fold.names.name)
        report.addUsual(engine: fold.monitor.engine, store: store, name: fold.names.name)
        return report.json(clock: store.clock).serialized()
    }
}
