import CampaignCore

/// Which days the Gantt shows: the scale, the first day, and whether the
/// chart follows today. All of its scrolling arithmetic is here, so opening,
/// h/l, following today, `:goto` and keeping an edited task in view agree on
/// what a column and a step are.
///
/// The chart never scrolls past the plan: its first day stays between the
/// plan's first day and the day that puts the plan's last day in the last
/// column, so a plan that fits is shown whole and the chart never opens on
/// blank weeks after the campaign's end.
public struct GanttViewport: Equatable, Sendable {
    public enum Scale: Sendable {
        case days, weeks

        /// Days one column of the chart stands for.
        var daysPerColumn: Int { self == .days ? 1 : 7 }

        /// How far h/l scroll: a week on the day axis, four weeks on the week axis.
        var step: Int { self == .days ? 7 : 28 }

        /// Following today, the chart starts one step before it so the
        /// recent past stays in view.
        var leadBeforeToday: Int { step }

        /// `:goto` and a moved task start the chart a little before the
        /// task's bar: three days on the day axis, a week (one column) on the week axis.
        var leadBeforeTask: Int { self == .days ? 3 : 7 }
    }

    /// The plan's days and the chart's room for them, in the terms the
    /// viewport needs: offsets are days from the campaign start.
    struct Extent: Equatable {
        var campaignStart: Day
        /// The earliest of the campaign start and every task's start.
        var first: Day
        /// The latest of the campaign start and every task's finish.
        var last: Day
        /// Columns of the axis (the chart's width after the names).
        var columns: Int

        /// The extent of a schedule drawn in `columns` columns.
        init(campaignStart: Day, schedule: Schedule?, columns: Int) {
            self.campaignStart = campaignStart
            first = min(campaignStart, schedule?.tasks.map(\.earlyStart).min() ?? campaignStart)
            last = max(campaignStart, schedule?.tasks.map(\.earlyFinish).max() ?? campaignStart)
            self.columns = max(1, columns)
        }
    }

    public var scale: Scale = .days
    /// Days from the campaign start to the first day shown, once the user has scrolled.
    public var offset = 0
    /// Until the user scrolls, the chart keeps today in view.
    public var followsToday = true
    /// Until the user turns to the Gantt, its selected row is the task at
    /// today (`GanttPane.selectTaskAtToday`), so the rows on screen are the
    /// ones whose bars the chart shows, not March's while the chart is in May.
    public var rowsFollowToday = true

    public init() {}

    /// Days the axis spans on this scale.
    func daysShown(_ extent: Extent) -> Int { extent.columns * scale.daysPerColumn }

    /// Days from the campaign start to the first day shown now. Following
    /// today: one step before today, kept inside the plan (so a plan that
    /// fits is shown from its first day). On the week axis the first day
    /// falls on the campaign's weekday, so every column is one campaign week
    /// and a label sits exactly on the week it names.
    func firstDay(_ extent: Extent, today: Day?) -> Int {
        let wanted: Int
        if followsToday {
            wanted = today.map { ($0 - extent.campaignStart) - scale.leadBeforeToday } ?? (extent.first - extent.campaignStart)
        } else {
            wanted = offset
        }
        return clamped(wanted, extent)
    }

    /// The days on screen now, first and last.
    func shownDays(_ extent: Extent, today: Day?) -> ClosedRange<Day> {
        let first = extent.campaignStart + firstDay(extent, today: today)
        return first...(first + (daysShown(extent) - 1))
    }

    /// h/l: scroll `steps` steps (negative: earlier) from what is shown now;
    /// the chart stops following today. False when the chart was already at
    /// that end of the plan (nothing moved).
    @discardableResult
    mutating func scroll(by steps: Int, _ extent: Extent, today: Day?) -> Bool {
        let now = firstDay(extent, today: today)
        offset = clamped(now + steps * scale.step, extent)
        followsToday = false
        return offset != now
    }

    /// `:goto`: show `days` (a task's bar) from a little after the left edge,
    /// as far as the plan's end allows; the chart stops following today.
    mutating func reveal(_ days: ClosedRange<Day>, _ extent: Extent) {
        followsToday = false
        offset = clamped((days.lowerBound - extent.campaignStart) - scale.leadBeforeTask, extent)
    }

    /// A moved or stretched task: scrolls to its bar only when some of it is off screen.
    mutating func keepInView(_ days: ClosedRange<Day>, _ extent: Extent, today: Day?) {
        let shown = shownDays(extent, today: today)
        guard days.lowerBound < shown.lowerBound || days.upperBound > shown.upperBound else { return }
        reveal(days, extent)
    }

    /// The scale changed (`[` / `]`): the first day shown stays where it was,
    /// inside the plan, unless the chart follows today.
    mutating func change(to newScale: Scale, _ extent: Extent, today: Day?) {
        let now = firstDay(extent, today: today)
        scale = newScale
        if !followsToday { offset = clamped(now, extent) }
    }

    /// Between the plan's first day and the first day that still shows its
    /// last day; on the week axis, a multiple of seven days from the
    /// campaign start (rounded so the plan's ends stay in view).
    private func clamped(_ wanted: Int, _ extent: Extent) -> Int {
        let lowest = alignedDown(extent.first - extent.campaignStart)
        let highest = max(lowest, -alignedDown(-((extent.last - extent.campaignStart) - daysShown(extent) + 1)))
        return min(max(alignedDown(wanted), lowest), highest)
    }

    private func alignedDown(_ offset: Int) -> Int {
        let week = scale.daysPerColumn
        return offset - ((offset % week) + week) % week
    }
}
