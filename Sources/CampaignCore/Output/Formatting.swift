import Foundation

/// Number formatting shared by tables, messages and exports.
public enum Formatting {
    /// The shortest text that reads back as the same number: `0.4`, `3`, `1.15`.
    public static func plain(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(value)
        // Swift prints 0.1 + 0.2 as 0.30000000000000004; people wrote 0.3.
        let rounded = String(format: "%.10g", value)
        return Double(rounded) == value || rounded.count < text.count - 6 ? rounded : text
    }

    /// `0.4` → `40%`, `0.125` → `12.5%`.
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        let scaled = value * 100
        if scaled == scaled.rounded() { return String(Int64(scaled)) + "%" }
        return String(format: "%.\(decimals)f%%", scaled)
    }

    /// Money with thousands separators and no float drift: `1,200,000`.
    public static func money(_ value: Decimal) -> String {
        var text = "\(value)"
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            fraction = String(text[dot...])
            text = String(text[..<dot])
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var grouped = ""
        for (index, character) in text.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + fraction
    }
}
