import CampaignCore

/// The campaign Gantt chart: tasks grouped by phase on a day or week axis,
/// a today marker, progress fill, critical and late tasks marked, and the
/// selected task's dependencies named (SPEC §10).
enum GanttPane {
    /// One line of the chart: a phase heading or a task (index into plan.tasks).
    enum Line: Equatable {
        case phase(String)
        case task(Int)
    }

    /// Phases in plan order with their tasks; tasks without a known phase last.
    /// Only tasks `shows` keeps are listed (the `/` filter); an empty phase is left out.
    static func lines(_ plan: Plan, showing shows: (Int) -> Bool = { _ in true }) -> [Line] {
        var lines: [Line] = []
        for phase in plan.phases {
            let tasks = plan.tasks.indices.filter { plan.tasks[$0].phase == phase.id && shows($0) }
            guard !tasks.isEmpty else { continue }
            lines.append(.phase(phase.name))
            lines += tasks.map(Line.task)
        }
        let loose = plan.tasks.indices.filter { index in
            shows(index) && !plan.phases.contains { $0.id == plan.tasks[index].phase }
        }
        if !loose.isEmpty { lines.append(.phase("—")); lines += loose.map(Line.task) }
        return lines
    }

    /// The tasks of `lines` (indices into plan.tasks), in screen order.
    static func taskIndices(_ lines: [Line]) -> [Int] {
        lines.compactMap { line in
            if case .task(let index) = line { return index }
            return nil
        }
    }

    /// The first day shown when following today: a week before it (or four on
    /// the week scale), never before the campaign starts.
    static func followOffset(today: Day, start: Day, scale: DeckState.GanttScale) -> Int {
        max(0, (today - start) - (scale == .days ? 7 : 28))
    }

    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let daysPerColumn = state.ganttScale == .days ? 1 : 7
        let frame = PaneFrame(.gantt, in: rect, focused: state.focus == .gantt, filter: state.filter(for: .gantt),
                              subtitle: state.ganttScale == .days ? "days" : "weeks", grid: &grid)
        guard let schedule = state.schedule, !state.plan.tasks.isEmpty else {
            frame.put(state.plan.tasks.isEmpty ? "no tasks in this plan" : "the plan cannot be scheduled",
                      row: 0, style: Style(.muted), grid: &grid)
            return
        }
        let plan = state.plan
        let nameWidth = min(20, max(10, frame.inner.width / 3))
        let axisColumn = nameWidth + 1
        let axisWidth = frame.inner.width - axisColumn
        var offset = state.ganttOffset
        if state.ganttFollowsToday, let today = state.data.today {
            offset = followOffset(today: today, start: plan.campaign.start, scale: state.ganttScale)
        }
        let origin = plan.campaign.start + offset
        func column(of day: Day) -> Int { Int((Double(day - origin) / Double(daysPerColumn)).rounded(.down)) }
        let today = state.data.today

        // Axis: a date label at each week start (or every 4 weeks on the week scale).
        var axis = [Character](repeating: " ", count: max(0, axisWidth))
        let labelEvery = daysPerColumn == 1 ? 7 : 28
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
                if index == selectedTask && state.focus == .gantt {
                    frame.highlight(row: row, grid: &grid)
                }
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
