#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Removes the temporary files an earlier save of the same file left behind
/// when it was killed (`kill -9`, a power cut) between creating and renaming.
///
/// Only our own leftovers go: the exact names `AtomicFile` makes for this file
/// (`.NAME.tmp-PID-RANDOM`, `.NAME.new-PID-RANDOM` and the latter's own
/// temporaries), regular files only, older than the save in hand, and written
/// by a process that no longer runs — so a save running right now in another
/// process keeps its file. A leftover older than an hour goes even if its
/// process id has been reused since: no save takes that long.
enum StaleTemporaries {
    static let surelyDeadAfter: TimeInterval = 3_600
    static let clockSlack: TimeInterval = 2

    static func remove(beside path: String, olderThan saveStart: Date) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for entry in entries {
            guard let writer = writerProcess(ofTemporary: entry, for: name) else { continue }
            let full = (folder.isEmpty ? "." : folder) + "/" + entry
            var info = stat()
            guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
            // The kernel stamps files from a coarse clock that can lag ours a
            // little: only a file clearly older than this save counts.
            guard modified < saveStart.addingTimeInterval(-clockSlack) else { continue }
            let writerGone = writer != getpid() && kill(writer, 0) != 0 && errno == ESRCH
            if writerGone || saveStart.timeIntervalSince(modified) > surelyDeadAfter {
                unlink(full)
            }
        }
    }

    /// The process id in `entry` when it is one of our temporary names for
    /// `name`; nil for anything else.
    static func writerProcess(ofTemporary entry: String, for name: String) -> pid_t? {
        for kind in [".tmp-", ".new-"] {
            let prefix = "." + name + kind
            guard entry.hasPrefix(prefix) else { continue }
            return pidAndRandom(entry.dropFirst(prefix.count))
        }
        // The staging file of `AtomicFile.create` is itself written through a temporary.
        let stagingPrefix = ".." + name + ".new-"
        guard entry.hasPrefix(stagingPrefix) else { return nil }
        let rest = entry.dropFirst(stagingPrefix.count)
        guard let marker = rest.range(of: ".tmp-"), pidAndRandom(rest[..<marker.lowerBound]) != nil else { return nil }
        return pidAndRandom(rest[marker.upperBound...])
    }

    /// `PID-RANDOM`, both decimal, as `AtomicFile` writes them.
    private static func pidAndRandom(_ text: Substring) -> pid_t? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }
}
