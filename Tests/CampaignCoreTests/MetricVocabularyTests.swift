@testable import CampaignCore
import Testing

/// The KPI vocabulary is a contract with plan files and JSON readers: these
/// lists are written out by hand from the product's KPI table, not read back
/// from `Metric`.
@Suite struct MetricVocabularyTests {
    @Test func namesAreThePlanAndJSONSpellingsInOrder() {
        #expect(Metric.allCases.map(\.name) == [
            "impressions", "clicks", "conversions", "reach", "participants", "spend", "revenue",
            "ctr", "cvr", "cpa", "roi", "participation_rate", "community_dau_ratio", "budget_burn", "pacing",
            "forecast_spend", "forecast_burn", "daily_spend",
        ])
        #expect(Vocabulary.kpis == Metric.allCases.map(\.name))
    }

    @Test func minVolumeCountsEachRatiosDenominator() {
        let denominators = Dictionary(uniqueKeysWithValues: Metric.allCases.compactMap { metric in
            metric.volumeQuantity.map { (metric.name, $0) }
        })
        #expect(denominators == ["ctr": .impressions, "cvr": .clicks, "cpa": .conversions, "roi": .spend,
                                 "participation_rate": .reach, "community_dau_ratio": .members])
    }

    @Test func wilsonJudgesTheProportionsOnly() {
        #expect(Metric.allCases.filter(\.isProportion).map(\.name)
                == ["ctr", "cvr", "participation_rate", "community_dau_ratio"])
    }

    @Test func formats() {
        #expect(Metric.ctr.formatted(0.0291) == "2.91%")
        #expect(Metric.communityDAURatio.formatted(0.2) == "20%")
        #expect(Metric.cpa.formatted(45, currency: "CNY") == "45.00 CNY")
        #expect(Metric.spend.formatted(1200.5, currency: "CNY") == "1200.50 CNY")
        #expect(Metric.conversions.formatted(12) == "12")
        #expect(Metric.roi.formatted(1.25) == "1.25")
    }

    @Test func standupMovesAreTheCountedRates() {
        #expect(KPIMove.metrics.map(\.name) == ["ctr", "cvr", "cpa", "roi", "participation_rate"])
    }

    @Test func kpiJSONKeepsItsKeysAndOrder() {
        #expect(KPIValues(counters: .zero).jsonMembers().map(\.0) == [
            "impressions", "clicks", "conversions", "reach", "participants", "spend", "revenue",
            "ctr", "cvr", "cpa", "roi", "participation_rate", "active_users", "members", "community_dau_ratio",
            "budget_burn", "pacing", "forecast_spend", "forecast_burn", "daily_spend", "daily_spend_reference",
            "daily_spend_over",
        ])
    }

    @Test func everyKPIReadsByName() {
        var counters = KPICounters()
        counters.add(.impression, count: 200, amount: .zero)
        counters.add(.click, count: 10, amount: .zero)
        let values = KPIValues(counters: counters)
        #expect(values.value(of: "ctr") == 0.05)
        #expect(values.value(of: "impressions") == 200)
        #expect(values.value(of: "repurchase_rate") == nil)   // a customer feature, not a KPI
    }
}
