/// Takes a libFuzzer input apart into the choices a fuzz target makes, so one
/// byte string drives a whole scenario (which edit, which task, how far).
/// Running out of bytes gives zeros: every input is a valid scenario.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isEmpty: Bool { position >= bytes.count }

    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in 0..<bound (bound > 0).
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0)
        let wide = Int(byte()) << 8 | Int(byte())
        return wide % bound
    }

    /// A small signed number in -range...range.
    public mutating func signed(within range: Int) -> Int {
        index(below: 2 * range + 1) - range
    }

    /// A string of up to `maximum` bytes, decoded leniently (invalid UTF-8
    /// becomes U+FFFD, as text from a terminal or a file would after decoding).
    public mutating func text(maximum: Int) -> String {
        let length = index(below: maximum + 1)
        let end = min(bytes.count, position + length)
        defer { position = end }
        return String(decoding: bytes[min(position, end)..<end], as: UTF8.self)
    }

    /// Everything not taken yet.
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }
}

/// Stops the run with a message libFuzzer records with the crashing input.
/// (`precondition` would do the same but is compiled out in release fuzz builds.)
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(message())") }
}
