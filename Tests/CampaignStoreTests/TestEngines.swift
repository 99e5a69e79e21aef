import CampaignStore
import StoreTestEngines
import Testing

extension TestEngine: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
    static let skipped = Comment(rawValue: skippedText)

    /// A new, empty store on this engine.
    func store(_ folder: TemporaryFolder) throws -> any StoreEngine { try store(in: folder.path) }
}
