@testable import CampaignCore
@testable import CampaignNotify
@testable import CampaignStore
import CampaignText
import Foundation
import GRDB
import HTTPTestReceiver
import Testing

/// The lines a sender prints about messages it skipped, in Chinese, while
/// the reason stored with the message stays English (any later reader, in
/// any language, reads the same row). The setting is OutboxSilenceTests'.
@Suite struct ChineseOutboxLineTests {
    /// One pass under Chinese, on a thread of its own like OutboxSilenceTests'
    /// (the language is set on that thread: a task-local does not follow it there).
    func chinesePass(_ base: OutboxSilenceTests, _ plan: Plan, at now: Date = OutboxSilenceTests.wallNow) async throws -> OutboxDrain.Pass {
        let database = base.database
        return try await OutboxDeliveryTests.offThePool {
            try Language.$override.withValue(.chinese) {
                try OutboxDrain(plan: plan, outbox: NotifyOutbox(database: database), environment: [:], now: { now })
                    .pass(ignoringBackoff: true, closingGroups: true)
            }
        }
    }

    @Test func aSilencedMessageIsSaidInChineseAndStoredInEnglish() async throws {
        let base = try OutboxSilenceTests()
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = OutboxDeliveryTests.plan(url: try await receiver.start() + "/alerts")
        try base.recordBothFirings(plan)
        try base.silence("CTR low", scope: "douyin")
        let result = try await chinesePass(base, plan)
        await receiver.stop()
        #expect(result.lines.contains("未发送到 hooks：CTR low 告警中 [douyin]：已被静默 #1 屏蔽，直到 2027-01-15 08:59"), "\(result.lines)")
        #expect(result.lines.contains("已送达 hooks：CPA high 告警中"), "\(result.lines)")
        #expect(try base.states()["t/1/firing/1"] == "skipped: silenced by #1 until 2027-01-15 08:59")
        for line in result.lines {
            let data = line.replacingOccurrences(of: "hooks", with: "").replacingOccurrences(of: "CTR low", with: "")
                .replacingOccurrences(of: "CPA high", with: "").replacingOccurrences(of: "douyin", with: "")
            #expect(EnglishWords.find(in: data).isEmpty, "\(line)")
        }
    }

    @Test func theResolutionOfASilencedFiringIsSaidInChinese() async throws {
        let base = try OutboxSilenceTests()
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = OutboxDeliveryTests.plan(url: try await receiver.start() + "/alerts")
        try base.recordBothFirings(plan)
        let made = try base.silence("CTR low", scope: nil)
        _ = try await base.pass(plan)
        try base.silences.expire(id: made.id, at: OutboxSilenceTests.wallMilliseconds + 60_000)
        try base.recordCTRRecovery(plan)
        let second = try await chinesePass(base, plan, at: OutboxSilenceTests.wallNow.addingTimeInterval(120))
        await receiver.stop()
        #expect(second.lines == ["未发送到 hooks：CTR low 已恢复 [douyin]：对应的告警已被静默，没有发送"])
        #expect(try base.states()["t/1/resolved/1"] == "skipped: its firing was silenced, not sent")
    }
}
