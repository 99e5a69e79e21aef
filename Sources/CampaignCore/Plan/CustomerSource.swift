/// The plan's customers file (`campaign.customers`): where it is, which
/// column is the id, which column merges ids, and the attribute columns with
/// the types rules may compare them as. Declaring the types in the plan lets
/// `plan validate` check rules without reading the file.
public struct CustomerSource: Sendable {
    /// Positions of `customers:` (the element) and of each of its keys' values.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    /// The CSV, relative to the plan file.
    public var file: String
    public var idColumn: String
    /// Customers sharing this column's value are one customer (one phone, two ids).
    public var mergeOn: String?
    /// Declared attribute columns, in file order.
    public var columns: [CustomerColumn]
    /// Extra spellings per text column (`values: { gender: { 男性: 男 } }`), in file order.
    public var values: [CustomerSpellings]
    /// Bounds per number column (`ranges: { age: [0, 120] }`), in file order.
    public var ranges: [CustomerColumnRange]

    public static let defaultIDColumn = "customer_id"

    public init(fields: FieldLocations, file: String, idColumn: String = CustomerSource.defaultIDColumn,
                mergeOn: String? = nil, columns: [CustomerColumn] = [], values: [CustomerSpellings] = [],
                ranges: [CustomerColumnRange] = []) {
        self.fields = fields
        self.file = file
        self.idColumn = idColumn
        self.mergeOn = mergeOn
        self.columns = columns
        self.values = values
        self.ranges = ranges
    }

    public func column(_ name: String) -> CustomerColumn? { columns.first { $0.name == name } }

    /// The cleaning the plan asks for: the templates' standard (男/女, ages
    /// 0–120, short region names), every declared number column read as a
    /// number, and the plan's own spellings and ranges on top (a plan's range
    /// replaces the standard one of its column).
    public var cleaning: AttributeCleaning {
        var cleaning = AttributeCleaning.standard
        for column in columns where column.kind == .number { cleaning.declareNumber(column.name) }
        for spellings in values {
            cleaning.add(spellings: Dictionary(spellings.spellings.map { ($0.spelling, $0.standard) },
                                               uniquingKeysWith: { _, later in later }), for: spellings.column)
        }
        for range in ranges { cleaning.limit(range.column, to: range.range) }
        return cleaning
    }
}

/// One declared attribute column: a name rules can read and what it holds.
public struct CustomerColumn: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable { case number, text }
    public var name: String
    public var kind: Kind
    /// Where the column's name is written under `columns:`.
    public var location: SourceLocation

    public init(name: String, kind: Kind, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.location = location
    }
}

/// The plan's extra spellings of one text column's values.
public struct CustomerSpellings: Sendable, Hashable {
    public struct Spelling: Sendable, Hashable {
        public var spelling: String
        public var standard: String
    }

    public var column: String
    public var spellings: [Spelling]
    public var location: SourceLocation
}

/// The numbers one number column may hold; others are refused when the file is read.
public struct CustomerColumnRange: Sendable, Hashable {
    public var column: String
    public var range: ClosedRange<Double>
    public var location: SourceLocation
}

/// A named rule of the plan's `tags:`: a customer gets every tag whose rule matches.
public struct CustomerTag: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var name: String
    public var rule: String
    /// Where the first character of the rule expression sits in the file.
    public var ruleLocation: SourceLocation
}

/// One step of the plan's `tiers:` (listed low → high): a customer's tier is
/// the highest whose rule matches.
public struct CustomerTier: Sendable {
    /// Positions of the element and its values, for messages and editors.
    public var fields: FieldLocations
    public var location: SourceLocation { fields.element }
    public var name: String
    public var rule: String
    /// Where the first character of the rule expression sits in the file.
    public var ruleLocation: SourceLocation
}
