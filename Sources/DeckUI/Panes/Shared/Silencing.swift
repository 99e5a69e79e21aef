import CampaignText
import CampaignCore
import Foundation

/// What a silence is for, as the dashboard picks it: a rule and the scope
/// of the row it was asked on (a channel's or segment's id, or `total`).
public struct SilenceTarget: Equatable, Sendable {
    public var rule: String
    public var scope: String

    public init(rule: String, scope: String) {
        self.rule = rule
        self.scope = scope
    }

    /// `'CPA 30% over benchmark' [douyin]`
    var text: String { "'\(rule)' [\(scope)]" }
}

/// A silence asked for from the keyboard, for the app to write.
public struct SilenceRequest: Equatable, Sendable {
    public var target: SilenceTarget
    public var seconds: Int
    public var comment: String

    public init(target: SilenceTarget, seconds: Int, comment: String) {
        self.target = target
        self.seconds = seconds
        self.comment = comment
    }
}

/// `S` on a KPI row or an anomaly: which rule, for how long (prefilled
/// 2h), then why; the app writes the silence to the dashboard's database and
/// says until when. On a KPI row judged by several rules, the one firing is
/// silenced; when none or several fire, a prompt asks which (by number).
enum Silencing {
    static let bindings: [KeyBinding] = [
        KeyBinding("silence", [.character("S")], .silence,
                   .keySilence,
                   scope: .panes([.kpis, .anomalies]), hint: .hintSilence),
    ]

    static let suggestedDuration = "2h"

    static func fromKPIRow(_ state: inout DeckState) -> [DeckEffect] {
        guard hasDatabase(&state) else { return [] }
        guard let index = state.visibleSelection(.kpis) else {
            state.message = SilenceWords.noRow
            return []
        }
        let row = state.kpiRows[index]
        let rules = row.alerts
        let firing = rules.filter { $0.state == .firing }
        if rules.count == 1 || firing.count == 1 {
            askDuration(SilenceTarget(rule: (firing.first ?? rules[0]).rule, scope: row.key), &state)
        } else if rules.isEmpty {
            state.message = SilenceWords.noRule(row.label)
        } else {
            let suggested = rules.firstIndex { $0.isBreached }.map { $0 + 1 } ?? 1
            state.overlay = .prompt(Prompt(.silenceRule(scope: row.key, rules: rules.map(\.rule)), text: String(suggested)))
        }
        return []
    }

    static func fromAnomaly(_ anomaly: DashboardSnapshot.AnomalyRow, _ state: inout DeckState) -> [DeckEffect] {
        guard hasDatabase(&state) else { return [] }
        guard let rule = anomaly.rule else {
            state.message = SilenceWords.openedByHand(anomaly.id)
            return []
        }
        askDuration(SilenceTarget(rule: rule, scope: anomaly.scope), &state)
        return []
    }

    private static func hasDatabase(_ state: inout DeckState) -> Bool {
        guard state.data.silences != nil else {
            state.message = SilenceWords.needsDatabase
            return false
        }
        return true
    }

    private static func askDuration(_ target: SilenceTarget, _ state: inout DeckState) {
        state.overlay = .prompt(Prompt(.silenceDuration(target), text: suggestedDuration))
    }

    // MARK: The prompts' answers

    /// A rule's number in the list, or its name.
    static func chooseRule(_ text: String, scope: String, rules: [String], _ state: inout DeckState) -> PromptAnswer.Outcome {
        let rule = Int(text).flatMap { rules.indices.contains($0 - 1) ? rules[$0 - 1] : nil } ?? rules.first { $0 == text }
        guard let rule else {
            state.message = SilenceWords.pickRule(rules.count)
            return .refused
        }
        askDuration(SilenceTarget(rule: rule, scope: scope), &state)
        return .accepted([])
    }

    static func duration(_ text: String, _ target: SilenceTarget, _ state: inout DeckState) -> PromptAnswer.Outcome {
        do {
            _ = try SilenceTerms.end(lasting: text, from: 0, option: "duration")
        } catch {
            state.message = error.description
            return .refused
        }
        state.overlay = .prompt(Prompt(.silenceComment(target, duration: text)))
        return .accepted([])
    }

    static func comment(_ text: String, _ target: SilenceTarget, duration: String, _ state: inout DeckState) -> PromptAnswer.Outcome {
        let why: String
        do {
            why = try SilenceTerms.comment(text, option: "comment")
        } catch {
            state.message = error.description
            return .refused
        }
        // Checked when it was typed; the app says until when once it is written.
        let seconds = DurationText.seconds(duration) ?? 0
        state.message = SilenceWords.silencing(target, duration: duration)
        return .accepted([.silence(SilenceRequest(target: target, seconds: seconds, comment: why))])
    }

    // MARK: Showing silences

    /// The silence covering an anomaly's rule and scope now, if any.
    static func silence(of anomaly: DashboardSnapshot.AnomalyRow, _ state: DeckState) -> Silence? {
        guard let rule = anomaly.rule, let silences = state.data.silences else { return nil }
        let now = Int64((state.clock().timeIntervalSince1970 * 1_000).rounded(.down))
        // The log names the total's scope `total`; the silences match notices, whose total scope is empty.
        return Silence.covering(silences, rule: rule, scope: anomaly.scope == AlertRule.Scope.total.rawValue ? "" : anomaly.scope,
                                at: now)
    }

    static func until(_ silence: Silence, _ state: DeckState) -> String {
        SilenceWords.time(silence.endsAt, now: Int64((state.clock().timeIntervalSince1970 * 1_000).rounded(.down)),
                          timeZone: state.plan.campaign.timezone)
    }
}

/// Every word silencing shows (from the catalog).
public enum SilenceWords {
    static var noRow: String { Phrase.silenceNoRow.text() }
    public static var needsDatabase: String { Phrase.silenceNeedsDatabase.text() }
    static func noRule(_ row: String) -> String { Phrase.silenceNoRule.text(row) }
    static func openedByHand(_ id: Int64) -> String { Phrase.silenceOpenedByHand.text(id) }
    static func pickRule(_ count: Int) -> String { Phrase.silencePickRule.text(count) }
    static func silencing(_ target: SilenceTarget, duration: String) -> String { Phrase.silenceSilencing.text(target.text, duration) }

    static func ruleTitle(scope: String) -> String { Phrase.silenceRuleTitle.text(scope) }
    static func durationTitle(_ target: SilenceTarget) -> String { Phrase.silenceDurationTitle.text(target.text) }
    static func commentTitle(_ target: SilenceTarget, duration: String) -> String { Phrase.silenceCommentTitle.text(target.text, duration) }
    static var durationHint: String { Phrase.silenceDurationHint.text() }
    static var commentHint: String { Phrase.silenceCommentHint.text() }

    /// The status line once the app has written it (`now`: wall clock, epoch milliseconds).
    public static func silenced(_ silence: Silence, now: Int64, timeZone: String) -> String {
        Phrase.silenceDone.text(SilenceListing.subject(silence), time(silence.endsAt, now: now, timeZone: timeZone), silence.id)
    }

    /// `18:05` on the day of `now`, `04-23 18:05` on another, in the campaign's zone.
    static func time(_ milliseconds: Int64, now: Int64, timeZone: String) -> String {
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        let end = Silence.timeText(milliseconds, clock: &clock)
        return Silence.timeText(now, clock: &clock).prefix(10) == end.prefix(10) ? String(end.dropFirst(11)) : String(end.dropFirst(5))
    }

    /// `silenced until 18:05`: in the anomaly log and the card.
    static func silencedUntil(_ time: String) -> String { Phrase.silenceUntil.text(time) }
    /// Before WHAT in the anomaly log when `silenced until …` does not fit.
    static let mark = "⊘"

    /// The anomaly card's line.
    static func card(_ silence: Silence, until: String) -> String {
        Phrase.silenceCard.text(until, silence.createdBy, silence.id, silence.comment)
    }
}
