import Foundation

/// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting
/// your customers the easy way"): while alive a customer buys as a Poisson
/// process with a rate drawn from Gamma(r, alpha); after every purchase they
/// drop out with a probability drawn from Beta(a, b). Times are in the
/// histories' unit (days in the product; `alpha` scales with the unit, the
/// others do not).
public struct BGNBDModel: Equatable, Sendable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        (self.r, self.alpha, self.a, self.b) = (r, alpha, a, b)
    }

    /// The log-likelihood of one history (the paper's equation 6, in logs so
    /// that hundreds of purchases do not overflow the gamma functions).
    public func logLikelihood(_ history: RepeatPurchaseSummary) -> Double {
        let x = Double(history.repeatPurchases)
        let rate: Double = lgamma(r + x) - lgamma(r) + r * log(alpha)
        let dropout: Double = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x)
        let common = rate + dropout
        let stillAlive = -(r + x) * log(alpha + history.age)
        guard history.repeatPurchases > 0 else { return common + stillAlive }
        let droppedAfterLast = log(a) - log(b + x - 1) - (r + x) * log(alpha + history.recency)
        return common + logSumExp(stillAlive, droppedAfterLast)
    }

    public func logLikelihood(_ histories: [RepeatPurchaseSummary]) -> Double {
        histories.reduce(0) { $0 + logLikelihood($1) }
    }

    /// The same sum over grouped histories, the gamma functions of each
    /// distinct purchase count computed once (groups come sorted by count):
    /// what one step of a fit costs.
    func logLikelihood(_ counted: CountedHistories) -> Double {
        var total = 0.0
        var lastX = -1, common = 0.0
        let logAlpha: Double = log(alpha), lgammaR: Double = lgamma(r), lgammaB: Double = lgamma(b)
        let lgammaAB: Double = lgamma(a + b)
        for (history, count) in counted.groups {
            let x = Double(history.repeatPurchases)
            if history.repeatPurchases != lastX {
                lastX = history.repeatPurchases
                let rate: Double = lgamma(r + x) - lgammaR + r * logAlpha
                common = rate + lgammaAB + lgamma(b + x) - lgammaB - lgamma(a + b + x)
            }
            let stillAlive = -(r + x) * log(alpha + history.age)
            var term = common + stillAlive
            if history.repeatPurchases > 0 {
                let droppedAfterLast = log(a) - log(b + x - 1) - (r + x) * log(alpha + history.recency)
                term = common + logSumExp(stillAlive, droppedAfterLast)
            }
            total += count * term
        }
        return total
    }

    /// The probability that the customer has not dropped out by the end of
    /// the calibration period. A customer who never bought again cannot have
    /// dropped out yet: the model lets customers leave only right after a purchase.
    public func probabilityAlive(_ history: RepeatPurchaseSummary) -> Double {
        guard history.repeatPurchases > 0 else { return 1 }
        return 1 / (1 + deadOverAlive(history))
    }

    /// How many purchases the customer is expected to make in the next `span`
    /// (in the histories' unit) after the calibration period: the paper's
    /// equation 10.
    public func expectedPurchases(in span: Double, after history: RepeatPurchaseSummary) -> Double {
        let x = Double(history.repeatPurchases)
        let (rx, ageEnd) = (r + x, alpha + history.age)
        let stillBuying = exp(rx * log(ageEnd / (ageEnd + span)))
            * Hypergeometric.f21(rx, b + x, a + b + x - 1, span / (ageEnd + span))
        let whileAlive = (a + b + x - 1) / (a - 1) * (1 - stillBuying)
        let dead = history.repeatPurchases > 0 ? deadOverAlive(history) : 0
        return whileAlive / (1 + dead)
    }

    /// P(dropped out after the last purchase) / P(alive), up to the common factor.
    private func deadOverAlive(_ history: RepeatPurchaseSummary) -> Double {
        let x = Double(history.repeatPurchases)
        return a / (b + x - 1) * exp((r + x) * log((alpha + history.age) / (alpha + history.recency)))
    }

    /// Maximum likelihood over `histories`, by Nelder–Mead on the logarithms
    /// of the four parameters (so they stay positive). `converged` is false
    /// when the search ran out of iterations or the optimum is not finite: the
    /// caller reports the model as not fitted rather than using it.
    public static func fit(_ histories: [RepeatPurchaseSummary], start: BGNBDModel = BGNBDModel(r: 1, alpha: 1, a: 1, b: 1))
        -> ModelFit<BGNBDModel> {
        // Only x, recency and age matter here: spend would split groups for nothing.
        let counted = CountedHistories(histories) {
            RepeatPurchaseSummary(repeatPurchases: $0.repeatPurchases, recency: $0.recency, age: $0.age)
        }
        func model(_ point: [Double]) -> BGNBDModel {
            BGNBDModel(r: exp(point[0]), alpha: exp(point[1]), a: exp(point[2]), b: exp(point[3]))
        }
        let search = NelderMead().minimize({ point in -model(point).logLikelihood(counted) },
                                           from: [log(start.r), log(start.alpha), log(start.a), log(start.b)])
        // Without anyone buying again the likelihood has no interior optimum
        // (it grows as r → 0): the search ends somewhere meaningless.
        let informative = histories.contains { $0.repeatPurchases > 0 }
        return ModelFit(model: model(search.point), logLikelihood: -search.value, iterations: search.iterations,
                        converged: search.converged && search.value.isFinite && informative
                            && ModelFit<BGNBDModel>.isPlausible(search.point),
                        customers: histories.count)
    }
}

/// A fitted model, how well it fits and whether the search found an optimum.
public struct ModelFit<Model: Sendable>: Sendable {
    public var model: Model
    public var logLikelihood: Double
    public var iterations: Int
    public var converged: Bool
    public var customers: Int

    /// A parameter beyond e^±25 (about 7·10¹⁰) is the search running off to
    /// a boundary where the likelihood flattens, not an estimate.
    static func isPlausible(_ logParameters: [Double]) -> Bool { logParameters.allSatisfy { abs($0) < 25 } }
}

/// Histories grouped by what the likelihood reads, so a fit over a million
/// customers evaluates each distinct history once per step, not each customer.
struct CountedHistories {
    /// Sorted by purchase count first.
    private(set) var groups: [(history: RepeatPurchaseSummary, count: Double)] = []

    init(_ histories: [RepeatPurchaseSummary], key: (RepeatPurchaseSummary) -> RepeatPurchaseSummary) {
        var counts: [HistoryKey: (RepeatPurchaseSummary, Double)] = [:]
        for history in histories {
            let keyed = key(history)
            counts[HistoryKey(keyed), default: (keyed, 0)].1 += 1
        }
        groups = counts.values.map { ($0.0, $0.1) }.sorted { HistoryKey($0.history) < HistoryKey($1.history) }
    }

}

private struct HistoryKey: Hashable, Comparable {
    var x: Int, recency: Double, age: Double, spend: Double
    init(_ h: RepeatPurchaseSummary) { (x, recency, age, spend) = (h.repeatPurchases, h.recency, h.age, h.averageRepeatSpend ?? -1) }
    static func < (l: HistoryKey, r: HistoryKey) -> Bool { (l.x, l.recency, l.age, l.spend) < (r.x, r.recency, r.age, r.spend) }
}

/// log(e^p + e^q) without overflow.
func logSumExp(_ p: Double, _ q: Double) -> Double {
    let top = max(p, q)
    guard top.isFinite else { return top }
    return top + log(exp(p - top) + exp(q - top))
}
