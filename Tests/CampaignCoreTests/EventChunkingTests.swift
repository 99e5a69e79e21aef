import Foundation
import Testing
@testable import CampaignCore

/// Splitting input differently must never change the result: chunk sizes for the
/// serial reader, threads and windows for the parallel one.
@Suite struct EventChunkingTests {
    static let corpus = EventCorpusTests.corpus

    static func temporaryFile(_ bytes: [UInt8], name: String = "events.jsonl") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func readFile(_ path: String, chunkSize: Int) throws -> Collected {
        var reader = EventStreamReader(chunkSize: chunkSize)
        var collected = Collected()
        try reader.read(path: path) { records, _ in collected.records += records }
        collected.stats = reader.stats
        collected.symbols = reader.symbols
        return collected
    }

    static func readParallel(_ path: String, threads: Int, windowSize: Int) throws -> Collected {
        var reader = ParallelEventReader(threads: threads, windowSize: windowSize)
        var collected = Collected()
        try reader.read(path: path) { records, symbols in
            collected.records += records
            // Ids handed out must already be known to the symbols given with them.
            #expect(records.allSatisfy { Int($0.channel) < symbols.channels.count })
        }
        collected.stats = reader.stats
        collected.symbols = reader.symbols
        return collected
    }

    @Test(arguments: [1, 7, 4096])
    func tinyChunksGiveIdenticalResults(chunkSize: Int) throws {
        var reference = try EventCorpusTests.readSerially(Self.corpus.bytes, chunkSize: EventStreamReader.defaultChunkSize)
        var result = try EventCorpusTests.readSerially(Self.corpus.bytes, chunkSize: chunkSize)
        #expect(result.batches > reference.batches)
        reference.batches = 0
        result.batches = 0
        #expect(result == reference)
    }

    @Test(arguments: [7, 4096, EventStreamReader.defaultChunkSize])
    func fileReadsMatchMemoryReads(chunkSize: Int) throws {
        let url = try Self.temporaryFile(Self.corpus.bytes, name: "corpus.jsonl")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var expected = try EventCorpusTests.readSerially(Self.corpus.bytes, chunkSize: chunkSize)
        expected.batches = 0
        var result = try Self.readFile(url.path, chunkSize: chunkSize)
        // Samples are named by the path they came from.
        for index in result.stats.samples.indices { result.stats.samples[index].source = "corpus.jsonl" }
        #expect(result == expected)
    }

    @Test(arguments: [(2, 64 << 10), (2, ParallelEventReader.defaultWindowSize), (3, 100_000), (1, 4096), (4, 1)])
    func parallelParseEqualsSerialParse(threads: Int, windowSize: Int) throws {
        let url = try Self.temporaryFile(Self.corpus.bytes)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let serial = try Self.readFile(url.path, chunkSize: EventStreamReader.defaultChunkSize)
        let parallel = try Self.readParallel(url.path, threads: threads, windowSize: windowSize)
        #expect(parallel.records == serial.records)
        #expect(parallel.symbols == serial.symbols)
        #expect(parallel.stats == serial.stats)
        #expect(parallel.stats.samples.map(\.line) == Self.corpus.expectedRejections.map(\.line))
    }

    @Test func parallelIdsFollowFirstSightingAcrossThreads() throws {
        // Names first seen late in the file (in the second thread's part) still get the
        // ids a serial read gives them.
        var text = ""
        for n in 0..<2_000 { text += #"{"ts":0,"type":"click","channel":"c\#(n % 3)","segment":"s\#(n / 500)"}"# + "\n" }
        let url = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let parallel = try Self.readParallel(url.path, threads: 2, windowSize: 1 << 20)
        #expect(parallel.symbols.segments.names == ["s0", "s1", "s2", "s3"])
        #expect(parallel.records.map(\.segment) == (0..<2_000).map { Int32($0 / 500) })
        #expect(parallel.records == (try Self.readFile(url.path, chunkSize: 4096)).records)
    }

    @Test func lineEndingsAndTheLastLine() throws {
        let text = "{\"ts\":1,\"type\":\"click\"}\r\n{\"ts\":2,\"type\":\"click\"}\n\r\n{\"ts\":3,\"type\":\"click\"}"
        for chunkSize in [1, 2, 3, 1024] {
            var reader = EventStreamReader(chunkSize: chunkSize)
            var times: [Int64] = []
            try reader.read(bytes: Array(text.utf8), sourceName: "s") { records, _ in times += records.map(\.timestamp) }
            #expect(times == [1, 2, 3])
            // Line 3 is "\r\n": empty once the \r is dropped.
            #expect(reader.stats.samples.map(\.formatted) == ["s:3: empty line"])
            #expect(reader.stats.linesRead == 4)
        }
        // A file ending in "\n" has no extra empty line.
        var reader = EventStreamReader()
        try reader.read(bytes: Array("{\"ts\":1,\"type\":\"click\"}\n".utf8), sourceName: "s") { _, _ in }
        #expect(reader.stats.linesRead == 1 && reader.stats.rejected == 0)
    }

    @Test func anOverlongLineAcrossChunksKeepsItsLength() throws {
        // 200 000 bytes of x, then a good line: the long line is reported with its full
        // length whatever the chunk size, and the next line is not lost.
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 200_000) + Array("\r\n{\"ts\":1,\"type\":\"click\"}\n".utf8)
        for chunkSize in [1, 4096, 65_536, 1 << 20] {
            var reader = EventStreamReader(chunkSize: chunkSize, limits: EventLimits(maximumLineLength: 65_536))
            var count = 0
            try reader.read(bytes: bytes, sourceName: "s") { records, _ in count += records.count }
            #expect(count == 1)
            #expect(reader.stats.samples.map(\.formatted) == ["s:1: line too long: 200000 bytes (limit 65536)"])
        }
    }

    @Test func severalSourcesInOrderWithTheirOwnLineNumbers() throws {
        let first = try Self.temporaryFile(Array("{\"ts\":1,\"type\":\"click\",\"channel\":\"a\"}\nbad\n".utf8), name: "one.jsonl")
        let second = try Self.temporaryFile(Array("bad\n{\"ts\":2,\"type\":\"click\",\"channel\":\"b\"}\n".utf8), name: "two.jsonl")
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        var reader = EventStreamReader()
        var records: [EventRecord] = []
        try reader.read(sources: [first.path, second.path]) { batch, _ in records += batch }
        #expect(records.map(\.timestamp) == [1, 2])
        #expect(reader.symbols.channels.names == ["a", "b"])
        #expect(reader.stats.samples.map(\.formatted) == [
            "\(first.path):2: invalid JSON: expected '{' at byte 1",
            "\(second.path):1: invalid JSON: expected '{' at byte 1",
        ])
        var parallel = ParallelEventReader(threads: 2)
        try parallel.read(sources: [first.path, second.path]) { _, _ in }
        #expect(parallel.stats == reader.stats)
    }

    @Test func aMissingSourceThrowsAndKeepsWhatWasRead() throws {
        let good = try Self.temporaryFile(Array("{\"ts\":1,\"type\":\"click\"}\n".utf8))
        defer { try? FileManager.default.removeItem(at: good.deletingLastPathComponent()) }
        var reader = EventStreamReader()
        #expect(throws: EventInputError.self) {
            try reader.read(sources: [good.path, "/nonexistent/events.jsonl"]) { _, _ in }
        }
        #expect(reader.stats.eventsAccepted == 1)
    }

    @Test func standardInputIsReadForDash() throws {
        // Redirect fd 0 from a file for the duration of the read.
        let url = try Self.temporaryFile(Array("{\"ts\":7,\"type\":\"reach\"}\n".utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let saved = dup(0)
        let fd = open(url.path, O_RDONLY)
        dup2(fd, 0)
        close(fd)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        var reader = EventStreamReader()
        var times: [Int64] = []
        try reader.read(sources: ["-"]) { records, _ in times += records.map(\.timestamp) }
        #expect(times == [7])
    }

    @Test func emptyInput() throws {
        let url = try Self.temporaryFile([])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(try Self.readFile(url.path, chunkSize: 7).stats == IngestStats())
        #expect(try Self.readParallel(url.path, threads: 2, windowSize: 10).stats == IngestStats())
    }
}
