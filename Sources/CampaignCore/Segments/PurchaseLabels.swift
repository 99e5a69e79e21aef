/// The category and channel of every purchase row of one file, as codes into
/// two name tables (a million rows of `"apparel"` are a million 4-byte codes
/// and one String).
///
/// Built once by the readers and read-only after: the rows' codes in file
/// order (one block per half of a file read on two threads, the second
/// renumbered into the first's tables), and each table's names with their
/// rank in byte order for the tie rule of `PurchaseHistory.topCategory`.
final class PurchaseLabels: @unchecked Sendable {
    /// Whether the file had each column at all.
    let hasCategory: Bool
    let hasChannel: Bool
    let categoryNames: [String]
    let channelNames: [String]
    /// Per code: its name's place among the table's names in byte order.
    let categoryRanks: [Int32]
    let channelRanks: [Int32]
    /// The rows' labels: `parts[k]` holds the rows from `firstRows[k]` on.
    private let parts: [RowLabels]
    private let firstRows: [Int]

    /// A file with neither column.
    static let absent = PurchaseLabels(hasCategory: false, hasChannel: false, categoryNames: [], channelNames: [],
                                       parts: [], firstRows: [])

    init(hasCategory: Bool, hasChannel: Bool, categoryNames: [String], channelNames: [String], parts: [RowLabels],
         firstRows: [Int]) {
        self.hasCategory = hasCategory
        self.hasChannel = hasChannel
        self.categoryNames = categoryNames
        self.channelNames = channelNames
        categoryRanks = Self.byteOrderRanks(categoryNames)
        channelRanks = Self.byteOrderRanks(channelNames)
        self.parts = parts
        self.firstRows = firstRows
    }

    /// The labels of row `row` (its position in file order over the whole file).
    @inline(__always)
    func label(ofRow row: Int) -> RowLabel {
        if parts.count == 1 || row < firstRows[1] { return parts[0][row] }
        return parts[1][row - firstRows[1]]
    }

    /// Rank of each name in byte order (UTF-8 bytes compared as unsigned
    /// numbers): Swift's `<` on String orders by Unicode scalars after
    /// normalisation, which is not what "the smaller name in byte order" says.
    private static func byteOrderRanks(_ names: [String]) -> [Int32] {
        let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        var ranks = [Int32](repeating: 0, count: names.count)
        for (rank, code) in order.enumerated() { ranks[code] = Int32(rank) }
        return ranks
    }
}

/// One parser's side of the labels: its rows' codes and its own name tables.
struct LabelTables {
    var categories = SymbolTable()
    var channels = SymbolTable()
    let rows: RowLabels

    /// Code of a CSV field's value (spaces trimmed), interning it on first
    /// sight; an empty value is `RowLabel.none`. The bytes are copied into the
    /// table at once, so they may live in scratch space the next record reuses.
    @inline(__always)
    static func intern(_ field: UnsafeRawBufferPointer, into table: inout SymbolTable) -> Int32 {
        let value = field.trimmingSpaces()
        guard value.count > 0 else { return RowLabel.none }
        return table.intern(value.assumingMemoryBound(to: UInt8.self))
    }
}
