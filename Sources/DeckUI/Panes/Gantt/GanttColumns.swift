import CampaignCore

/// How the Gantt's width splits into the task names and the time axis. The
/// drawing and the keys (which must know what is on screen to scroll to a
/// moved task) both take it from here.
extension GanttPane {
    /// Columns for a task's mark and name: a third of the pane, 10 to 20.
    static func nameWidth(innerWidth: Int) -> Int { min(20, max(10, innerWidth / 3)) }

    /// Columns of the time axis: what is left after the names and one space.
    static func axisColumns(innerWidth: Int) -> Int { max(0, innerWidth - nameWidth(innerWidth: innerWidth) - 1) }
}

extension DeckState {
    /// The Gantt's extent on the terminal as last measured: the plan's days
    /// and the axis columns the pane has in the current layout (the normal
    /// layout while another pane is zoomed, since that is where it returns).
    var ganttExtent: GanttViewport.Extent {
        let zoomedGantt = zoomed && focus == .gantt
        let layout = DeckLayout(columns: screen.columns, rows: screen.rows, zoomed: zoomedGantt ? .gantt : nil)
        let paneWidth = layout.panes[.gantt]?.width ?? screen.columns / 2
        return GanttViewport.Extent(campaignStart: plan.campaign.start, schedule: schedule,
                                    columns: GanttPane.axisColumns(innerWidth: paneWidth - 2))
    }
}
