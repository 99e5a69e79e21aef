import CampaignCore
@testable import CampaignNotify
import Foundation
import Testing

/// Names, scopes, owners and playbooks come from plans and data: in the
/// robots' Markdown they must read as written, never as formatting, a link
/// or an @-mention, and a control character shows as a visible escape. The
/// expected texts are written out by hand: `*` is `&#42;`, `_` `&#95;`,
/// `[` `&#91;`, `]` `&#93;`, `<` `&#60;`, `>` `&#62;`, `#` `&#35;`, `\` `&#92;`.
struct MarkdownLiteralTests {
    static let nastyRule = "CTR *low*_x [x](y) <at id=all></at> #1\nnext"
    static let nastyRuleMarkdown = "CTR &#42;low&#42;&#95;x &#91;x&#93;(y) &#60;at id=all&#62;&#60;/at&#62; &#35;1&#92;nnext"
    static let nastyRulePlain = "CTR *low*_x [x](y) <at id=all></at> #1\\nnext"

    static func nasty() -> NotifyMessage {
        var notice = NotifyFixtures.firing
        notice.rule = nastyRule
        return NotifyFixtures.message([notice])
    }

    static func requests(_ kind: NotifyChannel.Kind, _ message: NotifyMessage, mentions: [String] = []) throws -> [RobotRequest] {
        try RobotRequests.make(for: NotifyFixtures.channel(kind, url: "https://robot.example.com/hook", mentions: mentions),
                               message: message, environment: [:], now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func markdownCharactersInARuleNameShowLiterallyInWeComMarkdown() throws {
        let requests = try Self.requests(.wecom, Self.nasty(), mentions: ["13800001111"])
        let content = (NotifyFixtures.object(requests[0].body)["markdown"] as? [String: Any])?["content"] as? String ?? ""
        let lines = content.components(separatedBy: "\n")
        #expect(lines[0] == "### 🔴 FIRING · \(Self.nastyRuleMarkdown) · 春季焕新")
        #expect(lines[2] == "**\(Self.nastyRuleMarkdown)** (critical, firing) · channel douyin")
        #expect(lines.count == RobotPayloadTests.firingMarkdown.components(separatedBy: "\n").count)
        // The follow-up text message is plain text: only the control character is escaped.
        let text = NotifyFixtures.object(requests[1].body)["text"] as? [String: Any]
        #expect(text?["content"] as? String == "🔴 FIRING · \(Self.nastyRulePlain) · 春季焕新")
    }

    @Test func dingTalkEscapesTheTextButNotItsPlainTitleOrTheMention() throws {
        let body = NotifyFixtures.object(try Self.requests(.dingtalk, Self.nasty(), mentions: ["13800001111"])[0].body)
        let markdown = body["markdown"] as? [String: Any]
        #expect(markdown?["title"] as? String == "🔴 FIRING · \(Self.nastyRulePlain) · 春季焕新")
        let text = markdown?["text"] as? String ?? ""
        #expect(text.hasPrefix("### 🔴 FIRING · \(Self.nastyRuleMarkdown) · 春季焕新\n\n**\(Self.nastyRuleMarkdown)** (critical"))
        #expect(text.hasSuffix("\n\n@13800001111"))
    }

    @Test func feishuEscapesTheCardMarkdownButNotItsPlainHeaderOrTheMention() throws {
        let body = NotifyFixtures.object(try Self.requests(.feishu, Self.nasty(), mentions: ["ou_1"])[0].body)
        let card = body["card"] as? [String: Any]
        let title = ((card?["header"] as? [String: Any])?["title"] as? [String: Any])?["content"] as? String
        #expect(title == "🔴 FIRING · \(Self.nastyRulePlain) · 春季焕新")
        let content = (card?["elements"] as? [[String: Any]])?.first?["content"] as? String ?? ""
        #expect(content.hasPrefix("**\(Self.nastyRuleMarkdown)** (critical, firing) · channel douyin\n"))
        #expect(content.hasSuffix("\n<at id=ou_1></at>"))
    }

    @Test func theWebhookKeepsTheRuleAsWrittenAndItsMessageEscaped() throws {
        let body = NotifyFixtures.object(try Self.requests(.webhook, Self.nasty())[0].body)
        #expect((body["alerts"] as? [[String: Any]])?.first?["rule"] as? String == Self.nastyRule)
        #expect(body["title"] as? String == "🔴 FIRING · \(Self.nastyRulePlain) · 春季焕新")
        #expect((body["message"] as? String)?.hasPrefix("### 🔴 FIRING · \(Self.nastyRuleMarkdown) · ") == true)
    }

    @Test func scopeOwnerAndPlaybookAreEscapedWhereTheyStand() {
        var notice = NotifyFixtures.firing
        notice.scope = "a_b*c"
        notice.owner = "<@zhangsan>"
        notice.playbook = "- pause [ads](http://x) & call\r\n1. retry"
        let lines = MessageText.noticeLines(notice, timeZone: "Asia/Shanghai")
        #expect(lines == [
            "**CTR below 1%** (critical, firing) · channel a&#95;b&#42;c",
            "ctr: **0.62%** (threshold 1.00%)",
            "since 2026-04-21 10:30",
            "anomaly #3 · owner: &#60;@zhangsan&#62;",
            "> &#45; pause &#91;ads&#93;(http://x) &#38; call&#92;r&#92;n1. retry",
        ])
    }

    @Test func aPlaybookThatWouldStartAListStaysAParagraph() {
        #expect(MarkdownLiteral.escaped("1. call the agency", startsLine: true) == "1&#46; call the agency")
        #expect(MarkdownLiteral.escaped("12) pause", startsLine: true) == "12&#41; pause")
        #expect(MarkdownLiteral.escaped("+1 budget", startsLine: true) == "&#43;1 budget")
        #expect(MarkdownLiteral.escaped("2026 budget. Pause.", startsLine: true) == "2026 budget. Pause.")
        #expect(MarkdownLiteral.escaped("a - b + c", startsLine: true) == "a - b + c")
        // Within a line (a value, a rule name after `**`) nothing starts a list.
        #expect(MarkdownLiteral.escaped("0.62%") == "0.62%")
        #expect(MarkdownLiteral.escaped("-3 CNY") == "-3 CNY")
    }

    @Test func controlCharactersBecomeVisibleEscapesInBothForms() {
        #expect(MarkdownLiteral.escaped("a\u{1B}[31mb\tc") == "a&#92;u{1B}&#91;31mb&#92;tc")
        #expect(MarkdownLiteral.plain("a\u{1B}[31mb\tc") == "a\\u{1B}[31mb\\tc")
        #expect(MarkdownLiteral.escaped("x~~y~~ `z` |w|") == "x&#126;&#126;y&#126;&#126; &#96;z&#96; &#124;w&#124;")
    }

    @Test func cleanTextIsUnchanged() {
        #expect(MarkdownLiteral.escaped("换素材，检查落地页 (CTR 1%)") == "换素材，检查落地页 (CTR 1%)")
        #expect(MarkdownLiteral.plain("春季焕新") == "春季焕新")
    }

    @Test func theCampaignNameInTheFooterIsEscapedToo() {
        var message = NotifyFixtures.message([NotifyFixtures.firing])
        message.campaignName = "spring_2026 *vip*"
        let markdown = MessageText.markdown(message)
        #expect(markdown.hasSuffix("\nCampaign: spring&#95;2026 &#42;vip&#42; (spring-2026) · times in Asia/Shanghai"))
        #expect(markdown.hasPrefix("### 🔴 FIRING · CTR below 1% · spring&#95;2026 &#42;vip&#42;\n"))
        #expect(MessageText.title(message) == "🔴 FIRING · CTR below 1% · spring_2026 *vip*")
    }
}
