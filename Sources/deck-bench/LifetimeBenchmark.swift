import CampaignCore
import Foundation

/// How long fitting BG/NBD and Gamma-Gamma takes as the customer base grows,
/// and whether the fit recovers the parameters the customers were drawn from
/// (the published CDNOW values, in days): customers simulated from the model
/// itself, so the right answer is known.
func lifetimeBenchmark() {
    let truth = BGNBDModel(r: 0.243, alpha: 30.9, a: 0.793, b: 2.426)
    for customers in [10_000, 100_000, 1_000_000] {
        var random = SplitMix64(seed: 7)
        let histories = (0..<customers).map { _ in simulatedCustomer(truth, observedDays: 180 + Int(random.next() % 91), &random) }
        var start = now()
        let fit = BGNBDModel.fit(histories)
        let seconds = (now() - start) / 1_000_000
        let m = fit.model
        print(String(format: "BG/NBD on %7d customers: %6.2f s, %d steps, r %.3f alpha %.2f a %.3f b %.3f (drawn from r 0.243 alpha 30.90 a 0.793 b 2.426)%@",
                     customers, seconds, fit.iterations, m.r, m.alpha, m.a, m.b, fit.converged ? "" : " NOT CONVERGED"))
        start = now()
        var total = 0.0
        for history in histories { total += fit.model.expectedPurchases(in: 90, after: history) }
        print(String(format: "  expected purchases in 90 days for every customer: %.2f s (%.0f in all)", (now() - start) / 1_000_000, total))
    }
}

/// One customer for `observedDays`: a purchase rate from Gamma(r, alpha), a
/// drop-out chance from Beta(a, b) after each repeat purchase; the first
/// purchase on day 0.
private func simulatedCustomer(_ model: BGNBDModel, observedDays: Int, _ random: inout SplitMix64) -> RepeatPurchaseSummary {
    let rate = gamma(shape: model.r, &random) / model.alpha
    let dropOut = { let x = gamma(shape: model.a, &random); return x / (x + gamma(shape: model.b, &random)) }()
    var time = 0.0, repeats = 0, last = 0.0
    while true {
        time += -log(uniform(&random)) / rate
        guard time <= Double(observedDays) else { break }
        repeats += 1
        last = time
        if uniform(&random) < dropOut { break }
    }
    // Days, as the product counts them: a purchase's day, not its instant.
    return RepeatPurchaseSummary(repeatPurchases: repeats, recency: last.rounded(.down), age: Double(observedDays))
}

private func uniform(_ random: inout SplitMix64) -> Double { (Double(random.next() >> 11) + 0.5) / Double(1 << 53) }

/// Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape < 1.
private func gamma(shape: Double, _ random: inout SplitMix64) -> Double {
    if shape < 1 { return gamma(shape: shape + 1, &random) * pow(uniform(&random), 1 / shape) }
    let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
    while true {
        var x = 0.0, v = 0.0
        repeat {
            // A standard normal by Box–Muller.
            x = (-2 * log(uniform(&random))).squareRoot() * cos(2 * Double.pi * uniform(&random))
            v = 1 + c * x
        } while v <= 0
        v = v * v * v
        let u = uniform(&random)
        if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
    }
}
