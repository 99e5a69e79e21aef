import DeckConfig
import Foundation
import Testing

@Suite struct ConfigLocationTests {
    @Test func xdgConfigHomeThenHome() {
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"])
                == "/x/cfg/campaign-deck/config.yaml")
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg/", "HOME": "/home/a"])
                == "/x/cfg/campaign-deck/config.yaml")
        // The XDG spec: a relative XDG_CONFIG_HOME is ignored.
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/a"])
                == "/home/a/.config/campaign-deck/config.yaml")
        #expect(ConfigLocation.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/campaign-deck/config.yaml")
        #expect(ConfigLocation.defaultPath(environment: [:]) == nil)
    }

    @Test func argumentsChooseTheFile() {
        let environment = ["HOME": "/h"]
        #expect(ConfigLocation.scan(["plan.yaml"], environment: environment) == ("/h/.config/campaign-deck/config.yaml", false))
        #expect(ConfigLocation.scan(["--config", "/c.yaml"], environment: environment) == ("/c.yaml", true))
        #expect(ConfigLocation.scan(["--config=/c.yaml", "--config", "/d.yaml"], environment: environment) == ("/d.yaml", true))
        #expect(ConfigLocation.scan(["--no-config", "--config", "/c.yaml"], environment: environment) == (nil, true))
        // After `--` everything is an argument, not an option.
        #expect(ConfigLocation.scan(["--", "--config", "/c.yaml"], environment: environment) == ("/h/.config/campaign-deck/config.yaml", false))
    }

    @Test func missingFolderAndUnreadableFiles() throws {
        let folder = NSTemporaryDirectory() + "deck-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(DeckConfig.load(path: folder + "/none.yaml") == nil)
        // A folder where the file should be: a problem at 1:1, defaults for everything.
        let asFolder = try #require(DeckConfig.load(path: folder))
        #expect(asFolder.problemLines == [folder + ":1:1: cannot read the config file: a folder"])
        let latin1 = folder + "/latin1.yaml"
        _ = FileManager.default.createFile(atPath: latin1, contents: Data([0x73, 0x70, 0x65, 0x65, 0x64, 0x3A, 0x20, 0xE9, 0x0A]))
        #expect(try #require(DeckConfig.load(path: latin1)).problemLines == [latin1 + ":1:1: cannot read the config file: not UTF-8 text"])
        let good = folder + "/config.yaml"
        try "speed: 42\n".write(toFile: good, atomically: true, encoding: .utf8)
        #expect(DeckConfig.load(path: good)?.speed == 42)
    }
}
