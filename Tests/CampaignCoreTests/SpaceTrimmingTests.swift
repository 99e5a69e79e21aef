@testable import CampaignCore
import Foundation
import Testing

/// `SpaceTrimming` trims exactly what Foundation's `.whitespaces` trims:
/// checked against Foundation itself for every space-like scalar there is.
@Suite struct SpaceTrimmingTests {
    @Test func trimsWhatFoundationTrims() {
        // Every scalar of the BMP that either side might call a space, and the usual suspects.
        let candidates = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter {
            $0.properties.isWhitespace || CharacterSet.whitespaces.contains($0) || $0.properties.generalCategory == .format
        }
        #expect(candidates.count > 20)
        for scalar in candidates {
            for text in ["\(scalar)a b\(scalar)", "\(scalar)\(scalar)", "x\(scalar)", "\(scalar)男"] {
                #expect(SpaceTrimming.trimmed(text) == text.trimmingCharacters(in: .whitespaces),
                        "U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test func leavesWhatHasNothingToTrim() {
        for text in ["", "a", "C0000001", "广东省", "a b", "\u{FEFF}x"] {
            #expect(SpaceTrimming.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        }
        #expect(SpaceTrimming.trimmed(" \t 30 \u{3000}") == "30")
        #expect(SpaceTrimming.trimmed("\r\n30\n") == "\r\n30\n")
    }
}
