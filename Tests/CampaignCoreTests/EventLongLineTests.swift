import Foundation
import Testing
@testable import CampaignCore

/// Valid events are never refused for what their unknown keys hold (issue 11,
/// item 4): a megabyte of unknown text, or JSON nested far deeper than any
/// recursion could follow, is skipped like any other unknown value.
@Suite struct EventLongLineTests {
    typealias F = EventFixture

    /// `{"ts":0,"type":"click","blob":"xxx…"}` of exactly `length` bytes.
    static func lineWithBlob(length: Int) -> String {
        let prefix = #"{"ts":0,"type":"click","blob":""#
        return prefix + String(repeating: "x", count: length - prefix.utf8.count - 2) + #""}"#
    }

    @Test func aMegabyteLineWithABigUnknownKeyIsAnEvent() throws {
        let line = Self.lineWithBlob(length: 1 << 20)
        #expect(line.utf8.count == 1 << 20)
        #expect(F.record(line)?.type == .click)
        // Also when it arrives in pieces, and through the parallel reader.
        for chunkSize in [4096, 1 << 20] {
            var reader = EventStreamReader(chunkSize: chunkSize)
            var count = 0
            try reader.read(bytes: Array((line + "\n" + line + "\n").utf8), sourceName: "s") { records, _ in count += records.count }
            #expect(count == 2 && reader.stats.rejected == 0)
        }
        let file = try EventChunkingTests.temporaryFile(Array((line + "\n" + line).utf8))
        var parallel = ParallelEventReader(threads: 2, windowSize: 64 << 10)
        var count = 0
        try parallel.read(path: file.path) { records, _ in count += records.count }
        #expect(count == 2 && parallel.stats.rejected == 0 && parallel.stats.linesRead == 2)
    }

    /// Found by fuzz-event-line: a line over the limit that arrived in small
    /// pieces kept only the bytes seen up to the limit for its sample, so the
    /// excerpt people are shown depended on how the bytes were read.
    @Test func aTooLongLinesExcerptDoesNotDependOnHowItArrived() throws {
        let line = #"{"ts":"2026-03-02T00:0s":"2026-03-02T00:00:0:00+008:00"#
        var excerpts: [String] = []
        for chunkSize in [1, 2, 7, 1 << 20] {
            var reader = EventStreamReader(chunkSize: chunkSize, limits: EventLimits(maximumLineLength: 20))
            try reader.read(bytes: Array((line + "\n").utf8), sourceName: "s") { _, _ in }
            excerpts.append(try #require(reader.stats.samples.first).excerpt)
        }
        // The line is 54 bytes, under the excerpt's length: shown whole, every time.
        #expect(excerpts == Array(repeating: line, count: 4))
    }

    @Test func nestingTwoHundredDeepInAnUnknownKeyIsSkipped() {
        let deep = #"{"ts":0,"type":"click","x":"# + String(repeating: #"{"a":["#, count: 100) + "1"
            + String(repeating: "]}", count: 100) + "}"
        #expect(F.record(deep)?.type == .click)
    }

    @Test func nestingAMillionDeepNeedsNoRecursion() {
        let depth = 1_000_000
        let arrays = #"{"ts":0,"type":"click","x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(F.record(arrays)?.type == .click)
        // A bare array as deep is valid JSON, but not an event.
        #expect(F.rejection(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            == "not a JSON object: found an array")
        // Never closed: {"a": is 5 bytes, then a million '[', so the line ends after byte 1 000 005.
        #expect(F.rejection(#"{"a":"# + String(repeating: "[", count: depth))
            == "invalid JSON: unexpected end of line at byte 1000006")
        // A wrong closer deep inside: {"a": 5 bytes, 1000 '[' to byte 1005, '}' is byte 1006.
        #expect(F.rejection(#"{"a":"# + String(repeating: "[", count: 1000) + "}")
            == "invalid JSON: expected a value at byte 1006")
        // Objects need keys at every level: {"a": 5, { 6, then 1 at byte 7 is not a key.
        #expect(F.rejection(#"{"a":{1}}"#) == "invalid JSON: expected a string key at byte 7")
    }

    /// Issue 11 item 15: a line with no end (250 MB without a line break, or
    /// /dev/zero) is held only up to the limit, then as an excerpt.
    @Test func anEndlessLineIsNotHeldInMemory() throws {
        let limit = 1 << 20
        var reader = EventStreamReader(limits: EventLimits(maximumLineLength: limit))
        reader.begin(source: "s")
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
        var peak = 0
        for _ in 0..<64 { // 4 MiB, no line break
            try chunk.withUnsafeBufferPointer { try reader.feed($0) { _, _ in } }
            peak = max(peak, reader.retainedPartialLineBytes)
        }
        #expect(reader.partialLineLength == 4 << 20)
        // Within the limit the line is kept whole (an array may double its storage once).
        #expect(peak <= 2 * (limit + 1))
        #expect(reader.retainedPartialLineBytes <= 128, "only an excerpt once it is over the limit")
        try reader.finishSource { _, _ in }
        #expect(reader.stats.samples.map(\.formatted) == ["s:1: line too long: 4194304 bytes (limit 1048576)"])
        #expect(reader.stats.samples.first?.excerpt == String(repeating: "x", count: 80) + "…")
    }
}
