import Foundation
import Testing
@testable import CampaignCore

/// A file that shrinks while it is read (issue 11, item 12): the reader keeps
/// what it read and stops at the new end, instead of dying of SIGBUS on a
/// memory-mapped page that no longer exists.
@Suite struct EventTruncatedFileTests {
    @Test(arguments: [1, 2, 3])
    func aFileTruncatedWhileTheParallelReaderReadsItEndsTheRead(threads: Int) throws {
        let line = #"{"ts":1775700000000,"type":"impression","channel":"douyin","count":3}"# + "\n"
        let total = 20_000
        let file = try EventChunkingTests.temporaryFile(Array(String(repeating: line, count: total).utf8))
        var reader = ParallelEventReader(threads: threads, windowSize: 16 << 10)
        var events = 0
        var truncated = false
        try reader.read(path: file.path) { records, _ in
            events += records.count
            if !truncated {
                truncated = true
                #expect(truncate(file.path, 0) == 0)
            }
        }
        // Only whole lines were read, none of them twice, and the read stopped early.
        #expect(reader.stats.rejected == 0)
        #expect(events == reader.stats.linesRead && events == reader.stats.eventsAccepted)
        #expect(events > 0 && events < total)
    }
}
