/// `silence list` and what `silence add` / `expire` print: a table for
/// people (times in the campaign's zone, control characters escaped by
/// `TextTable`), JSON for programs (RFC 3339 times, text as stored).
public struct SilenceListing {
    public var clock: CampaignClock
    /// The wall clock the state (active / expired) is judged at.
    public var now: Int64

    public init(timeZone: String, now: Int64) {
        clock = CampaignClock(timeZoneIdentifier: timeZone)
        self.now = now
    }

    /// What a silence covers: `'CPA high' [douyin]`, or `'CPA high' [every scope]`.
    public static func subject(_ silence: Silence) -> String {
        "'\(silence.rule.terminalSafe)' [\((silence.scope ?? "every scope").terminalSafe)]"
    }

    public mutating func table(_ silences: [Silence], all: Bool) -> String {
        guard !silences.isEmpty else { return all ? "no silences\n" : "no active silences\n" }
        var table = TextTable([.init("ID", .right), .init("RULE"), .init("SCOPE"), .init("STARTS"), .init("ENDS"),
                               .init("STATE"), .init("BY"), .init("COMMENT")])
        for silence in silences {
            table.add([String(silence.id), silence.rule, silence.scope ?? "*", Silence.timeText(silence.startsAt, clock: &clock),
                       Silence.timeText(silence.endsAt, clock: &clock), silence.state(at: now).rawValue, silence.createdBy,
                       silence.comment])
        }
        return table.rendered()
    }

    public mutating func json(_ silence: Silence) -> JSONValue {
        .object([
            ("id", .int(Int(silence.id))), ("rule", .string(silence.rule)), ("scope", .optional(silence.scope)),
            ("starts_at", .string(clock.rfc3339(silence.startsAt))), ("ends_at", .string(clock.rfc3339(silence.endsAt))),
            ("comment", .string(silence.comment)), ("created_by", .string(silence.createdBy)),
            ("state", .string(silence.state(at: now).rawValue)),
        ])
    }

    public mutating func json(_ silences: [Silence]) -> JSONValue { .array(silences.map { json($0) }) }

    /// The line `silence add` prints: `silence 3: 'CPA high' [douyin] until 2026-04-22 18:00 (Asia/Shanghai)`.
    public mutating func added(_ silence: Silence) -> String {
        "silence \(silence.id): \(Self.subject(silence)) silenced until \(Silence.timeText(silence.endsAt, clock: &clock)) (\(clock.timeZone.identifier))\n"
    }

    public mutating func expired(_ silence: Silence) -> String {
        "silence \(silence.id) expired: \(Self.subject(silence)) is sent again from \(Silence.timeText(silence.endsAt, clock: &clock)) (\(clock.timeZone.identifier))\n"
    }
}
