import CampaignCore
import FuzzSupport

/// The event stream's parser on arbitrary bytes: no input may trap, and a
/// stream read in chunks of any size gives exactly what one read gives
/// (lines split across chunk boundaries are where parsers go wrong).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    let chunkSize = 1 + Int(input.byte() % 64)
    let stream = input.rest()

    // One line, as the parser sees it after the reader split it off.
    var parser = EventLineParser()
    stream.withUnsafeBufferPointer { _ = parser.parse($0) }

    let whole = readAll(stream, chunkSize: EventStreamReader.defaultChunkSize)
    let chunked = readAll(stream, chunkSize: chunkSize)
    fuzzCheck(whole.stats == chunked.stats, "stats differ with chunks of \(chunkSize): \(whole.stats) vs \(chunked.stats)")
    fuzzCheck(whole.records == chunked.records, "records differ with chunks of \(chunkSize)")
    fuzzCheck(whole.stats.eventsAccepted == whole.records.count, "accepted count \(whole.stats.eventsAccepted) but \(whole.records.count) records")
    fuzzCheck(whole.stats.linesRead == whole.stats.eventsAccepted + whole.stats.skipped + whole.stats.rejected,
              "lines read \(whole.stats.linesRead) are not accepted + skipped + rejected")
    return 0
}

private func readAll(_ bytes: [UInt8], chunkSize: Int) -> (stats: IngestStats, records: [EventRecord]) {
    var reader = EventStreamReader(chunkSize: chunkSize)
    var records: [EventRecord] = []
    do {
        try reader.read(bytes: bytes, sourceName: "fuzz") { batch, _ in records += batch }
    } catch {
        fatalError("reading from memory cannot fail, but threw \(error)")
    }
    return (reader.stats, records)
}
