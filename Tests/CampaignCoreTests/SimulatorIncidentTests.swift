@testable import CampaignCore
import Testing

/// The scripted incidents, checked from the text of a full demo run:
/// each is there, where `ScriptedIncidents` says, and nothing else comes near
/// an alert line.
@Suite struct SimulatorIncidentTests {
    let totals = DemoRunTotals.shared
    let paid = ["douyin", "xiaohongshu", "search"]

    @Test func theDocumentedWindowsFallOnTheDemoDatesInTheRunPhase() throws {
        let start = totals.start
        #expect(ScriptedIncidents.creativeFatigue.day(campaignStart: start) == Day(year: 2026, month: 4, day: 9))
        #expect(ScriptedIncidents.cpaSpike.day(campaignStart: start) == Day(year: 2026, month: 4, day: 22))
        #expect(start + ScriptedIncidents.communityBelowThresholdDays.lowerBound == Day(year: 2026, month: 4, day: 18))
        #expect(start + ScriptedIncidents.communityBelowThresholdDays.upperBound == Day(year: 2026, month: 4, day: 19))
        let run = try #require(totals.plan.phase("run"))
        let runDays = (run.startDay(campaignStart: start) - start)...(run.endDay(campaignStart: start) - start)
        #expect(runDays.contains(ScriptedIncidents.creativeFatigue.dayOffset))
        #expect(runDays.contains(ScriptedIncidents.cpaSpike.dayOffset))
        #expect(runDays.contains(ScriptedIncidents.communityDecayDays.lowerBound))
        #expect(runDays.contains(ScriptedIncidents.communityDecayDays.upperBound))
        #expect(ScriptedIncidents.communityDecayRatios.count == ScriptedIncidents.communityDecayDays.count)
        let channels = ScriptedIncidents.channels(in: totals.plan)
        #expect(channels.creativeFatigue == "douyin" && channels.cpaSpike == "search")
    }

    @Test func douyinCTRIsWellUnderOnePercentThroughTheFatigueWindow() {
        let window = ScriptedIncidents.creativeFatigue
        for hour in (window.startMinute / 60)..<(window.endMinute / 60) {
            let volume = totals.hour("douyin", day: window.dayOffset, hour: hour)
            #expect(volume.impressions >= 1_000, "hour \(hour)")
            #expect(Double(volume.clicks) / Double(volume.impressions) < 0.01, "hour \(hour)")
            #expect(DemoRunTotals.wilsonUpper(volume.clicks, volume.impressions) < 0.01, "hour \(hour)")
        }
    }

    @Test func everyOtherBusyHourKeepsPaidCTRAtOrAbove1point2Percent() {
        let window = ScriptedIncidents.creativeFatigue
        var judged = 0
        for channel in paid {
            for day in 0..<totals.days {
                for hour in 0..<24 {
                    if channel == "douyin" && day == window.dayOffset
                        && window.contains(minuteOfDay: hour * 60) { continue }
                    let volume = totals.hour(channel, day: day, hour: hour)
                    guard volume.impressions >= 1_000 else { continue }
                    judged += 1
                    let ctr = Double(volume.clicks) / Double(volume.impressions)
                    #expect(ctr >= 0.012, "\(channel) day \(day) hour \(hour): \(ctr)")
                }
            }
        }
        #expect(judged > 2_000)
    }

    @Test func communityDAUDropsUnder20PercentOnlyOnTheDocumentedDays() throws {
        for day in 0..<totals.days {
            let ratio = try #require(totals.dauRatio(day: day), "day \(day)")
            if ScriptedIncidents.communityBelowThresholdDays.contains(day) {
                #expect(ratio < 0.20, "day \(day): \(ratio)")
                let members = try #require(totals.lastGauge[day])
                #expect(DemoRunTotals.wilsonUpper(totals.activeUsers[day], members) < 0.20, "day \(day)")
            } else {
                #expect(ratio > 0.20, "day \(day): \(ratio)")
            }
            if !ScriptedIncidents.communityDecayDays.contains(day) {
                #expect(ratio >= 0.25 && ratio <= 0.40, "normal day \(day): \(ratio)")
            }
        }
        let gauges = totals.lastGauge.compactMap { $0 }
        #expect(gauges.first! >= 2_000 && gauges.last! <= 6_000)
        #expect(gauges.last! > gauges.first!)
    }

    @Test func searchCPASpikesOnTheDocumentedDayOnly() {
        let spike = ScriptedIncidents.cpaSpike.dayOffset
        let onSpike = totals.day("search", spike)
        #expect(onSpike.conversions >= 20)
        #expect(Double(onSpike.spendCents) / 100 / Double(onSpike.conversions) > 58.5)
        for channel in totals.channels {
            for day in 0..<totals.days where !(channel == "search" && day == spike) {
                let volume = totals.day(channel, day)
                guard volume.conversions >= 20 else { continue }
                let cpa = Double(volume.spendCents) / 100 / Double(volume.conversions)
                #expect(cpa < 45, "\(channel) day \(day): CPA \(cpa)")
            }
        }
    }

    @Test func withoutScriptedIncidentsTheFatigueDayIsOrdinary() throws {
        let plan = totals.plan
        let window = ScriptedIncidents.creativeFatigue
        let text = CampaignSimulator(plan: plan, from: window.day(campaignStart: plan.campaign.start), days: 1,
                                     scriptedIncidents: false).text()
        var impressions = 0, clicks = 0
        for line in text.split(separator: "\n") where line.contains("\"douyin\"") && line.contains("T12:") {
            let isImpression = line.contains("\"impression\""), isClick = line.contains("\"click\"")
            guard isImpression || isClick else { continue }
            let count = try #require(Int(line.split(separator: "\"count\":").last!.dropLast()))
            if isImpression { impressions += count } else { clicks += count }
        }
        #expect(impressions >= 1_000)
        #expect(Double(clicks) / Double(impressions) > 0.015)
    }
}
