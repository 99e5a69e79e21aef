import Foundation

/// One place alerts are sent: a WeCom, DingTalk or Feishu group robot, or any
/// HTTP endpoint that takes a JSON document (the plan's `notify:` list).
public struct NotifyChannel: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case wecom, dingtalk, feishu, webhook

        /// DingTalk and Feishu robots can require a signature made with a
        /// secret; WeCom's key is in its URL and a webhook has no such scheme.
        public var signs: Bool { self == .dingtalk || self == .feishu }
    }

    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var id: String
    public var kind: Kind
    /// The address as written; `${NAME}` parts are read from the environment
    /// when sending, so webhook keys stay out of the plan's repository.
    public var url: EnvironmentText
    public var secret: EnvironmentText?
    /// Severities sent here; nil means every severity.
    public var severities: Set<AlertRule.Severity>?
    /// Who to @: phone numbers or user ids (WeCom), phone numbers (DingTalk),
    /// open ids (Feishu).
    public var mentions: [String]

    public init(fields: FieldLocations, id: String, kind: Kind, url: EnvironmentText, secret: EnvironmentText? = nil,
                severities: Set<AlertRule.Severity>? = nil, mentions: [String] = []) {
        self.fields = fields
        self.id = id
        self.kind = kind
        self.url = url
        self.secret = secret
        self.severities = severities
        self.mentions = mentions
    }

    public func accepts(_ severity: AlertRule.Severity) -> Bool { severities?.contains(severity) ?? true }

    /// `13800001111` or `+8613800001111`: what DingTalk and WeCom mention by phone.
    public static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// A rule's `notify: [ops, hooks]` entry: a channel id and where it is written.
public struct NotifyReference: Sendable, Equatable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

extension Plan {
    /// The channels a transition of `rule` goes to: the rule's own `notify:`
    /// list when it has one, else every channel whose severities include the
    /// rule's; in both cases a channel's severity filter applies.
    public func channels(notifying rule: AlertRule) -> [NotifyChannel] {
        let candidates = rule.notify.isEmpty
            ? notify
            : rule.notify.compactMap { reference in notify.first { $0.id == reference.id } }
        return candidates.filter { $0.accepts(rule.severity) }
    }
}
