import CampaignText

extension Metric {
    /// The metric as a person reads it in the interface language. English
    /// keeps the plan's spelling (`cvr`, `participation_rate`), which is
    /// what an English plan's author typed; Chinese says 参与率 and keeps the
    /// Latin abbreviations (CTR, CVR, ROI) Chinese teams write too. Plans,
    /// rules, JSON and CSV always use `name`.
    public var spokenName: String {
        switch self {
        case .impressions: return Phrase.metricSpokenImpressions.text()
        case .clicks: return Phrase.metricSpokenClicks.text()
        case .conversions: return Phrase.metricSpokenConversions.text()
        case .reach: return Phrase.metricSpokenReach.text()
        case .participants: return Phrase.metricSpokenParticipants.text()
        case .spend: return Phrase.metricSpokenSpend.text()
        case .revenue: return Phrase.metricSpokenRevenue.text()
        case .ctr: return Phrase.metricSpokenCTR.text()
        case .cvr: return Phrase.metricSpokenCVR.text()
        case .cpa: return Phrase.metricSpokenCPA.text()
        case .roi: return Phrase.metricSpokenROI.text()
        case .participationRate: return Phrase.metricSpokenParticipationRate.text()
        case .communityDAURatio: return Phrase.metricSpokenCommunityDAURatio.text()
        case .budgetBurn: return Phrase.metricSpokenBudgetBurn.text()
        case .pacing: return Phrase.metricSpokenPacing.text()
        case .forecastSpend: return Phrase.targetMetricForecastSpend.text()
        case .forecastBurn: return Phrase.targetMetricForecastBurn.text()
        case .dailySpend: return Phrase.targetMetricDailySpend.text()
        }
    }
}

extension Goal {
    /// The goal's metric for a person: its spoken name when it is a KPI the
    /// product knows, else as the plan spells it (validation refuses unknown
    /// metrics, so that is only a plan read without validation).
    public var spokenMetric: String { kpi?.spokenName ?? metric }
}

extension MetricWindow {
    /// The window as a person reads it: `1h` as the plan spells it; the
    /// campaign to date and the calendar day in the reader's language
    /// (`campaign`, `day` in English, as plans spell them).
    public var spokenName: String {
        switch self {
        case .campaignToDate: return Phrase.windowCampaignShort.text()
        case .calendarDay: return Phrase.windowDayShort.text()
        case .rolling: return description
        }
    }
}
