import CampaignCore
@testable import CampaignNotify
import Foundation

/// A firing CTR notice and its resolution, with figures a reader can check:
/// started 2026-04-21 02:30 UTC = 10:30 in Asia/Shanghai, resolved 2h 15m later.
enum NotifyFixtures {
    static let started: Int64 = 1_776_738_600 // 2026-04-21T02:30:00Z
    static let firing = AlertNotice(status: .firing, rule: "CTR below 1%", per: "channel", scope: "douyin",
                                    metric: "ctr", value: 0.0062, threshold: 0.01, valueText: "0.62%",
                                    thresholdText: "1.00%", severity: .critical, startedAt: started,
                                    anomalyID: 3, owner: "王敏", playbook: "换素材，检查落地页",
                                    fingerprint: "a1b2c3d4e5f60718")
    static var resolved: AlertNotice {
        var notice = firing
        notice.status = .resolved
        notice.endedAt = started + 8_100
        notice.fingerprint = "1122334455667788"
        return notice
    }

    static func message(_ notices: [AlertNotice]) -> NotifyMessage {
        NotifyMessage(campaignID: "spring-2026", campaignName: "春季焕新", timeZone: "Asia/Shanghai", notices: notices)
    }

    static func channel(_ kind: NotifyChannel.Kind, url: String, secret: String? = nil,
                        mentions: [String] = []) -> NotifyChannel {
        NotifyChannel(fields: FieldLocations(element: .start), id: kind.rawValue, kind: kind,
                      url: try! EnvironmentText(parsing: url), secret: secret.map { try! EnvironmentText(parsing: $0) },
                      mentions: mentions)
    }

    static func object(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
