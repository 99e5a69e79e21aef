import CampaignCore

/// The Gantt's lines: phases in plan order, each with its tasks.
extension GanttPane {
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

    /// The lines under `filter` (nil: every task): a task is found by its id,
    /// name or owner; a phase without a matching task is left out.
    static func lines(_ plan: Plan, matching filter: RowFilter?) -> [Line] {
        guard let filter else { return lines(plan) }
        return lines(plan) { index in
            let task = plan.tasks[index]
            return filter.matches([task.id, task.name, task.owner])
        }
    }
}

extension DeckState {
    /// The Gantt's lines under its filter, as drawn.
    var ganttLines: [GanttPane.Line] { GanttPane.lines(plan, matching: RowFilter(filter(for: .gantt))) }
}
