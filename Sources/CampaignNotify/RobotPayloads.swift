import CampaignCore
import Foundation

/// The JSON bodies each kind of receiver expects. Keys are written sorted so
/// a message's bytes depend only on its content (tests and the outbox compare them).
enum RobotPayloads {
    /// WeCom group robot: `{"msgtype": "markdown", "markdown": {"content": …}}`.
    static func weComMarkdown(_ message: NotifyMessage) -> Data {
        json(["msgtype": "markdown", "markdown": ["content": MessageText.markdown(message, maxBytes: weComMarkdownBytes)]])
    }

    /// WeCom's documented limit for `markdown.content`.
    static let weComMarkdownBytes = 4_096
    /// Feishu refuses a request body over 20 KB; the card's text gets 16 KB of
    /// it, leaving room for the header, the signature and JSON's escapes.
    static let feishuCardTextBytes = 16_000

    /// WeCom's follow-up that @-mentions: phone numbers go in
    /// `mentioned_mobile_list`, user ids (and `@all`) in `mentioned_list`.
    static func weComMention(_ message: NotifyMessage, mentions: [String]) -> Data {
        let phones = mentions.filter(NotifyChannel.isPhoneNumber), users = mentions.filter { !NotifyChannel.isPhoneNumber($0) }
        var text: [String: Any] = ["content": MessageText.title(message)]
        if !phones.isEmpty { text["mentioned_mobile_list"] = phones }
        if !users.isEmpty { text["mentioned_list"] = users }
        return json(["msgtype": "text", "text": text])
    }

    /// DingTalk custom robot: markdown with `at.atMobiles`; DingTalk highlights
    /// a mention only when `@<phone>` also appears in the text.
    static func dingTalk(_ message: NotifyMessage, mentions: [String]) -> Data {
        var text = MessageText.markdown(message)
        if !mentions.isEmpty { text += "\n\n" + mentions.map { "@\($0)" }.joined(separator: " ") }
        return json([
            "msgtype": "markdown",
            "markdown": ["title": MessageText.title(message), "text": text],
            "at": ["atMobiles": mentions, "isAtAll": false],
        ])
    }

    /// Feishu custom bot: an interactive card (red header while firing, green
    /// when resolved); the signature, when the bot has one, sits in the body.
    static func feishuCard(_ message: NotifyMessage, mentions: [String],
                           signature: (timestamp: Int64, sign: String)?) -> Data {
        // The card's header carries the title; its markdown element has no headings.
        var content = MessageText.markdown(message, maxBytes: feishuCardTextBytes).split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().joined(separator: "\n").trimmingCharacters(in: .newlines)
        if !mentions.isEmpty { content += "\n" + mentions.map { "<at id=\($0)></at>" }.joined(separator: " ") }
        var body: [String: Any] = [
            "msg_type": "interactive",
            "card": [
                "header": [
                    "title": ["tag": "plain_text", "content": MessageText.title(message)],
                    "template": message.status == .firing ? "red" : "green",
                ],
                "elements": [["tag": "markdown", "content": content]],
            ],
        ]
        if let signature {
            body["timestamp"] = "\(signature.timestamp)"
            body["sign"] = signature.sign
        }
        return json(body)
    }

    /// Any HTTP endpoint: a document modelled on Grafana's webhook payload.
    static func webhook(_ message: NotifyMessage) -> Data {
        let alerts: [[String: Any]] = message.notices.map { notice in
            [
                "fingerprint": notice.fingerprint,
                "status": notice.status.rawValue,
                "rule": notice.rule,
                "per": notice.per,
                "scope": notice.scope,
                "metric": notice.metric,
                "value": finite(notice.value),
                "threshold": finite(notice.threshold),
                "severity": notice.severity.rawValue,
                "started_at": rfc3339(notice.startedAt),
                "ended_at": notice.endedAt.map { rfc3339($0) as Any } ?? NSNull(),
                "anomaly_id": notice.anomalyID.map { $0 as Any } ?? NSNull(),
                "owner": notice.owner.map { $0 as Any } ?? NSNull(),
                "playbook": notice.playbook.map { $0 as Any } ?? NSNull(),
            ]
        }
        return json([
            "version": "1",
            "status": message.status.rawValue,
            "campaign": message.campaignID,
            "campaign_name": message.campaignName,
            "title": MessageText.title(message),
            "message": MessageText.markdown(message),
            "alerts": alerts,
        ])
    }

    /// JSON has no NaN or infinity: such a value is sent as null.
    private static func finite(_ value: Double?) -> Any {
        guard let value, value.isFinite else { return NSNull() }
        return value
    }

    /// Event time as RFC 3339 in UTC (`2026-04-21T02:32:00Z`), for machines.
    static func rfc3339(_ epochSeconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
    }

    private static func json(_ object: [String: Any]) -> Data {
        // Only strings, finite numbers, booleans, NSNull, arrays and dictionaries go in: serialising cannot fail.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
