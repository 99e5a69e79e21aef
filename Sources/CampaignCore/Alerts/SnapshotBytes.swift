/// A plain little-endian byte format for a `MonitorFold` snapshot
/// (`MonitorFold+Snapshot`): fixed-width numbers, counted arrays. Reading
/// never traps: a short or malformed blob makes `SnapshotReader` fail, and
/// the caller falls back to replaying the history.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
    mutating func i32(_ value: Int32) {
        withUnsafeBytes(of: UInt32(bitPattern: value).littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func int(_ value: Int) { i64(Int64(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func double(_ value: Double) { u64(value.bitPattern) }
    mutating func optionalDouble(_ value: Double?) {
        bool(value != nil)
        if let value { double(value) }
    }
    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }
    mutating func raw(_ values: [UInt8]) {
        int(values.count)
        bytes.append(contentsOf: values)
    }
    /// A baseline rule keeps thousands of these per scope: copied whole on a
    /// little-endian machine (every one this runs on), element by element otherwise.
    mutating func floats(_ values: [Float]) {
        int(values.count)
        if 1.littleEndian == 1 {
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        } else {
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        }
    }
    mutating func money(_ value: Money) {
        let nanos = value.nanos
        u64(UInt64(truncatingIfNeeded: nanos))
        i64(Int64(truncatingIfNeeded: nanos >> 64))
    }
    mutating func counters(_ value: KPICounters) {
        i64(value.impressions)
        i64(value.clicks)
        i64(value.conversions)
        i64(value.reach)
        i64(value.participants)
        money(value.spend)
        money(value.revenue)
    }
    mutating func counterList(_ values: [KPICounters]) {
        int(values.count)
        for value in values { counters(value) }
    }
    mutating func leaf(_ value: LeafKey) {
        i32(value.channel)
        i32(value.segment)
        i32(value.campaign)
    }
}

struct SnapshotReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - position else { throw Malformed() }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func u64() throws -> UInt64 {
        var value: UInt64 = 0
        for (shift, byte) in try take(8).enumerated() { value |= UInt64(byte) << UInt64(shift * 8) }
        return value
    }
    mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
    mutating func i32() throws -> Int32 {
        var value: UInt32 = 0
        for (shift, byte) in try take(4).enumerated() { value |= UInt32(byte) << UInt32(shift * 8) }
        return Int32(bitPattern: value)
    }
    mutating func int() throws -> Int {
        let value = try i64()
        guard let int = Int(exactly: value) else { throw Malformed() }
        return int
    }
    /// A count of elements, each at least `minimumSize` bytes: a corrupt count
    /// fails here instead of reserving memory for it.
    mutating func count(minimumSize: Int) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - position) / max(1, minimumSize) else { throw Malformed() }
        return count
    }
    mutating func bool() throws -> Bool {
        switch try take(1).first! {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }
    mutating func double() throws -> Double { Double(bitPattern: try u64()) }
    mutating func optionalDouble() throws -> Double? { try bool() ? try double() : nil }
    mutating func string() throws -> String {
        let count = try count(minimumSize: 1)
        guard let text = String(validating: try take(count), as: UTF8.self) else { throw Malformed() }
        return text
    }
    mutating func raw() throws -> [UInt8] { Array(try take(try count(minimumSize: 1))) }
    mutating func floats() throws -> [Float] {
        let count = try count(minimumSize: 4)
        let slice = try take(count * 4)
        if 1.littleEndian == 1 {
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                slice.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                initialized = count
            }
        }
        return (0..<count).map { i in
            let at = slice.startIndex + i * 4
            return Float(bitPattern: UInt32(slice[at]) | UInt32(slice[at + 1]) << 8 | UInt32(slice[at + 2]) << 16 | UInt32(slice[at + 3]) << 24)
        }
    }
    mutating func money() throws -> Money {
        let low = try u64(), high = try i64()
        return Money(nanos: Int128(high) << 64 | Int128(low))
    }
    mutating func counters() throws -> KPICounters {
        KPICounters(impressions: try i64(), clicks: try i64(), conversions: try i64(), reach: try i64(),
                    participants: try i64(), spend: try money(), revenue: try money())
    }
    mutating func counterList() throws -> [KPICounters] {
        let count = try count(minimumSize: 72)
        var values: [KPICounters] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try counters()) }
        return values
    }
    mutating func leaf() throws -> LeafKey { LeafKey(channel: try i32(), segment: try i32(), campaign: try i32()) }
}
