/// An ad platform's exported report, as the plan's `sources:` declares it:
/// which header cell (or constant) feeds each part of an event.
///
/// `ingest --source ID FILE` reads FILE through this mapping. Each data row
/// stands for one hour of one channel (segment, campaign): its figures are
/// that hour's totals, so a newer export of the same hour replaces them.
public struct ReportSource: Sendable, Equatable {
    public enum Format: String, CaseIterable, Sendable { case csv }

    /// The platforms export UTF-8 (often with a byte order mark) or, from
    /// older Chinese back offices, GB18030 (a superset of GBK and GB2312).
    public enum Encoding: String, CaseIterable, Sendable {
        case utf8 = "utf-8"
        case gb18030
    }

    /// What a column can feed. The figures are the additive KPIs of SPEC §4,
    /// each from the event type that carries it (see `ReportFigures`).
    public enum Target: String, CaseIterable, Sendable {
        case ts, channel, segment, campaign
        case impressions, clicks, conversions, reach, participants, spend, revenue

        /// The names an event is scoped by; a constant (`=douyin`) is allowed only for these.
        public var isName: Bool { self == .channel || self == .segment || self == .campaign }
        public var isFigure: Bool { self != .ts && !isName }
        public var isMoney: Bool { self == .spend || self == .revenue }
        public static var figures: [Target] { allCases.filter(\.isFigure) }
    }

    /// A header cell's name, or (`=VALUE`) the same value on every row.
    public enum Column: Sendable, Equatable, CustomStringConvertible {
        case header(String)
        case constant(String)

        /// As written in the plan.
        public var description: String {
            switch self {
            case .header(let name): return name
            case .constant(let value): return "=" + value
            }
        }
    }

    public var id: String
    public var location: SourceLocation
    public var format: Format
    public var encoding: Encoding
    /// In `Target` order; `ts` and at least one figure are always present.
    public var columns: [(target: Target, column: Column)]

    public init(id: String, location: SourceLocation = .start, format: Format = .csv, encoding: Encoding = .utf8,
                columns: [(target: Target, column: Column)]) {
        self.id = id
        self.location = location
        self.format = format
        self.encoding = encoding
        self.columns = columns
    }

    public func column(_ target: Target) -> Column? { columns.first { $0.target == target }?.column }

    public static func == (lhs: ReportSource, rhs: ReportSource) -> Bool {
        lhs.id == rhs.id && lhs.location == rhs.location && lhs.format == rhs.format && lhs.encoding == rhs.encoding
            && lhs.columns.map(\.target) == rhs.columns.map(\.target) && lhs.columns.map(\.column) == rhs.columns.map(\.column)
    }
}
