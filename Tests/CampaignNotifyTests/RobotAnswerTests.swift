import CampaignCore
@testable import CampaignNotify
import Foundation
import Testing

/// Robots answer 200 to messages they refuse; only their success code counts.
struct RobotAnswerTests {
    private func answer(_ kind: NotifyChannel.Kind, _ status: Int, _ body: String) -> RobotAnswer {
        RobotAnswer(kind: kind, httpStatus: status, body: Data(body.utf8))
    }

    @Test func weComAndDingTalkDeliverOnlyOnErrcodeZero() {
        #expect(answer(.wecom, 200, #"{"errcode":0,"errmsg":"ok"}"#).delivered)
        #expect(answer(.dingtalk, 200, #"{"errcode":0,"errmsg":"ok"}"#).delivered)
        let refused = answer(.dingtalk, 200, #"{"errcode":310000,"errmsg":"sign not match"}"#)
        #expect(!refused.delivered)
        #expect(refused.problem == "refused with code 310000: sign not match")
        #expect(answer(.wecom, 200, "<html>gateway</html>").problem == "the answer has no success code")
    }

    @Test func feishuDeliversOnCodeZeroOrTheOlderStatusCodeZero() {
        #expect(answer(.feishu, 200, #"{"code":0,"msg":"success","data":{}}"#).delivered)
        #expect(answer(.feishu, 200, #"{"StatusCode":0,"StatusMessage":"success"}"#).delivered)
        #expect(answer(.feishu, 200, #"{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"#).problem
            == "refused with code 19021: sign match fail or timestamp is not within one hour from current time")
    }

    @Test func aWebhookDeliversOnAny2xxAndNothingElse() {
        #expect(answer(.webhook, 204, "").delivered)
        #expect(!answer(.webhook, 500, "").delivered)
        #expect(answer(.webhook, 503, "").problem == "HTTP 503")
        #expect(!answer(.wecom, 502, #"{"errcode":0}"#).delivered)
    }
}
