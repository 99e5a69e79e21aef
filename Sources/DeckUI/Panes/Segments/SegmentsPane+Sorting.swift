import CampaignText
import CampaignCore

/// What the Segments table sorts by, in its columns' order.
extension SegmentsPane {
    static var sortColumns: [SortColumn] {
        [
            SortColumn(Phrase.segmentHeadName.text(), startsDescending: false) { state, index in .text(state.segmentRows[index].name) },
            SortColumn(Phrase.segmentHeadSize.text()) { state, index in .number(state.segmentRows[index].customers.map(Double.init)) },
            SortColumn(Phrase.segmentHeadShare.text()) { state, index in .number(state.segmentRows[index].share) },
            SortColumn(Phrase.segmentHeadBudget.text(), heads: [Phrase.segmentHeadBudget.text(), Phrase.segmentHeadBudgetShort.text()]) { state, index in .number(state.segmentRows[index].budgetShare) },
            // The goal the column shows: the one furthest behind.
            SortColumn(Phrase.segmentHeadGoal.text()) { state, index in .number(mostBehind(state.segmentRows[index].goals)?.achievement) },
            SortColumn("CVR") { state, index in .number(state.segmentRows[index].values?.cvr) },
            SortColumn("ROI") { state, index in .number(state.segmentRows[index].values?.roi) },
        ]
    }
}
