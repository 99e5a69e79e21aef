import CampaignCore
import Testing

/// The one fold of records into the monitor gives the same result however
/// the reader happens to batch the stream.
@Suite struct MonitorFoldTests {
    static let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!

    /// The demo's fatigue day, where the CTR rule fires on douyin.
    static var bytes: [UInt8] { Array(CampaignSimulator(plan: plan, from: Day(iso: "2026-04-09")!, days: 1).text().utf8) }

    @Test func batchesAndSingleRecordsFoldAlike() throws {
        var batched = MonitorFold(plan: Self.plan)
        var batchedChanges: [AlertTransition] = []
        var reader = EventStreamReader()
        try reader.read(bytes: Self.bytes, sourceName: "simulator") { records, symbols in
            batchedChanges += batched.fold(records, symbols: symbols)
        }
        batchedChanges += batched.closeCurrentMinute()

        var single = MonitorFold(plan: Self.plan)
        var singleChanges: [AlertTransition] = []
        var again = EventStreamReader(chunkSize: 4_096)
        try again.read(bytes: Self.bytes, sourceName: "simulator") { records, symbols in
            for record in records { singleChanges += single.fold(record, symbols: symbols) }
        }
        singleChanges += single.closeCurrentMinute()

        #expect(batchedChanges.contains { $0.rule == "CTR below 1%" && $0.scope == "douyin" && $0.to == .firing })
        #expect(batchedChanges == singleChanges)
        #expect(batched.monitor.store.latestTimestamp == single.monitor.store.latestTimestamp)
    }
}
