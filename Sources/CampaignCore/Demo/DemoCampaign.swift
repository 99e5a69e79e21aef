/// The built-in demo campaign, the planning templates filled in: what `campaign-deck`
/// shows on a first run and what `campaign-deck init` writes as a starting file.
///
/// It is kept as YAML text, not as Swift values, so that the demo goes through
/// exactly the same loader and validator as a user's file, and so that `init`
/// writes a commented file a planner can learn the format from.
public enum DemoCampaign {
    /// Which segment set the plan carries.
    public enum SegmentSet: String, CaseIterable, Sendable {
        /// Three personas with 40/35/25 % budget shares.
        case personas
        /// The classic RFM segment map as ordinary rules.
        case rfm
    }

    /// The display name of the file the demo pretends to be, for messages.
    public static let fileName = "demo-campaign.yaml"

    public static func planText(segments: SegmentSet = .personas) -> String {
        let segmentBlock = segments == .personas ? personaSegments : rfmSegments
        return header + customerLayers + segmentBlock + body
    }
}
