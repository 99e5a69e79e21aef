import CampaignCore

/// Which columns the anomaly log shows at a width, and how wide each is.
/// STATUS is always whole (`acknowledged↺` cut to `acknowl…` reads as
/// nothing); the other columns give way first, least needed first: the
/// value (the card shows it), then the owner's spare width, then the opening
/// time. WHAT takes what is left.
struct AnomalyColumns {
    enum Column: Equatable { case id, opened, what, value, status, owner }

    var columns: [(column: Column, width: Int)]

    /// The longest status word as the pane writes it, with the recovery mark
    /// (computed: the words are the language's, and tests draw both).
    static var statusWidth: Int {
        AnomalyStatus.allCases.map { DisplayWidth.of(AnomalyPane.statusText($0, recovered: true)) }.max()!
    }
    /// `04-09 11:02`
    static let openedWidth = 11
    /// WHAT below this says too little to be worth more than the time it was opened.
    static let whatMinimum = 12
    static let ownerMinimum = 6
    static let ownerMaximum = 12

    /// `widest` holds the widest text of each optional column over the rows
    /// shown (ids, owners, values), so narrow data leaves room to WHAT.
    init(width: Int, widestID: Int, widestOwner: Int, widestValue: Int?) {
        let id = max(1, widestID)
        let owner = min(Self.ownerMaximum, max(Self.ownerMinimum, widestOwner))
        // The richest layout whose WHAT still gets its minimum, in order of what gives way.
        let candidates: [[(Column, Int)]] = [
            [(.id, id), (.opened, Self.openedWidth), (.value, widestValue ?? 0), (.status, Self.statusWidth), (.owner, owner)],
            [(.id, id), (.opened, Self.openedWidth), (.status, Self.statusWidth), (.owner, owner)],
            [(.id, id), (.opened, Self.openedWidth), (.status, Self.statusWidth), (.owner, Self.ownerMinimum)],
            [(.id, id), (.status, Self.statusWidth), (.owner, Self.ownerMinimum)],
            [(.id, id), (.status, Self.statusWidth)],
        ].map { $0.filter { $0.1 > 0 } }
        func whatWidth(_ fixed: [(Column, Int)]) -> Int {
            // One space between columns; WHAT is one more column.
            width - fixed.map(\.1).reduce(0, +) - fixed.count
        }
        let chosen = candidates.first { whatWidth($0) >= Self.whatMinimum } ?? candidates.last!
        let what = max(0, whatWidth(chosen))
        var columns = chosen.map { (column: $0.0, width: $0.1) }
        // WHAT sits after the id and the opening time, as people read a log line.
        let at = columns.firstIndex { $0.column != .id && $0.column != .opened } ?? columns.count
        columns.insert((column: .what, width: what), at: at)
        self.columns = columns
    }

    func line(_ texts: [Column: String]) -> String {
        columns.map { column, width in
            DisplayWidth.fit(texts[column] ?? "", toWidth: width, alignment: column == .id || column == .value ? .trailing : .leading)
        }.joined(separator: " ")
    }
}
