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
}
