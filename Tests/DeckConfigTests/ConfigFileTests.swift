import CampaignCore
import CampaignText
import DeckConfig
import DeckUI
import Testing

/// The config file: every kind of problem at the line and column where it is
/// written (counted by hand below each case), and the good settings kept.
@Suite struct ConfigFileTests {
    static let path = "/home/ana/.config/campaign-deck/config.yaml"

    static func parse(_ text: String) -> DeckConfig { DeckConfig.parse(text, path: path) }

    static func keys(_ config: DeckConfig, _ id: String) -> [Key]? { config.keys.binding(id: id)?.keys }

    @Test func aGoodFileSetsEverything() {
        let config = Self.parse("""
        language: zh
        theme: light
        mouse: false
        speed: 60
        keys:
          next_pane: [Tab, ctrl+n]
          quit: Q
        """)
        #expect(config.problems.isEmpty)
        #expect(config.language == "zh")
        #expect(config.theme == "light")
        #expect(config.mouse == false)
        #expect(config.speed == 60)
        #expect(Self.keys(config, "next_pane") == [.tab, .control("n")])
        #expect(Self.keys(config, "quit") == [.character("Q")])
        // Untouched bindings keep their built-in keys.
        #expect(Self.keys(config, "zoom") == [.character("z")])
    }

    @Test func emptyFileAndNullValuesAreDefaults() {
        for text in ["", "# only a comment\n", "theme:\nspeed: ~\nkeys:\n"] {
            let config = Self.parse(text)
            #expect(config.problems.isEmpty, "\(text)")
            #expect(config.theme == nil && config.speed == nil && config.mouse == nil && config.language == nil)
            #expect(Self.keys(config, "quit") == [.character("q"), .control("c")])
        }
    }

    @Test func badYAMLNamesItsPositionAndKeepsAllDefaults() {
        // Line 2 starts with a tab: libyaml stops at column 1 of line 2.
        let tab = Self.parse("speed: 60\n\tquit: q\n")
        #expect(tab.problemLines.count == 1)
        #expect(tab.problemLines.first?.hasPrefix(Self.path + ":2:1: not valid YAML") == true, "\(tab.problemLines)")
        #expect(tab.speed == nil)
        // A setting written twice: the second one (line 3, column 1) is the one to remove.
        let twice = Self.parse("speed: 60\nmouse: true\nspeed: 70\n")
        #expect(twice.problemLines == [Self.path + ":3:1: duplicate key 'speed' (first at line 1)"])
    }

    @Test func unknownSettingIsNamedWithASuggestion() {
        // `them` starts line 2 at column 1.
        let config = Self.parse("language: en\nthem: light\nspeed: 30\n")
        #expect(config.problemLines == [Self.path + ":2:1: unknown setting 'them' (did you mean 'theme'?); "
                                        + "the config knows language, theme, mouse, speed, keys"])
        #expect(config.language == "en" && config.speed == 30)
    }

    @Test func wrongTypesPointAtTheValue() {
        // `mouse: ` is 7 characters: the value starts at column 8; `keys: ` at 7.
        let config = Self.parse("""
        mouse: yes
        speed: fast
        language: fr
        theme: lihgt
        keys: [q]
        """)
        #expect(config.problemLines == [
            Self.path + ":1:8: 'mouse' must be true or false, got 'yes'",
            Self.path + ":2:8: 'speed' must be a number above 0, got 'fast'",
            Self.path + ":3:11: unknown language 'fr'; use en or zh",
            Self.path + ":4:8: unknown theme 'lihgt' (did you mean 'light'?); use default, light, high-contrast, monochrome or a path to a .theme file",
            Self.path + ":5:7: 'keys' must map binding ids to keys (next_pane: [Tab, ctrl+n]), got a list",
        ])
        #expect(config.mouse == nil && config.speed == nil && config.language == nil && config.theme == nil)
    }

    @Test func speedAtTheLimits() {
        #expect(Self.parse("speed: 0\n").problemLines == [Self.path + ":1:8: 'speed' must be a number above 0, got '0'"])
        #expect(Self.parse("speed: -5\n").problemLines == [Self.path + ":1:8: 'speed' must be a number above 0, got '-5'"])
        #expect(Self.parse("speed: .inf\n").speed == nil)
        // Quoted, it is text: not a number.
        #expect(Self.parse("speed: \"600\"\n").speed == nil)
        #expect(Self.parse("speed: 0.5\n").speed == 0.5)
        #expect(Self.parse("mouse: \"false\"\n").problemLines == [Self.path + ":1:8: 'mouse' must be true or false, got 'false'"])
    }

    @Test func unknownBindingIdPointsAtTheId() {
        // `  nxt_pane:` : the id starts at column 3 of line 2.
        let config = Self.parse("keys:\n  nxt_pane: x\n  quit: Q\n")
        #expect(config.problemLines == [Self.path + ":2:3: unknown binding 'nxt_pane' (did you mean 'next_pane'?); "
                                        + "`campaign-deck dashboard --list-keys` lists them"])
        #expect(Self.keys(config, "quit") == [.character("Q")])
    }

    @Test func unreadableKeyPointsAtTheKeyAndLeavesTheBindingBuiltIn() {
        // `  quit: [q, ctrl+shift+q]`: `[` is column 9, `q` 10, `,` 11, space 12, `ctrl` starts at 13.
        let config = Self.parse("keys:\n  quit: [q, ctrl+shift+q]\n  zoom: Z\n")
        #expect(config.problemLines == [Self.path + ":2:13: cannot read key 'ctrl+shift+q': Ctrl goes with one letter a–z (ctrl+n)"])
        #expect(Self.keys(config, "quit") == [.character("q"), .control("c")])
        #expect(Self.keys(config, "zoom") == [.character("Z")])
        // `  help: [F1, ctrl+i]`: `ctrl+i` starts at column 14; `  open: F13`: `F13` at 9.
        let more = Self.parse("keys:\n  help: [F1, ctrl+i]\n  open: F13\n")
        #expect(more.problemLines == [
            Self.path + ":2:14: cannot use key 'ctrl+i': the terminal sends it as Tab; write Tab",
            Self.path + ":3:9: cannot read key 'F13': function keys go from F1 to F12",
        ])
    }

    @Test func keysOfTheWrongShape() {
        // `  quit: {a: b}`: the mapping starts at column 9; `  zoom: [[z]]`: the inner list at 10.
        let config = Self.parse("keys:\n  quit: {a: b}\n  zoom: [[z]]\n  undo: []\n")
        #expect(config.problemLines == [
            Self.path + ":2:9: the keys of 'quit' must be key names like Tab, ctrl+n, got a mapping",
            Self.path + ":3:10: the keys of 'zoom' must be key names like Tab, ctrl+n, got a list",
            Self.path + ":4:3: 'undo' needs at least one key; it keeps u",
        ])
    }

    @Test func aKeyTakenInTheSamePlaceIsRefused() {
        // `  zoom: p`: `p` is column 9, and `p` is toggle_pause's (global, like zoom).
        let config = Self.parse("keys:\n  zoom: p\n")
        #expect(config.problemLines == [Self.path + ":2:9: key p is already toggle_pause's in the same place, "
                                        + "so one of them would never run; zoom keeps its keys z"])
        #expect(Self.keys(config, "zoom") == [.character("z")])
        #expect(Self.keys(config, "toggle_pause") == [.character("p")])
    }

    @Test func twoOverridesTakingOneKeyKeepTheFirst() {
        // `  toggle_pause: x`: `x` is column 17 of line 3.
        let config = Self.parse("keys:\n  zoom: x\n  toggle_pause: x\n")
        #expect(config.problemLines == [Self.path + ":3:17: key x is already zoom's in the same place, "
                                        + "so one of them would never run; toggle_pause keeps its keys p"])
        #expect(Self.keys(config, "zoom") == [.character("x")])
        #expect(Self.keys(config, "toggle_pause") == [.character("p")])
    }

    @Test func swappingKeysIsNoCollision() {
        // quit gives up q before zoom takes it: the final table has no shared key.
        let config = Self.parse("keys:\n  zoom: q\n  quit: [Q, ctrl+c]\n")
        #expect(config.problems.isEmpty)
        #expect(config.keys.binding(for: .character("q"), in: .segments)?.id == "zoom")
    }

    @Test func aDroppedOverrideBringsBackKeysThatMayCollideAgain() {
        // zoom takes p (refused: toggle_pause has it), so zoom has z again,
        // which quit then takes: refused too, at column 9 of line 3.
        let config = Self.parse("keys:\n  zoom: p\n  quit: z\n")
        #expect(config.problemLines == [
            Self.path + ":2:9: key p is already toggle_pause's in the same place, so one of them would never run; zoom keeps its keys z",
            Self.path + ":3:9: key z is already zoom's in the same place, so one of them would never run; quit keeps its keys q/Ctrl-C",
        ])
        #expect(Self.keys(config, "quit") == [.character("q"), .control("c")])
    }

    @Test func aPaneKeyOverAGlobalOneIsAllowedButTwoInOnePaneAreNot() {
        // add_task (Gantt) may take z: in the Gantt it wins over zoom, by design.
        let pane = Self.parse("keys:\n  add_task: z\n")
        #expect(pane.problems.isEmpty)
        #expect(pane.keys.binding(for: .character("z"), in: .gantt)?.id == "add_task")
        #expect(pane.keys.binding(for: .character("z"), in: .kpis)?.id == "zoom")
        // `silence` (S) works in the KPIs and the Anomaly log; acknowledge is the log's:
        // `  acknowledge_anomaly: S` puts S at column 24.
        let shared = Self.parse("keys:\n  acknowledge_anomaly: S\n")
        #expect(shared.problemLines == [Self.path + ":2:24: key S is already silence's in the same place, "
                                        + "so one of them would never run; acknowledge_anomaly keeps its keys a"])
    }

    @Test func oneBrokenLineKeepsTheGoodParts() {
        let config = Self.parse("""
        language: zh
        theme: nope
        speed: 120
        keys:
          quit: [Q, ctrl+c]
          zoom: alt+z
        """)
        #expect(config.problems.count == 2)
        #expect(config.language == "zh" && config.speed == 120 && config.theme == nil)
        #expect(Self.keys(config, "quit") == [.character("Q"), .control("c")])
        #expect(Self.keys(config, "zoom") == [.character("z")])
    }

    @Test func notAMappingAtAll() {
        #expect(Self.parse("- speed\n").problemLines == [
            Self.path + ":1:1: the config must be a mapping of settings (language, theme, mouse, speed, keys), got a list"])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstKey() {
        #expect(Self.parse("\u{FEFF}speed: 5\n").speed == 5)
    }

    @Test func themePathsAreTheConfigFoldersOrAbsolute() {
        #expect(Self.parse("theme: mine.theme\n").theme == "/home/ana/.config/campaign-deck/mine.theme")
        #expect(Self.parse("theme: /etc/deck/dark.theme\n").theme == "/etc/deck/dark.theme")
        #expect(Self.parse("theme: themes/x.theme\n").theme == "/home/ana/.config/campaign-deck/themes/x.theme")
        var config = Self.parse("speed: x\ntheme: mine.theme\nmouse: 1\n")
        config.themeNotUsed("cannot read theme")
        // `theme: ` is 7 characters: the value is at 2:8, between the other two problems.
        #expect(config.problemLines == [Self.path + ":1:8: 'speed' must be a number above 0, got 'x'",
                                        Self.path + ":2:8: theme not used: cannot read theme",
                                        Self.path + ":3:8: 'mouse' must be true or false, got '1'"])
    }

    @Test func messagesFollowTheInterfaceLanguage() {
        Language.$override.withValue(.chinese) {
            let config = Self.parse("mouse: yes\n")
            #expect(config.problemLines == [Self.path + ":1:8: 'mouse' 必须是 true 或 false，实际为 'yes'"])
        }
    }
}
