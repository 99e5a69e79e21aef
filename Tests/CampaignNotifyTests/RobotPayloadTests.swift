import CampaignCore
@testable import CampaignNotify
import CampaignText
import Foundation
import Testing

/// The bodies each receiver gets, checked field by field against the robots'
/// documented shapes; the expected text is written out by hand.
struct RobotPayloadTests {
    static let firingMarkdown = """
        ### 🔴 FIRING · CTR below 1% · 春季焕新

        **CTR below 1%** (critical, firing) · channel douyin
        ctr: **0.62%** (threshold 1.00%)
        since 2026-04-21 10:30
        anomaly #3 · owner: 王敏
        > 换素材，检查落地页

        Campaign: 春季焕新 (spring-2026) · times in Asia/Shanghai
        """

    @Test func markdownSaysWhatWhereSinceWhoAndWhatToDoInCampaignTime() {
        #expect(MessageText.markdown(NotifyFixtures.message([NotifyFixtures.firing])) == Self.firingMarkdown)
    }

    @Test func aResolvedNoticeSaysWhenAndHowLongItLasted() {
        let text = MessageText.markdown(NotifyFixtures.message([NotifyFixtures.resolved]))
        #expect(text.hasPrefix("### ✅ RESOLVED · CTR below 1% · 春季焕新\n"))
        #expect(text.contains("since 2026-04-21 10:30 · resolved 2026-04-21 12:45 · lasted 2h 15m\n"))
    }

    /// A Chinese team's robot speaks Chinese: the same notice, every word of
    /// ours translated, the plan's and the data's as written.
    @Test func inChineseTheMessageSpeaksChinese() {
        let expected = """
            ### 🔴 告警中 · CTR below 1% · 春季焕新

            **CTR below 1%** (严重, 告警中) · 渠道 douyin
            ctr：**0.62%**（阈值 1.00%）
            开始于 2026-04-21 10:30
            异常 #3 · 负责人：王敏
            > 换素材，检查落地页

            活动：春季焕新（spring-2026）· 时间为 Asia/Shanghai 时区
            """
        Language.$override.withValue(.chinese) {
            #expect(MessageText.markdown(NotifyFixtures.message([NotifyFixtures.firing])) == expected)
            let resolved = MessageText.markdown(NotifyFixtures.message([NotifyFixtures.resolved]))
            #expect(resolved.hasPrefix("### ✅ 已恢复 · CTR below 1% · 春季焕新\n"))
            #expect(resolved.contains("开始于 2026-04-21 10:30 · 恢复于 2026-04-21 12:45 · 持续 2h 15m\n"))
        }
    }

    @Test func oneFiringNoticeMakesTheWholeMessageFiring() {
        #expect(NotifyFixtures.message([NotifyFixtures.resolved, NotifyFixtures.firing]).status == .firing)
        #expect(NotifyFixtures.message([NotifyFixtures.resolved]).status == .resolved)
    }

    @Test func durationsUseTwoUnitsAtMost() {
        #expect(MessageText.duration(59) == "0m")
        #expect(MessageText.duration(45 * 60) == "45m")
        #expect(MessageText.duration(2 * 3_600) == "2h")
        #expect(MessageText.duration(3 * 86_400 + 4 * 3_600 + 59 * 60) == "3d 4h")
    }

    @Test func weComGetsMarkdownThenATextThatMentionsPhonesAndUsersApart() throws {
        let channel = NotifyFixtures.channel(.wecom, url: "http://127.0.0.1:1/cgi-bin/webhook/send?key=K",
                                             mentions: ["13800001111", "zhangsan", "@all"])
        let requests = try RobotRequests.make(for: channel, message: NotifyFixtures.message([NotifyFixtures.firing]),
                                              environment: [:], now: Date(timeIntervalSince1970: 0))
        #expect(requests.count == 2)
        let markdown = NotifyFixtures.object(requests[0].body)
        #expect(markdown["msgtype"] as? String == "markdown")
        #expect((markdown["markdown"] as? [String: Any])?["content"] as? String == Self.firingMarkdown)
        let mention = NotifyFixtures.object(requests[1].body)
        let text = mention["text"] as? [String: Any]
        #expect(mention["msgtype"] as? String == "text")
        #expect(text?["mentioned_mobile_list"] as? [String] == ["13800001111"])
        #expect(text?["mentioned_list"] as? [String] == ["zhangsan", "@all"])
        #expect(requests.allSatisfy { $0.url.absoluteString == "http://127.0.0.1:1/cgi-bin/webhook/send?key=K" })
    }

    @Test func weComWithoutMentionsSendsOneMessage() throws {
        let channel = NotifyFixtures.channel(.wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K")
        #expect(try RobotRequests.make(for: channel, message: NotifyFixtures.message([NotifyFixtures.firing]),
                                       environment: [:], now: Date()).count == 1)
    }

    @Test func dingTalkIsSignedInTheQueryAndMentionsInTextAndAt() throws {
        let channel = NotifyFixtures.channel(.dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}",
                                             secret: "${SECRET}", mentions: ["13800001111"])
        let requests = try RobotRequests.make(for: channel, message: NotifyFixtures.message([NotifyFixtures.firing]),
                                              environment: ["TOKEN": "abc", "SECRET": "SECtest"],
                                              now: Date(timeIntervalSince1970: 1_700_000_000))
        // The signature of 1700000000000 with SECtest (computed with OpenSSL), '=' percent-encoded.
        #expect(requests.map(\.url.absoluteString) == [
            "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D",
        ])
        let body = NotifyFixtures.object(requests[0].body)
        let markdown = body["markdown"] as? [String: Any]
        #expect(body["msgtype"] as? String == "markdown")
        #expect(markdown?["title"] as? String == "🔴 FIRING · CTR below 1% · 春季焕新")
        #expect(markdown?["text"] as? String == Self.firingMarkdown + "\n\n@13800001111")
        #expect((body["at"] as? [String: Any])?["atMobiles"] as? [String] == ["13800001111"])
    }

    @Test func feishuSignsInTheBodyWithTimestampAsAStringOfSeconds() throws {
        let channel = NotifyFixtures.channel(.feishu, url: "https://open.feishu.cn/open-apis/bot/v2/hook/X",
                                             secret: "SECtest", mentions: ["ou_123"])
        let requests = try RobotRequests.make(for: channel, message: NotifyFixtures.message([NotifyFixtures.resolved]),
                                              environment: [:], now: Date(timeIntervalSince1970: 1_700_000_000.9))
        let body = NotifyFixtures.object(requests[0].body)
        #expect(body["msg_type"] as? String == "interactive")
        #expect(body["timestamp"] as? String == "1700000000")
        #expect(body["sign"] as? String == "G7XpBpG8NgG02fJOAhX6FRAObIljmFoxVReo8I62pEk=")
        let card = body["card"] as? [String: Any]
        let header = card?["header"] as? [String: Any]
        #expect(header?["template"] as? String == "green")
        #expect((header?["title"] as? [String: Any])?["content"] as? String == "✅ RESOLVED · CTR below 1% · 春季焕新")
        let element = (card?["elements"] as? [[String: Any]])?.first
        #expect(element?["tag"] as? String == "markdown")
        let content = element?["content"] as? String ?? ""
        #expect(content.hasPrefix("**CTR below 1%** (critical, resolved) · channel douyin\n"))
        #expect(content.hasSuffix("times in Asia/Shanghai\n<at id=ou_123></at>"))
    }

    @Test func anUnsignedFeishuBotGetsNoTimestampOrSign() throws {
        let channel = NotifyFixtures.channel(.feishu, url: "https://open.feishu.cn/open-apis/bot/v2/hook/X")
        let body = NotifyFixtures.object(try RobotRequests.make(
            for: channel, message: NotifyFixtures.message([NotifyFixtures.firing]), environment: [:], now: Date())[0].body)
        #expect(body["timestamp"] == nil && body["sign"] == nil)
    }

    @Test func webhookDocumentFollowsGrafanasShapeWithNullsForWhatIsUnknown() throws {
        var notice = NotifyFixtures.firing
        notice.value = .nan
        notice.owner = nil
        let channel = NotifyFixtures.channel(.webhook, url: "http://127.0.0.1:9000/alerts")
        let body = NotifyFixtures.object(try RobotRequests.make(
            for: channel, message: NotifyFixtures.message([notice]), environment: [:], now: Date())[0].body)
        #expect(body["version"] as? String == "1")
        #expect(body["status"] as? String == "firing")
        #expect(body["campaign"] as? String == "spring-2026")
        let alert = (body["alerts"] as? [[String: Any]])?.first ?? [:]
        #expect(alert["fingerprint"] as? String == "a1b2c3d4e5f60718")
        #expect(alert["rule"] as? String == "CTR below 1%")
        #expect(alert["scope"] as? String == "douyin")
        #expect(alert["metric"] as? String == "ctr")
        #expect(alert["value"] is NSNull)
        #expect(alert["threshold"] as? Double == 0.01)
        #expect(alert["severity"] as? String == "critical")
        #expect(alert["started_at"] as? String == "2026-04-21T02:30:00Z")
        #expect(alert["ended_at"] is NSNull)
        #expect((alert["anomaly_id"] as? NSNumber)?.intValue == 3)
        #expect(alert["owner"] is NSNull)
        #expect(alert["playbook"] as? String == "换素材，检查落地页")
    }

    @Test func anUnsetVariableOrABadAddressMakesTheChannelUnusableWithAReason() {
        let channel = NotifyFixtures.channel(.dingtalk, url: "${HOOK}", secret: "${SECRET}")
        let message = NotifyFixtures.message([NotifyFixtures.firing])
        #expect(throws: ChannelUnusable(channel: "dingtalk", reason: "${HOOK} is not set")) {
            try RobotRequests.make(for: channel, message: message, environment: [:], now: Date())
        }
        #expect(throws: ChannelUnusable(channel: "dingtalk", reason: "${SECRET} is not set")) {
            try RobotRequests.make(for: channel, message: message, environment: ["HOOK": "https://h/x", "SECRET": ""], now: Date())
        }
        #expect(throws: ChannelUnusable(channel: "dingtalk", reason: "'url' must be an http or https URL, got 'ftp://h/x'")) {
            try RobotRequests.make(for: channel, message: message, environment: ["HOOK": "ftp://h/x", "SECRET": "s"], now: Date())
        }
    }
}
