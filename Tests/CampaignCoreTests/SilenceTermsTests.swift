@testable import CampaignCore
import Foundation
import Testing

/// What a silence must be (rule and scope of the plan, a comment, an end in
/// the future within ten years), and which messages it covers. Instants are
/// worked out with Foundation's ISO 8601 parser, not with the code under test.
@Suite struct SilenceTermsTests {
    static func instant(_ text: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970 * 1_000)
    }

    /// 2026-04-22 09:00 in Shanghai: the "now" of these tests.
    static let now = instant("2026-04-22T01:00:00Z")

    static let plan: Plan = {
        let text = """
        campaign: { id: t, name: T, timezone: Asia/Shanghai, start: 2026-03-02, budget: 1000, currency: CNY }
        channels:
          - { id: douyin, name: 抖音, kind: paid }
          - { id: search, name: 搜索, kind: paid }
        segments:
          - { id: vip, name: 高价值, rule: "m_score >= 4" }
        alerts:
          - { name: CTR low, metric: ctr, per: channel, below: 0.01 }
          - { name: CVR low, metric: cvr, per: segment, below: 0.01 }
          - { name: CPA high, metric: cpa, per: total, above: 45 }

        """
        let result = PlanLoader.load(yaml: text)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }()

    @Test func aDurationEndsThatLongAfterNow() throws {
        #expect(try SilenceTerms.end(lasting: "2h", from: 1_000, option: "--for") == 1_000 + 2 * 3_600_000)
        #expect(try SilenceTerms.end(lasting: "30m", from: 0, option: "--for") == 1_800_000)
        // The longest: 3,653 days (ten years with their leap days); a day more is refused.
        #expect(try SilenceTerms.end(lasting: "3653d", from: 0, option: "--for") == 3_653 * 86_400_000)
        #expect(throws: SilenceTerms.Problem("a silence lasts at most 10 years (3653 days), got '3654d' (--for)")) {
            try SilenceTerms.end(lasting: "3654d", from: 0, option: "--for")
        }
        #expect(throws: SilenceTerms.Problem("a silence must last longer than 0, got '0' (--for)")) {
            try SilenceTerms.end(lasting: "0", from: 0, option: "--for")
        }
        for bad in ["", "2", "-1h", "2x", "1h30m", "99999999999999999999d"] {
            #expect(throws: SilenceTerms.Problem.self, "\(bad)") { try SilenceTerms.end(lasting: bad, from: 0, option: "--for") }
        }
        // A number too big to count in seconds is "too long", not a crash.
        #expect(throws: SilenceTerms.Problem("a silence lasts at most 10 years (3653 days), got '99999999999999999999d' (--for)")) {
            try SilenceTerms.end(lasting: "99999999999999999999d", from: 0, option: "--for")
        }
    }

    @Test func untilIsReadInTheCampaignsZoneOrWithItsOffset() throws {
        let expected = Self.instant("2026-04-22T10:00:00Z")
        for text in ["2026-04-22 18:00", "2026-04-22T18:00", "2026-04-22 18:00:00", "2026-04-22T18:00:00+08:00",
                     "2026-04-22T10:00:00Z", " 2026-04-22 18:00 "] {
            #expect(try SilenceTerms.end(until: text, from: Self.now, timeZone: "Asia/Shanghai", option: "--until") == expected, "\(text)")
        }
        // New York springs forward at 02:00 on 2026-03-08: 03:30 that day is EDT (UTC-4).
        #expect(try SilenceTerms.end(until: "2026-03-08 03:30", from: Self.instant("2026-03-01T00:00:00Z"), timeZone: "America/New_York",
                                     option: "--until")
                == Self.instant("2026-03-08T07:30:00Z"))
    }

    @Test func untilMustBeATimeInTheFutureWithinTenYears() {
        #expect(throws: SilenceTerms.Problem("--until must be in the future, got '2026-04-22 09:00', which has passed (--until)")) {
            try SilenceTerms.end(until: "2026-04-22 09:00", from: Self.now, timeZone: "Asia/Shanghai", option: "--until")
        }
        #expect(throws: SilenceTerms.Problem("a silence lasts at most 10 years (3653 days), got '2036-04-23 09:00' (--until)")) {
            try SilenceTerms.end(until: "2036-04-23 09:00", from: Self.now, timeZone: "Asia/Shanghai", option: "--until")
        }
        for bad in ["tomorrow", "2026-02-30 10:00", "2026-04-22 24:00", "2026-04-22 18:60", "2026-04-22 8:00", "2026-04-22",
                    "2026-04-22 18:00:61"] {
            #expect(throws: SilenceTerms.Problem.self, "\(bad)") {
                try SilenceTerms.end(until: bad, from: Self.now, timeZone: "Asia/Shanghai", option: "--until")
            }
        }
        // The message shows control characters escaped.
        #expect(throws: SilenceTerms.Problem("--until must be a time like 2026-04-22 18:00 (campaign zone UTC) or 2026-04-22T18:00:00+08:00, got 'x\\u{1B}[2J' (--until)")) {
            try SilenceTerms.end(until: "x\u{1B}[2J", from: 0, timeZone: "UTC", option: "--until")
        }
    }

    @Test func theRuleAndScopeMustBeThePlans() throws {
        try SilenceTerms.check(rule: "CTR low", scope: nil, in: Self.plan)
        try SilenceTerms.check(rule: "CTR low", scope: "douyin", in: Self.plan)
        try SilenceTerms.check(rule: "CVR low", scope: "vip", in: Self.plan)
        try SilenceTerms.check(rule: "CPA high", scope: "total", in: Self.plan)
        #expect(throws: SilenceTerms.Problem("the plan has no alert rule 'CTR lo'; its rules are 'CTR low', 'CVR low', 'CPA high' (--rule)")) {
            try SilenceTerms.check(rule: "CTR lo", scope: nil, in: Self.plan)
        }
        #expect(throws: SilenceTerms.Problem("rule 'CTR low' is judged per channel, and the plan has no channel 'douyn'; its channels are douyin, search (--scope)")) {
            try SilenceTerms.check(rule: "CTR low", scope: "douyn", in: Self.plan)
        }
        #expect(throws: SilenceTerms.Problem("rule 'CVR low' is judged per segment, and the plan has no segment 'douyin'; its segments are vip (--scope)")) {
            try SilenceTerms.check(rule: "CVR low", scope: "douyin", in: Self.plan)
        }
        #expect(throws: SilenceTerms.Problem("rule 'CPA high' is judged over the total, not per scope: leave out --scope (--scope)")) {
            try SilenceTerms.check(rule: "CPA high", scope: "douyin", in: Self.plan)
        }
    }

    @Test func aCommentIsRequired() throws {
        #expect(try SilenceTerms.comment("  bid change \n", option: "--comment") == "bid change")
        for empty in ["", "   ", "\n\t"] {
            #expect(throws: SilenceTerms.Problem("a silence needs a comment saying why (--comment)")) {
                try SilenceTerms.comment(empty, option: "--comment")
            }
        }
    }

    static func silence(_ id: Int64, rule: String = "CTR low", scope: String?, from start: Int64 = 100, to end: Int64 = 200) -> Silence {
        Silence(id: id, rule: rule, scope: scope, startsAt: start, endsAt: end, comment: "c", createdBy: "u@h", createdAt: start)
    }

    @Test func aSilenceCoversItsRuleInItsScopeWhileItLasts() {
        let douyin = Self.silence(1, scope: "douyin")
        #expect(douyin.covers(rule: "CTR low", scope: "douyin", at: 100), "from its start")
        #expect(douyin.covers(rule: "CTR low", scope: "douyin", at: 199))
        #expect(!douyin.covers(rule: "CTR low", scope: "douyin", at: 200), "its end is exclusive")
        #expect(!douyin.covers(rule: "CTR low", scope: "douyin", at: 99), "not before it starts")
        #expect(!douyin.covers(rule: "CTR low", scope: "search", at: 150), "another scope")
        #expect(!douyin.covers(rule: "CPA high", scope: "douyin", at: 150), "another rule")
        let every = Self.silence(2, scope: nil)
        #expect(every.covers(rule: "CTR low", scope: "search", at: 150) && every.covers(rule: "CTR low", scope: "", at: 150))
        // A total rule's notice has an empty scope; the log and the dashboard call it `total`.
        let total = Self.silence(3, rule: "CPA high", scope: "total")
        #expect(total.covers(rule: "CPA high", scope: "", at: 150))
        #expect(!douyin.covers(rule: "CTR low", scope: "", at: 150))
        #expect(douyin.state(at: 150) == .active && douyin.state(at: 200) == .expired)
    }

    @Test func ofSeveralSilencesTheOneLastingLongestIsNamed() {
        let silences = [Self.silence(1, scope: nil, to: 300), Self.silence(2, scope: "douyin", to: 500),
                        Self.silence(3, scope: "search", to: 900), Self.silence(4, scope: "douyin", to: 500)]
        #expect(Silence.covering(silences, rule: "CTR low", scope: "douyin", at: 150)?.id == 2, "ties go to the older")
        #expect(Silence.covering(silences, rule: "CTR low", scope: "douyin", at: 400)?.id == 2)
        #expect(Silence.covering(silences, rule: "CTR low", scope: "sms", at: 150)?.id == 1)
        #expect(Silence.covering(silences, rule: "CTR low", scope: "sms", at: 300) == nil)
    }
}
