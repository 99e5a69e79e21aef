import CampaignCore

/// One column's head as a table pane draws it: its text (before ▲/▼ is
/// added) and its width. Heads sit one space apart from the inner area's
/// left edge, as `Columns.cells` writes them.
struct TableHead: Equatable {
    var text: String
    var width: Int

    init(_ text: String, _ width: Int) {
        self.text = text
        self.width = width
    }
}

extension [TableHead] {
    /// The head drawn over inner column `column`, trimmed; nil over the
    /// space between two heads or past the last.
    func head(atInnerColumn column: Int) -> String? {
        var start = 0
        for head in self {
            if column >= start && column < start + head.width { return head.text.trimming(" ") }
            start += head.width + 1
        }
        return nil
    }
}
