import Foundation
import Testing
@testable import CampaignCore

/// `tail -F` semantics, step by step with `poll`, and once through the polling loop.
@Suite struct EventFollowerTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("follow-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static func line(_ ts: Int) -> String { #"{"ts":\#(ts),"type":"click"}"# + "\n" }

    /// Appends `text` to `path`, creating it; `truncate` empties it first.
    static func append(_ text: String, to path: String, truncate: Bool = false) {
        let fd = open(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND), 0o644)
        precondition(fd >= 0)
        writeAll(text, to: fd)
        close(fd)
    }

    static func writeAll(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        precondition(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
    }

    /// Polls once and returns the timestamps delivered.
    static func poll(_ follower: inout EventFollower) throws -> [Int64] {
        var times: [Int64] = []
        try follower.poll { records, _ in times += records.map(\.timestamp) }
        return times
    }

    @Test func readsWhatExistsThenGrowthAndHoldsBackAHalfWrittenLine() throws {
        let folder = try Folder()
        let path = folder.path("events.jsonl")
        Self.append(Self.line(1) + Self.line(2), to: path)
        var follower = EventFollower(path: path, pollInterval: .milliseconds(10))
        defer { follower.close() }
        #expect(try Self.poll(&follower) == [1, 2])
        #expect(try Self.poll(&follower) == [])
        Self.append(Self.line(3) + #"{"ts":4,"ty"#, to: path)
        #expect(try Self.poll(&follower) == [3])
        Self.append(#"pe":"click"}"# + "\n", to: path)
        #expect(try Self.poll(&follower) == [4])
        #expect(follower.stats.linesRead == 4 && follower.stats.rejected == 0)
    }

    @Test func truncationStartsAgainFromTheTop() throws {
        let folder = try Folder()
        let path = folder.path("events.jsonl")
        Self.append(Self.line(1) + Self.line(2) + Self.line(3) + #"{"partial"#, to: path)
        var follower = EventFollower(path: path)
        defer { follower.close() }
        #expect(try Self.poll(&follower) == [1, 2, 3])
        // Copy-truncate rotation: the file is emptied and written again, shorter.
        Self.append(Self.line(10) + "not json\n", to: path, truncate: true)
        #expect(try Self.poll(&follower) == [10])
        // The held-back partial line was dropped, and line numbers restarted.
        #expect(follower.stats.samples.map(\.formatted) == ["\(path):2: invalid JSON: expected '{' at byte 1"])
        Self.append(Self.line(11), to: path)
        #expect(try Self.poll(&follower) == [11])
    }

    @Test func rotationFinishesTheOldFileThenReadsTheNewOne() throws {
        let folder = try Folder()
        let path = folder.path("events.jsonl")
        Self.append(Self.line(1), to: path)
        var follower = EventFollower(path: path)
        defer { follower.close() }
        #expect(try Self.poll(&follower) == [1])
        // The producer keeps writing to the old file after it is renamed away…
        let writer = open(path, O_WRONLY | O_APPEND)
        try FileManager.default.moveItem(atPath: path, toPath: folder.path("events.jsonl.1"))
        let late = Self.line(2) + #"{"ts":3,"type":"click"}"#  // the last line has no \n
        Self.writeAll(late, to: writer)
        close(writer)
        // …still read while nothing has replaced it…
        #expect(try Self.poll(&follower) == [2])
        // …and finished, unterminated last line included, once a new file takes the name.
        Self.append(Self.line(4) + Self.line(5), to: path)
        #expect(try Self.poll(&follower) == [3, 4, 5])
        Self.append(Self.line(6), to: path)
        #expect(try Self.poll(&follower) == [6])
        #expect(follower.stats.linesRead == 6 && follower.stats.rejected == 0)
    }

    @Test func survivesTheFileMissingForAWhile() throws {
        let folder = try Folder()
        let path = folder.path("later.jsonl")
        var follower = EventFollower(path: path)
        defer { follower.close() }
        #expect(try Self.poll(&follower) == [])
        #expect(try Self.poll(&follower) == [])
        Self.append(Self.line(1), to: path)
        #expect(try Self.poll(&follower) == [1])
        // Deleted, then created again: a new file from byte 0.
        try FileManager.default.removeItem(atPath: path)
        #expect(try Self.poll(&follower) == [])
        Self.append(Self.line(2) + Self.line(3), to: path)
        #expect(try Self.poll(&follower) == [2, 3])
    }

    @Test func theLoopFollowsUntilStopped() throws {
        let folder = try Folder()
        let path = folder.path("live.jsonl")
        Self.append(Self.line(0), to: path)

        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var times: [Int64] = []
            var error: (any Error)?
            func add(_ more: [Int64]) { lock.withLock { times += more } }
            var snapshot: [Int64] { lock.withLock { times } }
        }
        let seen = Seen()
        let stop = FollowStop()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            var follower = EventFollower(path: path, pollInterval: .milliseconds(5))
            do {
                try follower.run(until: stop) { records, _ in seen.add(records.map(\.timestamp)) }
            } catch {
                seen.lock.withLock { seen.error = error }
            }
            finished.signal()
        }
        thread.start()

        func waitFor(_ expected: [Int64]) -> Bool {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                if seen.snapshot == expected { return true }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return false
        }
        #expect(waitFor([0]))
        Self.append(Self.line(1) + Self.line(2), to: path)
        #expect(waitFor([0, 1, 2]))
        try FileManager.default.moveItem(atPath: path, toPath: folder.path("live.jsonl.1"))
        Self.append(Self.line(3), to: path)
        #expect(waitFor([0, 1, 2, 3]))
        stop.request()
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(seen.error == nil)
    }
}
