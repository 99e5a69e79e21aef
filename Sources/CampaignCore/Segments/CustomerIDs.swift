/// Customer ids stored as one byte array: a million ids cost two arrays,
/// not a million Strings. Index `i` is the dense customer index.
public struct CustomerIDs: Sendable {
    private let bytes: [UInt8]
    /// Start of id `i` in `bytes`; one extra entry marks the end of the last.
    private let starts: [Int]

    init(bytes: [UInt8], starts: [Int]) {
        precondition(starts.first == 0 && starts.last == bytes.count, "starts must cover the bytes")
        self.bytes = bytes
        self.starts = starts
    }

    public var count: Int { starts.count - 1 }

    /// Calls `body` with id `index`'s bytes, without building a String.
    func withBytes<R>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[starts[index]..<starts[index + 1]]))
        }
    }

    public subscript(index: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[starts[index]..<starts[index + 1]]), as: UTF8.self)
        }
    }
}

extension CustomerIDTable {
    /// A Sendable copy of every id, in index order.
    func snapshot() -> CustomerIDs {
        CustomerIDs(bytes: Array(UnsafeBufferPointer(start: storedBytes, count: storedByteCount)), starts: storedStarts)
    }
}
