import CampaignText

/// Where a customer stands in their life with the brand, by the templates'
/// definitions as one complete decision table (the first that holds):
/// new (first purchase within `newDays`), active (a purchase within
/// `silentDays`), churned (no behaviour at all — purchase, browse or
/// add-to-cart — for `churnedDays`), silent (no purchase for `silentDays` but
/// at least 2 browses or add-to-carts within them), dormant (everything
/// else: gone quiet, not yet gone). Days count back from the as-of day, as
/// `recency_days` does; "within N days" includes the N-th.
public enum Lifecycle: String, CaseIterable, Sendable {
    case new, active, silent, churned, dormant

    public struct Rules: Equatable, Sendable {
        public var newDays = 30
        public var silentDays = 90
        public var churnedDays = 180
        public init(newDays: Int = 30, silentDays: Int = 90, churnedDays: Int = 180) {
            (self.newDays, self.silentDays, self.churnedDays) = (newDays, silentDays, churnedDays)
        }
    }

    /// - Parameters:
    ///   - firstPurchaseDays: days since the first purchase.
    ///   - recencyDays: days since the last purchase.
    ///   - lastBehaviourDays: days since the last browse or add-to-cart; nil for none.
    ///   - browsesAndCartAdds: browses and add-to-carts within the last `silentDays`.
    public static func of(firstPurchaseDays: Int, recencyDays: Int, lastBehaviourDays: Int?, browsesAndCartAdds: Int,
                          rules: Rules = Rules()) -> Lifecycle {
        if firstPurchaseDays <= rules.newDays { return .new }
        if recencyDays <= rules.silentDays { return .active }
        if min(recencyDays, lastBehaviourDays ?? .max) > rules.churnedDays { return .churned }
        if browsesAndCartAdds >= 2 { return .silent }
        return .dormant
    }
}

/// Value by the monetary score: high (m_score 4–5), mid (3), low (1–2). With
/// the five lifecycle stages it makes the value × lifecycle matrix's 3 × 5 cells.
public enum ValueLevel: String, CaseIterable, Sendable {
    case high, mid, low

    public init(mScore: Int) {
        switch mScore {
        case 4...: self = .high
        case 3: self = .mid
        default: self = .low
        }
    }
}

extension Lifecycle {
    /// The stage in the reader's language (JSON and CSV keep `rawValue`).
    public var spokenName: String {
        switch self {
        case .new: Phrase.segLifecycleNew.text()
        case .active: Phrase.segLifecycleActive.text()
        case .silent: Phrase.segLifecycleSilent.text()
        case .churned: Phrase.segLifecycleChurned.text()
        case .dormant: Phrase.segLifecycleDormant.text()
        }
    }
}

extension ValueLevel {
    /// The level in the reader's language (JSON and CSV keep `rawValue`).
    public var spokenName: String {
        switch self {
        case .high: Phrase.segValueHigh.text()
        case .mid: Phrase.segValueMid.text()
        case .low: Phrase.segValueLow.text()
        }
    }
}
