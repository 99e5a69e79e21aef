import Foundation

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted.
public enum CSVWriter {
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(row).joined(separator: "\n") + "\n"
    }
}
