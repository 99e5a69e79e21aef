/// Counts distinct users. Exact while the set is small (the hand-checkable
/// case, and most communities); past `exactLimit` it switches to a
/// HyperLogLog sketch of fixed size (16 KiB, about 0.8 % standard error) so a
/// community of millions costs no more memory than one of twenty thousand.
public struct DistinctCounter: Sendable {
    public static let exactLimit = 20_000
    private static let precision = 14
    private static let registerCount = 1 << precision

    private var exact: UserHashSet? = UserHashSet()
    private var registers: [UInt8] = []

    public init() {}

    public var isExact: Bool { exact != nil }

    public mutating func insert(_ hash: UInt64) {
        if exact != nil {
            exact!.insert(hash)
            if exact!.count > DistinctCounter.exactLimit { convertToSketch() }
        } else {
            addToSketch(hash)
        }
    }

    public var count: Int {
        if let exact { return exact.count }
        return estimate()
    }

    private mutating func convertToSketch() {
        registers = [UInt8](repeating: 0, count: DistinctCounter.registerCount)
        for hash in exact!.values { addToSketch(hash) }
        exact = nil
    }

    private mutating func addToSketch(_ hash: UInt64) {
        // Re-mix: user hashes come from one hash function; HLL wants well-spread bits.
        let mixed = DistinctCounter.mix(hash)
        let index = Int(mixed >> UInt64(64 - DistinctCounter.precision))
        let rest = mixed << UInt64(DistinctCounter.precision)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - DistinctCounter.precision) + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    private func estimate() -> Int {
        let m = Double(DistinctCounter.registerCount)
        var sum = 0.0, zeros = 0
        for register in registers {
            sum += 1.0 / Double(UInt64(1) << UInt64(register))
            if register == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        let raw = alpha * m * m / sum
        // Small-range correction (linear counting), as in the original paper.
        if raw <= 2.5 * m, zeros > 0 { return Int((m * log(m / Double(zeros))).rounded()) }
        return Int(raw.rounded())
    }

    /// SplitMix64's finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Snapshot (MonitorFold+Snapshot)

extension DistinctCounter {
    /// The exact set sorted (a set's order differs from run to run) or the sketch.
    func write(_ out: inout SnapshotWriter) {
        out.bool(exact != nil)
        if let exact {
            out.int(exact.count)
            for hash in exact.values.sorted() { out.u64(hash) }
        } else {
            out.raw(registers)
        }
    }

    init(_ input: inout SnapshotReader) throws {
        self.init()
        if try input.bool() {
            let count = try input.count(minimumSize: 8)
            guard count <= DistinctCounter.exactLimit else { throw SnapshotReader.Malformed() }
            var set = UserHashSet(minimumCapacity: count)
            for _ in 0..<count { set.insert(try input.u64()) }
            exact = set
        } else {
            registers = try input.raw()
            guard registers.count == DistinctCounter.registerCount else { throw SnapshotReader.Malformed() }
            exact = nil
        }
    }
}
