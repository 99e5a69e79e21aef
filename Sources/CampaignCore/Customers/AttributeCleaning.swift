import Foundation

/// How a customers file's values are made comparable: spellings that mean
/// the same thing become one (`M`, `male`, `1` → 男), region names lose their
/// administrative suffix (`广东省` → 广东), and numbers outside what a column
/// can hold are refused (an age of 150). A plan can add spellings and ranges
/// of its own; these are the templates' defaults.
public struct AttributeCleaning: Sendable {
    /// Column → a spelling, lowercased → the standard value.
    public private(set) var spellings: [String: [String: String]] = [:]
    /// Column → the numbers it may hold.
    public private(set) var ranges: [String: ClosedRange<Double>] = [:]
    /// Columns holding region names.
    public private(set) var regionColumns: Set<String> = []
    /// Columns the plan declares as numbers (`columns: { age: number }`):
    /// their values must read as numbers, so a rule can compare them.
    public private(set) var numberColumns: Set<String> = []

    public init() {}

    /// Gender as 男/女 (GB/T 2261.1 codes 1 and 2 included), age 0–120, and
    /// `region`, `province` and `city` by their short names.
    public static var standard: AttributeCleaning {
        var cleaning = AttributeCleaning()
        let gender = ["男": "男", "m": "男", "male": "男", "man": "男", "1": "男",
                      "女": "女", "f": "女", "female": "女", "woman": "女", "2": "女"]
        cleaning.add(spellings: gender, for: "gender")
        cleaning.add(spellings: gender, for: "sex")
        cleaning.ranges["age"] = 0...120
        cleaning.regionColumns = ["region", "province", "city"]
        return cleaning
    }

    /// Adds (or overrides) spellings of `column`'s values; the standard value
    /// is a spelling of itself.
    public mutating func add(spellings more: [String: String], for column: String) {
        for (spelling, standard) in more {
            spellings[column, default: [:]][spelling.lowercased()] = standard
            spellings[column, default: [:]][standard.lowercased()] = standard
        }
    }

    public mutating func limit(_ column: String, to range: ClosedRange<Double>) { ranges[column] = range }

    public mutating func declareNumber(_ column: String) { numberColumns.insert(column) }

    /// The value as stored, or why it cannot be: nil for an empty cell.
    func clean(_ raw: String, column: String) -> Result<String?, AttributeProblem.Reason> {
        let value = SpaceTrimming.trimmed(raw)
        guard !value.isEmpty else { return .success(nil) }
        if let known = spellings[column] {
            guard let standard = known[value.lowercased()] else {
                return .failure(.unknownSpelling(value, allowed: Set(known.values).sorted()))
            }
            return .success(standard)
        }
        if ranges[column] != nil || numberColumns.contains(column) {
            guard let number = Double(value), number.isFinite else { return .failure(.notANumber(value)) }
            if let range = ranges[column], !range.contains(number) { return .failure(.outOfRange(value, range)) }
            return .success(value)
        }
        if regionColumns.contains(column) { return .success(Self.shortRegionName(value)) }
        return .success(value)
    }

    /// `广东省` → 广东, `北京市` → 北京, `广西壮族自治区` → 广西: the names
    /// people and forms use interchangeably.
    static func shortRegionName(_ name: String) -> String {
        let autonomous = ["内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏", "宁夏回族自治区": "宁夏",
                          "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港", "澳门特别行政区": "澳门"]
        if let short = autonomous[name] { return short }
        for suffix in ["省", "市"] where name.hasSuffix(suffix) && name.count > 2 { return String(name.dropLast()) }
        return name
    }
}
