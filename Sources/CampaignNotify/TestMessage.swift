import CampaignCore
import CampaignText
import Foundation

/// What `notify test` sends: a message shaped like a real alert (so the
/// group sees what alerts will look like) that says plainly it is a test.
public enum TestMessage {
    public static func make(plan: Plan, now: Date) -> NotifyMessage {
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let notice = AlertNotice(
            status: .firing, rule: Phrase.dataTestMessageRule.text(), per: "total", scope: "", metric: "test",
            value: nil, threshold: nil, valueText: "–", thresholdText: "–", severity: .info, startedAt: seconds,
            owner: nil, playbook: Phrase.dataTestMessagePlaybook.text(),
            fingerprint: RobotSigning.fingerprint(["test", plan.campaign.id, "\(seconds)"]))
        return NotifyMessage(campaignID: plan.campaign.id, campaignName: plan.campaign.name,
                             timeZone: plan.campaign.timezone, notices: [notice])
    }
}
