@testable import CampaignCore
import Testing

/// The plan's `notify:` and `notify_policy:` sections: what is read, and every
/// problem at its line and column (counted by hand from the text below).
struct PlanNotifyTests {
    /// Line numbers: `campaign:` is line 1, `alerts:` line 7, `notify:` line 13.
    static func plan(notify: String, alertNotify: String = "[ops]") -> String {
        """
        campaign:
          id: spring
          name: Spring
          start: 2026-03-02
          budget: 1000
          timezone: Asia/Shanghai
        alerts:
          - name: CTR low
            metric: ctr
            below: 0.01
            severity: critical
            notify: \(alertNotify)
        notify:
        \(notify)
        """
    }

    static let goodChannels = """
          - id: ops
            kind: wecom
            url: ${WECOM_WEBHOOK}
            severity: [warning, critical]
            mention: ["13800001111"]
          - id: lead
            kind: dingtalk
            url: https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}
            secret: ${DINGTALK_SECRET}
            severity: [info]
          - id: hooks
            kind: webhook
            url: http://127.0.0.1:9000/alerts
        notify_policy:
          group_wait: 1m
          repeat_interval: 2h
          send_resolved: false
          quiet_hours: "22:00-08:00"
          max_age: 30m
        """

    @Test func channelsPolicyAndRuleReferencesAreRead() throws {
        let result = PlanLoader.load(yaml: Self.plan(notify: Self.goodChannels))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        #expect(plan.notify.map(\.id) == ["ops", "lead", "hooks"])
        #expect(plan.notify.map(\.kind) == [.wecom, .dingtalk, .webhook])
        #expect(plan.notify[0].url.variables == ["WECOM_WEBHOOK"])
        #expect(plan.notify[0].mentions == ["13800001111"])
        #expect(plan.notify[1].secret?.variables == ["DINGTALK_SECRET"])
        #expect(plan.notify[2].severities == nil)
        #expect(plan.notifyPolicy == NotifyPolicy(groupWaitSeconds: 60, repeatIntervalSeconds: 7_200, sendResolved: false,
                                                  quietHours: QuietHours("22:00-08:00"), maxAgeSeconds: 1_800))
        #expect(plan.alerts[0].notify == [NotifyReference(id: "ops", location: SourceLocation(line: 12, column: 14))])
    }

    @Test func aRuleWithoutNotifyGoesToEveryChannelThatTakesItsSeverity() throws {
        let plan = try #require(PlanLoader.load(yaml: Self.plan(notify: Self.goodChannels, alertNotify: "[]")).plan)
        // critical: ops (warning, critical) and hooks (every severity), not lead (info only).
        #expect(plan.channels(notifying: plan.alerts[0]).map(\.id) == ["ops", "hooks"])
        var named = plan.alerts[0]
        named.notify = [NotifyReference(id: "lead", location: .start), NotifyReference(id: "hooks", location: .start)]
        // Named, but lead still takes only info.
        #expect(plan.channels(notifying: named).map(\.id) == ["hooks"])
    }

    @Test func everyProblemIsReportedAtItsPosition() {
        let channels = """
              - id: ops
                kind: wecom
                url: ${WECOM WEBHOOK}
                secret: abc
              - id: ops
                kind: webhok
                url: x
              - id: hooks
                kind: webhook
                url: htp://127.0.0.1/a
                severity: [critcal]
            notify_policy:
              repeat_interval: 0
              quiet_hours: 25:00-08:00
              group_wait: soon
            """
        let found = PlanLoader.load(yaml: Self.plan(notify: channels, alertNotify: "[ops, lede]")).diagnostics
            .map { "\($0.location): \($0.message)" }
        #expect(found == [
            "12:19: unknown notify channel 'lede' in alert 'CTR low'",
            "16:10: 'url' of notify channel 'ops': '${WECOM WEBHOOK}' is not a variable name (letters, digits and '_', not starting with a digit)",
            "17:13: 'secret' of notify channel 'ops' is only used by dingtalk and feishu robots (a wecom channel has none); remove it",
            "18:9: duplicate notify channel id 'ops' (first at line 14)",
            "19:11: 'kind' in notify channel 'ops' must be one of wecom, dingtalk, feishu, webhook, got 'webhok' (did you mean 'webhook'?)",
            "20:10: 'url' of notify channel 'ops' is not a URL: 'x'",
            "23:10: 'url' of notify channel 'hooks' must be an http or https URL, got 'htp://127.0.0.1/a'",
            "24:16: 'severity' of notify channel 'hooks' lists 'critcal'; severities are info, warning, critical (did you mean 'critical'?)",
            "26:20: 'repeat_interval' of notify_policy must be longer than 0",
            "27:16: 'quiet_hours' of notify_policy must be a span like 00:00-08:00 or 22:00-07:30 (campaign time), got '25:00-08:00'",
            "28:15: 'group_wait' of notify_policy must be a duration like 30s, 10m or 4h, got 'soon'",
        ])
    }

    @Test func unsetVariablesAreWarningsAtTheirValueAndAnAddressReadFromTheEnvironmentIsChecked() throws {
        let plan = try #require(PlanLoader.load(yaml: Self.plan(notify: Self.goodChannels)).plan)
        let found = PlanNotifyChecks.environment(plan, ["DINGTALK_TOKEN": "t", "WECOM_WEBHOOK": "qyapi.weixin.qq.com/x"])
        #expect(found.map { "\($0.severity) \($0.location): \($0.message)" } == [
            "warning 16:10: 'url' of notify channel 'ops' is not a URL: 'qyapi.weixin.qq.com/x' once ${…} is read",
            "warning 22:13: ${DINGTALK_SECRET} is not set ('secret' of notify channel 'lead')",
        ])
        let all = ["WECOM_WEBHOOK": "https://qyapi.weixin.qq.com/x", "DINGTALK_TOKEN": "t", "DINGTALK_SECRET": "s"]
        #expect(PlanNotifyChecks.environment(plan, all).isEmpty)
    }

    @Test func environmentTextReadsVariablesAndKeepsOtherDollars() throws {
        let text = try EnvironmentText(parsing: "https://h/$x?key=${KEY}&t=${_T2}")
        #expect(text.variables == ["KEY", "_T2"])
        #expect(text.resolved(in: ["KEY": "k", "_T2": "2"]) == .success("https://h/$x?key=k&t=2"))
        #expect(text.resolved(in: ["KEY": "k"]) == .failure(.init(name: "_T2")))
        #expect(throws: EnvironmentText.SyntaxError(offset: 4, message: "'${' without a closing '}'")) {
            try EnvironmentText(parsing: "abc ${OPEN")
        }
        #expect(throws: EnvironmentText.SyntaxError(offset: 0, message: "'${1X}' is not a variable name (letters, digits and '_', not starting with a digit)")) {
            try EnvironmentText(parsing: "${1X}")
        }
    }

    @Test func quietHoursMayRunPastMidnightAndIncludeTheirStartNotTheirEnd() throws {
        let night = try #require(QuietHours("22:00-08:00"))
        #expect(night.contains(minuteOfDay: 22 * 60) && night.contains(minuteOfDay: 0) && night.contains(minuteOfDay: 479))
        #expect(!night.contains(minuteOfDay: 480) && !night.contains(minuteOfDay: 21 * 60 + 59))
        let morning = try #require(QuietHours("00:00-08:00"))
        #expect(morning.contains(minuteOfDay: 0) && !morning.contains(minuteOfDay: 480) && !morning.contains(minuteOfDay: 1_439))
        #expect(QuietHours("18:00-24:00")?.contains(minuteOfDay: 1_439) == true)
        for bad in ["08:00-08:00", "8:00-09:00", "24:30-01:00", "07:60-08:00", "07:00", "a-b"] {
            #expect(QuietHours(bad) == nil, "\(bad)")
        }
    }
}
