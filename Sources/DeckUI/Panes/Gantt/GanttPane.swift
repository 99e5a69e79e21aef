import CampaignCore

/// The campaign Gantt chart: tasks grouped by phase on a day or week axis,
/// a today marker, progress fill, critical and late tasks marked, and the
/// selected task's dependencies named.
enum GanttPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let scale = state.gantt.scale
        let daysPerColumn = scale.daysPerColumn
        let frame = PaneFrame(.gantt, in: rect, focused: state.focus == .gantt, filter: state.filter(for: .gantt),
                              subtitle: scale == .days ? "days" : "weeks", grid: &grid)
        guard let schedule = state.schedule, !state.plan.tasks.isEmpty else {
            frame.put(state.plan.tasks.isEmpty ? "no tasks in this plan" : "the plan cannot be scheduled",
                      row: 0, style: Style(.muted), grid: &grid)
            return
        }
        let plan = state.plan
        let nameWidth = min(20, max(10, frame.inner.width / 3))
        let axisColumn = nameWidth + 1
        let axisWidth = frame.inner.width - axisColumn
        let origin = plan.campaign.start + state.gantt.firstDay(today: state.data.today, campaignStart: plan.campaign.start)
        func column(of day: Day) -> Int { Int((Double(day - origin) / Double(daysPerColumn)).rounded(.down)) }
        let today = state.data.today

        // Axis: a date label at each week start (every six weeks on the week scale).
        var axis = [Character](repeating: " ", count: max(0, axisWidth))
        let labelEvery = scale.labelEvery
        var labelDay = plan.campaign.start
        while labelDay - origin < 0 { labelDay = labelDay + labelEvery }
        while column(of: labelDay) < axisWidth {
            let label = Array(String(labelDay.description.dropFirst(5)))
            let at = column(of: labelDay)
            for (offset, character) in label.enumerated() where at + offset < axisWidth { axis[at + offset] = character }
            labelDay = labelDay + labelEvery
        }
        frame.put(String(axis), row: 0, column: axisColumn, style: Style(.muted), grid: &grid)

        let lines = state.ganttLines
        if lines.isEmpty, let filter = state.filter(for: .gantt) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
        // nil when the filter hides every task: nothing is highlighted or described.
        let selectedTask = state.visibleSelection(.gantt)
        let selectedLine = selectedTask.flatMap { lines.firstIndex(of: .task($0)) } ?? 0
        let footerRows = 1
        let visible = frame.inner.height - 1 - footerRows
        let first = PaneFrame.scrollOffset(selected: selectedLine, count: lines.count, visibleRows: visible)
        let selectedDependencies = Set(selectedTask.map { plan.tasks[$0].after.map(\.taskID) } ?? [])

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
                var marker = timing.isCritical ? "★" : " "
                if late { marker = "!" }
                if selectedDependencies.contains(task.id) { marker = "←" }
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
                for row in 0..<(frame.inner.height - footerRows) {
                    let cell = grid[frame.inner.row + row, frame.inner.column + axisColumn + at]
                    if cell.text == " " {
                        grid.put(scalar: "│", row: frame.inner.row + row, column: frame.inner.column + axisColumn + at,
                                 style: Style(.today, attributes: .bold))
                    }
                }
            }
        }
        if let highlightedRow { frame.highlight(row: highlightedRow, grid: &grid) }
        // Footer: the selected task's dates, float and what it waits for.
        if let selectedTask {
            let task = plan.tasks[selectedTask], timing = schedule.tasks[selectedTask]
            var text = "\(task.id): \(timing.earlyStart)→\(timing.earlyFinish) float \(timing.floatDays)d"
            if let owner = task.owner { text += " · \(owner)" }
            text += task.after.isEmpty ? " · no dependencies" : " · after " + task.after.map(\.text).joined(separator: ", ")
            frame.put(text, row: frame.inner.height - 1, style: Style(.muted), grid: &grid)
        }
    }

    private static func drawBar(task: PlanTask, timing: ScheduledTask, late: Bool, row: Int, axisColumn: Int, axisWidth: Int,
                                column: (Day) -> Int, frame: PaneFrame, grid: inout CellGrid) {
        let start = column(timing.earlyStart), end = column(timing.earlyFinish)
        let role: ThemeRole = late ? .late : (timing.isCritical ? .criticalPath : .ganttBar)
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
