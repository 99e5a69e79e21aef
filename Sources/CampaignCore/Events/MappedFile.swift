#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped read-only into memory, so the parallel reader can hand
/// each thread a slice without copying. Not for files that are being truncated
/// while mapped (touching a vanished page raises SIGBUS): that is what
/// `EventFollower` is for.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Maps `fd`; nil if it is not a regular file that can be mapped (a pipe, a
    /// terminal), so the caller can fall back to reading.
    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int64(info.st_size)
        if size == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, Int(size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            return nil
        }
        // The threads walk their slices front to back.
        _ = madvise(address, Int(size), MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: Int(size))
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
