@testable import CampaignStore
import CampaignCore
import CampaignText
import Foundation
import Testing

/// The timeline's event notes are stored in English and said in the
/// reader's language; what people wrote (owners, causes, actions,
/// playbooks, rule names) is kept as written.
@Suite struct AnomalyNoteWordsTests {
    static func chinese(_ stored: String) -> String {
        Language.$override.withValue(.chinese) { AnomalyNoteWords.spoken(stored) }
    }

    /// The dashboard's timeline lines (the anomaly card) speak the same way:
    /// the alert engine's entries signed 告警 and said in Chinese, a person's
    /// note and name as written.
    @Test func timelineLinesOfTheDashboardInChinese() {
        // 2026-04-09 03:02 UTC is 11:02 in Shanghai.
        let at: Int64 = 1_775_703_720_000
        let fired = AnomalyNote(at: at, author: "alert", kind: .event, text: "recovered: 1.20%", clock: .event)
        let written = AnomalyNote(at: at, author: "alert", kind: .note, text: "recovered: ask 王芳", clock: .wall)
        var times = AnomalyTimeText(timeZone: "Asia/Shanghai", campaignYear: 2026)
        Language.$override.withValue(.chinese) {
            #expect(times.line(fired).hasSuffix(" 告警: 已恢复：1.20%"), "\(times.line(fired))")
            // A person called "alert" writing a note keeps both as written.
            #expect(times.line(written).hasSuffix(" alert: recovered: ask 王芳"))
        }
        Language.$override.withValue(.english) {
            #expect(times.line(fired).hasSuffix(" alert: recovered: 1.20%"))
        }
    }

    @Test func everyEventNoteWrittenOutInChinese() {
        let cases: [(String, String)] = [
            ("opened by hand", "手动新开"),
            ("acknowledged", "已确认"),
            ("acknowledged; owner 王芳", "已确认；负责人 王芳"),
            ("reassigned from 王芳 to 李雷", "负责人由 王芳 改为 李雷"),
            ("assigned to 李雷", "已指派给 李雷"),
            ("resolved", "已解决"),
            ("resolved; cause: 素材过期; action: 更换素材", "已解决；原因：素材过期；处理措施：更换素材"),
            ("resolution updated; action: 暂停投放", "处理结果已更新；处理措施：暂停投放"),
            ("reopened; acknowledged again", "已重新打开；恢复为已确认"),
            ("reopened; open again", "已重新打开；恢复为未处理"),
            ("opened by rule 'CTR below 1%': ctr 0.64% against 1%; playbook: 迭代素材(更换文案/视觉)",
             "由规则 'CTR below 1%' 新开：ctr 0.64%（阈值 1%）；处理预案：迭代素材(更换文案/视觉)"),
            ("opened by rule 'CPA high': cpa no data against ¥45.00", "由规则 'CPA high' 新开：cpa 无数据（阈值 ¥45.00）"),
            ("fired again: 0.50% against 1%", "再次触发：0.50%（阈值 1%）"),
            ("recovered: 1.20%", "已恢复：1.20%"),
        ]
        for (stored, expected) in cases {
            #expect(Self.chinese(stored) == expected)
            #expect(Language.$override.withValue(.english) { AnomalyNoteWords.spoken(stored) } == stored)
        }
        // A text we did not write, or one that only looks like ours, is shown as stored.
        #expect(Self.chinese("resolved the ticket by hand") == "resolved the ticket by hand")
        #expect(Self.chinese("called the agency") == "called the agency")
    }

    /// The log's own notes, through a real database, under Chinese.
    @Test func theLogsNotesShowInChinese() throws {
        let folder = TemporaryFolder()
        let log = AnomalyLog(database: try DeckDatabase(path: folder.file("notes.sqlite")))
        let id = try log.open(ManualAnomaly(title: "落地页打不开"), author: "ana", at: 1_000).id
        _ = try log.acknowledge(id: id, owner: "王芳", by: "ana", at: 2_000)
        _ = try log.assign(id: id, to: "李雷", by: "ana", at: 3_000)
        _ = try log.resolve(id: id, cause: "CDN 故障", action: "切换线路", by: "ana", at: 4_000)
        _ = try log.reopen(id: id, by: "ana", at: 5_000)
        let notes = try log.anomaly(id: id).notes.filter { $0.kind == .event }.map { Self.chinese($0.text) }
        #expect(notes == ["手动新开", "已确认；负责人 王芳", "负责人由 王芳 改为 李雷", "已解决；原因：CDN 故障；处理措施：切换线路",
                          "已重新打开；恢复为已确认"])
    }
}
