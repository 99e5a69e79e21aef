import CampaignCore
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
