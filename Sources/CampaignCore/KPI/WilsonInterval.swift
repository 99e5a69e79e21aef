/// The Wilson score interval for a proportion: how sure we can be of a rate
/// measured on few trials. A ratio rule breaches only when the whole 95 % interval
/// is past its threshold: 0 clicks in 3 impressions is not "CTR below 1 %", 0 in 400 is.
public struct WilsonInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    /// 95 % two-sided.
    public static let z95 = 1.959963984540054

    public init?(successes: Double, trials: Double, z: Double = WilsonInterval.z95) {
        guard trials > 0 else { return nil }
        let p = min(max(successes / trials, 0), 1)
        let z2 = z * z
        let denominator = 1 + z2 / trials
        let centre = (p + z2 / (2 * trials)) / denominator
        let margin = z * ((p * (1 - p) / trials + z2 / (4 * trials * trials)).squareRoot()) / denominator
        lower = max(0, centre - margin)
        upper = min(1, centre + margin)
    }
}
