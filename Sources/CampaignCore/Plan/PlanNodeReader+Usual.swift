import CampaignText
import Foundation
import Yams

/// The keys of a rule judged against its usual values (`usual:`,
/// `below_usual:`/`above_usual:`, `min_change:`, `usual_days:`/`usual_weeks:`).
extension PlanNodeReader {
    static let usualKeys = ["usual", "below_usual", "above_usual", "min_change", "usual_days", "usual_weeks"]

    /// The rule's baseline, its direction and its z threshold; nil when the
    /// rule has no `usual:` (then none of the usual keys may appear).
    func usualBaseline(_ fields: YAMLFields, what: String, window: MetricWindow)
        -> (baseline: UsualBaseline, direction: AlertRule.Direction, threshold: String, key: String)? {
        guard fields.has("usual") else {
            for key in Self.usualKeys where fields.has(key) {
                sink.error(fields.location(of: key), Phrase.usualKeyWithoutUsual.text(what, key, "usual", UsualBaseline.Season.hourOfDay.rawValue,
                                                                              UsualBaseline.Season.hourOfWeek.rawValue))
            }
            return nil
        }
        let seasonText = fields.string("usual", what: what) ?? ""
        let season = UsualBaseline.Season(rawValue: seasonText)
        if season == nil {
            sink.error(fields.location(of: "usual"), Phrase.checkOfNotOneOf.text("usual", what, seasonList, seasonText,
                                                                                  Suggestion.hint(for: seasonText, among: UsualBaseline.Season.allCases.map(\.rawValue))))
        }
        for key in ["below", "above"] where fields.has(key) {
            sink.error(fields.location(of: key), Phrase.usualFixedThreshold.text(what, key, "below_usual", "above_usual"))
        }
        if window == .campaignToDate {
            sink.error(fields.location(of: "window"), Phrase.usualNeedsWindow.text(what, "day", "campaign"))
        }
        var direction = AlertRule.Direction.below
        var threshold = "3.5"
        switch (fields.string("below_usual", what: what), fields.string("above_usual", what: what)) {
        case (let below?, nil): threshold = below
        case (nil, let above?): direction = .above; threshold = above
        case (_?, _?):
            sink.error(fields.location(of: "above_usual"), Phrase.checkBelowAndAbove.text(what, "below_usual", "above_usual"))
        case (nil, nil) where !fields.has("below") && !fields.has("above"):   // those were just reported
            sink.error(fields.location, Phrase.checkNeedsThreshold.text(what, "below_usual", "above_usual"))
        case (nil, nil): break
        }
        let key = direction == .below ? "below_usual" : "above_usual"
        let z = positiveZ(threshold, key: key, what: what, at: fields.location(of: key))
        if let recover = fields.string("recover", what: what), let z,
           let r = positiveZ(recover, key: "recover", what: what, at: fields.location(of: "recover")), r > z {
            sink.error(fields.location(of: "recover"), Phrase.usualRecoverBeyond.text(what, "recover", key, threshold, recover))
        }
        let chosen = season ?? .hourOfDay
        for other in UsualBaseline.Season.allCases where other != chosen && fields.has(other.periodsKey) {
            sink.error(fields.location(of: other.periodsKey),
                       Phrase.usualWrongPeriodsKey.text(what, "usual", chosen.rawValue, chosen.periodsKey, other.periodsKey))
        }
        let periods = fields.integer(chosen.periodsKey, what: what, minimum: chosen.minimumPoints, maximum: chosen.maximumPeriods)
        let minChange = self.minChange(fields, what: what, direction: direction) ?? 0
        return (UsualBaseline(season: chosen, periods: periods, minChange: minChange), direction, threshold, key)
    }

    private var seasonList: String {
        UsualBaseline.Season.allCases.map(\.rawValue).joined(separator: Phrase.checkListSeparator.text())
    }

    /// A robust z: a plain number above 0 (how many MADs from the usual median).
    private func positiveZ(_ text: String, key: String, what: String, at location: SourceLocation) -> Double? {
        guard let z = YAMLNumbers.double(text), z.isFinite, z > 0 else {
            sink.error(location, Phrase.usualZNotPositive.text(key, what, text))
            return nil
        }
        return z
    }

    /// `min_change: 30%` or `0.3`. A fall cannot exceed 100 %; a rise may be
    /// large, though past 100 times the median it would never be met.
    private func minChange(_ fields: YAMLFields, what: String, direction: AlertRule.Direction) -> Double? {
        guard let text = fields.string("min_change", what: what) else { return nil }
        let location = fields.location(of: "min_change")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let share: Double?
        if trimmed.hasSuffix("%") {
            share = YAMLNumbers.double(String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces)).map { $0 / 100 }
        } else {
            share = YAMLNumbers.double(trimmed)
        }
        guard let share, share.isFinite else {
            sink.error(location, Phrase.usualMinChangeMalformed.text("min_change", what, "30%", "0.3", text))
            return nil
        }
        let most = direction == .below ? 1.0 : 100.0
        guard share >= 0, share <= most else {
            sink.error(location, Phrase.usualMinChangeRange.text("min_change", what, Formatting.percent(most, decimals: 0), text))
            return nil
        }
        return share
    }
}
