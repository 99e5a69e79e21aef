@testable import CampaignCore
import Testing

/// `mention:` means phone numbers for DingTalk (its `at.atMobiles`) and open
/// ids for Feishu (`<at id=…>` in the card); anything else would be sent and
/// silently mention nobody, or break the card's markup. A webhook mentions
/// no one. Positions counted by hand (`notify:` is line 13; a quoted item
/// is reported at its opening quote).
struct PlanNotifyMentionTests {
    static func plan(_ channels: String) -> String {
        PlanNotifyTests.plan(notify: channels, alertNotify: "[]")
    }

    @Test func dingTalkMentionsArePhoneNumbersAndFeishuMentionsAreOpenIDs() {
        let result = PlanLoader.load(yaml: Self.plan("""
              - id: lead
                kind: dingtalk
                url: https://oapi.dingtalk.com/robot/send?access_token=T
                mention: ["13800001111", "+8613800002222", "zhangsan"]
              - id: design
                kind: feishu
                url: https://open.feishu.cn/open-apis/bot/v2/hook/X
                mention: [ou_7d8a6e6df7621556ce0d21922b676706, all, "ou_1></at><at id=all"]
              - id: hooks
                kind: webhook
                url: http://127.0.0.1:9000/alerts
                mention: ["13800001111"]
              - id: ops
                kind: wecom
                url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K
                mention: ["13800001111", zhangsan, "@all"]
            """))
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
            "17:48: 'mention' of notify channel 'lead' lists 'zhangsan'; a DingTalk robot mentions group members by phone number",
            "21:57: 'mention' of notify channel 'design' lists 'ou_1></at><at id=all'; a Feishu robot mentions open ids (ou_…) or all",
            "25:14: 'mention' of notify channel 'hooks' is only used by the robots (a webhook channel mentions no one); remove it",
        ])
    }
}
