import CampaignText

/// The kinds of element a plan lists, as messages name them: "task" (in
/// "duplicate task id"), "task 'kickoff'" and "a task" (one whose id cannot be
/// read yet). Built from the catalog when a message is, so it follows the
/// language in effect then.
enum PlanElementKind {
    case budgetLine, channel, segment, phase, task, alert, notifyChannel, tag, tier, reportSource

    /// The bare noun: "budget line" / "预算类别".
    var noun: String {
        switch self {
        case .budgetLine: Phrase.checkNounBudgetLine.text()
        case .channel: Phrase.checkNounChannel.text()
        case .segment: Phrase.checkNounSegment.text()
        case .phase: Phrase.checkNounPhase.text()
        case .task: Phrase.checkNounTask.text()
        case .alert: Phrase.checkNounAlert.text()
        case .notifyChannel: Phrase.checkNounNotifyChannel.text()
        case .tag: Phrase.planCustNounTag.text()
        case .tier: Phrase.planCustNounTier.text()
        case .reportSource: Phrase.sourceNoun.text()
        }
    }

    /// "task 'kickoff'" / "任务 'kickoff'".
    func named(_ id: String) -> String { Phrase.checkNamed.text(noun, id) }

    /// "a task", "an alert" / "一个任务" (English's article is the only one
    /// that depends on the noun).
    var unnamed: String { (self == .alert ? Phrase.checkUnnamedAn : Phrase.checkUnnamedA).text(noun) }
}
