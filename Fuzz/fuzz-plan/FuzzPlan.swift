import CampaignCore
import DeckUI
import FuzzSupport

/// A plan file from arbitrary text: loading never traps, and a plan that
/// validates can be used by everything that takes a plan — scheduled, shown,
/// exported, monitored and simulated — without trapping or hanging (huge
/// durations once validated, then crashed the forward pass or hung the Gantt),
/// and the dashboard draws it at the smallest and a large size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let loaded = PlanLoader.load(yaml: text)
    fuzzCheck(loaded.plan != nil || loaded.diagnostics.hasErrors, "no plan and no error")
    guard let plan = loaded.plan, !loaded.diagnostics.hasErrors else { return 0 }

    _ = PlanSummary.table(plan)
    _ = PlanSummary.json(plan)
    let schedule: Schedule
    do {
        schedule = try Schedule(computing: PlanScheduling.input(for: plan))
    } catch {
        // The validator reports what scheduling refuses (cycles, unknown ids),
        // so a plan without errors must schedule.
        fatalError("a plan without errors did not schedule: \(error)")
    }
    // A broken pin may push float below zero; without one it never is.
    if schedule.conflicts.isEmpty {
        for task in schedule.tasks {
            fuzzCheck(task.floatDays >= 0, "\(task.id) has negative float \(task.floatDays)")
        }
    }
    let today = plan.campaign.start + 3
    _ = schedule.lateTasks(today: today)
    _ = ScheduleReport.table(schedule, plan: plan, today: today)
    _ = ScheduleReport.csv(schedule, plan: plan, today: today)
    _ = MermaidExport.gantt(plan, schedule: schedule)
    _ = CSVExport.tasks(plan, schedule: schedule)
    _ = ICSExport.calendar(plan, schedule: schedule)

    // The live side: a monitor for the plan's alert rules, fed the first
    // simulated minutes, then asked to close the minute.
    var monitor = CampaignMonitor(plan: plan)
    _ = monitor.closeCurrentMinute { _, _ in "x" }
    var minutes = CampaignSimulator(plan: plan, days: 1).makeIterator()
    for _ in 0..<3 { _ = minutes.next() }

    let state = DeckState(plan: plan, schedule: schedule, speed: 600)
    for (columns, rows) in [(80, 24), (200, 60)] {
        let grid = DeckRenderer.render(state, columns: columns, rows: rows)
        fuzzCheck(grid.columns == columns && grid.rows == rows, "a \(columns)x\(rows) frame came out \(grid.columns)x\(grid.rows)")
    }
    return 0
}
