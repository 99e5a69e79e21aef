@testable import CampaignNotify
import CampaignCore
import CampaignText
import Foundation
import Testing

/// Why a delivery failed: stored in English, said in the reader's language.
@Suite struct DeliveryProblemWordsTests {
    @Test func everyReasonWeWriteInChinese() {
        let cases: [(String, String)] = [
            ("no HTTP answer", "没有收到 HTTP 应答"),
            ("the answer has no success code", "应答中没有成功码"),
            ("refused", "被拒绝"),
            ("refused with code 93000", "被拒绝，错误码 93000"),
            ("refused with code 310000: sign not match", "被拒绝，错误码 310000：sign not match"),
            ("refused with code -1: 签名不匹配", "被拒绝，错误码 -1：签名不匹配"),
            ("'url' is not a URL", "'url' 不是有效的网址"),
            // Not ours: shown as it came.
            ("HTTP 502", "HTTP 502"),
            ("The request timed out.", "The request timed out."),
        ]
        for (stored, expected) in cases {
            #expect(Language.$override.withValue(.chinese) { DeliveryProblemWords.spoken(stored) } == expected)
            #expect(Language.$override.withValue(.english) { DeliveryProblemWords.spoken(stored) } == stored)
        }
    }

    /// The receivers' refusals are stored in English whatever language the
    /// sender speaks, so any process reads them back and says them its way.
    @Test func aRefusalIsStoredInEnglishInAnyLanguage() {
        let body = Data(#"{"errcode": 93000, "errmsg": "invalid webhook url"}"#.utf8)
        let answer = Language.$override.withValue(.chinese) { RobotAnswer(kind: .wecom, httpStatus: 200, body: body) }
        #expect(answer.problem == "refused with code 93000: invalid webhook url")
        let feishu = RobotAnswer(kind: .feishu, httpStatus: 200, body: Data(#"{"msg": "x"}"#.utf8))
        #expect(feishu.problem == "the answer has no success code")
    }

    @Test func anUnusableChannelIsSaidInChinese() {
        let unusable = ChannelUnusable(channel: "ops", reason: "'url' is not a URL")
        #expect(Language.$override.withValue(.chinese) { unusable.description } == "'url' 不是有效的网址（通知渠道 'ops'）")
        #expect(Language.$override.withValue(.english) { unusable.description } == "'url' is not a URL (notify channel 'ops')")
    }
}
