/// SplitMix64: a tiny, fast random number generator whose output depends only
/// on its seed, on every platform and Swift version, so generated demo data is
/// the same everywhere (`SystemRandomNumberGenerator` cannot be seeded).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`, from this generator's own bits (the standard
    /// library's `Int.random(in:using:)` may change its algorithm between versions).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// A uniform value in 0..<1.
    mutating func fraction() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
