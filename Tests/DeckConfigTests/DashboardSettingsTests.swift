import DeckConfig
import Testing

/// What wins: a flag over the config, the config over the built-in default.
@Suite struct DashboardSettingsTests {
    static let configured: DeckConfig = {
        var config = DeckConfig(path: "/c/config.yaml")
        config.speed = 60
        config.theme = "light"
        config.mouse = false
        return config
    }()

    @Test func builtInDefaultsWithoutFlagsOrConfig() {
        let settings = DashboardSettings(speedFlag: nil, themeFlag: nil, mouseFlag: nil, config: DeckConfig())
        #expect(settings == DashboardSettings(speedFlag: 600, themeFlag: "default", mouseFlag: true, config: DeckConfig()))
        #expect(settings.speed == 600 && settings.theme == "default" && settings.mouse && !settings.themeIsConfigured)
    }

    @Test func theConfigWinsOverBuiltInDefaults() {
        let settings = DashboardSettings(speedFlag: nil, themeFlag: nil, mouseFlag: nil, config: Self.configured)
        #expect(settings.speed == 60 && settings.theme == "light" && !settings.mouse && settings.themeIsConfigured)
    }

    @Test func flagsWinOverTheConfig() {
        let settings = DashboardSettings(speedFlag: 3_600, themeFlag: "monochrome", mouseFlag: true, config: Self.configured)
        #expect(settings.speed == 3_600 && settings.theme == "monochrome" && settings.mouse && !settings.themeIsConfigured)
    }

    @Test func eachSettingIndependently() {
        // Only the speed flag: the theme and mouse still come from the config.
        let settings = DashboardSettings(speedFlag: 1, themeFlag: nil, mouseFlag: nil, config: Self.configured)
        #expect(settings.speed == 1 && settings.theme == "light" && !settings.mouse)
        // A config with only keys: the other settings are built in.
        let keysOnly = DeckConfig.parse("keys:\n  quit: Q\n", path: "/c/config.yaml")
        let fromKeysOnly = DashboardSettings(speedFlag: nil, themeFlag: nil, mouseFlag: nil, config: keysOnly)
        #expect(fromKeysOnly.speed == 600 && fromKeysOnly.theme == "default" && fromKeysOnly.mouse)
    }
}
