#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a byte stream that arrives in chunks of any size into lines: on `\n`,
/// dropping one trailing `\r`. Lines inside a chunk are handed out in place (no
/// copy); only a line that spans chunks is copied, and of a line longer than the
/// line limit only the start is kept while its full length is still counted, so a
/// 1 GB line costs 64 KiB of memory and is reported with its real length.
struct LineAssembler: Sendable {
    /// The start of the line that spans chunks (at most limit + 1 bytes).
    private var carry: [UInt8] = []
    /// The full length of that line so far.
    private var carryLength = 0
    /// Its last byte, to drop a `\r` even when it was not kept.
    private var carryLast: UInt8 = 0
    private let keep = EventLineParser.maximumLineLength + 1

    /// Whether a line has started but not ended.
    var hasPartialLine: Bool { carryLength > 0 }

    /// Forgets any partial line (after truncation of a followed file).
    mutating func reset() {
        carry.removeAll(keepingCapacity: true)
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
        let room = keep - carry.count
        if room > 0 { carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(room))) }
        carryLength += bytes.count
        carryLast = bytes[bytes.count - 1]
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
