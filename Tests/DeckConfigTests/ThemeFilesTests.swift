import DeckConfig
import Testing

/// Themes by name or file, and the config's theme falling back to the default.
@Suite struct ThemeFilesTests {
    @Test func builtInAndUnknownNames() throws {
        #expect(try ThemeFiles.load("light").name == "light")
        #expect(throws: ThemeFiles.LoadError.self) { try ThemeFiles.load("lihgt") }
        do {
            _ = try ThemeFiles.load("lihgt")
        } catch {
            #expect(error.message == "unknown theme 'lihgt' (did you mean 'light'?) (--theme)")
            #expect(error.hint == "built-in themes: default, light, high-contrast, monochrome, or a path to a .theme file")
        }
    }

    @Test func theConfigsThemeFallsBackWithAProblemButAFlagsDoesNot() throws {
        // `theme: ` is 7 characters: the value at 1:8.
        var config = DeckConfig.parse("theme: /no/such/dir/x.theme\n", path: "/c/config.yaml")
        let settings = DashboardSettings(speedFlag: nil, themeFlag: nil, mouseFlag: nil, config: config)
        let theme = try ThemeFiles.load(settings, config: &config)
        #expect(theme.name == "default")
        #expect(config.problemLines == ["/c/config.yaml:1:8: theme not used: cannot read theme (/no/such/dir/x.theme)"])
        let flagged = DashboardSettings(speedFlag: nil, themeFlag: "/no/such/dir/x.theme", mouseFlag: nil, config: DeckConfig())
        var none = DeckConfig()
        #expect(throws: ThemeFiles.LoadError.self) { try ThemeFiles.load(flagged, config: &none) }
    }
}
