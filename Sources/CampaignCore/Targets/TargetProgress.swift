/// How far one campaign target has come, as of the latest event: the one
/// computation `report`, `standup` and the dashboard's targets view read.
///
/// The actual is the campaign-to-date value in total, the same number
/// `kpi --by total --window campaign` shows. Achievement is the goal rule
/// (`GoalProgress`: floor actual / target, ceiling target / actual, nil
/// below the minimum volume). The forecast at `by`:
/// - a sum (impressions, spend…) runs on at its rate: actual + the mean of
///   the last three complete days (`KPIStore.rateDays`) × the days from now
///   to the end of `by` (fractional, never below 0); no complete day yet, no forecast;
/// - a ratio or budget KPI (CTR, CPA, burn) is forecast at its current value;
/// - without `by` the forecast is the current value, so it is judged on that.
/// On track when the forecast meets the target (at or above a floor, at or
/// under a ceiling); at risk when it does not; no data when there is no
/// achievement to read or no forecast.
public struct TargetProgress: Sendable {
    public enum Status: String, Sendable {
        case onTrack = "on_track", atRisk = "at_risk", noData = "no_data"
    }

    public var target: CampaignTarget
    /// Actual, volume and achievement, by the goal rule.
    public var progress: GoalProgress
    public var forecast: Double?

    public init(target: CampaignTarget, actual: Double?, volume: Double?, forecast: Double?) {
        self.target = target
        progress = GoalProgress(segmentID: "", goal: target.goal, actual: actual, volume: volume)
        self.forecast = forecast
    }

    public var actual: Double? { progress.actual }
    public var achievement: Double? { progress.achievement }

    public var status: Status {
        guard achievement != nil, let forecast, let goal = target.target else { return .noData }
        let meets = target.isCeiling ? forecast <= goal : forecast >= goal
        return meets ? .onTrack : .atRisk
    }
}

extension TargetProgress {
    /// Every target of the plan, in plan order, from the store as of its clock.
    public static func all(plan: Plan, store: KPIStore, context: KPIContext) -> [TargetProgress] {
        guard store.clockMinute != .min else {
            return plan.targets.map { TargetProgress(target: $0, actual: nil, volume: nil, forecast: nil) }
        }
        let minute = store.clockMinute
        let total = store.values(.total, id: -2, name: "total", window: .campaignToDate, atMinute: minute,
                                 context: context)
        var clock = store.clock
        let asOfMinute = store.forecastMinute(minute)
        let today = clock.day(of: asOfMinute * 60_000)
        let asOf = (asOfMinute + 1) * 60_000
        let rateDays = KPIStore.rateDays(before: today, firstDay: context.firstDay)
        return plan.targets.map { target in
            guard let metric = target.metric else {
                return TargetProgress(target: target, actual: nil, volume: nil, forecast: nil)
            }
            let actual = total.value(of: metric)
            var forecast = actual
            if case .sum(let quantity) = metric.kind, let by = target.by, let now = actual {
                let daysLeft = max(Double(clock.start(of: by + 1) - asOf) / 86_400_000, 0)
                if rateDays.isEmpty {
                    forecast = daysLeft == 0 ? now : nil
                } else {
                    let recent = rateDays.reduce(0.0) { sum, day in
                        sum + (quantity.value(in: store.counters(window: .calendarDay, day: day, include: { _ in true })) ?? 0)
                    }
                    forecast = now + recent / Double(rateDays.count) * daysLeft
                }
            }
            return TargetProgress(target: target, actual: actual, volume: total.volume(of: metric), forecast: forecast)
        }
    }
}
