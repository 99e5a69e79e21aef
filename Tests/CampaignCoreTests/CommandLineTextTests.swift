import CampaignCore
import CampaignText
import Testing

/// ArgumentParser's English turned into the interface language: its usage
/// errors (`LibraryErrorText`, `UsageErrorWording`) and its help headings
/// (`HelpHeadings`), on the library's wording written out here.
@Suite struct CommandLineTextTests {
    @Test func usageErrorsKeepTheirEnglishAndPlaceInEnglish() {
        Language.$override.withValue(.english) {
            #expect(UsageErrorWording.message(for: "Unknown option '--bogus'", arguments: ["--bogus"])
                    == "Unknown option '--bogus' (--bogus)")
            #expect(UsageErrorWording.message(for: "Missing expected argument '<id>'", arguments: ["show", "-2"])
                    == "ID is out of range: it must be a positive number, got -2 (ID)")
            #expect(UsageErrorWording.message(for: "Oops", arguments: []) == "Oops (command line)")
        }
    }

    @Test func usageErrorsInChinese() {
        Language.$override.withValue(.chinese) {
            #expect(UsageErrorWording.message(for: "Unknown option '--bogus'", arguments: ["--bogus"]) == "未知选项 '--bogus'（--bogus）")
            #expect(UsageErrorWording.message(for: "Missing value for '--db <db>'", arguments: ["--db"]) == "'--db <db>' 缺少值（--db）")
            #expect(UsageErrorWording.message(for: "Unexpected argument 'x'", arguments: ["x"]) == "多余的参数 'x'（x）")
            #expect(UsageErrorWording.message(for: "2 unexpected arguments: 'a', 'b'", arguments: []) == "2 个多余的参数：'a', 'b'（a）")
            #expect(UsageErrorWording.message(for: "The option '--all' does not take any value, but 'x' was specified.", arguments: [])
                    == "选项 '--all' 不接受值，但给出了 'x'。（--all）")
            #expect(UsageErrorWording.message(for: "The value 'x' is invalid for '--to <to>'. Please provide one of 'mermaid', 'csv' or 'ics'.",
                                              arguments: []) == "值 'x' 不适用于 '--to <to>'。请给出以下之一：'mermaid'、'csv' 或 'ics'。（--to）")
            #expect(UsageErrorWording.message(for: "Missing expected argument '<id>'", arguments: ["-2"])
                    == "ID 超出范围：必须是正数，收到的是 -2（ID）")
            #expect(UsageErrorWording.message(for: "Oops", arguments: []) == "Oops（命令行）")
            // Our own messages end with their place already, in either form.
            #expect(UsageErrorWording.withPlace("标题为空（--title）") == "标题为空（--title）")
        }
    }

    /// Unwrapped help as ArgumentParser writes it (the shape of `kpi --help`, cut down).
    static let libraryHelp = """
        OVERVIEW: Compute every KPI.

        USAGE: campaign-deck kpi [--by <by>] [--format <format>]

        ARGUMENTS:
          <files>                 Event files.

        OPTIONS:
          --by <by>               Group rows. (values: channel, segment; default: channel)
          --max-scopes <count>    At most this many. (default: 10000)
          --format <format>       Output format. (values: table, json)
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          dashboard (default)     Open the live dashboard.

          See 'campaign-deck help <subcommand>' for detailed help.
        """

    @Test func helpHeadingsInChinese() {
        let chinese = Language.$override.withValue(.chinese) { HelpHeadings.translated(Self.libraryHelp, width: 80) }
        #expect(chinese == """
            概述：Compute every KPI.

            用法：campaign-deck kpi [--by <by>] [--format <format>]

            参数：
              <files>                 Event files.

            选项：
              --by <by>               Group rows.（可选值：channel, segment；默认：channel）
              --max-scopes <count>    At most this many.（默认：10000）
              --format <format>       Output format.（可选值：table, json）
              --version               显示版本号。
              -h, --help              显示帮助信息。

            子命令：
              dashboard（默认）       Open the live dashboard.

              各子命令的详细帮助：'campaign-deck help <子命令>'。
            """)
    }

    /// 60 columns less the help column's 26 leave 34: 17 characters of 2 columns a line.
    @Test func aLongOptionHelpWrapsUnderItsColumn() {
        let line = "  --db <db>               " + String(repeating: "数据库", count: 12)
        let wrapped = Language.$override.withValue(.chinese) { HelpHeadings.translated("USAGE: x\n" + line, width: 60) }
        #expect(wrapped == "用法：x\n  --db <db>               数据库数据库数据库数据库数据库数据\n"
                + String(repeating: " ", count: 26) + "库数据库数据库数据库数据库数据库数\n" + String(repeating: " ", count: 26) + "据库")
    }
}
