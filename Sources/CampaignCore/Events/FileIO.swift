#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the readers need, with EINTR retried and errors turned into
/// `EventInputError`. Kept in one place so the readers read as logic, not plumbing.
enum FileIO {
    /// The name used for standard input in samples and errors.
    static let standardInputName = "<stdin>"

    static func openForReading(_ path: String) throws(EventInputError) -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno != EINTR { throw failure(path, "cannot open") }
        }
    }

    static func openIfPresent(_ path: String) -> Int32? {
        try? openForReading(path)
    }

    /// Reads up to `count` bytes; 0 means end of file.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, source: String) throws(EventInputError) -> Int {
        while true {
            let n = posixRead(fd, buffer, count)
            if n >= 0 { return n }
            if errno != EINTR { throw failure(source, "cannot read") }
        }
    }

    /// Reads up to `count` bytes at `offset` (fewer only at the end of the file).
    static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64,
                          source: String) throws(EventInputError) -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset) + off_t(done))
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(source, "cannot read")
            }
            done += n
        }
        return done
    }

    static func isRegularFile(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func close(_ fd: Int32) {
        posixClose(fd)
    }

    /// Device and inode (what `tail -F` compares to notice rotation) and size.
    struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    static func status(_ fd: Int32) -> (identity: Identity, size: Int64)? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return (Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), Int64(info.st_size))
    }

    static func status(path: String) -> (identity: Identity, size: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), Int64(info.st_size))
    }

    /// Opening or reading: the system's reason says which matters to a person
    /// ("No such file or directory", "Permission denied", "Is a directory").
    private static func failure(_ source: String, _ what: String) -> EventInputError {
        EventInputError(source: source, problem: SystemErrorText.of(errno))
    }
}

// File-scope wrappers: inside `FileIO` the names `read` and `close` are its own.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
private func posixClose(_ fd: Int32) { _ = close(fd) }
