import CampaignText
import CampaignCore

/// Every word the KPI pane shows, kept together so it can move into a catalog.
enum KPIPaneText {
    static var perChannel: String { Phrase.kpiPerChannel.text() }
    static var perSegment: String { Phrase.kpiPerSegment.text() }
    static var waiting: String { Phrase.kpiWaiting.text() }
    /// Events are being read (the stored history, the demo's past) but no minute is folded yet.
    static var reading: String { Phrase.kpiReadingEvents.text() }
    static var key: String { Phrase.kpiHeadKey.text() }
    static var interval: String { Phrase.kpiHeadInterval.text() }
    static var state: String { Phrase.kpiHeadState.text() }
    static var threshold: String { Phrase.kpiHeadThreshold.text() }
    static let sparkline = "CTR/h"
    /// Marks a value a rule finds past its threshold.
    static let breachMark = "!"

    /// The pane's window in words, for its title: people must know every
    /// number in the rows is over it (the header's burn is campaign to date).
    static func window(_ window: MetricWindow) -> String {
        switch window {
        case .rolling(let seconds):
            return seconds % 3_600 == 0 && seconds >= 7_200 ? Phrase.kpiWindowHours.text(seconds / 3_600) : Phrase.kpiWindowMinutes.text(seconds / 60)
        case .calendarDay: return Phrase.kpiWindowEventDay.text()
        case .campaignToDate: return Phrase.kpiWindowToDate.text()
        }
    }

    /// The window in a cell, after a value judged over a window other than the pane's.
    static func windowTag(_ window: MetricWindow) -> String {
        switch window {
        case .campaignToDate: return Phrase.kpiTagToDate.text()
        case .calendarDay: return Phrase.windowDayShort.text()
        case .rolling: return window.description
        }
    }

    /// The window in a head: `1h`, `day`, `campaign` (as the plan spells them).
    static func headWindow(_ window: MetricWindow) -> String { window.spokenName }

    /// Column header of a KPI.
    static func header(_ metric: Metric) -> String {
        switch metric {
        case .communityDAURatio: return "DAU"
        case .participationRate: return Phrase.kpiHeadParticipation.text()
        case .budgetBurn: return Phrase.kpiHeadBurn.text()
        default: return metric.name.uppercased()
        }
    }

    /// Spend's header says its currency and window: the header line's burn
    /// is campaign to date, this column is not.
    static func spend(currency: String, window: MetricWindow, short: Bool) -> String {
        (short ? currency : Phrase.kpiHeadSpend.text(currency)) + " " + headWindow(window)
    }

    /// `1.27–2.19 %`: the Wilson interval's bounds, which are not symmetric
    /// around the value and never below 0.
    static func interval(_ interval: WilsonInterval) -> String {
        let decimals = interval.upper < 0.1 ? 2 : 1
        return Formatting.fixed(interval.lower * 100, decimals: decimals) + "–"
            + Formatting.fixed(interval.upper * 100, decimals: decimals) + " %"
    }

    /// One rule of the row in the threshold column: `CTR <1%`; a baseline
    /// rule shows its usual band instead, `CTR usual 2.5–4.6%` (a dash
    /// while it has too few past points).
    static func threshold(_ cell: DashboardSnapshot.AlertCell) -> String {
        let name = Metric(rawValue: cell.metric).map(header) ?? cell.metric.uppercased()
        guard cell.isBaseline else { return name + " " + cell.threshold }
        return name + " " + Phrase.kpiUsualBand.text(cell.usual.map { band($0.band, metric: Metric(rawValue: cell.metric)) } ?? "–")
    }

    /// `2.5–4.6%` for a percentage, `38.2–51.0` otherwise: short, so the
    /// band fits the threshold column beside the fixed rules.
    static func band(_ band: ClosedRange<Double>, metric: Metric?) -> String {
        guard metric?.format == .percent else {
            return Formatting.fixed(band.lowerBound, decimals: 1) + "–" + Formatting.fixed(band.upperBound, decimals: 1)
        }
        return Formatting.fixed(band.lowerBound * 100, decimals: 1) + "–" + Formatting.fixed(band.upperBound * 100, decimals: 1) + "%"
    }
}
