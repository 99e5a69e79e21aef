import CampaignCore

/// The text of the KPI pane's value cells. A breach mark sits only on a
/// number its rule judged: a rule over the pane's window marks the row's
/// value; a rule over another window (a day's CPA beside an hour's) puts its
/// own value in the cell, with that window, so the mark never sits on a
/// number that is not past the threshold.
enum KPICell {
    static func text(_ metric: Metric, row: DashboardSnapshot.KPIRow, window: MetricWindow, width: Int) -> String {
        let rules = row.alerts.filter { $0.metric == metric.name }
        let mark = KPIPaneText.breachMark
        if rules.contains(where: { $0.isBreached && $0.window == window }) {
            return fitted(width - DisplayWidth.of(mark)) { value(metric, row.values.value(of: metric), decimals: $0) } + mark
        }
        if let other = rules.first(where: { $0.isBreached && $0.window != window }) {
            let tag = " " + KPIPaneText.windowTag(other.window)
            return fitted(width - DisplayWidth.of(mark), tag: tag) { value(metric, other.value, decimals: $0) } + mark
        }
        // The mark's place stays blank, so the digits of marked and unmarked values line up.
        return fitted(width - DisplayWidth.of(mark)) { value(metric, row.values.value(of: metric), decimals: $0) } + " "
    }

    /// The row's rules, each with its metric: `CTR <1%, CPA >58.5`. A rule
    /// whose KPI has no column here says its own value when it breaches.
    /// Breached rules come first, then baseline rules with a band (it moves
    /// with the hour; a fixed threshold is the plan's constant), then fixed
    /// ones, then baselines still without points: the column is narrow and
    /// what is cut should be what the reader knows already.
    static func thresholds(_ row: DashboardSnapshot.KPIRow, shown: [Metric]) -> String {
        let ordered = row.alerts.enumerated().sorted { a, b in
            let rank = { (cell: DashboardSnapshot.AlertCell) in
                cell.isBreached ? 0 : !cell.isBaseline ? 2 : cell.usual != nil ? 1 : 3
            }
            return (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)
        return ordered.map { cell in
            var text = KPIPaneText.threshold(cell)
            if cell.isBreached, let metric = Metric(rawValue: cell.metric), !shown.contains(metric) {
                text += " " + value(metric, cell.value, decimals: nil) + " " + KPIPaneText.windowTag(cell.window)
                    + KPIPaneText.breachMark
            }
            return text
        }.joined(separator: ", ")
    }

    /// Spend with two decimals when they fit, else shortened (`12k`).
    static func money(_ amount: Double, width: Int) -> String {
        let exact = Formatting.fixed(amount, decimals: 2)
        return DisplayWidth.of(exact) <= width ? exact : Cells.compact(amount)
    }

    /// A KPI's value as the pane writes it; nil decimals is the usual precision.
    static func value(_ metric: Metric, _ value: Double?, decimals: Int?) -> String {
        switch metric.format {
        case .percent: return Cells.percent(value, decimals: decimals ?? (metric == .ctr ? 2 : 1))
        case .money, .multiple, .count: return Cells.number(value, decimals: decimals ?? 1)
        }
    }

    /// The text at the usual precision, or with fewer decimals, or without
    /// the window tag, whichever first fits: the mark must not be cut off.
    private static func fitted(_ width: Int, tag: String = "", _ text: (Int?) -> String) -> String {
        for candidate in [text(nil) + tag, text(0) + tag, text(nil), text(0)] where DisplayWidth.of(candidate) <= width {
            return candidate
        }
        return text(0)
    }
}
