import CampaignCore
import CampaignText
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
/// so until the next read. A version whose last byte is not a line break is
/// most likely still being written (a pause mid-row, where a number cut short
/// still reads as a number), so it must look the same for
/// `unterminatedSettleSeconds` first; an exporter that never ends its last
/// row is still read, later. A file that is not there (deleted before its
/// new version is written, or not yet written when following starts) is
/// waited for; one that cannot be read (a folder, a FIFO, no permission, no
/// header row) is reported and its next version awaited: following is meant
/// to run unattended, and only the store failing ends it.
public struct ReportFollower {
    public var pollSeconds: Double
    public var settleSeconds: Double
    public var unterminatedSettleSeconds: Double

    public init(pollSeconds: Double = 0.5, settleSeconds: Double = 1, unterminatedSettleSeconds: Double = 10) {
        self.pollSeconds = pollSeconds
        self.settleSeconds = settleSeconds
        self.unterminatedSettleSeconds = unterminatedSettleSeconds
    }

    /// What `stat` says of a path; any difference means it was written or replaced.
    struct Look: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec
        var isRegular = true
        /// Empty, or its last byte is a line break: the last row is whole.
        var endsWithBreak = true

        static func == (a: Look, b: Look) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
                && a.isRegular == b.isRegular && a.endsWithBreak == b.endsWithBreak
        }

        /// nil when the path names nothing (or nothing `stat` may look at) now.
        static func at(_ path: String) -> Look? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            let isRegular = (info.st_mode & S_IFMT) == S_IFREG
            return Look(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modified: info.st_mtim, changed: info.st_ctim, isRegular: isRegular,
                        endsWithBreak: !isRegular || info.st_size == 0 || lastByteIsBreak(path, size: Int64(info.st_size)))
        }

        /// One byte read at the end (without waiting: the path may have become a FIFO since the `stat`).
        private static func lastByteIsBreak(_ path: String, size: Int64) -> Bool {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return true }
            defer { close(descriptor) }
            var byte: UInt8 = 0
            guard pread(descriptor, &byte, 1, off_t(size - 1)) == 1 else { return true }
            return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
    }

    /// Reads each of `paths` with `read` as it is now, then, until `stop` is
    /// requested, again each time one changed and settled. A path that names
    /// nothing is waited for (`problem` hears of it once); a version that
    /// cannot be read (`ReportFileError`, or the store's "cannot read this
    /// file") goes to `problem` and its next version is awaited; what earlier
    /// versions stored stays. Any other failure (the store's) ends following.
    public func follow(_ paths: [String], stop: FollowStop, read: (String) throws -> Void,
                       problem: (String) -> Void) throws {
        var changes = Changes(settle: Self.duration(settleSeconds), unterminatedSettle: Self.duration(unterminatedSettleSeconds))
        func attempt(_ path: String, as look: Look?) throws {
            defer { changes.read(path, as: look) } // this version is done with, read or not: the next is awaited
            guard let look else { return problem(Phrase.sourceWaitingForFile.text(path)) }
            guard look.isRegular else { return problem(Phrase.dataCannotRead.text(path, Phrase.sourceNotRegularFile.text())) }
            do {
                try read(path)
            } catch let error as ReportFileError {
                problem(error.message)
            } catch let error as StoreError {
                guard case .sourceUnreadable = error else { throw error }
                problem(error.description)
            }
        }
        for path in paths where !stop.isRequested {
            try attempt(path, as: Look.at(path))
        }
        while !stop.isRequested {
            Self.pause(pollSeconds, unless: stop)
            if stop.isRequested { break }
            for (path, look) in changes.due(paths, now: .now, looking: Look.at) where !stop.isRequested {
                try attempt(path, as: look)
            }
        }
    }

    static func duration(_ seconds: Double) -> Duration { .milliseconds(Int64((seconds * 1000).rounded())) }

    /// Which files changed and have since stayed the same long enough to be read.
    struct Changes {
        let settle: Duration
        /// For a version whose last row has no line break yet.
        var unterminatedSettle: Duration
        /// How each file looked when it was last read (before the read began:
        /// a write during the read is a change, read next time).
        private var lastRead: [String: Look] = [:]
        /// A change not read yet: how it looks, and since when it has looked so.
        private var settling: [String: (look: Look, since: ContinuousClock.Instant)] = [:]

        init(settle: Duration, unterminatedSettle: Duration? = nil) {
            self.settle = settle
            self.unterminatedSettle = unterminatedSettle ?? settle
        }

        mutating func read(_ path: String, as look: Look?) {
            lastRead[path] = look
            settling[path] = nil
        }

        /// The paths to read now, with how each looks. A path that names
        /// nothing now is due once, with no look, when it was there before
        /// (so its going is said); then not until it is back and settled.
        mutating func due(_ paths: [String], now: ContinuousClock.Instant, looking: (String) -> Look?) -> [(String, Look?)] {
            var due: [(String, Look?)] = []
            for path in paths {
                guard let look = looking(path) else {
                    settling[path] = nil
                    if lastRead[path] != nil { due.append((path, nil)) }
                    continue
                }
                guard look != lastRead[path] else {
                    settling[path] = nil
                    continue
                }
                if let pending = settling[path], pending.look == look {
                    if now - pending.since >= (look.endsWithBreak ? settle : unterminatedSettle) { due.append((path, look)) }
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
