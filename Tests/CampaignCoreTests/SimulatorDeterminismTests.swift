@testable import CampaignCore
import Testing

@Suite struct SimulatorDeterminismTests {
    let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!

    @Test func theSameSeedGivesTheSameBytes() {
        let start = plan.campaign.start + 30
        let first = CampaignSimulator(plan: plan, seed: 7, from: start, days: 2).text()
        let second = CampaignSimulator(plan: plan, seed: 7, from: start, days: 2).text()
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func anotherSeedGivesOtherBytes() {
        let start = plan.campaign.start + 30
        let first = CampaignSimulator(plan: plan, seed: 7, from: start, days: 1).text()
        let second = CampaignSimulator(plan: plan, seed: 8, from: start, days: 1).text()
        #expect(first != second)
    }

    @Test func startingLaterWritesTheTailOfALongerRun() {
        let start = plan.campaign.start
        let long = CampaignSimulator(plan: plan, from: start + 36, days: 3).text()
        let tail = CampaignSimulator(plan: plan, from: start + 38, days: 1).text()
        #expect(long.hasSuffix(tail))
        #expect(tail.hasPrefix("{\"ts\":\"2026-04-09T00:00:00+08:00\""))
    }

    @Test func defaultsCoverTheWholeCampaignWithSeed42() {
        let simulator = CampaignSimulator(plan: plan)
        #expect(CampaignSimulator.defaultSeed == 42)
        #expect(simulator.seed == 42)
        #expect(simulator.from == plan.campaign.start)
        #expect(simulator.days == 70)
        #expect(CampaignSimulator.campaignDays(of: plan) == 70)
    }

    @Test func minutesComeOneByOneWithTheirStamps() throws {
        let simulator = CampaignSimulator(plan: plan, from: plan.campaign.start + 30, days: 1)
        var minutes = 0
        var previous: Int64?
        var joined: [UInt8] = []
        for minute in simulator {
            if let previous { #expect(minute.stamp.epochSeconds == previous + 60) }
            previous = minute.stamp.epochSeconds
            #expect(minute.stamp.minuteOfDay == minutes)
            #expect(minute.stamp.utcOffsetSeconds == 8 * 3_600)
            let lines = minute.text.split(separator: "\n")
            #expect(lines.count == minute.stamp.lineCount)
            #expect(lines.allSatisfy { $0.hasPrefix("{\"ts\":\"\(minute.stamp.timestamp)\"") })
            joined.append(contentsOf: minute.bytes)
            minutes += 1
        }
        #expect(minutes == 1_440)
        // The chunked writer gives exactly the minutes' bytes, whatever the chunk size.
        var chunked: [UInt8] = []
        simulator.write(minutesPerChunk: 7) { chunked.append(contentsOf: $0) }
        #expect(chunked == joined)
    }
}
