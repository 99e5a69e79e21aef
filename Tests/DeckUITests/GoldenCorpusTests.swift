import CampaignCore
import CampaignText
@testable import DeckUI
import Foundation
import Testing

/// Every file in Golden/ is one screen: its scenario, size and keys must
/// render exactly its text (reviewed by eye when recorded: run with
/// CAMPAIGN_DECK_RECORD=1 to write the screens after an intended change,
/// then read the diff). Adding a case is adding a file; see GoldenCorpus.swift.
@Suite struct GoldenCorpusTests {
    @Test func theCorpusCoversTheSizesAndTheViews() throws {
        let cases = try GoldenCase.names.map(GoldenCase.init(named:))
        #expect(cases.count >= 20)
        let sizes = Set(cases.map { "\($0.columns)x\($0.rows)" })
        #expect(sizes.isSuperset(of: ["80x24", "120x40", "200x60"]), "the smallest supported, a common and a wide terminal")
        #expect(cases.contains { $0.scenario == "cjk" }, "wide characters in every pane")
        #expect(cases.contains { !$0.keys.isEmpty }, "screens reached by keys")
        let chinese = cases.filter { $0.language == .chinese }
        for scenario in ["demo", "cjk"] {
            let sizes = Set(chinese.filter { $0.scenario == scenario }.map { "\($0.columns)x\($0.rows)" })
            #expect(sizes.isSuperset(of: ["80x24", "120x40", "200x60"]), "\(scenario) in Chinese at every size")
        }
        // Every screen in both languages: the same scenario, size and keys,
        // so a layout that only fits English widths cannot hide.
        func twin(_ golden: GoldenCase) -> String {
            "\(golden.scenario) \(golden.columns)x\(golden.rows) \(golden.keysText)"
        }
        let english = Set(cases.filter { $0.language == .english }.map(twin))
        let chineseTwins = Set(chinese.map(twin))
        #expect(english.subtracting(chineseTwins).isEmpty, "English screens without a Chinese twin")
        #expect(chineseTwins.subtracting(english).isEmpty, "Chinese screens without an English twin")
    }

    /// A Chinese screen shows no English word of the interface: every Latin
    /// word on it is the plan's own (an id, a channel, a rule's name), or
    /// one a Chinese team writes in Latin letters too (CTR, Enter, CNY).
    @Test(arguments: GoldenCase.names)
    func aChineseScreenHasNoEnglishInterfaceWords(name: String) throws {
        let golden = try GoldenCase(named: name)
        guard golden.language == .chinese else { return }
        let screen = GoldenCase.text(of: try GoldenScenario.render(golden))
        let data = try GoldenScenario.dataText(golden.scenario)
        let planWords = Set(EnglishWords.find(in: data))
        // What the keys typed is the user's text; a rule's field names
        // (`recency_days`, `monetary`) and the `:` commands' names are typed
        // as they are in any language.
        let typedWords = Set(golden.keysText.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init))
            .union(Vocabulary.customerFields).union(CommandTable.commands.map(\.name))
        let channels: Set<String> = ["douyin", "search", "sms", "stores", "wechat", "xiaohongshu", "none"]
        let known = planWords.union(typedWords).union(channels).union(EnglishWords.allowed)
        func isKnown(_ word: String) -> Bool { known.contains(word) || known.contains(word.uppercased()) }
        // A word cut to fit (`creative-b…`) or cut by an overlay's left edge
        // (`CP│`) is the start of a known one; one an overlay covers the
        // start of (`│yin]`) is the end of one.
        func isCut(_ word: String) -> Bool {
            (screen.contains(word + "…") || screen.contains(word + "│")) && known.contains { $0.hasPrefix(word) }
                || screen.contains("│" + word) && known.contains { $0.hasSuffix(word) }
        }
        let words = EnglishWords.find(in: screen).filter { !isKnown($0) && !isCut($0) }
        #expect(words.isEmpty, "Golden/\(name).screen shows English: \(Set(words).sorted())")
    }

    /// An English screen shows no Chinese of the interface: every run of
    /// CJK characters on it comes from the plan (a segment's name, a task's
    /// owner) or from what the keys typed. A run cut to fit (`会员预热与…`)
    /// or by an overlay's edge is part of one.
    @Test(arguments: GoldenCase.names)
    func anEnglishScreenHasNoChineseInterfaceWords(name: String) throws {
        let golden = try GoldenCase(named: name)
        guard golden.language == .english else { return }
        let screen = GoldenCase.text(of: try GoldenScenario.render(golden))
        let data = try GoldenScenario.dataText(golden.scenario) + golden.keysText
        func isCJK(_ character: Character) -> Bool {
            character.unicodeScalars.contains { (0x2E80...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value)
                || (0xFF00...0xFFEF).contains($0.value) }
        }
        var runs: [String] = []
        var current = ""
        for character in screen + "\n" {
            if isCJK(character) { current.append(character); continue }
            if !current.isEmpty { runs.append(current); current = "" }
        }
        // A run is the plan's when it is a piece of it: overlays and the
        // width cut names on either side.
        let strange = runs.filter { !data.contains($0) }
        #expect(strange.isEmpty, "Golden/\(name).screen shows Chinese that is not the plan's: \(Set(strange).sorted())")
    }

    @Test(arguments: GoldenCase.names)
    func screenMatchesGolden(name: String) throws {
        let golden = try GoldenCase(named: name)
        let screen = GoldenCase.text(of: try GoldenScenario.render(golden))
        if ProcessInfo.processInfo.environment["CAMPAIGN_DECK_RECORD"] == "1" {
            try golden.recorded(screen).write(to: golden.file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(golden.screen, "Golden/\(name).screen has no screen yet (record it)")
        #expect(screen == expected, "Golden/\(name).screen differs")
    }

    @Test(arguments: GoldenCase.names)
    func everyLineFillsTheWidthExactlyAndNoWideCharacterIsSplit(name: String) throws {
        let golden = try GoldenCase(named: name)
        let grid = try GoldenScenario.render(golden)
        for (row, line) in grid.lines().enumerated() {
            #expect(DisplayWidth.of(line) == golden.columns, "row \(row) is \(DisplayWidth.of(line)) columns wide")
        }
        for row in 0..<grid.rows {
            for column in 0..<grid.columns where grid[row, column].isContinuation {
                #expect(column > 0 && grid[row, column - 1].width == 2, "orphan half of a wide character at \(row):\(column)")
            }
        }
    }

    @Test func keyTokensAreLabelsOrTypedText() {
        #expect(GoldenCase.keys("2 Enter :goto Space k Ctrl-S Shift-Tab") ==
                [.character("2"), .enter, .character(":"), .character("g"), .character("o"), .character("t"),
                 .character("o"), .character(" "), .character("k"), .control("s"), .backTab])
    }
}
