/// SplitMix64: a tiny, fast generator with good statistical quality, for the
/// simulated traffic and the generated demo customers. We carry our own
/// instead of the system generator so a seed gives the same bytes on every
/// platform and Swift release (`SystemRandomNumberGenerator` cannot be seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits so every value is exact.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in [1 - spread, 1 + spread): multiplicative noise around a rate.
    mutating func jitter(_ spread: Double) -> Double { 1 + spread * (2 * unit() - 1) }

    /// A uniform integer in `range`, from this generator's own bits (the standard
    /// library's `Int.random(in:using:)` may change its algorithm between versions).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// Uniform in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// A value derived from keys alone, not from what was drawn before: this is
    /// what lets any day (and any community member) be generated on its own and
    /// still match the same day inside a longer run.
    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0) -> UInt64 {
        var generator = SplitMix64(seed: a ^ (b &* 0xD6E8_FEB8_6659_FD93) ^ (c &* 0xA076_1D64_78BD_642F))
        _ = generator.next()
        return generator.next()
    }

    /// `hash` as a uniform value in [0, 1).
    static func unitHash(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0) -> Double {
        Double(hash(a, b, c) >> 11) * 0x1.0p-53
    }
}
