import CampaignCore
import DeckConfig
import DeckUI
import Testing

/// A good config cut, doubled and garbled at random (a fixed seed): reading it
/// never crashes, every problem points inside the text, and a setting that
/// survived intact is still applied.
@Suite struct ConfigMutationTests {
    static let sample = """
    language: zh
    theme: light
    mouse: false
    speed: 600
    keys:
      next_pane: [Tab, ctrl+n]
      quit: [q, ctrl+c]
      zoom: Z
      help: F1
    """

    @Test func garbledConfigsAreReadWithoutCrashingAndPointInside() {
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let pieces: [Character] = [":", "[", "]", "{", "}", ",", "-", " ", "\n", "\t", "'", "\"", "#", "&", "*", "!", "中", "x", "1", "\u{FEFF}"]
        var withProblems = 0
        for _ in 0..<1_500 {
            var characters = Array(Self.sample)
            for _ in 0..<(1 + next(4)) {
                let at = next(characters.count + 1)
                switch next(3) {
                case 0 where at < characters.count: characters.remove(at: at)
                case 1: characters.insert(pieces[next(pieces.count)], at: at)
                default: characters.insert(contentsOf: characters[at...].prefix(next(12)), at: at)
                }
            }
            let text = String(characters)
            let config = DeckConfig.parse(text, path: "c.yaml")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for problem in config.problems {
                #expect((1...max(1, lines + 1)).contains(problem.location.line) && problem.location.column >= 1,
                        "\(problem.location) outside of:\n\(text)")
            }
            if !config.problems.isEmpty { withProblems += 1 }
            // The zoom line untouched (and nothing else takes Z): Z zooms.
            if text.contains("\n  zoom: Z\n"), config.problems.isEmpty {
                #expect(config.keys.binding(id: "zoom")?.keys == [.character("Z")])
            }
        }
        #expect(withProblems > 300, "the garbling found \(withProblems) broken files")
    }
}
