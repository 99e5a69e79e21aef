import CampaignText

/// Reads a behaviour file (`--behaviour FILE`, or `-` for standard input)
/// into a `BehaviourHistory`, chunk by chunk. A file that cannot be opened or
/// read is a `BehaviourInput.ReadError` naming it and the option it came
/// from; bad lines are in the history's `rejected`, never an error.
public enum BehaviourInput {
    /// `cannot read nope.jsonl: no such file (--behaviour)`.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func history(path: String) throws(ReadError) -> BehaviourHistory {
        let standardInput = path == "-"
        let source = standardInput ? FileIO.standardInputName : path
        do {
            let descriptor = standardInput ? 0 : try IntakeFile.open(path)
            defer { if !standardInput { IntakeFile.close(descriptor) } }
            var reader = BehaviourReader(source: source)
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { chunk.deallocate() }
            while true {
                let count = try IntakeFile.read(descriptor, into: chunk)
                if count == 0 { break }
                reader.feed(UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
            }
            return reader.finish()
        } catch {
            throw ReadError(description: Phrase.intakeCannotReadBehaviour.text(source, error.reason))
        }
    }
}
