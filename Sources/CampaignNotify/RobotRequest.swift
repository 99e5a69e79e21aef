import CampaignText
import CampaignCore
import Foundation

/// One HTTP POST to a channel: where, and the JSON body.
public struct RobotRequest: Sendable, Equatable {
    public var url: URL
    public var body: Data

    public init(url: URL, body: Data) {
        self.url = url
        self.body = body
    }
}

/// Why a channel cannot be sent to from here.
public struct ChannelUnusable: Error, Equatable, CustomStringConvertible {
    public var channel: String
    public var reason: String
    public var description: String { Phrase.deliveryChannelUnusable.text(DeliveryProblemWords.spoken(reason), channel) }
}

/// Turns a message into the requests one channel needs, in the format its
/// robot expects. The address and secret are read from the environment now,
/// never stored.
public enum RobotRequests {
    public static func make(for channel: NotifyChannel, message: NotifyMessage, environment: [String: String],
                            now: Date) throws(ChannelUnusable) -> [RobotRequest] {
        let address = try resolve(channel.url, channel: channel, environment: environment)
        if let problem = PlanNotifyChecks.addressProblem(address) {
            throw ChannelUnusable(channel: channel.id, reason: "'url' \(problem)")
        }
        let secret = try channel.secret.map { text throws(ChannelUnusable) in try resolve(text, channel: channel, environment: environment) }
        guard var url = URL(string: address) else { throw ChannelUnusable(channel: channel.id, reason: DeliveryProblemWords.notAURL) }
        switch channel.kind {
        case .wecom:
            var requests = [RobotRequest(url: url, body: RobotPayloads.weComMarkdown(message))]
            // WeCom's markdown messages cannot @ anyone: a short text message does.
            if !channel.mentions.isEmpty {
                requests.append(RobotRequest(url: url, body: RobotPayloads.weComMention(message, mentions: channel.mentions)))
            }
            return requests
        case .dingtalk:
            if let secret {
                let milliseconds = Int64((now.timeIntervalSince1970 * 1_000).rounded(.down))
                url = appendingQuery(url, [("timestamp", "\(milliseconds)"),
                                           ("sign", RobotSigning.dingTalk(secret: secret, timestampMilliseconds: milliseconds))])
            }
            return [RobotRequest(url: url, body: RobotPayloads.dingTalk(message, mentions: channel.mentions))]
        case .feishu:
            let signature = secret.map { secret in
                let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
                return (timestamp: seconds, sign: RobotSigning.feishu(secret: secret, timestampSeconds: seconds))
            }
            return [RobotRequest(url: url, body: RobotPayloads.feishuCard(message, mentions: channel.mentions, signature: signature))]
        case .webhook:
            return [RobotRequest(url: url, body: RobotPayloads.webhook(message))]
        }
    }

    private static func resolve(_ text: EnvironmentText, channel: NotifyChannel,
                                environment: [String: String]) throws(ChannelUnusable) -> String {
        switch text.resolved(in: environment) {
        case .success(let value): return value
        case .failure(let unset): throw ChannelUnusable(channel: channel.id, reason: unset.description)
        }
    }

    /// Adds query parameters, percent-encoding what a query value may not hold
    /// (a base64 signature's `+`, `/` and `=` included).
    static func appendingQuery(_ url: URL, _ items: [(String, String)]) -> URL {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
        let text = url.absoluteString
        let separator = text.contains("?") ? (text.hasSuffix("?") || text.hasSuffix("&") ? "" : "&") : "?"
        return URL(string: text + separator + query) ?? url
    }
}
