import CampaignCore

/// Eight-level block sparklines; a gap for no data.
enum Sparkline {
    static let levels: [Unicode.Scalar] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func text(_ values: [Double?], width: Int) -> String {
        let recent = Array(values.suffix(width))
        let known = recent.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: recent.count) }
        var out = ""
        for value in recent {
            guard let value else { out += " "; continue }
            let level = high > low ? Int(((value - low) / (high - low) * 7).rounded()) : 3
            out.unicodeScalars.append(levels[min(max(level, 0), 7)])
        }
        return out
    }

    /// Which of the drawn values lie outside their own hour's usual band:
    /// drawn in the alarm colour, so a dip shows against what that hour
    /// usually is, not against the day's highs and lows.
    static func outsideBand(_ values: [Double?], bands: [ClosedRange<Double>?], width: Int) -> [Bool] {
        guard bands.count == values.count else { return [] }
        return zip(values, bands).suffix(width).map { value, band in
            guard let value, let band else { return false }
            return !band.contains(value)
        }
    }
}
