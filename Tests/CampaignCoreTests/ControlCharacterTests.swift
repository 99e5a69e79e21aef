import Testing
@testable import CampaignCore

@Suite struct ControlCharacterTests {
    @Test func oscTitleSequenceBecomesVisibleText() {
        let name = "\u{1B}]0;owned\u{07}"
        let safe = ControlCharacters.escaped(name)
        #expect(safe == #"\u{1B}]0;owned\u{07}"#)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(name.terminalSafe == safe)
    }

    @Test func whitespaceControlsUseShortEscapes() {
        #expect(ControlCharacters.escaped("a\tb\nc\r") == #"a\tb\nc\r"#)
    }

    @Test func deleteAndC1Controls() {
        #expect(ControlCharacters.escaped("x\u{7F}") == #"x\u{7F}"#)
        #expect(ControlCharacters.escaped("\u{9B}31m") == #"\u{9B}31m"#)  // C1 CSI
        #expect(ControlCharacters.escaped("\u{85}") == #"\u{85}"#)  // NEL
        #expect(ControlCharacters.escaped("\u{0}") == #"\u{00}"#)
    }

    @Test func bidiControlsAreShown() {
        #expect(ControlCharacters.escaped("abc\u{202E}fed") == #"abc\u{202E}fed"#)
        #expect(ControlCharacters.escaped("\u{2066}x\u{2069}") == #"\u{2066}x\u{2069}"#)
        #expect(ControlCharacters.escaped("a\u{2028}b") == #"a\u{2028}b"#)
    }

    @Test func normalTextIsUntouched() {
        let text = "春季会员焕新季 🔥 Café 👨\u{200D}👩\u{200D}👧 ❤\u{FE0F} ，。"
        #expect(!ControlCharacters.containsUnsafe(text))
        #expect(ControlCharacters.escaped(text) == text)
        #expect(!ControlCharacters.containsUnsafe("plain ascii ~!@#$%^&*()"))
    }

    @Test func boundariesOfTheUnsafeSet() {
        let unsafe: [UInt32] = [0x00, 0x1F, 0x7F, 0x80, 0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x202A, 0x202E, 0x2066, 0x2069]
        let safe: [UInt32] = [0x20, 0x7E, 0xA0, 0x200D, 0x202F, 0x2065, 0x206A, 0x4E00, 0x1F525]
        for value in unsafe { #expect(ControlCharacters.isUnsafe(Unicode.Scalar(value)!), "U+\(value)") }
        for value in safe { #expect(!ControlCharacters.isUnsafe(Unicode.Scalar(value)!), "U+\(value)") }
    }

    /// Human-readable text keeps its line feeds and tabs, but a carriage return
    /// comes only from data and, obeyed, overwrote the line ("FIRINGRING").
    @Test func keepingLayoutStillEscapesCarriageReturns() {
        #expect(ControlCharacters.escapedKeepingLayout("FIRING\r\nRING\tx\n") == "FIRING\\r\nRING\tx\n")
        #expect(ControlCharacters.escapedKeepingLayout("a\rb") == "a\\rb")
    }
}
