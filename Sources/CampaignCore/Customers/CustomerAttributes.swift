/// A customers file read and cleaned: `customer_id` and any other columns,
/// one row per customer (ids that share the merge column's value folded into
/// one), every refused row and value listed with its line.
public struct CustomerAttributes: Sendable {
    /// The attribute columns in file order (the id column not included).
    public let columns: [String]
    /// The standing id of each row, in file order.
    public let ids: [String]
    /// Row by id, merged ids included.
    private let rowByID: [String: Int]
    /// values[row][column]; nil for an empty or refused value.
    private let values: [[String?]]
    public let problems: [AttributeProblem]
    public let merges: [CustomerMerge]
    /// Data rows read (the header and blank lines not included).
    public let rowsRead: Int
    /// The column customers were merged on, if any: an identity, not a trait.
    public var mergeColumn: String?

    init(columns: [String], ids: [String], rowByID: [String: Int], values: [[String?]], problems: [AttributeProblem],
         merges: [CustomerMerge], rowsRead: Int) {
        (self.columns, self.ids, self.rowByID, self.values) = (columns, ids, rowByID, values)
        (self.problems, self.merges, self.rowsRead) = (problems, merges, rowsRead)
    }

    /// The customer's value of `column`, by any of their ids.
    public func value(_ column: String, of customer: String) -> String? {
        guard let row = rowByID[customer], let index = columns.firstIndex(of: column) else { return nil }
        return values[row][index]
    }

    /// The row of `customer` (by any of their ids), nil when the file lacks them.
    public func row(of customer: String) -> Int? { rowByID[customer] }

    /// Row `row`'s value in column number `column` of `columns`.
    public func value(row: Int, column: Int) -> String? { values[row][column] }

    /// The id that stands for `customer` (itself unless it was merged into another).
    public func standingID(of customer: String) -> String? { rowByID[customer].map { ids[$0] } }

    /// The share of customers with `column` filled in: the profile's completeness.
    public func completeness(of column: String) -> Double? {
        guard let index = columns.firstIndex(of: column), !values.isEmpty else { return nil }
        return Double(values.count { $0[index] != nil }) / Double(values.count)
    }
}
