import CampaignText
import CampaignCore

/// What the KPI table sorts by. Every column counts, whether or not the
/// pane is wide enough to show it; its head carries ▲/▼ where it is shown.
extension KPIPane {
    static var sortColumns: [SortColumn] {
        [
            SortColumn(KPIPaneText.key, startsDescending: false) { state, index in .text(state.kpiRows[index].label) },
            SortColumn("CTR") { state, index in .number(state.kpiRows[index].values.ctr) },
            SortColumn("CVR") { state, index in .number(state.kpiRows[index].values.cvr) },
            SortColumn("CPA") { state, index in .number(state.kpiRows[index].values.cpa) },
            SortColumn("ROI") { state, index in .number(state.kpiRows[index].values.roi) },
            // The head names the currency and window (`CNY 1h`), after SPEND when there is room.
            SortColumn(spendName, isHead: isSpendHead) {
                state, index in .number(state.kpiRows[index].values.counters.spend.doubleValue)
            },
            // Firing first, then pending, ok, no data.
            SortColumn(KPIPaneText.state) { state, index in .number(Double(rank(state.kpiRows[index].worstState))) },
        ]
    }

    /// `SPEND CNY 1h`, or `CNY day` where the column is narrow.
    static func isSpendHead(_ head: String) -> Bool {
        let windows = [Phrase.windowDayShort.text(), Phrase.windowCampaignShort.text()]
        return head.hasPrefix(spendName) || head.contains(" ")
            && ("mhd".contains(head.last ?? " ") || windows.contains { head.hasSuffix(" " + $0) })
    }

    /// SPEND, without the currency the head adds.
    static var spendName: String { Phrase.kpiHeadSpend.text("").trimmingCharacters(in: .whitespaces) }

    static func rank(_ state: AlertState) -> Int {
        switch state {
        case .firing: return 3
        case .pending: return 2
        case .ok: return 1
        case .noData: return 0
        }
    }
}
