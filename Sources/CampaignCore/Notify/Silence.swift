import CampaignText

/// A silence: while it lasts (wall clock, as in Alertmanager), the messages
/// of its rule, in its scope or in every scope, are not sent. What is
/// silenced now is not sent now; the transitions are still logged.
public struct Silence: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Started and not yet ended: messages it covers are skipped.
        case active
        /// Ran out, or was expired by hand (`expiredAt`).
        case expired
    }

    public var id: Int64
    public var rule: String
    /// nil: every scope of the rule. `total` also covers a total rule's
    /// messages, whose notices carry an empty scope.
    public var scope: String?
    /// Wall clock, epoch milliseconds; `endsAt` is exclusive.
    public var startsAt: Int64
    public var endsAt: Int64
    public var comment: String
    /// `user@host`.
    public var createdBy: String
    public var createdAt: Int64
    /// When it was expired by hand (then `endsAt` is that time too).
    public var expiredAt: Int64?

    public init(id: Int64, rule: String, scope: String?, startsAt: Int64, endsAt: Int64, comment: String,
                createdBy: String, createdAt: Int64, expiredAt: Int64? = nil) {
        self.id = id
        self.rule = rule
        self.scope = scope
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.comment = comment
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiredAt = expiredAt
    }

    public func state(at now: Int64) -> State {
        startsAt <= now && now < endsAt ? .active : .expired
    }

    /// Whether a message of `rule` in `scope` (a notice's: empty for the
    /// total) is silenced at `now`.
    public func covers(rule: String, scope: String, at now: Int64) -> Bool {
        guard self.rule == rule, state(at: now) == .active else { return false }
        guard let mine = self.scope else { return true }
        return mine == scope || (scope.isEmpty && mine == AlertRule.Scope.total.rawValue)
    }

    /// The silence that covers a message, of those given: the one that lasts
    /// longest, so what a skipped message says ("until …") is the latest time
    /// it could be sent again.
    public static func covering(_ silences: [Silence], rule: String, scope: String, at now: Int64) -> Silence? {
        silences.filter { $0.covers(rule: rule, scope: scope, at: now) }
            .max { ($0.endsAt, -$0.id) < ($1.endsAt, -$1.id) }
    }
}

extension Silence {
    /// `2026-04-22 18:00` in the campaign's zone: how silence times are shown
    /// (the form `--until` takes).
    public static func timeText(_ milliseconds: Int64, clock: inout CampaignClock) -> String {
        String(clock.rfc3339(milliseconds).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// What a skipped message's reason says: `silenced by #3 until 2026-04-22 18:00`.
    public func reason(clock: inout CampaignClock) -> String {
        Phrase.dataSilencedBy.text(id, Self.timeText(endsAt, clock: &clock))
    }
}
