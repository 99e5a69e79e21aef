import CampaignCore
import CampaignText
@testable import DeckUI
import Foundation
import Testing

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    @Test(arguments: BuiltinThemes.names)
    func builtInThemesMatchTheirFilesAndSetEveryRole(name: String) throws {
        let file = try String(contentsOf: Self.themesFolder.appendingPathComponent(name + ".theme"), encoding: .utf8)
        #expect(BuiltinThemes.text(name) == file, "themes/\(name).theme and the built-in copy differ")
        let theme = try Theme.parse(file, name: name, source: name)
        #expect(Set(theme.looks.keys) == Set(ThemeRole.allCases))
    }

    @Test func monochromeUsesNoColour() throws {
        let theme = try Theme.parse(BuiltinThemes.text("monochrome")!, name: "monochrome", source: "m")
        #expect(theme.looks.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(theme.look(.firing).attributes.contains(.reverse), "a breach stands out without colour")
    }

    @Test func brokenThemesNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("text = default\nfirng = red\n", 2, "unknown role 'firng' (did you mean 'firing'?)"),
            ("# comment\n\ntext = mauve\n", 3, "bad colour 'mauve' (a name like red, an xterm index 0-255, #RRGGBB or default)"),
            ("header = white on\n", 1, "'on' needs a background colour"),
            ("ok = green blink\n", 1, "unknown attribute 'blink' (bold, dim, underline, reverse, italic)"),
            ("ok green\n", 1, "expected 'role = colour [on colour] [bold …]', got 'ok green'"),
            ("ok = 1\nok = 2\n", 2, "'ok' is set twice"),
            ("today = #12345\n", 1, "bad colour '#12345' (use #RRGGBB)"),
        ]
        for (text, line, message) in cases {
            #expect(throws: Theme.ParseError.self) { try Theme.parse(text, name: "t", source: "t.theme") }
            do {
                _ = try Theme.parse(text, name: "t", source: "t.theme")
            } catch {
                #expect(error.line == line)
                #expect(error.message == message)
                #expect(error.description == "t.theme:\(line): \(message)")
            }
        }
    }

    @Test func brokenThemesNameTheLineInChinese() {
        let cases: [(String, Int, String)] = [
            ("# comment\n\ntext = mauve\n", 3, "颜色 'mauve' 无效（可用颜色名如 `red`、`xterm` 色号 0-255、`#RRGGBB` 或 `default`）"),
            ("header = white on\n", 1, "`on` 后面需要一个背景色"),
            ("ok = green blink\n", 1, "未知属性 'blink'（可用 `bold`、`dim`、`underline`、`reverse`、`italic`）"),
            ("ok green\n", 1, "应为 `角色 = 颜色 [on 背景色] [bold …]` 的形式，实际是 'ok green'"),
            ("ok = 1\nok = 2\n", 2, "'ok' 设置了两次"),
            ("today = #12345\n", 1, "颜色 '#12345' 无效（请用 `#RRGGBB`）"),
        ]
        Language.$override.withValue(.chinese) {
            for (text, line, message) in cases {
                do {
                    _ = try Theme.parse(text, name: "t", source: "t.theme")
                    Issue.record("\(text) parsed")
                } catch let error as Theme.ParseError {
                    #expect(error.line == line)
                    #expect(error.message == message)
                    #expect(error.description == "t.theme:\(line): \(message)", "the place stays FILE:LINE")
                } catch {
                    Issue.record(error)
                }
            }
        }
    }

    @Test func applyingAThemeResolvesRolesToColours() throws {
        let theme = try Theme.parse("text = default\nfiring = 203 on 16 bold\n", name: "t", source: "t")
        var grid = CellGrid(columns: 4, rows: 1)
        grid.put("ab", row: 0, column: 0, style: Style(.firing))
        grid.put("cd", row: 0, column: 2, style: Style(.muted, attributes: .underline))
        let themed = theme.apply(to: grid)
        #expect(themed[0, 0].style == Style(foreground: .indexed(203), background: .indexed(16), attributes: .bold))
        // A role the theme leaves out looks like text, keeping the cell's own attributes.
        #expect(themed[0, 2].style == Style(foreground: .default, background: .default, attributes: .underline))
    }
}
