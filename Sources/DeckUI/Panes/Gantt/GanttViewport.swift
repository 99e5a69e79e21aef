import CampaignCore

/// Which days the Gantt shows: the scale, the first day, and whether the
/// chart follows today. All of its scrolling arithmetic is here, so h/l,
/// following today and `:goto` agree on what a column and a step are.
public struct GanttViewport: Equatable, Sendable {
    public enum Scale: Sendable {
        case days, weeks

        /// Days one column of the chart stands for.
        var daysPerColumn: Int { self == .days ? 1 : 7 }

        /// How far h/l scroll: a week on the day axis, four weeks on the week axis.
        var step: Int { self == .days ? 7 : 28 }

        /// Days between date labels on the axis. A label (`03-02`) is five
        /// characters, so labels go at least six columns apart or they run
        /// into each other: a week on the day axis, six weeks on the week axis.
        var labelEvery: Int { self == .days ? 7 : 42 }

        /// Following today, the chart starts one step before it so the
        /// recent past stays in view.
        var leadBeforeToday: Int { step }

        /// `:goto` starts the chart a little before the task's bar: three
        /// days on the day axis, a week (one column) on the week axis.
        var leadBeforeTask: Int { self == .days ? 3 : 7 }
    }

    public var scale: Scale = .days
    /// Days from the campaign start to the first day shown, once the user has scrolled.
    public var offset = 0
    /// Until the user scrolls, the chart keeps today in view.
    public var followsToday = true

    public init() {}

    /// Days from the campaign start to the first day shown now; never before the campaign.
    func firstDay(today: Day?, campaignStart: Day) -> Int {
        guard followsToday, let today else { return offset }
        return max(0, (today - campaignStart) - scale.leadBeforeToday)
    }

    /// h/l: scroll `steps` steps (negative: earlier) from what is shown now; the chart stops following today.
    mutating func scroll(by steps: Int, today: Day?, campaignStart: Day) {
        offset = firstDay(today: today, campaignStart: campaignStart) + steps * scale.step
        followsToday = false
    }

    /// `:goto`: show `day` near the left edge; the chart stops following today.
    mutating func reveal(_ day: Day, campaignStart: Day) {
        followsToday = false
        offset = max(0, (day - campaignStart) - scale.leadBeforeTask)
    }
}
