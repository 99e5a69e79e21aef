@testable import CampaignCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Totals read back from the text of one full simulated demo campaign (70
/// days), by hour and by day, computed with `ScannedLine` and nothing from the
/// generator's insides. Built once and shared: the stream is read chunk by
/// chunk and never stored.
struct DemoRunTotals: Sendable {
    struct Volume: Sendable {
        var impressions = 0, clicks = 0, conversions = 0, participation = 0, reach = 0
        var spendCents = 0, revenueCents = 0
    }

    static let shared = DemoRunTotals()

    let plan: Plan
    let start: Day
    let days: Int
    let channels: [String]
    /// Per channel, per wall-clock hour of the run (read with `hour(_:day:hour:)`).
    private let hourly: [Volume]
    /// Per channel, per day (read with `day(_:_:)`).
    private let daily: [Volume]
    /// Distinct `community_active` users per day, and the last `community_members` gauge of the day.
    let activeUsers: [Int]
    let lastGauge: [Int?]
    let lines: Int
    let unreadable: Int
    let outOfOrder: Int
    let offsets: Set<String>

    init() {
        plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!
        start = plan.campaign.start
        let simulator = CampaignSimulator(plan: plan)
        let days = simulator.days, start = start
        let channels = plan.channels.map(\.id)
        var hourly = Array(repeating: Volume(), count: channels.count * days * 24)
        var daily = Array(repeating: Volume(), count: channels.count * days)
        var lastGauge = [Int?](repeating: nil, count: days)
        var users: [Set<Int>] = Array(repeating: [], count: days)
        var lines = 0, unreadable = 0, outOfOrder = 0
        var offsets: Set<String> = []
        let channelBytes = channels.map { Array($0.utf8) }
        var lastTS = [UInt8](repeating: 0, count: 25)
        var day = -1, hourIndex = 0, channel = 0
        var pending: [UInt8] = []

        simulator.write { chunk in
            pending.append(contentsOf: chunk)
            let consumed = pending.withUnsafeBufferPointer { bytes in
                ScannedLine.lines(in: bytes) { range in
                    lines += 1
                    guard let line = ScannedLine(bytes, range), line.ts.count == 25 else { unreadable += 1; return }
                    let tsOrder = memcmp(bytes.baseAddress! + line.ts.lowerBound, lastTS, 25)
                    if tsOrder != 0 {
                        // A new minute: the same offset throughout, so text order is time order.
                        if tsOrder < 0 { outOfOrder += 1 }
                        lastTS = Array(bytes[line.ts])
                        let text = String(decoding: lastTS, as: UTF8.self)
                        offsets.insert(String(text.suffix(6)))
                        day = Day(iso: text.prefix(10))! - start
                        hourIndex = day * 24 + Int(text.dropFirst(11).prefix(2))!
                    }
                    guard (0..<days).contains(day) else { unreadable += 1; return }
                    let count = line.count ?? 1
                    let typeLength = line.type.count, typeInitial = bytes[line.type.lowerBound]
                    if typeLength == 16 && typeInitial == UInt8(ascii: "c") {  // community_active
                        users[day].insert(ScannedLine.integer(bytes, (line.user.lowerBound + 1)..<line.user.upperBound)!)
                        return
                    }
                    if typeLength == 17 && typeInitial == UInt8(ascii: "c") {  // community_members
                        lastGauge[day] = count
                        return
                    }
                    // Lines of one channel come in runs: try the previous line's channel first.
                    func isChannel(_ index: Int) -> Bool {
                        let id = channelBytes[index]
                        return id.count == line.channel.count
                            && memcmp(bytes.baseAddress! + line.channel.lowerBound, id, id.count) == 0
                    }
                    if !isChannel(channel) {
                        guard let found = channelBytes.indices.first(where: isChannel) else { unreadable += 1; return }
                        channel = found
                    }
                    let hourSlot = channel * days * 24 + hourIndex, daySlot = channel * days + day
                    switch (typeLength, typeInitial) {
                    case (10, UInt8(ascii: "i")):
                        hourly[hourSlot].impressions += count; daily[daySlot].impressions += count
                    case (5, UInt8(ascii: "c")):
                        hourly[hourSlot].clicks += count; daily[daySlot].clicks += count
                    case (10, UInt8(ascii: "c")):
                        daily[daySlot].conversions += count
                        daily[daySlot].revenueCents += line.amountCents ?? 0
                    case (5, UInt8(ascii: "s")):
                        hourly[hourSlot].spendCents += line.amountCents ?? 0
                        daily[daySlot].spendCents += line.amountCents ?? 0
                    case (5, UInt8(ascii: "r")):
                        hourly[hourSlot].reach += count; daily[daySlot].reach += count
                    case (13, UInt8(ascii: "p")):
                        hourly[hourSlot].participation += count; daily[daySlot].participation += count
                    default: unreadable += 1
                    }
                }
            }
            pending.removeFirst(consumed)
        }
        self.days = days
        self.channels = channels
        self.hourly = hourly
        self.daily = daily
        self.lastGauge = lastGauge
        self.activeUsers = users.map(\.count)
        self.lines = lines
        self.unreadable = unreadable
        self.outOfOrder = outOfOrder
        self.offsets = offsets
    }

    func hour(_ channel: String, day: Int, hour: Int) -> Volume { hourly[self.channel(channel) * days * 24 + day * 24 + hour] }
    func day(_ channel: String, _ day: Int) -> Volume { daily[self.channel(channel) * days + day] }
    func allDays(_ channel: String) -> ArraySlice<Volume> { daily[(self.channel(channel) * days)..<(self.channel(channel) * days + days)] }

    func channel(_ id: String) -> Int { channels.firstIndex(of: id)! }

    /// Community DAU ratio of a day: distinct active users over the day's last member gauge.
    func dauRatio(day: Int) -> Double? {
        guard let members = lastGauge[day], members > 0 else { return nil }
        return Double(activeUsers[day]) / Double(members)
    }

    /// Upper bound of the 95 % Wilson score interval.
    static func wilsonUpper(_ successes: Int, _ trials: Int) -> Double {
        let n = Double(trials), p = Double(successes) / n, z = 1.96
        let centre = p + z * z / (2 * n)
        let spread = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot())
        return (centre + spread) / (1 + z * z / n)
    }
}

@Suite struct SimulatorRunTotalsTests {
    let totals = DemoRunTotals.shared

    @Test func theFullRunReadsBackCleanlyInOrder() {
        #expect(totals.days == 70)
        #expect(totals.lines > 1_000_000)
        #expect(totals.unreadable == 0)
        #expect(totals.outOfOrder == 0)
        #expect(totals.offsets == ["+08:00"])
    }

    @Test func channelsSpendAboutTheirBudgetAndOrdersAverageNearTheBenchmark() throws {
        for channel in totals.plan.channels {
            let budget = try #require(channel.budget)
            let spent = Decimal(totals.allDays(channel.id).reduce(0) { $0 + $1.spendCents }) / 100
            #expect(spent < budget, "\(channel.id) overspends: \(spent) of \(budget)")
            #expect(spent > budget * Decimal(0.8), "\(channel.id) underspends: \(spent) of \(budget)")
        }
        let all = totals.channels.flatMap { totals.allDays($0) }
        let conversions = all.reduce(0) { $0 + $1.conversions }
        let revenue = Double(all.reduce(0) { $0 + $1.revenueCents }) / 100
        let aov = revenue / Double(conversions)
        #expect(aov > 160 && aov < 200, "average order value \(aov)")
    }

    @Test func paidChannelsAreBigOwnedAndOfflineSmaller() {
        func impressionsOrReach(_ id: String) -> Int {
            totals.allDays(id).reduce(0) { $0 + $1.impressions + $1.reach + $1.participation }
        }
        #expect(impressionsOrReach("douyin") > impressionsOrReach("sms"))
        #expect(impressionsOrReach("sms") > impressionsOrReach("stores"))
        #expect(impressionsOrReach("wechat") > impressionsOrReach("stores"))
    }
}
