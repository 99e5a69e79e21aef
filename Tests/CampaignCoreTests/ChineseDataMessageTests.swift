@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// The bad event lines, transaction rows and silences of the English tests,
/// read under Chinese: every message is Chinese (data in quotes, options and
/// formats aside) and keeps its positions (byte, line, option); a few are
/// written out in full by hand.
@Suite struct ChineseDataMessageTests {
    /// English words left in `message` once the data it quotes ('…') is taken out.
    static func englishWords(_ message: String) -> [String] {
        EnglishWords.find(in: message.replacing(/'[^']*'/, with: "''"))
    }

    /// The numbers in a message: the positions (bytes, lines, limits) it reports.
    static func numbers(_ message: String) -> [String] {
        message.matches(of: /[0-9]+/).map { String($0.output) }
    }

    static func chinese<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.chinese, operation: body) }
    static func english<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.english, operation: body) }

    /// Lines from EventRejectionTests and EventLineParserTests, one per reason and JSON syntax error.
    static let badEventLines = [
        "", String(repeating: "x", count: 101), #"{"ts" 1}"#, #"{"ts":1,"type":"click""#, #"{"ts":1 "type":"click"}"#,
        #"{"ts":1,}"#, #"{"ts":}"#, #"{"ts":01}"#, #"{"ts":tru}"#, #"{"a":"\x"}"#, #"{"a":"\u12G4"}"#, #"{"a":"\ud83d"}"#,
        "{\"a\":\"x\ty\"}", #"{"ts":1}x"#, #"{"a":[1,2}"#, "hello", "[1,2]", " 42 ", #""ts""#, "null", "true",
        #"{"type":"click"}"#, #"{"ts":0}"#, #"{"ts":true,"type":"click"}"#, #"{"ts":0,"type":1}"#,
        #"{"ts":0,"type":"click","count":-1}"#, #"{"ts":0,"type":"click","count":1.5}"#,
        #"{"ts":0,"type":"click","count":1e13}"#, #"{"ts":0,"type":"click","amount":1e16}"#,
        #"{"ts":0,"type":"community_active"}"#, #"{"ts":"2026-03-02","type":"click"}"#,
        #"{"ts":"2026-03-02T10:00:00","type":"click"}"#, #"{"ts":"2026-02-30T10:00:00Z","type":"click"}"#,
        #"{"ts":1.5,"type":"click"}"#, #"{"ts":"9999-12-31T23:59:59Z","type":"click"}"#,
    ]

    func rejection(_ line: String) -> EventRejection? {
        var parser = EventLineParser(limits: EventLimits(maximumLineLength: 100))
        guard case .rejected(let reason) = parser.parse(line) else { return nil }
        return reason
    }

    @Test func everyEventRejectionIsChineseWithItsPositions() throws {
        var kinds = Set<EventRejectionKind>()
        for line in Self.badEventLines {
            let reason = try #require(rejection(line), "\(line) is rejected")
            kinds.insert(reason.kind)
            let english = Self.english { reason.message }
            let chinese = Self.chinese { reason.message }
            #expect(Self.englishWords(chinese).isEmpty, "\(line): \(chinese)")
            #expect(chinese != english)
            #expect(Self.numbers(chinese).sorted() == Self.numbers(english).sorted(), "\(english) → \(chinese)")
        }
        // Every reason but the two that need many lines (tooManyScopes, timeJump: below)
        // and invalid UTF-8, which no Swift String holds (byte lines: EventRejectionTests).
        // Report rows (`report_row`) are not JSON lines: ReportFileReaderTests says them in Chinese.
        #expect(kinds.count == EventRejectionKind.allCases.filter { $0 != .reportRow }.count - 3)
        #expect(Self.chinese { EventRejection.invalidUTF8(at: 36).message } == "第 36 字节不是有效的 UTF-8")
    }

    @Test func scopeAndTimeLimitsSayTheirOptions() {
        let scopes = Self.chinese { EventRejection.tooManyScopes(.channel, limit: 2).message }
        #expect(scopes == "不同的渠道过多（最多 2 个；--max-scopes）")
        let jump = Self.chinese { EventRejection.timeJump(after: 7 * 86_400_000 + 61_000, limit: 7 * 86_400_000).message }
        #expect(jump == "时间跳跃：比最新事件晚 7 天 1 分钟 1 秒（最多 7d；--max-time-jump）")
        #expect(Self.english { EventRejection.timeJump(after: 86_400_000 + 1_000, limit: 3_600_000).message }
            == "time jump: 1 day 1 second after the latest event (at most 1h; --max-time-jump)")
    }

    @Test func eventMessagesWrittenOutInChinese() throws {
        let cases: [(String, String)] = [
            ("", "空行"),
            (#"{"ts" 1}"#, "JSON 无效：第 7 字节处应为 ':'"),
            (" 42 ", "不是 JSON 对象：实际为数字"),
            (#"{"ts":0,"type":1}"#, "'type' 的类型不对：应为字符串，实际为数字"),
            (#"{"ts":"2026-03-02T10:00:00","type":"click"}"#, "时间戳有误：缺少时区偏移（请加上 Z 或 ±HH:MM）"),
            (String(repeating: "x", count: 101), "行过长：101 字节（上限 100）"),
        ]
        for (line, expected) in cases {
            let reason = try #require(rejection(line))
            #expect(Self.chinese { reason.message } == expected)
        }
        let unreadable = EventInputError(source: "/missing.jsonl", problem: Self.chinese { SystemErrorText.of(ENOENT) })
        #expect(Self.chinese { unreadable.description } == "无法读取 /missing.jsonl：文件或目录不存在")
        #expect(Self.english { SystemErrorText.of(ENOENT) } == String(cString: strerror(ENOENT)))
    }

    @Test func everyBadTransactionRowIsChineseOnTheSameLine() throws {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/transactions")
        let text = try String(contentsOf: folder.appendingPathComponent("bad-rows.csv"), encoding: .utf8)
        let history = try readTransactions(text)
        let expected = try String(contentsOf: folder.appendingPathComponent("bad-rows.expected"), encoding: .utf8)
        #expect(history.rejected.count == expected.split(separator: "\n").count)
        for row in history.rejected {
            let chinese = Self.chinese { row.reason.description }
            let english = Self.english { row.reason.description }
            #expect(Self.englishWords(chinese).isEmpty, "line \(row.line): \(chinese)")
            #expect(Self.numbers(chinese).sorted() == Self.numbers(english).sorted(), "\(english) → \(chinese)")
        }
        #expect(Self.chinese { RejectedRow.Reason.duplicate(ofLine: 4).description } == "与第 4 行完全重复")
        #expect(Self.chinese { RejectedRow.Reason.negativeAmount("-5").description } == "金额 '-5' 为负数")
        #expect(Self.chinese { RejectedRow.Reason.wrongFieldCount(expected: 3, found: 2).description } == "应有 3 个字段，实际有 2 个")
    }

    @Test func transactionFileErrorsAreChineseAndNameTheFile() {
        let errors: [TransactionInputError] = [
            .noHeader, .missingColumn("cust", option: "--customer-col", header: ["customer_id", "date", "amount"]),
            .ambiguousColumn("date", option: "--date-col"),
        ]
        for error in errors {
            let read = Self.chinese { TransactionsReadError(error, path: "tx.csv") }
            #expect(read.message.hasSuffix("（tx.csv）"), "\(read.message)")
            let data = read.message.replacing("customer_id,date,amount", with: "").replacing("tx.csv", with: "")
            #expect(Self.englishWords(data).isEmpty, "\(read.message)")
            if let hint = read.hint {
                #expect(Self.englishWords(hint.replacing("customer_id, date, amount", with: "")).isEmpty, "\(hint)")
            }
        }
        let missing = Self.chinese { TransactionsReadError(.missingColumn("cust", option: "--customer-col", header: ["id", "day"]), path: "tx.csv") }
        #expect(missing.message == "表头中没有列 'cust'（tx.csv）")
        #expect(missing.hint == "表头中的列：id, day；请用 --customer-col 指定列")
        #expect(throws: TransactionsReadError(message: "无法读取交易记录：文件不存在（/no/such.csv）",
                                              hint: "请传入 CSV 文件，或用 `demo` 使用生成的演示客户库", isBadInput: true)) {
            try Self.chinese { try TransactionsInput.history(path: "/no/such.csv", columns: .default, showsProgress: false) }
        }
    }

    // Why a silence is refused, in Chinese ("" when it is not). Each catches
    // its own typed error: closures converting it crash the 6.3.1 compiler.
    static func refusal(lasting text: String) -> String {
        chinese {
            do { _ = try SilenceTerms.end(lasting: text, from: 0, option: "--for") } catch { return "\(error)" }
            return ""
        }
    }

    static func refusal(until text: String, timeZone: String) -> String {
        chinese {
            do {
                _ = try SilenceTerms.end(until: text, from: SilenceTermsTests.now, timeZone: timeZone, option: "--until")
            } catch { return "\(error)" }
            return ""
        }
    }

    static func refusal(rule: String, scope: String?) -> String {
        chinese {
            do { try SilenceTerms.check(rule: rule, scope: scope, in: SilenceTermsTests.plan) } catch { return "\(error)" }
            return ""
        }
    }

    static func refusal(comment: String) -> String {
        chinese {
            do { _ = try SilenceTerms.comment(comment, option: "--comment") } catch { return "\(error)" }
            return ""
        }
    }

    /// The bad silences of SilenceTermsTests, under Chinese.
    @Test func everyRefusedSilenceIsChineseAndKeepsItsOption() {
        let messages = [
            Self.refusal(lasting: "3654d"), Self.refusal(lasting: "0"), Self.refusal(lasting: "soon"),
            Self.refusal(until: "2026-04-22 09:00", timeZone: "Asia/Shanghai"),
            Self.refusal(until: "2036-04-23 09:00", timeZone: "Asia/Shanghai"), Self.refusal(until: "tomorrow", timeZone: "UTC"),
            Self.refusal(rule: "CTR lo", scope: nil), Self.refusal(rule: "CTR low", scope: "douyn"),
            Self.refusal(rule: "CVR low", scope: "douyin"), Self.refusal(rule: "CPA high", scope: "douyin"),
            Self.refusal(comment: "  "),
        ]
        for message in messages {
            #expect(message.hasSuffix("）"), "\(message)")
            #expect(message.contains("（--"), "the option stays: \(message)")
            // Known data: the plan's ids and the zone name.
            let data = message.replacing("douyin", with: "").replacing("search", with: "").replacing("vip", with: "")
                .replacing("Asia/Shanghai", with: "").replacing("UTC", with: "")
            #expect(Self.englishWords(data).isEmpty, "\(message)")
        }
        #expect(Self.refusal(rule: "CTR low", scope: "douyn") == "规则 'CTR low' 按渠道判断，方案中没有渠道 'douyn'；现有渠道：douyin, search（--scope）")
        #expect(Self.refusal(lasting: "3654d") == "静默最长 10 年（3653 天），收到的是 '3654d'（--for）")
        #expect(Self.refusal(comment: " ") == "静默需要备注说明原因（--comment）")
    }

    @Test func silenceListingInChinese() {
        var listing = SilenceListing(timeZone: "Asia/Shanghai", now: SilenceTermsTests.now)
        #expect(Self.chinese { listing.table([], all: false) } == "没有生效中的静默\n")
        #expect(Self.chinese { listing.table([], all: true) } == "没有静默\n")
        let silence = Silence(id: 3, rule: "CTR low", scope: nil, startsAt: SilenceTermsTests.now,
                              endsAt: SilenceTermsTests.instant("2026-04-22T10:00:00Z"), comment: "大促", createdBy: "王磊",
                              createdAt: SilenceTermsTests.now)
        #expect(Self.chinese { listing.added(silence) } == "静默 3：'CTR low' [全部范围] 静默至 2026-04-22 18:00（Asia/Shanghai）\n")
        let table = Self.chinese { listing.table([silence], all: true) }
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("ID  规则"), "\(lines[0])")
        #expect(lines[1].contains("生效中"))
        #expect(Self.englishWords(lines[0]).filter { $0 != "ID" }.isEmpty, "\(lines[0])")
        // JSON keeps the machine words.
        #expect(Self.chinese { listing.json(silence) }.serialized().contains(#""state": "active""#))
    }

    @Test func segmentSummaryAndTablesInChineseAndJSONReasonsInEnglish() throws {
        let history = try readTransactions("customer_id,date,amount\nA,2026-01-02,10\nA,2026-01-02,10\nB,2026-01-03,-5\n")
        let plan = try #require(PlanLoader.load(yaml: DemoCampaign.planText()).plan)
        let segmentation = try Segmentation(history: history, plan: plan)
        let summary = Self.chinese { SegmentReport.summaryTable(segmentation, history: history) }
        // Rows: A twice (the second a duplicate), B with a negative amount (rejected); the
        // latest date read is B's. Rejected counts exclude the duplicates.
        #expect(summary.contains("1 位客户，截至 2026-01-03；已读取 3 行，拒绝 1 行，重复 1 行\n"), "\(summary)")
        // Then the value × lifecycle matrix: A bought 2 days before the as-of day (new), the
        // only customer, so m_score 1 (low value).
        #expect(summary.contains("\n价值 × 生命周期（客户数）\n价值层级  新客  活跃客  沉默客  流失客  休眠客  合计\n"), "\(summary)")
        let low = summary.split(separator: "\n").first { $0.hasPrefix("低价值") }?.split(separator: " ").map(String.init)
        #expect(low == ["低价值", "1", "0", "0", "0", "0", "1"])
        #expect(summary.contains("\n未分群  未分群 "), "\(summary)")
        #expect(Self.english { SegmentReport.summaryTable(segmentation, history: history) }.contains("\nunassigned  unassigned "))
        #expect(summary.hasPrefix("客群"))
        let customers = Self.chinese { SegmentReport.customersTable(segmentation, limit: 0) }
        #expect(customers.hasPrefix("客户 ID"), "\(customers)")
        #expect(customers.contains("近 30 天订单数"))
        #expect(customers.hasSuffix("… 还有 1 位客户（--limit 0 显示全部；`--format csv` 或 `--format json` 输出全部字段）\n"))
        var json = ""
        Self.chinese { SegmentReport.writeCustomersJSON(segmentation, rejected: history.rejected, to: { json += $0 }) }
        #expect(json.contains(#"{"line": 3, "reason": "exact duplicate of line 2"}"#), "\(json)")
        #expect(json.contains(#"{"line": 4, "reason": "negative amount '-5'"}"#))
    }
}
