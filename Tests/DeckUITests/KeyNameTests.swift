@testable import DeckUI
import Testing

/// Key names as people write them in a config file.
@Suite struct KeyNameTests {
    static func read(_ name: String) -> Key? { try? Key(name: name) }

    /// Every key the terminal can deliver, written as the footer writes it, reads back as itself.
    @Test func everyLabelReadsBack() throws {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right,
                           .pageUp, .pageDown, .home, .end, .shiftLeft, .shiftRight, .character(" ")]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefgklnopqrstuvwxyz".map { Key.control($0) }
        keys += "aZ1?/:+-=<>[]%.中é".map { Key.character($0) }
        for key in keys {
            #expect(try Key(name: key.label) == key, "\(key.label)")
        }
    }

    @Test func theFormsOtherToolsUse() {
        for name in ["ctrl+n", "Ctrl+N", "ctrl-n", "Ctrl-N", "C-n", "c-N", "^N", "^n", "control+n"] {
            #expect(Self.read(name) == .control("n"), "\(name)")
        }
        for name in ["shift+tab", "Shift-Tab", "S-Tab", "BackTab", "backtab"] { #expect(Self.read(name) == .backTab, "\(name)") }
        for (name, key) in [("Tab", Key.tab), ("tab", .tab), ("Enter", .enter), ("Return", .enter), ("Esc", .escape),
                            ("escape", .escape), ("Space", .character(" ")), (" ", .character(" ")), ("F5", .function(5)),
                            ("f12", .function(12)), ("PageDown", .pageDown), ("pgdn", .pageDown), ("page_up", .pageUp),
                            ("Delete", .delete), ("Up", .up), ("shift+left", .shiftLeft), ("S-Right", .shiftRight),
                            ("Backspace", .backspace), (" q ", .character("q"))] {
            #expect(Self.read(name) == key, "\(name)")
        }
    }

    @Test func singleCharactersKeepTheirCase() {
        #expect(Self.read("G") == .character("G"))
        #expect(Self.read("g") == .character("g"))
        #expect(Self.read("中") == .character("中"))
        #expect(Self.read("#") == .character("#"))
        // Names are not case-sensitive, but one letter is a character: `f` is not F-anything.
        #expect(Self.read("f") == .character("f"))
    }

    @Test func whatCannotBeAKeySaysWhy() {
        func message(_ name: String) -> String? {
            do { _ = try Key(name: name); return nil } catch { return error.message }
        }
        #expect(message("ctrl+i") == "cannot use key 'ctrl+i': the terminal sends it as Tab; write Tab")
        #expect(message("C-m") == "cannot use key 'C-m': the terminal sends it as Enter; write Enter")
        #expect(message("ctrl+h") == "cannot use key 'ctrl+h': the terminal sends it as Backspace; write Backspace")
        #expect(message("ctrl+1") == "cannot read key 'ctrl+1': Ctrl goes with one letter a–z (ctrl+n)")
        #expect(message("ctrl+") == "cannot read key 'ctrl+': Ctrl goes with one letter a–z (ctrl+n)")
        #expect(message("F0") == "cannot read key 'F0': function keys go from F1 to F12")
        #expect(message("F13") == "cannot read key 'F13': function keys go from F1 to F12")
        #expect(message("\t") != nil)
        #expect(message("") != nil)
        #expect(message("alt+x")?.hasPrefix("cannot read key 'alt+x'; write one character") == true)
        #expect(message("F05") != nil)
    }
}
