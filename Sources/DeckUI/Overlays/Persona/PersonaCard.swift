import CampaignText
import CampaignCore

/// Enter on a segment: who the persona is, its rule, budget share, size,
/// goals and key KPIs.
struct PersonaCard: OverlayUnit {
    /// Index into plan.segments.
    var segment: Int

    func draw(_ state: DeckState, grid: inout CellGrid) {
        guard state.plan.segments.indices.contains(segment) else { return }
        let segment = state.plan.segments[self.segment]
        let row = state.data.segments.first { $0.id == segment.id }
        var lines: [(String, Style)] = [("\(segment.name) (\(segment.id))", Style(.title, attributes: .bold))]
        if let persona = segment.persona {
            if let traits = persona.traits { lines.append((Phrase.personaWho.text(traits), Style(.text))) }
            if !persona.painPoints.isEmpty { lines.append((Phrase.personaPainPoints.text(persona.painPoints.joined(separator: ", ")), Style(.text))) }
            if !persona.channels.isEmpty { lines.append((Phrase.personaReachVia.text(persona.channels.joined(separator: ", ")), Style(.text))) }
        }
        lines.append((Phrase.personaRule.text(segment.rule), Style(.muted)))
        if let share = segment.budgetShare { lines.append((Phrase.personaBudgetShare.text(Cells.percent(share, decimals: 0)), Style(.text))) }
        if let customers = row?.customers {
            lines.append((Phrase.personaCustomers.text(Formatting.count(Int64(customers))) + (row?.share.map { " (" + Cells.percent($0) + ")" } ?? ""), Style(.text)))
        }
        if let portrait = state.data.portraits[segment.id], portrait.customers > 0 {
            lines += Self.portraitLines(portrait, currency: state.plan.campaign.currency).map { ($0, Style(.text)) }
        }
        let progress = row?.goals ?? GoalProgress.of(segment, values: nil)
        for goal in progress {
            lines.append((Self.goalLine(goal, currency: state.plan.campaign.currency), Style(.text)))
        }
        if let values = row?.values {
            lines.append(("CTR \(Cells.percent(values.ctr, decimals: 2))  CVR \(Cells.percent(values.cvr))  CPA \(Cells.number(values.cpa))  ROI \(Cells.number(values.roi))", Style(.accent)))
        }
        lines.append((Phrase.cardEscCloses.text(state.keys.label("back")), Style(.muted)))
        Overlays.box(Phrase.personaTitle.text(), lines: lines, grid: &grid)
    }

    /// What the data says of the segment, beside what the planner wrote:
    /// lifecycle mix, average CLV, each attribute's most common values, and
    /// the categories and channels most members buy most.
    static func portraitLines(_ portrait: SegmentPortrait, currency: String) -> [String] {
        let share = { (count: Int, of: Int) in Cells.percent(Double(count) / Double(max(of, 1)), decimals: 0) }
        var lines = [Phrase.personaPortrait.text()]
        let stages = zip(Lifecycle.allCases, portrait.lifecycle).filter { $0.1 > 0 }
        lines.append("  " + Phrase.personaLifecycleMix.text(
            stages.map { $0.0.spokenName + " " + share($0.1, portrait.customers) }.joined(separator: " · ")))
        if let clv = portrait.averageCLV {
            lines.append("  " + Phrase.personaAverageCLV.text(Metric.revenue.formatted(clv, currency: currency)))
        }
        for trait in portrait.traits where trait.known > 0 {
            let shares = sharesLine(largest(trait, count: 4), known: trait.known, of: portrait.customers)
            lines.append("  " + Phrase.personaTrait.text(trait.column, shares))
        }
        // What they buy and where: shares of all members, like the traits above.
        for (tops, phrase) in [(portrait.topCategories, Phrase.portraitTopCategories), (portrait.topChannels, .portraitTopChannels)] {
            guard let tops, tops.known > 0 else { continue }
            lines.append("  " + phrase.text(sharesLine(tops.values, known: tops.known, of: portrait.customers)))
        }
        return lines
    }

    /// `女 40% · 男 35% · others 5% · unknown 20%`: the values shown, what the
    /// other known values hold, and the members without one, each a share of
    /// all `customers`, so the line adds up.
    static func sharesLine(_ shown: [(value: String, customers: Int)], known: Int, of customers: Int) -> String {
        let share = { (count: Int) in Cells.percent(Double(count) / Double(max(customers, 1)), decimals: 0) }
        var parts = shown.map { $0.value + " " + share($0.customers) }
        let others = known - shown.reduce(0) { $0 + $1.customers }
        if others > 0 { parts.append(Phrase.personaTraitOthers.text(share(others))) }
        if known < customers { parts.append(Phrase.personaTraitUnknown.text(share(customers - known))) }
        return parts.joined(separator: " · ")
    }

    /// The `count` values holding the most members (ties: the earlier), kept in
    /// the trait's own order, so age bands still read young to old; what the
    /// others hold is said after them, and the shares on a line add up.
    static func largest(_ trait: SegmentPortrait.Trait, count: Int) -> [(value: String, customers: Int)] {
        let kept = Set(trait.values.indices.sorted { (trait.values[$0].customers, $1) > (trait.values[$1].customers, $0) }.prefix(count))
        return trait.values.indices.filter(kept.contains).map { trait.values[$0] }
    }

    /// `Goal: cvr 20.00% of 25%, 80% by 2026-05-10`: each goal with its
    /// actual, target and achievement, the figures `report` prints; KPIs are
    /// written by their format (money in `currency`), customer features plainly.
    static func goalLine(_ goal: GoalProgress, currency: String?) -> String {
        func number(_ value: Double) -> String {
            if let metric = goal.goal.kpi { return metric.formatted(value, currency: currency) }
            return value == value.rounded() ? Formatting.plain(value) : Formatting.fixed(value, decimals: 4)
        }
        var figure = goal.actual.map(number) ?? Phrase.personaGoalNoData.text()
        if let target = goal.goal.effectiveTarget { figure = Phrase.personaGoalOf.text(figure, goal.goal.ceilingMark + number(target)) }
        var text = Phrase.personaGoal.text(goal.goal.spokenMetric, figure)
        if let baseline = goal.goal.baseline, let lift = goal.goal.lift {
            text += " (\(number(baseline)) \(lift < 0 ? "" : "+")\(Formatting.percent(lift)))"
        }
        if let achievement = goal.achievement {
            text += ", " + Formatting.percent(achievement, decimals: 0)
        } else if goal.isBelowMinVolume {
            text = Phrase.personaGoalTooLittle.text(text, goal.minVolume)
        }
        if let by = goal.goal.by { text = Phrase.personaGoalBy.text(text, by) }
        return text
    }
}
