import Foundation
import Testing

/// The config file through the real binary: problems on standard error as
/// FILE:LINE:COLUMN while the dashboard still renders, the options that
/// choose the file, and the language it sets.
@Suite struct ConfigFileCommandTests {
    static func environment(_ folder: String, language: String? = "en") -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder
        environment["XDG_STATE_HOME"] = folder + "/state"
        environment["CAMPAIGN_DECK_LANG"] = language
        environment["LANG"] = "C"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        return environment
    }

    static func writeConfig(_ text: String, in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder + "/campaign-deck", withIntermediateDirectories: true)
        let path = folder + "/campaign-deck/config.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aBrokenThemeFileIsReportedAndTheDashboardStillRenders() throws {
        let scratch = ScratchFolder()
        try "txet = red\n".write(toFile: scratch.path + "/campaign-deck-broken.theme", atomically: true, encoding: .utf8)
        // The theme is relative to the config's folder; `theme: ` is 7 characters, the value at 2:8.
        let path = try Self.writeConfig("speed: 60\ntheme: ../campaign-deck-broken.theme\nmouse: 3\n", in: scratch.path)
        let run = try CLIRunner.run(["--snapshot", "120x40", "--days", "1"], environment: Self.environment(scratch.path))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines.first == path + ":2:8: theme not used: broken theme: unknown role 'txet' (did you mean 'text'?) "
                + "(\(scratch.path)/campaign-deck/../campaign-deck-broken.theme:1)", "\(run.stderr)")
        #expect(run.stderrLines.contains(path + ":3:8: 'mouse' must be true or false, got '3'"), "\(run.stderr)")
        #expect(run.stdout.contains("1 Segments"))
    }

    @Test func aMissingConfigOptionIsAUsageError() throws {
        let scratch = ScratchFolder()
        let missing = try CLIRunner.run(["--config", scratch.path + "/nope.yaml", "--snapshot", "120x40"],
                                        environment: Self.environment(scratch.path))
        #expect(missing.status == 2)
        #expect(missing.stderrLines.first == "campaign-deck: no config file at \(scratch.path)/nope.yaml (--config)")
        let both = try CLIRunner.run(["--config", "x.yaml", "--no-config", "--snapshot", "120x40"],
                                     environment: Self.environment(scratch.path))
        #expect(both.status == 2)
        #expect(both.stderr.contains("--config and --no-config exclude each other"))
    }

    @Test func noConfigIgnoresTheFile() throws {
        let scratch = ScratchFolder()
        _ = try Self.writeConfig("keys:\n  quit: Q\n", in: scratch.path)
        let configured = try CLIRunner.run(["--snapshot", "120x40", "--days", "1"], environment: Self.environment(scratch.path))
        #expect(configured.stdout.contains("Q quit"))
        let ignored = try CLIRunner.run(["--no-config", "--snapshot", "120x40", "--days", "1"], environment: Self.environment(scratch.path))
        #expect(ignored.stdout.contains("q quit") && !ignored.stdout.contains("Q quit"))
    }

    @Test func theConfigsLanguageComesAfterTheFlagAndTheVariable() throws {
        let scratch = ScratchFolder()
        _ = try Self.writeConfig("language: zh\n", in: scratch.path)
        let chinese = try CLIRunner.run(["--snapshot", "120x40", "--days", "1"], environment: Self.environment(scratch.path, language: nil))
        #expect(chinese.stdout.contains("客群"))
        let variable = try CLIRunner.run(["--snapshot", "120x40", "--days", "1"], environment: Self.environment(scratch.path, language: "en"))
        #expect(variable.stdout.contains("Segments") && !variable.stdout.contains("客群"))
        let flag = try CLIRunner.run(["--lang", "en", "--snapshot", "120x40", "--days", "1"],
                                     environment: Self.environment(scratch.path, language: nil))
        #expect(flag.stdout.contains("Segments"))
    }
}
