import Foundation
import Testing

/// Plans are data from other people: nothing in them may drive the terminal.
@Suite struct HostileInputTests {
    static let hostile = """
    campaign:
      id: t
      name: "\\e]0;owned\\a"
      start: 2026-03-02
      budget: 10
    channels:
      - { id: evil, name: "\\e[2J\\e[31mred" }
    tasks:
      - { id: a, name: "\\u009b31m", days: 1, owner: "\\u202eevil" }

    """

    @Test func showAndExportsNeverEmitEscapeBytes() throws {
        let folder = ScratchFolder()
        try Self.hostile.write(toFile: folder.path + "/evil.yaml", atomically: true, encoding: .utf8)
        for arguments in [["plan", "show", "evil.yaml"], ["plan", "schedule", "evil.yaml", "--today", "2026-03-02"],
                          ["plan", "export", "evil.yaml", "--to", "mermaid"], ["plan", "export", "evil.yaml", "--to", "ics"]] {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            for forbidden: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"] {
                #expect(!run.stdout.unicodeScalars.contains(forbidden), "\(arguments) printed U+\(String(forbidden.value, radix: 16))")
            }
        }
        let table = try CLIRunner.run(["plan", "show", "evil.yaml"], in: folder.path)
        #expect(table.stdout.hasPrefix("\\u{1B}]0;owned\\u{07} (t)"), "the name is shown as visible escapes")
    }

    @Test func diagnosticsEscapeWhatTheyQuote() throws {
        let folder = ScratchFolder()
        try "campaign:\n  id: t\n  start: 2026-03-02\n  budget: 10\n  \"\\e[2J\": 1\n"
            .write(toFile: folder.path + "/evil.yaml", atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["plan", "validate", "evil.yaml"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines.first == "evil.yaml:5:3: unknown key '\\u{1B}[2J' in 'campaign'")
        #expect(!run.stderr.unicodeScalars.contains("\u{1B}"))
    }
}
