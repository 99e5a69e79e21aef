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

    /// `12,345` for counts.
    public static func count(_ value: Int64) -> String { money(Decimal(value)) }

    /// A fixed number of decimals: `45.00`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// Money with thousands separators and no float drift: `1,200,000`;
    /// with `decimals`, rounded half-even to that many places.
    public static func money(_ value: Decimal, decimals: Int? = nil) -> String {
        var value = value
        if let decimals {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, decimals, .bankers)
            value = rounded
        }
        var text = "\(value)"
        if let decimals, decimals > 0 {
            let fractionDigits = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
            if fractionDigits < 0 { text += "." }
            text += String(repeating: "0", count: decimals - max(fractionDigits, 0))
        }
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
