/// Reads a behaviour file (`--behaviour FILE`, or `-` for standard input)
/// into a `BehaviourHistory`, chunk by chunk. A file that cannot be opened or
/// read is an `EventInputError` naming it; bad lines are in the history's
/// `rejected`, never an error.
public enum BehaviourInput {
    public static func history(path: String) throws(EventInputError) -> BehaviourHistory {
        let standardInput = path == "-"
        let source = standardInput ? FileIO.standardInputName : path
        let descriptor = standardInput ? 0 : try FileIO.openForReading(path)
        defer { if !standardInput { FileIO.close(descriptor) } }
        var reader = BehaviourReader(source: source)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try FileIO.read(descriptor, into: chunk.baseAddress!, count: chunk.count, source: source)
            if count == 0 { break }
            reader.feed(UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
        return reader.finish()
    }
}
