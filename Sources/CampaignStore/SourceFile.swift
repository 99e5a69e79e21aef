#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CampaignText
import CampaignCore

/// An event source opened for ingest: a file read from a byte offset, or
/// standard input. Only the POSIX calls ingest needs, with EINTR retried.
final class SourceFile {
    let path: String
    let fd: Int32
    let ownsDescriptor: Bool
    var isStandardInput: Bool { !ownsDescriptor }

    /// `regularOnly`: a file read whole (a report) must be a regular file;
    /// it is opened without waiting, since opening a FIFO waits for a writer
    /// (and no signal ends that wait), and anything else is refused.
    init(path: String, regularOnly: Bool = false) throws {
        self.path = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            return
        }
        var descriptor: Int32
        let flags = O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0)
        repeat { descriptor = open(path, flags) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw StoreError.sourceUnreadable(path: path, detail: Self.errnoText()) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw StoreError.sourceUnreadable(path: path, detail: Phrase.dataItIsFolder.text())
        }
        if regularOnly, (info.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw StoreError.sourceUnreadable(path: path, detail: Phrase.sourceNotRegularFile.text())
        }
        if regularOnly, fcntl(descriptor, F_SETFL, O_RDONLY) != 0 { // reads block again: a regular file never waits
            close(descriptor)
            throw StoreError.sourceUnreadable(path: path, detail: Self.errnoText())
        }
        fd = descriptor
        ownsDescriptor = true
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Device, inode and size of the open file.
    func status() -> (device: UInt64, inode: UInt64, size: Int64)? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size))
    }

    /// Device and inode now at the path (to notice rotation while following).
    func pathStatus() -> (device: UInt64, inode: UInt64, size: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size))
    }

    func seek(to offset: Int64) throws {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            throw StoreError.sourceUnreadable(path: path, detail: Self.errnoText())
        }
    }

    /// Waits until a read would not block (data, the end, or an error the
    /// read will report), checking `stop` ten times a second; false when it
    /// was requested first.
    func waitUntilReadable(orStopped stop: FollowStop) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while !stop.isRequested {
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 || (ready < 0 && errno != EINTR) { return true }
        }
        return false
    }

    /// Reads up to `count` bytes at the current position into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        var n: Int
        repeat { n = posixRead(fd, buffer, count) } while n < 0 && errno == EINTR
        guard n >= 0 else { throw StoreError.sourceUnreadable(path: path, detail: Self.errnoText()) }
        return n
    }

    /// The hash of `length` bytes at `offset` (for file identity), or nil if
    /// the file is shorter.
    func hash(at offset: Int64, length: Int) -> UInt64? {
        guard length > 0 else { return 0 }
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, length - done, off_t(offset) + off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes.withUnsafeBytes { ByteHash.hash($0.baseAddress!, count: length) }
    }

    static func errnoText() -> String { SystemErrorText.of(errno) }
}

// File scope: inside `SourceFile` the name `read` is its own method.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
