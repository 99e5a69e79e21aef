import CampaignCore

/// The header's parts in reading order, each either kept always or dropped
/// when the line is too long. What a person needs to act on stays (unsaved
/// edits, the clock, whether the stream is live); what is context goes first
/// (the event rate, pacing, the phase, burn, the day), and the campaign name
/// is shortened last.
struct HeaderParts {
    struct Part {
        var text: String
        /// nil: never dropped. Otherwise the lowest rank is dropped first.
        var dropRank: Int?
    }

    static let separator = " · "

    var name: String
    var parts: [Part] = []

    mutating func append(_ text: String, dropRank: Int? = nil) {
        parts.append(Part(text: text, dropRank: dropRank))
    }

    /// The line fitted into `width` display columns (a leading space included).
    func line(width: Int) -> String {
        var kept = parts
        func length(_ parts: [Part], name: String) -> Int {
            1 + DisplayWidth.of(([name] + parts.map(\.text)).joined(separator: Self.separator))
        }
        // The name keeps a recognisable start before context is dropped further.
        let shortName = Self.cut(name, toWidth: 16)
        while length(kept, name: shortName) > width,
              let drop = kept.indices.filter({ kept[$0].dropRank != nil }).min(by: { kept[$0].dropRank! < kept[$1].dropRank! }) {
            kept.remove(at: drop)
        }
        let rest = length(kept, name: "") - 1
        let nameWidth = max(1, width - 1 - rest)
        return " " + ([Self.cut(name, toWidth: nameWidth)] + kept.map(\.text)).joined(separator: Self.separator)
    }

    /// The name cut with "…"; the space `truncate` leaves where half a wide
    /// character would not fit is dropped, so no gap opens before the separator.
    private static func cut(_ name: String, toWidth width: Int) -> String {
        let cut = DisplayWidth.truncate(name, toWidth: width)
        return cut != name && cut.hasSuffix("… ") ? String(cut.dropLast()) : cut
    }
}
