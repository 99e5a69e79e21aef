/// The semantic colour roles the dashboard draws with. Themes map each role to a
/// concrete colour and attributes, so screen code never hard-codes colours and the
/// monochrome theme can swap colour for bold/underline/reverse.
///
/// `CaseIterable` lets theme loading check that a theme file covers every role.
/// Add roles here as panes need them; every theme then has to say what they look like.
public enum ThemeRole: UInt8, Sendable, Hashable, CaseIterable {
    /// Ordinary text.
    case text
    /// Secondary text: units, hints, disabled items.
    case muted
    /// Pane titles.
    case title
    /// Borders of unfocused panes.
    case border
    /// Border of the focused pane.
    case borderFocused
    /// The `▶` beside a pane's selected row and the selected item of a list;
    /// the row itself is drawn in reverse video over its own colours.
    case selection
    /// The header bar.
    case header
    /// The status bar.
    case statusBar
    /// Highlights: key names in hints, the active tab.
    case accent
    /// Alert states, as in the KPI pane and the anomaly log.
    case ok
    case pending
    case firing
    case noData
    /// Gantt chart: task bars, their progress fill, the critical path, late tasks and
    /// the today marker.
    case ganttBar
    case ganttProgress
    case criticalPath
    case late
    case today
    /// Sparklines in the KPI pane.
    case sparkline
}
