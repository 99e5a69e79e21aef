@testable import DeckTerminal
import Testing

@Suite struct ClipboardSequenceTests {
    @Test func theOSC52SequenceCarriesTheTextInBase64() {
        // Base64 of the UTF-8 bytes, worked out with Python's base64 module.
        #expect(Clipboard.sequence(for: "高价 ok\n#3") == "\u{1B}]52;c;6auY5Lu3IG9rCiMz\u{07}")
        #expect(Clipboard.sequence(for: "") == "\u{1B}]52;c;\u{07}")
    }
}
