import Foundation
import CampaignText

/// The database files this process has open through SQLite, by device and
/// inode. close(2) on any descriptor of a file drops every POSIX lock the
/// process holds on it, SQLite's included (SQLite's "How To Corrupt", 2.2).
/// `DatabaseFileCheck` reads a file's header with a descriptor of its own,
/// so it must not run on a file another connection of this process has open:
/// six openers on one file in one process dropped each other's locks, and
/// one saw another's checkpoint half done. Opening goes through `open`, one
/// at a time per process (opens are rare; the check, the pool and the
/// migration are a few milliseconds), so the registry is always current.
enum OpenDatabaseFiles {
    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private static let open = LockedValue<[FileID: Int]>([:])

    /// Runs `check` unless this process already has the file open (then it
    /// was checked when first opened, and reading it again would drop locks),
    /// then `connect`, then counts the file as open. Returns what `connect`
    /// made and the file's id for `closed`.
    static func opening<T>(path: String, check: () throws -> Void,
                           connect: () throws -> T) throws -> (T, FileID?) {
        try open.withLock { files in
            if let id = fileID(path), files[id, default: 0] > 0 {
                let made = try connect()
                files[id, default: 0] += 1
                return (made, id)
            }
            try check()
            let made = try connect()
            let id = fileID(path)
            if let id { files[id, default: 0] += 1 }
            return (made, id)
        }
    }

    /// The connection to `id` is closed (or gone).
    static func closed(_ id: FileID?) {
        guard let id else { return }
        open.withLock { files in
            let left = files[id, default: 1] - 1
            files[id] = left > 0 ? left : nil
        }
    }

    private static func fileID(_ path: String) -> FileID? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
