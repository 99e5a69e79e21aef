import CampaignCore
@testable import CampaignNotify
import Foundation
import Testing

/// WeCom refuses a Markdown message over 4,096 bytes and Feishu a request over
/// 20 KB, forever: a refused message would stay pending for good. A message
/// too long for its robot shows the notices that fit and says how many more.
struct MessageSizeTests {
    /// The fixture's CTR notice on channels ch01…ch30, fired together.
    static func thirty() -> NotifyMessage {
        NotifyFixtures.message((1...30).map { index in
            var notice = NotifyFixtures.firing
            notice.scope = String(format: "ch%02d", index)
            return notice
        })
    }

    static func weComContent(_ message: NotifyMessage) throws -> String {
        let channel = NotifyFixtures.channel(.wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K")
        let body = NotifyFixtures.object(try RobotRequests.make(for: channel, message: message, environment: [:], now: Date())[0].body)
        return (body["markdown"] as? [String: Any])?["content"] as? String ?? ""
    }

    @Test func weComGetsTheNoticesThatFitIn4096BytesAndHowManyMore() throws {
        #expect(MessageText.markdown(Self.thirty()).utf8.count > 4_096, "the test needs a message that is too long")
        let content = try Self.weComContent(Self.thirty())
        #expect(content.utf8.count <= 4_096)
        let shown = content.components(separatedBy: "**CTR below 1%** (critical, firing) · channel ch").count - 1
        #expect(shown >= 15 && shown < 30)
        // The first ones in order, then the count of the rest, then the footer.
        #expect(content.contains("· channel ch01\n") && content.contains(String(format: "· channel ch%02d\n", shown)))
        #expect(content.hasSuffix("\n\n… \(30 - shown) more not shown (`campaign-deck anomalies list`)\n\nCampaign: 春季焕新 (spring-2026) · times in Asia/Shanghai"))
        // One more would not have fitted.
        let onePlus = Self.thirty().notices.prefix(shown + 1)
        var longer = Self.thirty()
        longer.notices = Array(onePlus)
        let moreLine = "\n\n… \(29 - shown) more not shown (`campaign-deck anomalies list`)"
        #expect(MessageText.markdown(longer).utf8.count + moreLine.utf8.count > 4_096)
    }

    @Test func oneNoticeTooLongIsCutWithAnEllipsisAndKeepsTheFooter() throws {
        var notice = NotifyFixtures.firing
        notice.playbook = String(repeating: "换素材*", count: 2_000)  // 20,000 bytes once escaped
        let content = try Self.weComContent(NotifyFixtures.message([notice]))
        #expect(content.utf8.count <= 4_096)
        #expect(content.hasPrefix("### 🔴 FIRING · CTR below 1% · 春季焕新\n\n**CTR below 1%**"))
        #expect(content.hasSuffix("…\n\nCampaign: 春季焕新 (spring-2026) · times in Asia/Shanghai"))
        // The cut never splits a character reference: every `&#` is closed by `;`.
        let playbook = content.components(separatedBy: "\n> ")[1].components(separatedBy: "…")[0]
        #expect(playbook.components(separatedBy: "&#").count == playbook.components(separatedBy: ";").count)
    }

    @Test func feishuCardsStayUnder20KBAndTheWebhookKeepsEverything() throws {
        let many = NotifyFixtures.message((1...200).map { index in
            var notice = NotifyFixtures.firing
            notice.scope = "segment-\(index)"
            return notice
        })
        let feishu = NotifyFixtures.channel(.feishu, url: "https://open.feishu.cn/open-apis/bot/v2/hook/X", secret: "s")
        let card = try RobotRequests.make(for: feishu, message: many, environment: [:], now: Date())[0].body
        #expect(card.count <= 20 * 1_024)
        #expect(String(decoding: card, as: UTF8.self).contains("more not shown"))
        let hook = NotifyFixtures.channel(.webhook, url: "http://127.0.0.1:9000/alerts")
        let document = NotifyFixtures.object(try RobotRequests.make(for: hook, message: many, environment: [:], now: Date())[0].body)
        #expect((document["alerts"] as? [[String: Any]])?.count == 200)
    }
}
