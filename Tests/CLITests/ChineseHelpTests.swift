import CampaignCore
import CampaignText
import Foundation
import Testing

/// `--help` of every command in Chinese (issue 15, item 1), on the real
/// binary: no English word of the interface left, ArgumentParser's own
/// headings included, and every line as narrow as the English help's.
@Suite struct ChineseHelpTests {
    /// Every command and subcommand, as typed.
    static let commands: [[String]] = [
        [], ["dashboard"], ["plan"], ["plan", "validate"], ["plan", "schedule"], ["plan", "show"], ["plan", "export"],
        ["init"], ["simulate"], ["kpi"], ["alerts"], ["segment"], ["ingest"], ["watch"],
        ["anomalies"], ["anomalies", "list"], ["anomalies", "show"], ["anomalies", "ack"], ["anomalies", "assign"],
        ["anomalies", "resolve"], ["anomalies", "reopen"], ["anomalies", "note"], ["anomalies", "open"],
        ["report"], ["standup"], ["notify"], ["notify", "test"], ["notify", "pending"], ["notify", "flush"],
        ["notify", "discard"], ["silence"], ["silence", "add"], ["silence", "list"], ["silence", "expire"],
    ]

    /// The words ArgumentParser writes itself; `HelpHeadings` must translate
    /// each. If the library rewords one, the English check below fails first.
    static let libraryWords = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "(default: ", "(values: ",
                               "Show help information.", "Show the version.", "<subcommand>' for detailed help."]

    /// The width help is wrapped to here (no terminal): COLUMNS, as a user's shell may set it.
    static let width = 80

    static func help(_ command: [String], language: String) throws -> CLIRunner.Run {
        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_DECK_LANG"] = language
        environment["COLUMNS"] = String(width)
        environment["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "campaign-deck-cli-no-config"
        return try CLIRunner.run(command + ["--help"], environment: environment)
    }

    @Test(arguments: commands) func chineseHelpHasNoEnglishAndFitsTheWidth(_ command: [String]) throws {
        let english = try Self.help(command, language: "en")
        let chinese = try Self.help(command, language: "zh")
        #expect(english.status == 0 && chinese.status == 0, "\(command)")
        let englishLines = english.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lines = chinese.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The usage line is the command itself, as long as it is in English.
        let usage = englishLines.first { $0.hasPrefix("USAGE: ") }.map { "用法：" + $0.dropFirst("USAGE: ".count) }
        #expect(usage != nil && lines.contains(usage!), "\(command): the usage line")
        for line in lines where !line.hasPrefix("用法：") {
            #expect(DisplayWidth.of(line) <= Self.width, "\(command): \(DisplayWidth.of(line)) columns: \(line)")
        }
        let words = EnglishWords.find(in: Self.interfaceText(lines))
        #expect(words.isEmpty, "\(command): English in the Chinese help: \(words)")
        for word in Self.libraryWords where english.stdout.contains(word) {
            #expect(!chinese.stdout.contains(word), "\(command): the library's \(word) left in English")
        }
    }

    /// The library still writes the words `HelpHeadings` looks for.
    @Test func theLibraryWritesTheWordsThatAreTranslated() throws {
        let root = try Self.help([], language: "en").stdout
        let kpi = try Self.help(["kpi"], language: "en").stdout
        for word in Self.libraryWords {
            #expect(root.contains(word) || kpi.contains(word), "ArgumentParser no longer writes \(word)")
        }
        #expect(root.contains("  dashboard (default)"))
        #expect(try Self.help([], language: "zh").stdout.contains("  dashboard（默认）       打开实时仪表盘（默认命令）。\n"))
    }

    /// An example longer than the help's width is wrapped by the library to
    /// column 0, where it reads as two broken commands; every example line
    /// must fit, or carry its own `\` continuation (found on `segment`).
    @Test(arguments: commands) func examplesAreNeverWrappedByTheLibrary(_ command: [String]) throws {
        for (language, heading) in [("en", "Examples:"), ("zh", "示例：")] {
            let lines = try Self.help(command, language: language).stdout
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let start = lines.firstIndex(of: heading) else { continue }
            // The examples run to the first empty line; prose may follow it.
            let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
            for line in examples {
                #expect(line.hasPrefix("  "), "\(command) \(language): an example wrapped by the library: \(line)")
            }
        }
    }

    @Test func headingsAndNotesReadAsWritten() throws {
        let kpi = try Self.help(["kpi"], language: "zh").stdout
        #expect(kpi.hasPrefix("概述：从事件流计算所有指标：按渠道、客群、活动或汇总。\n"))
        for line in ["参数：", "选项：", "示例：", "  --version               显示版本号。", "  -h, --help              显示帮助信息。",
                     "  --plan <plan>           活动方案文件（默认：内置演示活动）。"] {
            #expect(kpi.contains("\n" + line + "\n"), "\(line)")
        }
        #expect(kpi.contains("（可选值：table,\n                          json, csv；默认：table）"))
        let root = try Self.help([], language: "zh").stdout
        #expect(root.contains("\n子命令：\n"))
        #expect(root.hasSuffix("\n  各子命令的详细帮助：'campaign-deck help <子命令>'。\n"))
    }

    /// What a person reads: the help without what is typed as it is in any
    /// language: example lines (indented, in the overview), the usage line,
    /// `<arguments>`, `--options`, command names in the subcommand list, the
    /// values and defaults the library lists, and quoted commands.
    static func interfaceText(_ lines: [String]) -> String {
        var text: [String] = []
        var inOverview = true
        var inSubcommands = false
        for line in lines {
            if line.hasPrefix("用法：") { inOverview = false; continue }
            if line == "子命令：" { inSubcommands = true; continue }
            if inOverview && line.hasPrefix(" ") { continue }
            var line = line
            if inSubcommands, line.hasPrefix("  "), line.dropFirst(2).first?.isASCII == true {
                line = String(line.drop { $0 == " " }.drop { $0 != " " && $0 != "（" })
            }
            text.append(line)
        }
        var joined = text.joined(separator: "\n")
        // The library's lists of values and defaults may be wrapped across lines.
        // A wrapped line may break inside a note's opening words too.
        let notes = ["（可选值：", "（默认："].map { $0.map(String.init).joined(separator: #"\s*"#) + "[^）]*）" }
        for pattern in [#"<[^>]*>"#, #"(^|[ ,\[])-{1,2}[a-z][a-z-]*"#, #"'[^']*'"#] + notes {
            joined = joined.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return joined
    }
}
