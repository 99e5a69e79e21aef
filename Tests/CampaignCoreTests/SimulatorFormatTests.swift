@testable import CampaignCore
import Foundation
import Testing

/// Every line is a valid event line, checked with Foundation's own JSON and
/// date parsers on whole days (the first day, an incident day, the review tail).
@Suite struct SimulatorFormatTests {
    let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!

    static let types: Set<String> = Set(EventType.allCases.map(\.name))

    /// Busy days are sampled (every `stride`-th line, order checked on all) to keep a debug run quick.
    @Test(arguments: [(0, 1), (ScriptedIncidents.cpaSpike.dayOffset, 9), (69, 1)])
    func everyLineIsAValidEvent(dayOffset: Int, stride: Int) throws {
        let text = CampaignSimulator(plan: plan, from: plan.campaign.start + dayOffset, days: 1).text()
        #expect(text.hasSuffix("\n"))
        let dates = ISO8601DateFormatter()
        let channels = Set(plan.channels.map(\.id)), segments = Set(plan.segments.map(\.id))
        var previous = Date.distantPast, previousTS = Substring()
        var lines = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            lines += 1
            let ts = line.dropFirst(7).prefix(25)
            if ts != previousTS {
                let date = try #require(dates.date(from: String(ts)), "\(line)")
                #expect(date > previous)
                previous = date
                previousTS = ts
            }
            guard index % stride == 0 else { continue }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(object["ts"] as? String == String(ts))
            #expect(ts.count == 25 && ts.hasSuffix("+08:00"), "\(ts)")
            let type = try #require(object["type"] as? String)
            #expect(Self.types.contains(type))
            #expect(object["campaign"] as? String == "spring-2026")
            #expect(channels.contains(try #require(object["channel"] as? String)))
            if let segment = object["segment"] { #expect(segments.contains(try #require(segment as? String))) }
            if let count = object["count"] {
                let number = try #require(count as? NSNumber)
                #expect(number.intValue >= 0 && Double(number.intValue) == number.doubleValue)
            }
            if object["amount"] != nil {
                // Exact decimal text with at most two decimals.
                let amount = String(try #require(line.split(separator: "\"amount\":").last).dropLast())
                #expect(amount.wholeMatch(of: /[0-9]+(\.[0-9]{1,2})?/) != nil, "\(amount)")
                #expect(type == "spend" || type == "conversion")
            }
            switch type {
            case "community_active": #expect((object["user"] as? String)?.wholeMatch(of: /m[0-9]{6}/) != nil)
            case "community_members": #expect(object["count"] is NSNumber)
            case "conversion":
                // One order a line, naming its customer (segment position, five digits): CAC has data.
                #expect(object["count"] as? Int == 1)
                #expect((object["user"] as? String)?.wholeMatch(of: /c[0-9]+-[0-9]{5}/) != nil, "\(line)")
            case "spend": #expect(object["amount"] is NSNumber)
            default: #expect(object["count"] is NSNumber)
            }
        }
        #expect(lines > 1_000)
    }

    @Test func moneyIsWrittenAsMoneyPrintsIt() {
        for cents in [0, 1, 5, 10, 99, 100, 101, 110, 12_345, 1_000_000, 987_654_321] as [Int64] {
            var bytes: [UInt8] = []
            bytes.appendMoney(Money(micros: cents * 10_000))
            #expect(String(decoding: bytes, as: UTF8.self) == Money(micros: cents * 10_000).description)
        }
    }

    @Test func timestampsFollowTheZoneThroughADaylightSavingChange() {
        var plan = plan
        plan.campaign.timezone = "America/New_York"
        // 2026-03-08 is the spring-forward day in New York: 23 hours.
        let simulator = CampaignSimulator(plan: plan, from: Day(year: 2026, month: 3, day: 8)!, days: 2)
        var stamps: [MinuteStamp] = []
        for minute in simulator { stamps.append(minute.stamp) }
        #expect(stamps.count == 23 * 60 + 24 * 60)
        #expect(stamps.first?.timestamp == "2026-03-08T00:00:00-05:00")
        #expect(stamps.contains { $0.timestamp == "2026-03-08T01:59:00-05:00" })
        #expect(stamps.contains { $0.timestamp == "2026-03-08T03:00:00-04:00" })
        #expect(!stamps.contains { $0.timestamp.hasPrefix("2026-03-08T02:") })
        #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $1.epochSeconds == $0.epochSeconds + 60 })
        #expect(stamps.last?.timestamp == "2026-03-09T23:59:00-04:00")
    }
}
