import CampaignCore
import Foundation
import FuzzSupport

/// The event stream's readers on arbitrary bytes: no input may trap; a stream
/// read in chunks of any size gives exactly what one read gives (lines split
/// across chunk boundaries are where parsers go wrong); and the parallel
/// reader — windows read with `pread`, parts parsed on two threads, lines
/// longer than a window streamed, parts parsed again when the stream-order
/// bounds (distinct names, time jumps) may decide otherwise — gives exactly
/// what the serial reader gives. The bounds are set tight here so those
/// paths are taken often.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    let chunkSize = 1 + Int(input.byte() % 64)
    let windowSize = 8 + Int(input.byte() % 96)
    let limits = EventLimits(maxScopes: 1 + Int(input.byte() % 8), maxTimeJump: Int64(input.byte()) * 60_000,
                             maximumLineLength: 16 + Int(input.byte()) * 4)
    let stream = input.rest()

    // One line, as the parser sees it after a reader split it off.
    var parser = EventLineParser(limits: limits)
    stream.withUnsafeBufferPointer { _ = parser.parse($0) }

    let whole = readAll(stream, chunkSize: EventStreamReader.defaultChunkSize, limits: limits)
    let chunked = readAll(stream, chunkSize: chunkSize, limits: limits)
    fuzzCheck(whole.stats == chunked.stats, "stats differ with chunks of \(chunkSize): \(whole.stats) vs \(chunked.stats)")
    fuzzCheck(whole.records == chunked.records, "records differ with chunks of \(chunkSize)")
    fuzzCheck(whole.stats.eventsAccepted == whole.records.count, "accepted count \(whole.stats.eventsAccepted) but \(whole.records.count) records")
    fuzzCheck(whole.stats.linesRead == whole.stats.eventsAccepted + whole.stats.skipped + whole.stats.rejected,
              "lines read \(whole.stats.linesRead) are not accepted + skipped + rejected")

    let file = streamFile
    guard FileManager.default.createFile(atPath: file, contents: Data(stream)) else { fatalError("cannot write \(file)") }
    var serial = EventStreamReader(limits: limits)
    var serialRecords: [EventRecord] = []
    var serialNames: [String] = []
    var parallel = ParallelEventReader(threads: 2, windowSize: windowSize, limits: limits)
    var parallelRecords: [EventRecord] = []
    var parallelNames: [String] = []
    do {
        try serial.read(path: file) { batch, symbols in
            serialRecords += batch
            serialNames = symbols.channels.names
        }
        try parallel.read(path: file) { batch, symbols in
            parallelRecords += batch
            parallelNames = symbols.channels.names
        }
    } catch {
        fatalError("reading a file just written failed: \(error)")
    }
    fuzzCheck(serial.stats.linesRead == whole.stats.linesRead && serial.stats.rejectedByKind == whole.stats.rejectedByKind,
              "the file read gives other counts than the bytes")
    fuzzCheck(parallel.stats == serial.stats,
              "parallel (windows of \(windowSize)) \(parallel.stats) but serial \(serial.stats)")
    fuzzCheck(parallelRecords == serialRecords, "parallel records differ (windows of \(windowSize))")
    fuzzCheck(parallelNames == serialNames, "parallel channel names \(parallelNames) but serial \(serialNames)")
    return 0
}

private let streamFile = NSTemporaryDirectory() + "/fuzz-event-line-\(getpid()).jsonl"

private func readAll(_ bytes: [UInt8], chunkSize: Int, limits: EventLimits) -> (stats: IngestStats, records: [EventRecord]) {
    var reader = EventStreamReader(chunkSize: chunkSize, limits: limits)
    var records: [EventRecord] = []
    do {
        try reader.read(bytes: bytes, sourceName: "fuzz") { batch, _ in records += batch }
    } catch {
        fatalError("reading from memory cannot fail, but threw \(error)")
    }
    return (reader.stats, records)
}
