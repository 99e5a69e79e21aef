import CampaignCore

/// The campaign Gantt chart: tasks grouped by phase on a day or week axis,
/// a today marker, progress fill, critical and late tasks marked, the
/// selected task's dependencies and dependants marked, and the critical
/// chains it is on listed when the pane has room.
enum GanttPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let scale = state.gantt.scale
        let daysPerColumn = scale.daysPerColumn
        let frame = PaneFrame(.gantt, in: rect, focused: state.focus == .gantt, filter: state.filter(for: .gantt),
                              subtitle: scale == .days ? GanttText.daysScale : GanttText.weeksScale, grid: &grid)
        guard let schedule = state.schedule, !state.plan.tasks.isEmpty else {
            frame.put(state.plan.tasks.isEmpty ? GanttText.noTasks : GanttText.cannotSchedule,
                      row: 0, style: Style(.muted), grid: &grid)
            return
        }
        let plan = state.plan
        let nameWidth = Self.nameWidth(innerWidth: frame.inner.width)
        let axisColumn = nameWidth + 1
        let axisWidth = Self.axisColumns(innerWidth: frame.inner.width)
        let extent = GanttViewport.Extent(campaignStart: plan.campaign.start, schedule: schedule, columns: axisWidth)
        let today = state.data.today
        let origin = plan.campaign.start + state.gantt.firstDay(extent, today: today)
        func column(of day: Day) -> Int { Int((Double(day - origin) / Double(daysPerColumn)).rounded(.down)) }

        frame.put(axisLabels(scale: scale, campaignStart: plan.campaign.start, origin: origin, width: axisWidth),
                  row: 0, column: axisColumn, style: Style(.muted), grid: &grid)

        let chart = ChartWindow(state, schedule: schedule, innerHeight: frame.inner.height)
        let (lines, chains, chainRows, visible, first) = (chart.lines, chart.chains, chart.chainRows, chart.visible, chart.first)
        if lines.isEmpty, let filter = state.filter(for: .gantt) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
        let selectedTask = chart.selectedTask
        let selectedID = selectedTask.map { plan.tasks[$0].id }
        // Marked only while the pane has the focus: that is when the selection is shown.
        let marksSelection = state.focus == .gantt
        let waitedFor = marksSelection ? Set(selectedTask.map { plan.tasks[$0].after.map(\.taskID) } ?? []) : []
        let waiting = marksSelection ? Set(selectedID.map { schedule.directSuccessors(of: $0) } ?? []) : []

        // Highlighted after the today line, which would otherwise replace the
        // selection's attributes where it crosses the selected row.
        var highlightedRow: Int?
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let row = offset + 1
            switch line {
            case .phase(let name):
                frame.put("▸ " + name, row: row, style: Style(.title, attributes: .bold), grid: &grid)
            case .task(let index):
                let task = plan.tasks[index], timing = schedule.tasks[index]
                let late = today.map { timing.isLate(today: $0) } ?? false
                var marker = timing.isCritical ? GanttMark.critical : " "
                if late { marker = GanttMark.late }
                if waiting.contains(task.id) { marker = GanttMark.dependant }
                if waitedFor.contains(task.id) { marker = GanttMark.dependency }
                let nameStyle = Style(late ? .late : (timing.isCritical ? .criticalPath : .text))
                frame.put(marker + task.name, row: row, style: nameStyle, width: nameWidth, grid: &grid)
                drawBar(task: task, timing: timing, late: late, row: row, axisColumn: axisColumn, axisWidth: axisWidth,
                        column: column, frame: frame, grid: &grid)
                if index == selectedTask && state.focus == .gantt { highlightedRow = row }
            }
        }
        if let today {
            let at = column(of: today)
            if at >= 0 && at < axisWidth {
                for row in 0..<(1 + visible) {
                    let cell = grid[frame.inner.row + row, frame.inner.column + axisColumn + at]
                    if cell.text == " " {
                        grid.put(scalar: "│", row: frame.inner.row + row, column: frame.inner.column + axisColumn + at,
                                 style: Style(.today, attributes: .bold))
                    }
                }
            }
        }
        for (offset, chain) in chains.prefix(chainRows).enumerated() {
            frame.put(GanttText.criticalChain(chain, number: offset + 1, of: chains.count),
                      row: frame.inner.height - 1 - chainRows + offset, style: Style(.criticalPath), grid: &grid)
        }
        if let highlightedRow { frame.highlight(row: highlightedRow, grid: &grid) }
        // Footer: the selected task's dates, float and what it waits for.
        if let selectedTask {
            frame.put(GanttText.summary(plan.tasks[selectedTask], schedule.tasks[selectedTask]),
                      row: frame.inner.height - 1, style: Style(.muted), grid: &grid)
        }
    }

    /// The lines of the chart on screen: line `first` of `lines` is drawn on
    /// the inner row under the axis, `visible` of them, then the selected
    /// task's critical chains where there is room. The mouse finds a clicked
    /// task by the same window.
    struct ChartWindow {
        let lines: [Line]
        /// nil when the filter hides every task: nothing is highlighted or described.
        let selectedTask: Int?
        let chains: [[String]]
        let chainRows: Int
        let visible: Int
        let first: Int

        init(_ state: DeckState, schedule: Schedule, innerHeight: Int) {
            let lines = state.ganttLines, selectedTask = state.visibleSelection(.gantt)
            let selectedLine = selectedTask.flatMap { lines.firstIndex(of: .task($0)) } ?? 0
            // The selected task's critical chains go under the chart when there is room for them.
            let chains = selectedTask.map { schedule.criticalPaths.through(state.plan.tasks[$0].id) } ?? []
            let chartRows = innerHeight - 2
            let chainRows = lines.count + chains.count <= chartRows ? chains.count : 0
            let visible = max(0, chartRows - chainRows)
            (self.lines, self.selectedTask, self.chains, self.chainRows, self.visible) = (lines, selectedTask, chains, chainRows, visible)
            first = PaneFrame.scrollOffset(selected: selectedLine, count: lines.count, visibleRows: visible,
                                           previous: state.scrollTops[.gantt] ?? 0)
        }

        /// The line drawn on inner row `row` (the axis is row 0), if any.
        func line(atInnerRow row: Int) -> Line? {
            guard row >= 1, row <= visible, first + row - 1 < lines.count else { return nil }
            return lines[first + row - 1]
        }
    }

    /// The axis's date labels (`03-02`), each on the column of the day it
    /// names: every week on the day axis, every six weeks on the week axis,
    /// counted from the campaign start so they stay put while scrolling. A
    /// label goes only where all of it fits with a space before the next, so
    /// labels never run together or show cut.
    static func axisLabels(scale: GanttViewport.Scale, campaignStart: Day, origin: Day, width: Int) -> String {
        var axis = [Character](repeating: " ", count: max(0, width))
        let labelEvery = scale == .days ? 7 : 42
        let labelWidth = 5
        // The first label day on or after the origin.
        let behind = campaignStart - origin
        var labelDay = campaignStart - (behind / labelEvery) * labelEvery
        if labelDay < origin { labelDay = labelDay + labelEvery }
        var free = 0
        while true {
            let at = (labelDay - origin) / scale.daysPerColumn
            guard at + labelWidth <= width else { break }
            if at >= free {
                // MM-DD is the last five characters whatever the year's width
                // (a plan may run past 9999, where the year has five digits).
                for (offset, character) in labelDay.description.suffix(labelWidth).enumerated() {
                    axis[at + offset] = character
                }
                free = at + labelWidth + 1
            }
            labelDay = labelDay + labelEvery
        }
        return String(axis)
    }

    private static func drawBar(task: PlanTask, timing: ScheduledTask, late: Bool, row: Int, axisColumn: Int, axisWidth: Int,
                                column: (Day) -> Int, frame: PaneFrame, grid: inout CellGrid) {
        let start = column(timing.earlyStart), end = column(timing.earlyFinish)
        let role: ThemeRole = late ? .late : (timing.isCritical ? .criticalPath : .ganttBar)
        // A bar wholly off screen leaves a pointer at that edge, so an empty
        // row reads "earlier" or "later", never "no dates".
        if end < 0 || start >= axisWidth {
            guard axisWidth > 0 else { return }
            grid.put(scalar: end < 0 ? GanttMark.earlier : GanttMark.later, row: frame.inner.row + row,
                     column: frame.inner.column + axisColumn + (end < 0 ? 0 : axisWidth - 1), style: Style(role))
            return
        }
        if timing.isMilestone {
            if start >= 0 && start < axisWidth {
                grid.put(scalar: "◆", row: frame.inner.row + row, column: frame.inner.column + axisColumn + start,
                         style: Style(role, attributes: .bold))
            }
            return
        }
        // Only the columns on screen are visited, whatever the dates: a bar
        // years long (or far off to either side) costs at most the axis width.
        let first = max(start, 0), last = min(end, axisWidth - 1)
        guard first <= last else { return }
        let length = Double(end) - Double(start) + 1
        let filledEnd = Double(start) + (task.progress * length).rounded(.down)
        for at in first...last {
            let done = Double(at) < filledEnd
            grid.put(scalar: done ? "█" : "▒", row: frame.inner.row + row, column: frame.inner.column + axisColumn + at,
                     style: Style(done ? .ganttProgress : role))
        }
    }
}
