/// A plan's text together with the plan parsed from it, so whoever receives
/// an edit (the dashboard's live side) adopts the parsed plan instead of
/// parsing the text a second time. Two versions are equal when their texts
/// are: the plan is a function of the text.
public struct PlanVersion: Sendable, Equatable {
    public let text: String
    public let plan: Plan

    /// Nil when the document does not give a plan (it has errors).
    public init?(_ document: PlanDocument) {
        guard let plan = document.plan else { return nil }
        self.text = document.text
        self.plan = plan
    }

    public static func == (lhs: PlanVersion, rhs: PlanVersion) -> Bool { lhs.text == rhs.text }
}
