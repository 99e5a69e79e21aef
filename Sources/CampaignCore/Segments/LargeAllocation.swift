#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Big scratch arrays (the customer table's slots, every purchase row) taken
/// straight from the kernel and, on Linux, backed by 2 MB pages.
///
/// Why: a million customers make a hash table of tens of MB, and ten million
/// rows a few hundred MB. With 4 KB pages nearly every probe of the table and
/// every row written misses the TLB (on a VM a miss costs a two-level page
/// walk), and filling the rows costs a page fault per 4 KB. Huge pages cut
/// both by 512×. Memory comes back zeroed, which both users rely on, and pages
/// never touched cost nothing, so capacity can be reserved generously.
enum LargeAllocation {
    private static let hugePage = 2 << 20

    /// Zeroed memory of at least `byteCount` bytes (rounded up to whole 2 MB pages).
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        let size = roundedSize(byteCount)
        let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let address, address != MAP_FAILED else {
            fatalError("out of memory: cannot map \(size) bytes")
        }
        #if os(Linux)
        // Advice only: where transparent huge pages are off this is a no-op.
        _ = madvise(address, size, 14 /* MADV_HUGEPAGE */)
        #endif
        return address
    }

    static func deallocate(_ address: UnsafeMutableRawPointer, byteCount: Int) {
        munmap(address, roundedSize(byteCount))
    }

    private static func roundedSize(_ byteCount: Int) -> Int {
        (max(byteCount, 1) + hugePage - 1) / hugePage * hugePage
    }
}
