import CampaignText

/// The summary's top categories and channels per segment: what members buy
/// most and where, as the persona card shows them.
extension SegmentReport {
    /// `top_categories` / `top_channels` of one segment for JSON: each name
    /// with how many members have it as their top one; only the fields the
    /// transactions have columns for.
    static func topLabelsJSON(_ portrait: SegmentPortrait) -> [(String, JSONValue)] {
        func list(_ tops: SegmentPortrait.Trait) -> JSONValue {
            .array(tops.values.map { .object([("name", .string($0.value)), ("customers", .int($0.customers))]) })
        }
        var fields: [(String, JSONValue)] = []
        if let tops = portrait.topCategories { fields.append(("top_categories", list(tops))) }
        if let tops = portrait.topChannels { fields.append(("top_channels", list(tops))) }
        return fields
    }

    /// A table under the segments, one row per segment with members: its
    /// top categories and channels with their share of the members; empty
    /// when the transactions have neither column.
    static func topLabelsTable(_ segmentation: Segmentation) -> String {
        guard segmentation.hasCategory || segmentation.hasChannel else { return "" }
        let portraits = SegmentPortrait.of(segmentation)
        var columns: [TextTable.Column] = [.init(Phrase.dataHeadSegment.text())]
        if segmentation.hasCategory { columns.append(.init(Phrase.portraitHeadTopCategories.text())) }
        if segmentation.hasChannel { columns.append(.init(Phrase.portraitHeadTopChannels.text())) }
        var table = TextTable(columns)
        for (id, _) in segmentation.segments + [(Segmentation.unassignedID, "")] {
            guard let portrait = portraits[id], portrait.customers > 0 else { continue }
            var row = [id == Segmentation.unassignedID ? Phrase.dataUnassignedSegment.text() : id]
            for tops in [portrait.topCategories, portrait.topChannels] {
                guard let tops else { continue }
                let text = tops.values.map { $0.value + " " + Formatting.percent(Double($0.customers) / Double(portrait.customers), decimals: 0) }
                row.append(text.isEmpty ? "—" : text.joined(separator: " · "))
            }
            table.add(row)
        }
        return "\n" + Phrase.portraitTopLabelsTitle.text() + "\n" + table.rendered()
    }
}
