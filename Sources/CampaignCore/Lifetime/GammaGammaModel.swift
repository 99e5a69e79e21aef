import Foundation

/// The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005,
/// "RFM and CLV"): each purchase's value is Gamma(p, ν) around a customer's
/// own mean, with ν drawn from Gamma(q, v) across customers. Fitted on the
/// customers with repeat purchases, from their average repeat spend.
public struct GammaGammaModel: Equatable, Sendable {
    public var p: Double
    public var q: Double
    public var v: Double

    public init(p: Double, q: Double, v: Double) { (self.p, self.q, self.v) = (p, q, v) }

    /// The log-likelihood of one customer's average spend `m` over `x`
    /// purchases (0 for a history without repeats: it says nothing here).
    public func logLikelihood(_ history: RepeatPurchaseSummary) -> Double {
        guard history.repeatPurchases > 0, let m = history.averageRepeatSpend, m > 0 else { return 0 }
        let x = Double(history.repeatPurchases)
        let px = p * x
        let normalizing: Double = lgamma(px + q) - lgamma(px) - lgamma(q) + q * log(v)
        let spend: Double = (px - 1) * log(m) + px * log(x) - (px + q) * log(v + x * m)
        return normalizing + spend
    }

    /// The sum over grouped histories, the terms of each distinct purchase
    /// count computed once (groups come sorted by count).
    func logLikelihood(_ counted: CountedHistories) -> Double {
        var total = 0.0
        var lastX = -1, perCount = 0.0, px = 0.0
        let lgammaQ: Double = lgamma(q), qLogV: Double = q * log(v)
        for (history, count) in counted.groups {
            guard history.repeatPurchases > 0, let m = history.averageRepeatSpend, m > 0 else { continue }
            let x = Double(history.repeatPurchases)
            if history.repeatPurchases != lastX {
                lastX = history.repeatPurchases
                px = p * x
                perCount = lgamma(px + q) - lgamma(px) - lgammaQ + qLogV + px * log(x)
            }
            total += count * (perCount + (px - 1) * log(m) - (px + q) * log(v + x * m))
        }
        return total
    }

    /// What one purchase of this customer is expected to be worth: their own
    /// average, shrunk towards the population's by how few purchases it rests on.
    public func expectedAverageSpend(_ history: RepeatPurchaseSummary) -> Double {
        guard history.repeatPurchases > 0, let m = history.averageRepeatSpend else { return populationMeanSpend }
        let x = Double(history.repeatPurchases)
        return p * (v + x * m) / (p * x + q - 1)
    }

    /// The mean spend per purchase across customers; infinite when q ≤ 1.
    public var populationMeanSpend: Double { q > 1 ? p * v / (q - 1) : .infinity }

    /// Maximum likelihood on the customers with repeat purchases and a
    /// positive average spend (see `BGNBDModel.fit`).
    public static func fit(_ histories: [RepeatPurchaseSummary], start: GammaGammaModel = GammaGammaModel(p: 1, q: 1, v: 1))
        -> ModelFit<GammaGammaModel> {
        let spenders = histories.filter { $0.repeatPurchases > 0 && ($0.averageRepeatSpend ?? 0) > 0 }
        // Only x and the spend matter here; recency and age would split groups for nothing.
        let counted = CountedHistories(spenders) {
            RepeatPurchaseSummary(repeatPurchases: $0.repeatPurchases, recency: 0, age: 0, averageRepeatSpend: $0.averageRepeatSpend)
        }
        func model(_ point: [Double]) -> GammaGammaModel { GammaGammaModel(p: exp(point[0]), q: exp(point[1]), v: exp(point[2])) }
        let search = NelderMead().minimize({ point in -model(point).logLikelihood(counted) },
                                           from: [log(start.p), log(start.q), log(start.v)])
        return ModelFit(model: model(search.point), logLikelihood: -search.value, iterations: search.iterations,
                        converged: search.converged && search.value.isFinite && !spenders.isEmpty
                            && ModelFit<GammaGammaModel>.isPlausible(search.point),
                        customers: spenders.count)
    }
}
