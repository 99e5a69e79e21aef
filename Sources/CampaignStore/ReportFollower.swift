import CampaignCore
import Foundation

/// Follows ad platforms' report files (`watch --source ID --follow FILE…`).
///
/// A platform's export is not appended to: each refresh rewrites it whole, in
/// place or as a new file renamed over the old name. So following one means
/// reading it again whenever it changed, not tailing it (`ingestReport`
/// replaces the hours it names, so a re-read never doubles anything).
///
/// A change is seen by polling `stat` (identity, size, modification and
/// change times to the nanosecond). A changed file is read only once it has
/// looked the same for `settleSeconds`: an exporter still writing it would
/// otherwise be read cut off mid-row, its last hours stored short and judged
/// so until the next read. A file that disappears (deleted before its new
/// version is written) is waited for; its next version is read when it comes.
public struct ReportFollower {
    public var pollSeconds: Double
    public var settleSeconds: Double

    public init(pollSeconds: Double = 0.5, settleSeconds: Double = 1) {
        self.pollSeconds = pollSeconds
        self.settleSeconds = settleSeconds
    }

    /// What `stat` says of a path; any difference means it was written or replaced.
    struct Look: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        static func == (a: Look, b: Look) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }

        /// nil when the path names nothing (or nothing `stat` may look at) now.
        static func at(_ path: String) -> Look? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return Look(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modified: info.st_mtim, changed: info.st_ctim)
        }
    }

    /// Reads each of `paths` once with `read`, then, until `stop` is requested,
    /// again each time one changed and settled. `read` failing with a
    /// `ReportFileError` (a version without its header row, in another
    /// encoding…) goes to `unreadable` and following goes on: the next
    /// version may be good, and what earlier versions stored stays. Any other
    /// failure (the store's) ends following. The first reads' failures are
    /// thrown: a file that is wrong from the start is the caller's to see.
    public func follow(_ paths: [String], stop: FollowStop, read: (String) throws -> Void,
                       unreadable: (ReportFileError) -> Void) throws {
        var changes = Changes(settle: .milliseconds(Int64((settleSeconds * 1000).rounded())))
        for path in paths where !stop.isRequested {
            let before = Look.at(path)
            try read(path)
            changes.read(path, as: before)
        }
        while !stop.isRequested {
            Self.pause(pollSeconds, unless: stop)
            if stop.isRequested { break }
            for (path, look) in changes.due(paths, now: .now, looking: Look.at) {
                do {
                    try read(path)
                    changes.read(path, as: look)
                } catch let error as ReportFileError {
                    changes.read(path, as: look) // that version is done with; the next is awaited
                    unreadable(error)
                } catch StoreError.sourceUnreadable where Look.at(path) == nil {
                    changes.read(path, as: nil) // gone between the look and the opening: read when it is back
                }
            }
        }
    }

    /// Which files changed and have since stayed the same long enough to be read.
    struct Changes {
        let settle: Duration
        /// How each file looked when it was last read (before the read began:
        /// a write during the read is a change, read next time).
        private var lastRead: [String: Look] = [:]
        /// A change not read yet: how it looks, and since when it has looked so.
        private var settling: [String: (look: Look, since: ContinuousClock.Instant)] = [:]

        init(settle: Duration) { self.settle = settle }

        mutating func read(_ path: String, as look: Look?) {
            lastRead[path] = look
            settling[path] = nil
        }

        /// The paths to read now, with how each looks; a path that names
        /// nothing now is not due (its next version will be).
        mutating func due(_ paths: [String], now: ContinuousClock.Instant, looking: (String) -> Look?) -> [(String, Look)] {
            var due: [(String, Look)] = []
            for path in paths {
                guard let look = looking(path), look != lastRead[path] else {
                    settling[path] = nil
                    continue
                }
                if let pending = settling[path], pending.look == look {
                    if now - pending.since >= settle { due.append((path, look)) }
                } else {
                    settling[path] = (look, now)
                }
            }
            return due
        }
    }

    /// Sleeps `seconds` in short steps, so a stop request is answered within a tenth of a second.
    static func pause(_ seconds: Double, unless stop: FollowStop) {
        let until = ContinuousClock.now + .milliseconds(Int64((seconds * 1000).rounded()))
        while !stop.isRequested, ContinuousClock.now < until {
            Thread.sleep(forTimeInterval: min(0.1, seconds))
        }
    }
}
