import Testing
@testable import CampaignCore

/// Expected widths are counted by hand from the Unicode East Asian Width property.
@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("Hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of(Unicode.Scalar("A")) == 1)
    }

    @Test func cjkIdeographsAreTwoColumns() {
        #expect(DisplayWidth.of("春季会员焕新季") == 14)  // 7 ideographs × 2
        #expect(DisplayWidth.of("𠀀") == 2)  // U+20000, CJK Extension B
    }

    @Test func hangulAndKana() {
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("カタカナ") == 8)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana stay narrow
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2)  // conjoining jamo: initial 2 + medial vowel 0
    }

    @Test func fullwidthFormsAndCJKPunctuation() {
        #expect(DisplayWidth.of("ＡＢＣ") == 6)
        #expect(DisplayWidth.of("，") == 2)
        #expect(DisplayWidth.of("。") == 2)
        #expect(DisplayWidth.of("KPI：点击率") == 11)  // 3 + 2 (U+FF1A) + 6
    }

    @Test func combiningMarksJoinersAndSelectorsAreZero() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)  // zero-width joiner
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)  // variation selector 16
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)  // zero-width space
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
    }

    @Test func emoji() {
        #expect(DisplayWidth.of("🔥") == 2)
        #expect(DisplayWidth.of("🎉🚀") == 4)
        #expect(DisplayWidth.of("\u{2764}") == 1)  // ❤ has text presentation by default
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 1)  // the selector adds nothing
        // A ZWJ family measures as its parts, as wcswidth, ncurses and tmux count it.
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 6)
    }

    @Test func ambiguousAndControlCharacters() {
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("┌─┐") == 3)
        // Controls never print raw: each is drawn as its escape, and measured so.
        // (This used to say 2, measuring nothing for what the grid draws as 18 columns.)
        #expect(DisplayWidth.of("a\u{1B}b\u{7F}\u{9B}") == 2 + 3 * "\\u{1B}".count)
    }

    /// A channel named "ab\u{01}\u{01}" is drawn as `ab\u{01}\u{01}` (14 columns);
    /// measured as 2 it shifted every column after it in its KPI row.
    @Test func controlCharactersMeasureAsTheEscapesDrawnForThem() {
        #expect(DisplayWidth.of("ab\u{01}\u{01}") == 14)
        #expect(DisplayWidth.of("x\r\ny") == 6)  // x \r \n y
        #expect(DisplayWidth.of("\u{202E}") == 8)  // \u{202E}
        #expect(DisplayWidth.of("\u{61C}") == 7)  // \u{61C}
        // Whatever the text, its width is that of the escaped text that is drawn.
        for text in ["ab\u{01}\u{01}", "FIRING\r\nRING", "\t春季\u{1B}[31m", "\u{85}\u{2028}x\u{2066}", "e\u{301}\u{7F}"] {
            #expect(DisplayWidth.of(text) == DisplayWidth.of(ControlCharacters.escaped(text)), "\(text.debugDescription)")
        }
        #expect(DisplayWidth.of(DisplayWidth.fit("x\r\nlong name", toWidth: 7)) == 7)
    }

    @Test func truncateWideTextToOddAndEvenBudgets() {
        // 5 columns: "…" takes 1, leaving 4 = 春季.
        #expect(DisplayWidth.truncate("春季会员", toWidth: 5) == "春季…")
        // 6 columns: leaving 5; 春季会 needs 6, so 春季 (4) + "…" + a space for the half column.
        #expect(DisplayWidth.truncate("春季会员", toWidth: 6) == "春季… ")
        #expect(DisplayWidth.of(DisplayWidth.truncate("春季会员", toWidth: 6)) == 6)
        // 7 columns: leaving 6 = 春季会.
        #expect(DisplayWidth.truncate("春季会员", toWidth: 7) == "春季会…")
        // 8 columns: it fits, nothing is cut.
        #expect(DisplayWidth.truncate("春季会员", toWidth: 8) == "春季会员")
    }

    @Test func truncateEdgeCases() {
        #expect(DisplayWidth.truncate("Hello world", toWidth: 8) == "Hello w…")
        #expect(DisplayWidth.truncate("春季会员", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("春季会员", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("a春b", toWidth: 3) == "a… ")
        #expect(DisplayWidth.truncate("ab", toWidth: 2) == "ab")
        // The combining accent stays with its letter.
        #expect(DisplayWidth.truncate("Cafe\u{301} au lait", toWidth: 5) == "Cafe\u{301}…")
        #expect(DisplayWidth.truncate("Hello", toWidth: 3, ellipsis: "...") == "...")
        #expect(DisplayWidth.truncate("Hello", toWidth: 2, ellipsis: "...") == "..")
    }

    @Test func padAndFit() {
        #expect(DisplayWidth.pad("春", toWidth: 4) == "春  ")
        #expect(DisplayWidth.pad("春", toWidth: 4, alignment: .trailing) == "  春")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("春季会员", toWidth: 4) == "春季会员")
        #expect(DisplayWidth.fit("KPI", toWidth: 6, alignment: .trailing) == "   KPI")
        #expect(DisplayWidth.fit("春季会员焕新季", toWidth: 10) == "春季会员… ")
    }

    @Test func prefixKeepsWholeCharacters() {
        let (text, width) = DisplayWidth.prefix(of: "春季会员", fittingIn: 5)
        #expect(text == "春季")
        #expect(width == 4)
    }
}
