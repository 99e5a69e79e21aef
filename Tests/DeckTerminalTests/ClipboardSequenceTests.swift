@testable import DeckTerminal
import Foundation
import Testing

@Suite struct ClipboardSequenceTests {
    @Test func theOSC52SequenceCarriesTheTextInBase64() {
        // Base64 of the UTF-8 bytes, worked out with Python's base64 module.
        #expect(Clipboard.sequence(for: "高价 ok\n#3") == "\u{1B}]52;c;6auY5Lu3IG9rCiMz\u{07}")
        #expect(Clipboard.sequence(for: "") == "\u{1B}]52;c;\u{07}")
    }

    @Test func aLongTextIsCutOnACharactersBoundary() throws {
        // One byte short of the cap, then a three-byte character: it does not fit, so it goes whole.
        let text = String(repeating: "a", count: Clipboard.maximumBytes - 1) + "高价"
        let sequence = Clipboard.sequence(for: text)
        let payload = String(sequence.dropFirst("\u{1B}]52;c;".count).dropLast())
        let bytes = try #require(Data(base64Encoded: payload))
        #expect(bytes.count == Clipboard.maximumBytes - 1)
        #expect(String(data: bytes, encoding: .utf8) == String(repeating: "a", count: Clipboard.maximumBytes - 1))
    }
}
