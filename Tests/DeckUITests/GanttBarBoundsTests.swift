import CampaignCore
@testable import DeckUI
import Testing

/// Issue 11 #10: `days: 99999999999` hung the dashboard at 100 % CPU in
/// `GanttPane.drawBar`, which walked every day of the bar. Validation now
/// refuses such a plan; as a second line of defence the bar visits only the
/// columns on screen, whatever the dates.
@Suite struct GanttBarBoundsTests {
    /// One task, named so its row can be found; its schedule is computed from
    /// the plan as given, bypassing validation, as a bug elsewhere might.
    func rendered(days: Int, progress: Double, start: String? = nil) throws -> [String] {
        let yaml = """
        campaign: { id: t, name: T, start: 2026-03-02, budget: 10 }
        tasks:
          - { id: long, name: LONGTASK, days: 10 }
        """
        var plan = try #require(PlanDocument(text: yaml).plan)
        plan.tasks[0].days = days
        plan.tasks[0].progress = progress
        plan.tasks[0].start = start.flatMap { Day(iso: $0) }
        let schedule = try Schedule(computing: PlanScheduling.input(for: plan))
        var state = DeckState(plan: plan, schedule: schedule)
        state.focus = .gantt
        let grid = DeckRenderer.render(state, columns: 120, rows: 40)
        return (0..<40).map { row in (0..<120).map { grid[row, $0].text }.joined() }
    }

    /// The bar's cells on the task's row.
    func bar(_ lines: [String]) throws -> String {
        let row = try #require(lines.first { $0.contains("LONGTASK") })
        return String(row.filter { $0 == "█" || $0 == "▒" })
    }

    /// Before the fix this test never finished (the loop walked 10^11 days).
    @Test func aBarHundredsOfMillionsOfYearsLongDrawsOnlyWhatIsOnScreen() throws {
        let lines = try rendered(days: 99_999_999_999, progress: 0)
        let cells = try bar(lines)
        #expect(!cells.isEmpty && cells.count < 120, "the bar fills the visible axis and no more")
        #expect(cells.allSatisfy { $0 == "▒" })
    }

    @Test func aBarFromLongAgoIsDrawnFromTheLeftEdge() throws {
        // Starts 1900-01-01, ends well after the campaign start (2026-03-02).
        let lines = try rendered(days: 60_000, progress: 0, start: "1900-01-01")
        #expect(try !bar(lines).isEmpty)
    }

    /// Progress still fills the first part of the bar: 10 days at 50 % are
    /// 5 done cells then 5 to do, on the day scale from the campaign start.
    @Test func progressFillsTheFirstPartOfTheBar() throws {
        let lines = try rendered(days: 10, progress: 0.5)
        #expect(try bar(lines) == "█████▒▒▒▒▒")
    }
}
