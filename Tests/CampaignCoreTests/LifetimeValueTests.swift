@testable import CampaignCore
import Foundation
import Testing

/// BG/NBD and Gamma-Gamma against the figures Fader, Hardie & Lee published
/// for the CDNOW sample (2,357 customers, calibration to 1997-09-30): the
/// likelihood at their parameters, the parameters the fit finds, and the
/// paper's worked example of expected purchases.
@Suite struct LifetimeValueTests {
    static let calibrationEnd = Day(year: 1997, month: 9, day: 30)!

    /// The sample read here, apart from the product's readers: id, second id,
    /// YYYYMMDD, CDs, dollars, separated by spaces.
    static let histories: [RepeatPurchaseSummary] = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/cdnow/CDNOW_sample.txt")
        let text = try! String(contentsOf: url, encoding: .utf8)
        var purchases: [String: [(day: Day, amount: Double)]] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: \.isWhitespace)
            let date = fields[2]
            let day = Day(year: Int(date.prefix(4))!, month: Int(date.dropFirst(4).prefix(2))!, day: Int(date.suffix(2))!)!
            purchases[String(fields[0]), default: []].append((day, Double(fields[4])!))
        }
        return purchases.values.compactMap { RepeatPurchaseSummary(purchases: $0, calibrationEnd: calibrationEnd) }
    }()

    /// The paper's weekly parameters (Fader, Hardie & Lee 2005, section 5).
    static let published = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    @Test func theSampleHasTheCustomersThePaperCounts() {
        #expect(Self.histories.count == 2_357)
        // Customers with a repeat purchase day in the calibration period (the Gamma-Gamma fit's 946).
        #expect(Self.histories.filter { $0.repeatPurchases > 0 }.count == 946)
    }

    @Test func theLikelihoodAtThePublishedParametersIsThePublishedOne() {
        let weekly = Self.histories.map { $0.measured(inUnitsOf: 7) }
        // The paper reports LL = −9582.4 at its (rounded) estimates.
        #expect(abs(Self.published.logLikelihood(weekly) - -9582.4) < 0.5)
    }

    @Test func theFitFindsThePublishedParametersInDays() {
        let fit = BGNBDModel.fit(Self.histories)
        #expect(fit.converged)
        let model = fit.model
        #expect(abs(model.r - 0.243) < 0.002, "r \(model.r)")
        #expect(abs(model.alpha / 7 - 4.414) < 0.03, "alpha per week \(model.alpha / 7)")
        #expect(abs(model.a - 0.793) < 0.005, "a \(model.a)")
        #expect(abs(model.b - 2.426) < 0.02, "b \(model.b)")
        // The optimum is at least as good as the published point (in days,
        // alpha scaled; the likelihood shifts by the unit, so compare in days).
        let publishedInDays = BGNBDModel(r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426)
        #expect(fit.logLikelihood >= publishedInDays.logLikelihood(Self.histories) - 1e-6)
    }

    @Test func theGroupedSumsAreThePlainOnes() {
        // What a fit's step computes (distinct histories once, gamma functions
        // once per count) against the per-customer formula summed plainly.
        let bgnbd = BGNBDModel(r: 0.3, alpha: 25, a: 0.9, b: 2.1)
        let grouped = CountedHistories(Self.histories) {
            RepeatPurchaseSummary(repeatPurchases: $0.repeatPurchases, recency: $0.recency, age: $0.age)
        }
        let plain = bgnbd.logLikelihood(Self.histories)
        #expect(abs(bgnbd.logLikelihood(grouped) - plain) < 1e-9 * abs(plain))
        let gammaGamma = GammaGammaModel(p: 5, q: 3, v: 12)
        let spendGroups = CountedHistories(Self.histories) { $0 }
        let plainSpend = Self.histories.reduce(0) { $0 + gammaGamma.logLikelihood($1) }
        #expect(abs(gammaGamma.logLikelihood(spendGroups) - plainSpend) < 1e-9 * abs(plainSpend))
    }

    @Test func theWorkedExampleExpectsThePublishedPurchases() {
        // x = 2, t_x = 30.43, T = 38.86 weeks: 1.226 purchases in the next 39 weeks.
        let customer = RepeatPurchaseSummary(repeatPurchases: 2, recency: 30.43, age: 38.86)
        #expect(abs(Self.published.expectedPurchases(in: 39, after: customer) - 1.226) < 0.001)
    }

    @Test func aCustomerWhoNeverCameBackIsAliveAndOneWhoLeftLongAgoIsLikelyNot() {
        let model = BGNBDModel(r: 0.243, alpha: 30.9, a: 0.793, b: 2.426)
        #expect(model.probabilityAlive(RepeatPurchaseSummary(repeatPurchases: 0, recency: 0, age: 200)) == 1)
        let recent = model.probabilityAlive(RepeatPurchaseSummary(repeatPurchases: 5, recency: 195, age: 200))
        let longGone = model.probabilityAlive(RepeatPurchaseSummary(repeatPurchases: 5, recency: 20, age: 200))
        #expect(recent > 0.8 && longGone < 0.01, "recent \(recent), long gone \(longGone)")
        // Hand-worked: 1 / (1 + a/(b+x−1) · ((α+T)/(α+t))^(r+x)) with x=1, t=T.
        let same = model.probabilityAlive(RepeatPurchaseSummary(repeatPurchases: 1, recency: 50, age: 50))
        #expect(abs(same - 1 / (1 + 0.793 / 2.426)) < 1e-12)
    }

    @Test func gammaGammaFindsThePublishedSpendParameters() {
        let fit = GammaGammaModel.fit(Self.histories)
        #expect(fit.converged)
        #expect(fit.customers == 946)
        #expect(abs(fit.model.p - 6.25) < 0.02, "p \(fit.model.p)")
        #expect(abs(fit.model.q - 3.74) < 0.02, "q \(fit.model.q)")
        #expect(abs(fit.model.v - 15.45) < 0.1, "v \(fit.model.v)")
    }

    @Test func gammaGammaShrinksAFewPurchasesTowardsThePopulation() {
        let model = GammaGammaModel(p: 6.25, q: 3.74, v: 15.45)
        // p·v/(q−1), by hand: 6.25 · 15.45 / 2.74.
        #expect(abs(model.populationMeanSpend - 6.25 * 15.45 / 2.74) < 1e-9)
        let one = model.expectedAverageSpend(RepeatPurchaseSummary(repeatPurchases: 1, recency: 1, age: 1, averageRepeatSpend: 100))
        let many = model.expectedAverageSpend(RepeatPurchaseSummary(repeatPurchases: 50, recency: 1, age: 1, averageRepeatSpend: 100))
        #expect(one > model.populationMeanSpend && one < many && many < 100)
        // p(v + x·m)/(p·x + q − 1) with x = 1, m = 100.
        #expect(abs(one - 6.25 * (15.45 + 100) / (6.25 + 2.74)) < 1e-9)
    }

    @Test func aFitWithNothingToLearnFromSaysItDidNotConverge() {
        #expect(!BGNBDModel.fit([]).converged)
        let nobodyCameBack = (0..<100).map { RepeatPurchaseSummary(repeatPurchases: 0, recency: 0, age: Double(10 + $0)) }
        #expect(!BGNBDModel.fit(nobodyCameBack).converged)
        #expect(!GammaGammaModel.fit(nobodyCameBack).converged)
    }

    @Test func historiesCountRepeatDaysNotOrders() {
        let first = Day(year: 2026, month: 1, day: 1)!
        let history = RepeatPurchaseSummary(purchases: [(first, 10), (first, 5), (first + 3, 20), (first + 3, 10), (first + 9, 30),
                                                  (first + 40, 99)],
                                      calibrationEnd: first + 30)
        #expect(history == RepeatPurchaseSummary(repeatPurchases: 2, recency: 9, age: 30, averageRepeatSpend: 30))
        #expect(RepeatPurchaseSummary(purchases: [(first + 40, 1)], calibrationEnd: first + 30) == nil)
    }
}

/// The models fed by the product's own transaction reader, as `segment` will.
@Suite struct LifetimeValuesFromTransactionsTests {
    /// CDNOW as the CSV a shop would export: customer, date, amount.
    static let csv: String = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/cdnow/CDNOW_sample.txt")
        var text = "customer_id,date,amount\n"
        for line in try! String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let f = line.split(whereSeparator: \.isWhitespace)
            text += "\(f[0]),\(f[2].prefix(4))-\(f[2].dropFirst(4).prefix(2))-\(f[2].suffix(2)),\(f[4])\n"
        }
        return text
    }()

    @Test func everyCustomersFiguresFollowFromTheFittedModels() throws {
        let history = try readTransactions(Self.csv)
        let values = LifetimeValues(history: history, calibrationEnd: LifetimeValueTests.calibrationEnd)
        #expect(values.purchases.converged && values.spend.converged)
        // The reader drops exact duplicate rows, which the paper kept (it had
        // the CD count to tell them apart): the fit moves a little, not far.
        #expect(abs(values.purchases.model.r - 0.243) < 0.01)
        #expect(abs(values.purchases.model.a - 0.793) < 0.05)
        // Each customer's figures, recomputed from the summary and the models.
        var checked = 0
        for index in 0..<history.customerCount {
            let summary = try #require(history.repeatPurchases(ofCustomer: index, calibrationEnd: values.calibrationEnd))
            let figures = try #require(values[customer: index])
            let model = values.purchases.model
            #expect(figures.pAlive == model.probabilityAlive(summary))
            #expect(figures.expectedPurchases == model.expectedPurchases(in: 90, after: summary))
            #expect(figures.clv == figures.expectedPurchases * values.spend.model.expectedAverageSpend(summary))
            checked += 1
        }
        #expect(checked == 2_357)
    }

    @Test func aCustomerWhoStartsAfterTheCalibrationHasNoFigures() throws {
        let history = try readTransactions("customer_id,date,amount\na,2026-01-01,10\na,2026-01-05,20\nb,2026-01-03,5\nb,2026-01-20,8\nc,2026-03-01,9\n")
        let values = LifetimeValues(history: history, calibrationEnd: Day(iso: "2026-02-01")!)
        // Three customers cannot pin down four parameters: whatever the search
        // ends on, a customer after the calibration end has no figures.
        let late = try #require((0..<history.customerCount).first { history.customerIDs[$0] == "c" })
        #expect(values[customer: late] == nil)
    }
}
