import CampaignCore
@testable import DeckUI
import Testing

/// The fuzzer's plan (start 9999-12-01, tasks of 10 and 20 days) crashed the
/// Gantt axis: a label was the date after its first five characters, so a
/// five-digit year gave seven characters for a five-column slot.
@Suite struct GanttFiveDigitYearTests {
    @Test func labelsInYearTenThousandAreMonthAndDay() throws {
        let start = try #require(Day(iso: "9999-12-01"))
        // Labels every 7 days from the start: 12-01, 12-08, …, 12-29, then 10000-01-05.
        let axis = GanttPane.axisLabels(scale: .days, campaignStart: start, origin: start, width: 40)
        #expect(axis.count == 40)
        #expect(axis.hasPrefix("12-01  12-08  12-15  12-22  12-29  01-05"), "\(axis)")
    }

    @Test func theFuzzersPlanDrawsAtBothSizes() throws {
        let yaml = """
        campaign:
          id: t
          name: Test
          start: 9999-12-01
          budget: 1000
        tasks:
          - { id: a, name: A, days: 10 }
          - { id: b, name: B, days: 20, after: [a] }

        """
        let plan = try #require(PlanLoader.load(yaml: yaml).plan)
        let schedule = try Schedule(computing: PlanScheduling.input(for: plan))
        let state = DeckState(plan: plan, schedule: schedule, speed: 600)
        for (columns, rows) in [(80, 24), (200, 60)] {
            let grid = DeckRenderer.render(state, columns: columns, rows: rows)
            #expect(grid.columns == columns && grid.rows == rows)
        }
    }
}
