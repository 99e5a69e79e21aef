import CampaignText

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
        "'\(silence.rule.terminalSafe)' [\((silence.scope ?? Phrase.dataEveryScope.text()).terminalSafe)]"
    }

    public mutating func table(_ silences: [Silence], all: Bool) -> String {
        guard !silences.isEmpty else { return all ? Phrase.dataNoSilences.text() : Phrase.dataNoActiveSilences.text() }
        let headings: [Phrase] = [.dataHeadRule, .dataHeadScope, .dataHeadStarts, .dataHeadEnds, .dataHeadState, .dataHeadBy,
                                  .dataHeadComment]
        var table = TextTable([.init("ID", .right)] + headings.map { .init($0.text()) })
        for silence in silences {
            table.add([String(silence.id), silence.rule, silence.scope ?? "*", Silence.timeText(silence.startsAt, clock: &clock),
                       Silence.timeText(silence.endsAt, clock: &clock), Self.stateWord(silence.state(at: now)), silence.createdBy,
                       silence.comment])
        }
        return table.rendered()
    }

    /// The state as people read it; JSON keeps `active` / `expired`.
    static func stateWord(_ state: Silence.State) -> String {
        switch state {
        case .active: Phrase.dataSilenceActive.text()
        case .expired: Phrase.dataSilenceEndedState.text()
        }
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
        Phrase.dataSilenceAdded.text(silence.id, Self.subject(silence), Silence.timeText(silence.endsAt, clock: &clock),
                                     clock.timeZone.identifier)
    }

    public mutating func expired(_ silence: Silence) -> String {
        Phrase.dataSilenceExpiredLine.text(silence.id, Self.subject(silence), Silence.timeText(silence.endsAt, clock: &clock),
                                           clock.timeZone.identifier)
    }
}
