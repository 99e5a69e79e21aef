import CampaignCore
import Testing

/// An alert's numbers as people read them, worked out by hand.
@Suite struct AlertValueTextTests {
    let values = AlertValueText(currency: "CNY")

    @Test func ratesArePercentagesMoneyHasItsCurrencyCountsAreWhole() {
        // 0.006430868167202572 × 100 = 0.643… → two decimals.
        #expect(values.text(0.006430868167202572, metric: "ctr") == "0.64%")
        #expect(values.text(0.01, metric: "ctr") == "1%")
        #expect(values.text(0.185, metric: "community_dau_ratio") == "18.50%")
        #expect(values.text(58.5, metric: "cpa") == "58.50 CNY")
        #expect(values.text(1200, metric: "clicks") == "1200")
        #expect(AlertValueText(currency: nil).text(45, metric: "spend") == "45.00", "no currency known: none written")
    }

    @Test func aMetricTheVocabularyDoesNotKnowKeepsTheNumber() {
        #expect(values.text(0.25, metric: "latency") == "0.25")
        #expect(values.text(3, metric: nil) == "3")
    }

    @Test func measuredIsTheValueAgainstTheThreshold() {
        #expect(values.measured(0.0225, threshold: 0.01, metric: "ctr") == "2.25% (threshold 1%)")
        #expect(values.measured(52.5, threshold: 45, metric: "cpa") == "52.50 CNY (threshold 45.00 CNY)")
        #expect(values.measured(nil, threshold: nil, metric: "ctr") == "–")
    }
}
