/// Splits CSV bytes (RFC 4180) into records as the bytes arrive, chunk by
/// chunk, so a 10 M-row file never has to sit in memory as one String.
///
/// Handles quoted fields with embedded commas, doubled quotes and line breaks,
/// CRLF (and a lone CR) line ends, and a UTF-8 byte order mark. Works on raw
/// bytes: the only values that become Strings later are customer ids.
///
/// A stray quote must not swallow the rest of the file, so a quoted field
/// runs over line ends only so far: once an open quote has run
/// `maximumQuotedSpan` bytes past a line end without closing, the scanner
/// stops there and hands out what it has as an `.unterminated` record that
/// spans lines. Whoever reads records then decides (`resynchronize`) whether
/// a record that spans lines stands, or only its first line is rejected and
/// scanning starts again on the next line.
///
/// Usage: `append` (or `fill`) bytes, then call `nextRecord(atEnd:)` until it
/// returns nil; a record cut off by the end of a chunk stays buffered until
/// more bytes come. A record's fields point into the scanner's memory and
/// are valid only until the next call.
final class CSVRecordScanner {
    /// One field: a span of the input buffer, or of `unescaped` when the field
    /// had doubled quotes that had to be collapsed.
    struct FieldSpan {
        var offset: Int
        var count: Int
        var isUnescaped: Bool
    }

    /// What is wrong with a record's quoting; the record is still delimited.
    enum QuoteProblem: Sendable, Equatable {
        /// Characters between a closing quote and the next comma or line end.
        case textAfterClosingQuote
        /// A quote opened and the file ended before it closed.
        case unterminated
    }

    /// How far (bytes from the record's start) an open quote may run once it
    /// has crossed a line end. Generous for a real multi-line field, and it
    /// bounds the memory and the rescanning one stray quote can cost.
    static let maximumQuotedSpan = 1 << 20
    let maximumQuotedSpan: Int

    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// First byte not yet handed out as part of a record.
    private var start = 0
    /// One past the last byte received.
    private var end = 0
    private var sawFileStart = false
    /// Physical line (1-based) where the next record starts.
    private(set) var line = 1
    /// Bytes handed out as records so far (for progress and MB/s).
    private(set) var bytesConsumed = 0

    /// The current record's fields (raw storage: no exclusivity checks or
    /// uniqueness tests per field on the hot path).
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 16
    private var spanCount = 0
    /// Fields with doubled quotes, collapsed; reset per record.
    private var unescaped: UnsafeMutablePointer<UInt8>
    private var unescapedCapacity = 256
    private var unescapedCount = 0

    /// `atFileStart: false` for a scanner that starts in the middle of a file
    /// (the second half read on another thread): a byte order mark can only
    /// come first in the file, and line numbers count from the scanner's start.
    init(initialCapacity: Int = 1 << 22, atFileStart: Bool = true, maximumQuotedSpan: Int = CSVRecordScanner.maximumQuotedSpan) {
        self.maximumQuotedSpan = maximumQuotedSpan
        sawFileStart = !atFileStart
        capacity = max(initialCapacity, 64)
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        unescaped = UnsafeMutablePointer<UInt8>.allocate(capacity: unescapedCapacity)
        spans = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity)
    }

    deinit {
        buffer.deallocate()
        unescaped.deallocate()
        spans.deallocate()
    }

    // MARK: - Feeding bytes

    /// Copies `bytes` in after whatever is still buffered.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (buffer + end).copyMemory(from: source, byteCount: bytes.count)
        end += bytes.count
    }

    /// Lets `read` write up to `maximum` bytes straight into the buffer (no
    /// extra copy for file reads); `read` returns how many it wrote.
    func fill(maximum: Int, _ read: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows -> Int {
        reserve(maximum)
        let written = try read(UnsafeMutableRawBufferPointer(start: buffer + end, count: maximum))
        end += max(0, written)
        return written
    }

    /// Bytes received but not yet handed out as a record: after the last
    /// chunk of a stretch, a record cut off at its end.
    var pendingByteCount: Int { end - start }

    /// Makes room for `incoming` more bytes, moving the unfinished record to the front.
    private func reserve(_ incoming: Int) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { buffer.copyMemory(from: buffer + start, byteCount: pending) }
            end = pending
            start = 0
        }
        guard end + incoming > capacity else { return }
        // A record longer than a chunk (a huge quoted field): grow rather than fail.
        let grown = max(capacity * 2, end + incoming)
        let replacement = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        replacement.copyMemory(from: buffer, byteCount: end)
        buffer.deallocate()
        buffer = replacement
        capacity = grown
    }

    // MARK: - Records

    /// A delimited record; valid until the next call to `nextRecord`.
    struct Record {
        /// Physical line (1-based) where the record starts.
        let line: Int
        /// The record's bytes without the line end (for exact-duplicate checks).
        let raw: UnsafeRawBufferPointer
        let fieldCount: Int
        let quoteProblem: QuoteProblem?
        /// Line breaks inside its quoted fields: > 0 when the record spans lines.
        let innerLineBreaks: Int
        /// The scanner's memory, as plain pointers: a reference to the scanner
        /// itself would cost a retain and a release per row.
        fileprivate let spans: UnsafePointer<FieldSpan>
        fileprivate let input: UnsafeRawPointer
        fileprivate let unescaped: UnsafeRawPointer

        func field(_ index: Int) -> UnsafeRawBufferPointer {
            let span = spans[index]
            return UnsafeRawBufferPointer(start: (span.isUnescaped ? unescaped : input) + span.offset, count: span.count)
        }

        /// Whether field `index` points into the scanner's input, which stays
        /// put until more bytes are fed; otherwise (doubled quotes collapsed)
        /// it is overwritten by the next record.
        func fieldOutlivesRecord(_ index: Int) -> Bool { !spans[index].isUnescaped }

        /// A line with nothing on it (not even a comma) carries no data.
        var isBlank: Bool { raw.count == 0 && fieldCount == 1 }

        var spansLines: Bool { innerLineBreaks > 0 }
    }

    /// Where the last record handed out started, to go back to it.
    private var lastRecordStart = 0
    private var lastRecordLine = 1
    private var lastRecordBytesConsumed = 0

    /// Takes back the last record, which spans lines, and goes on from the
    /// line after its first: the caller rejects that first line (its quote
    /// does not close into a valid record) and the lines after it are read
    /// again as records of their own. Call before asking for the next record.
    func resynchronize() {
        let b = buffer.assumingMemoryBound(to: UInt8.self)
        var p = lastRecordStart
        while p < end, b[p] != UInt8(ascii: "\n"), b[p] != UInt8(ascii: "\r") { p += 1 }
        if p < end {
            p += b[p] == UInt8(ascii: "\r") && p + 1 < end && b[p + 1] == UInt8(ascii: "\n") ? 2 : 1
        }
        bytesConsumed = lastRecordBytesConsumed + (p - lastRecordStart)
        line = lastRecordLine + 1
        start = p
    }

    /// The next complete record, or nil when the buffered bytes end inside one
    /// (pass `atEnd: true` after the last chunk to get that final record).
    func nextRecord(atEnd: Bool) -> Record? {
        skipByteOrderMark(atEnd: atEnd)
        guard start < end, let (next, contentEnd, lineBreaks, problem) = delimitRecord(atEnd: atEnd) else { return nil }
        let innerLineBreaks = lineBreaks - (next > contentEnd ? 1 : 0)
        let record = Record(line: line, raw: UnsafeRawBufferPointer(start: buffer + start, count: contentEnd - start),
                            fieldCount: spanCount, quoteProblem: problem, innerLineBreaks: innerLineBreaks,
                            spans: spans, input: buffer, unescaped: unescaped)
        lastRecordStart = start
        lastRecordLine = line
        lastRecordBytesConsumed = bytesConsumed
        bytesConsumed += next - start
        line += lineBreaks
        start = next
        return record
    }

    private func skipByteOrderMark(atEnd: Bool) {
        guard !sawFileStart else { return }
        guard end - start >= 3 || atEnd else { return }
        sawFileStart = true
        let b = buffer.assumingMemoryBound(to: UInt8.self)
        if end - start >= 3, b[start] == 0xEF, b[start + 1] == 0xBB, b[start + 2] == 0xBF {
            start += 3
            bytesConsumed += 3
        }
    }

    /// Finds the fields of the record at `start`. Returns the offset after its
    /// line end, where its content ends, how many line breaks it spans, and any
    /// quoting problem; nil when more bytes are needed.
    private func delimitRecord(atEnd: Bool) -> (Int, Int, Int, QuoteProblem?)? {
        let b = UnsafePointer(buffer.assumingMemoryBound(to: UInt8.self))
        let end = self.end
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        spanCount = 0
        unescapedCount = 0
        var p = start
        var lineBreaks = 0
        var problem: QuoteProblem?
        while true {
            if p < end, b[p] == quote {
                // Quoted field: runs to the next quote not followed by another.
                var q = p + 1
                var hasDoubledQuotes = false
                var closed = false
                var cutShort = false
                // Past this, an open quote that has crossed a line end is given up on.
                let limit = start + maximumQuotedSpan
                while q < end {
                    let c = b[q]
                    if c == quote {
                        if q + 1 < end {
                            if b[q + 1] == quote { hasDoubledQuotes = true; q += 2; continue }
                            closed = true
                            break
                        }
                        if !atEnd { return nil }
                        closed = true
                        break
                    }
                    if c == lf || (c == cr && (q + 1 >= end || b[q + 1] != lf)) { lineBreaks += 1 }
                    q += 1
                    if q >= limit && lineBreaks > 0 { cutShort = true; break }
                }
                if !closed {
                    if !atEnd && !cutShort { return nil }
                    problem = .unterminated
                }
                if cutShort {
                    // Hand out what there is; the reader takes back all but the first line.
                    appendSpan(FieldSpan(offset: p + 1, count: q - p - 1, isUnescaped: false))
                    return (q, q, lineBreaks, problem)
                }
                appendSpan(from: b, p + 1, q, collapsingQuotes: hasDoubledQuotes)
                p = closed ? q + 1 : q
                if p < end, b[p] != comma, b[p] != lf, b[p] != cr {
                    // `"ab"cd,`: not CSV; skip to the delimiter and let the reader reject the row.
                    problem = problem ?? .textAfterClosingQuote
                    while p < end, b[p] != comma, b[p] != lf, b[p] != cr { p += 1 }
                }
            } else {
                var q = p
                while q < end {
                    let c = b[q]
                    if c == comma || c == lf || c == cr { break }
                    q += 1
                }
                appendSpan(FieldSpan(offset: p, count: q - p, isUnescaped: false))
                p = q
            }
            if p >= end {
                if !atEnd { return nil }
                return (p, p, lineBreaks, problem)
            }
            let c = b[p]
            if c == comma { p += 1; continue }
            if c == lf { return (p + 1, p, lineBreaks + 1, problem) }
            // CR: either CRLF, or a lone CR (old Mac files); both end the line.
            if p + 1 < end { return (b[p + 1] == lf ? p + 2 : p + 1, p, lineBreaks + 1, problem) }
            if !atEnd { return nil }
            return (p + 1, p, lineBreaks + 1, problem)
        }
    }

    private func appendSpan(from b: UnsafePointer<UInt8>, _ lower: Int, _ upper: Int, collapsingQuotes: Bool) {
        guard collapsingQuotes else {
            appendSpan(FieldSpan(offset: lower, count: upper - lower, isUnescaped: false))
            return
        }
        if unescapedCount + (upper - lower) > unescapedCapacity {
            let grown = max(unescapedCapacity * 2, unescapedCount + (upper - lower))
            let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            replacement.update(from: unescaped, count: unescapedCount)
            unescaped.deallocate()
            unescaped = replacement
            unescapedCapacity = grown
        }
        let offset = unescapedCount
        var i = lower
        while i < upper {
            unescaped[unescapedCount] = b[i]
            unescapedCount += 1
            i += b[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        appendSpan(FieldSpan(offset: offset, count: unescapedCount - offset, isUnescaped: true))
    }

    @inline(__always)
    private func appendSpan(_ span: FieldSpan) {
        if spanCount == spanCapacity {
            let replacement = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
            replacement.moveInitialize(from: spans, count: spanCount)
            spans.deallocate()
            spans = replacement
            spanCapacity *= 2
        }
        spans[spanCount] = span
        spanCount += 1
    }
}
