import CampaignCore
import CampaignText
import Foundation
import Testing

/// The command line's errors and outputs in Chinese, on the real binary:
/// the English error tests' bad inputs under `--lang zh` have no English
/// word of the interface (plan data, typed values and the library's
/// reasons aside), and a few lines read as written out by hand.
@Suite struct ChineseCommandLineTests {
    let folder = ScratchFolder()

    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIRunner.Run {
        try CLIRunner.run(arguments + ["--lang", "zh"], in: folder.path, stdin: stdin)
    }

    /// The bad inputs of `CommandLineEdgeTests.errorsSayWhere` and friends, with
    /// what the user typed (quoted, or an option) set aside before the check.
    @Test func badInputsSpeakChinese() throws {
        let inputs: [[String]] = [
            ["kpi", "--by", "foo"], ["anomalies", "--db", "x.db", "show"], ["plan", "frobnicate", "x"],
            ["segment", "demo", "--as-of", "2026-13-01"], ["--snapshot", "80by20"], ["simulate", "--days", "1", "--speed", "-5"],
            ["simulate", "--days", "-3"], ["simulate", "--days", "0"], ["kpi", "--bogus"], ["kpi", "--formt", "json"],
            ["plan", "show", "demo", "--format", "csv"], ["silence", "list", "--db", "x.db", "--format", "csv"],
            ["ingest", "--follow", "a", "b"], ["notify", "flush", "--tries", "0"], ["kpi", "--max-time-jump", "soon"],
            ["dashboard", "--config", "c.yaml", "--no-config"], ["anomalies", "--db", "x.db", "note", "1", " "],
            ["silence", "add", "--rule", "r", "--comment", "c"], ["anomalies", "open", "--title", "t", "--channel", "a", "--segment", "b"],
        ]
        for arguments in inputs {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            // A line's last （…） is its place: the argument, option or command typed.
            let said = result.stderr.replacingOccurrences(of: #"(?m)'[^']*'|`[^`]*`|<[^>]*>|(^|[ （(，、])--?[a-z][a-z-]*|（[^（）]*）$"#,
                                                          with: " ", options: .regularExpression)
            #expect(!said.isEmpty && EnglishWords.find(in: said).isEmpty, "\(arguments): \(EnglishWords.find(in: said)) in \(result.stderr)")
        }
    }

    @Test func errorsWrittenOutByHand() throws {
        let expectations: [([String], [String])] = [
            (["kpi", "--by", "foo"], ["campaign-deck: 值 'foo' 不适用于 '--by <by>'。请给出以下之一：'channel'、'segment'、'campaign' 或 'total'。（--by）",
                                      "提示：请查看 `campaign-deck --help`"]),
            (["anomalies", "--db", "x.db", "show"], ["campaign-deck: 缺少必需的参数 '<id>'（ID）", "提示：请查看 `campaign-deck --help`"]),
            (["anomalies", "--db", "x.db", "show", "-1"], ["campaign-deck: ID 超出范围：必须是正数，收到的是 -1（ID）", "提示：请查看 `campaign-deck --help`"]),
            (["kpi", "--formt", "json"], ["campaign-deck: 未知选项 '--formt'。是不是要输入 '--format'？（--formt）", "提示：请查看 `campaign-deck --help`"]),
            (["simulate", "--days", "0"], ["campaign-deck: --days 至少为 1，收到的是 0（--days）", "提示：请查看 `campaign-deck --help`"]),
            (["segment", "demo", "--as-of", "2026-13-01"], ["campaign-deck: --as-of 必须是形如 2026-04-01 的日期，收到的是 '2026-13-01'（--as-of）"]),
            (["plan", "show", "demo", "--format", "csv"], ["campaign-deck: `plan show` 包含多张表，没有单一的 CSV 形式（`--format csv`）",
                                                         "提示：任务的 CSV 请用 `campaign-deck plan export demo --to csv`"]),
        ]
        for (arguments, lines) in expectations {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrLines == lines, "\(arguments)")
        }
    }

    /// A message waiting for a receiver that is down: the table's heads and
    /// states in Chinese, columns aligned by display width (a head of two
    /// CJK characters is four columns wide).
    @Test func thePendingTableInChinese() throws {
        _ = try run(["init", "spring"])
        let plan = try String(contentsOfFile: folder.path + "/spring.yaml", encoding: .utf8)
            + "notify:\n  - { id: hooks, kind: webhook, url: \"http://127.0.0.1:9/x\" }\nnotify_policy: { repeat_interval: 1000h }\n"
        try plan.write(toFile: folder.path + "/p.yaml", atomically: true, encoding: .utf8)
        let events = try run(["simulate", "--plan", "p.yaml", "--from", "2026-04-09", "--days", "1"]).stdout
        _ = try run(["ingest", "--plan", "p.yaml", "--db", "d.sqlite", "--notify-past", "-"], stdin: events)
        let table = try run(["notify", "pending", "--plan", "p.yaml", "--db", "d.sqlite"]).stdout
            .split(separator: "\n").map(String.init)
        #expect(table.first?.split(separator: " ").map(String.init) == ["ID", "渠道", "时间", "状态", "规则", "范围", "尝试次数", "最近错误"])
        #expect(table.dropFirst().map { $0.contains("告警中") || $0.contains("已恢复") } == [true, true])
        // The status column starts where its head does, in display columns: after "ID  渠道   时间" and the padding.
        func column(of word: String, in line: String) -> Int? {
            line.range(of: word).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
        }
        #expect(column(of: "状态", in: table[0]) == column(of: "告警中", in: table[1]))
    }

    /// `--lang` without a value: the language is not known from it, so the environment's is used.
    @Test func aMissingLanguageIsSaidInTheEnvironmentsLanguage() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_DECK_LANG"] = "zh"
        let chinese = try CLIRunner.run(["kpi", "--lang"], in: folder.path, environment: environment)
        #expect(chinese.status == 2)
        #expect(chinese.stderrLines == ["campaign-deck: --lang 需要一个值：`en` 或 `zh`"])
        environment["CAMPAIGN_DECK_LANG"] = "en"
        #expect(try CLIRunner.run(["kpi", "--lang"], in: folder.path, environment: environment).stderrLines
                == ["campaign-deck: --lang needs a value: en or zh"])
    }

    @Test func outputsWrittenOutByHand() throws {
        let db = folder.path + "/t.deck.sqlite"
        let opened = try run(["anomalies", "--db", db, "open", "--title", "供应商延期", "--author", "王芳"])
        #expect(opened.stdout == "异常 1「供应商延期」：已登记\n")
        #expect(try run(["anomalies", "--db", db, "ack", "1", "--owner", "李雷", "--author", "王芳"]).stdout == "异常 1「供应商延期」：已确认，负责人 李雷\n")
        #expect(try run(["anomalies", "--db", db, "resolve", "1", "--author", "王芳"]).stdout == "异常 1「供应商延期」：已解决\n")
        #expect(try run(["anomalies", "--db", db, "reopen", "1", "--author", "王芳"]).stdout == "异常 1「供应商延期」：已重新打开，恢复为已确认，负责人 李雷\n")
        #expect(try run(["notify", "pending", "--db", db]).stdout == "没有待发消息\n")
        #expect(try run(["notify", "discard", "--channel", "lead", "--db", db]).stdout == "渠道 'lead' 没有待发消息（\(db)）\n")
        // Two bad lines, none good: counted in Chinese.
        let kpi = try run(["kpi", "-"], stdin: "{\"ts\":1}\nnot json\n")
        #expect(kpi.stderrLines.last == "campaign-deck: 2 行被拒绝，0 个事件被接受")
        let initialised = try run(["init", "shop"])
        #expect(initialised.stdout.hasSuffix("下一步：`campaign-deck plan validate shop.yaml`  ·  `campaign-deck plan schedule shop.yaml`\n"))
        let again = try run(["init", "shop"])
        #expect(again.stderrLines.last == "提示：请换一个名称，或编辑已有的方案")
        #expect(again.status == 2, "an existing plan is bad input in any language")
    }
}
