#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a byte stream that arrives in chunks of any size into lines: on `\n`,
/// dropping one trailing `\r`. Lines inside a chunk are handed out in place (no
/// copy); only a line that spans chunks is copied, up to the line limit. Once a
/// line is longer than the limit only an excerpt of its start is kept while its
/// full length is still counted, so a line of a gigabyte (or /dev/zero, endless)
/// costs at most the limit in memory, for a moment, and is reported with its real
/// length. Time is linear: every byte is looked at once.
struct LineAssembler: Sendable {
    /// The start of the line that spans chunks: the whole line while it is within
    /// the limit, an excerpt once it is over.
    private var carry: [UInt8] = []
    /// The full length of that line so far.
    private var carryLength = 0
    /// Its last byte, to drop a `\r` even when it was not kept.
    private var carryLast: UInt8 = 0
    private let limit: Int
    /// What is kept of an over-long line: enough for its sample's excerpt.
    private static let excerptBytes = RejectedLineSample.excerptLimit + 4

    init(maximumLineLength: Int = EventLineParser.defaultMaximumLineLength) {
        precondition(maximumLineLength >= 1)
        limit = maximumLineLength
    }

    /// Whether a line has started but not ended.
    var hasPartialLine: Bool { carryLength > 0 }

    /// The full length in bytes of the line begun but not ended (0 if none).
    var partialLineLength: Int { carryLength }

    /// Bytes held for the partial line (at most the limit, or an excerpt).
    var retainedBytes: Int { carry.capacity }

    /// Forgets any partial line (after truncation of a followed file).
    mutating func reset() {
        if carry.capacity > Self.excerptBytes {
            carry = [] // a long line's storage is not kept for the next one
        } else {
            carry.removeAll(keepingCapacity: true)
        }
        carryLength = 0
    }

    /// Emits every line completed by `chunk` as (bytes, full length).
    @inline(__always)
    mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let end = base + chunk.count
        var start = base
        while start < end {
            guard let found = memchr(start, 0x0A, end - start) else {
                append(UnsafeBufferPointer(start: start, count: end - start))
                return
            }
            let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if carryLength > 0 {
                append(UnsafeBufferPointer(start: start, count: newline - start))
                emitCarry(emit)
            } else {
                var length = newline - start
                if length > 0 && start[length - 1] == 0x0D { length -= 1 }
                emit(UnsafeBufferPointer(start: start, count: length), length)
            }
            start = newline + 1
        }
    }

    /// Emits the last line if the stream did not end with `\n`.
    mutating func finish(_ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if carryLength > 0 { emitCarry(emit) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        // One byte more than the limit is still kept: it may be a `\r` to drop.
        let wasOver = carryLength > limit + 1
        carryLength += bytes.count
        carryLast = bytes[bytes.count - 1]
        if carryLength <= limit + 1 {
            carry.append(contentsOf: bytes)
            return
        }
        if !wasOver {
            // Over the limit from here on: it will be rejected, so keep its start only.
            var excerpt = [UInt8]()
            excerpt.reserveCapacity(Self.excerptBytes)
            excerpt.append(contentsOf: carry.prefix(Self.excerptBytes))
            carry = excerpt
        }
        // The excerpt fills up to its length whatever the pieces the line came
        // in (a limit below the excerpt's length met it with only the bytes up
        // to the limit), so a sample reads the same however the input was read.
        if carry.count < Self.excerptBytes {
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(Self.excerptBytes - carry.count)))
        }
    }

    private mutating func emitCarry(_ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var length = carryLength
        if length > 0 && carryLast == 0x0D { length -= 1 }
        carry.withUnsafeBufferPointer { kept in
            emit(UnsafeBufferPointer(rebasing: kept.prefix(length)), length)
        }
        reset()
    }
}
