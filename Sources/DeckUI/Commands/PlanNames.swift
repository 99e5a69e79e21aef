import CampaignCore
import CampaignText

/// The ids and names of one kind of plan item (tasks, segments, alert
/// rules…), for commands that take either: a Chinese team names its tasks in
/// Chinese and should not have to look up `asset-review` to type `素材审核`.
///
/// A typed reference is matched in this order, the first that fits wins:
/// an id exactly, a name exactly, then an id or a name ignoring case. Ids
/// come first because they are unique; a name two items share is refused
/// with their ids (never a guess). Runs of blanks count as one space, so a
/// name typed without quotes, its words split and joined again, still matches.
struct PlanNames: Sendable {
    enum Kind: Sendable {
        case task, segment
        /// Alert rules have no id: their number in the plan (1, 2 …) is one.
        case rule
        /// Owners already in the plan: only offered by Tab, never required.
        case owner
        case theme

        /// "task", "客群" …: what the messages call one item.
        var noun: String {
            switch self {
            case .task: return Phrase.nameKindTask.text()
            case .segment: return Phrase.nameKindSegment.text()
            case .rule: return Phrase.nameKindRule.text()
            case .owner: return Phrase.nameKindOwner.text()
            case .theme: return Phrase.nameKindTheme.text()
            }
        }
    }

    struct Item: Equatable, Sendable {
        let id: String
        let name: String
    }

    enum Match: Equatable {
        case found(id: String)
        /// Several items carry this name: their ids.
        case ambiguous(ids: [String])
        case unknown
    }

    let kind: Kind
    let items: [Item]

    init(_ kind: Kind, items: [Item]) {
        self.kind = kind
        self.items = items
    }

    init(_ kind: Kind, in plan: Plan) {
        switch kind {
        case .task: self.init(kind, items: plan.tasks.map { Item(id: $0.id, name: $0.name) })
        case .segment: self.init(kind, items: plan.segments.map { Item(id: $0.id, name: $0.name) })
        case .rule: self.init(kind, items: plan.alerts.enumerated().map { Item(id: String($0.offset + 1), name: $0.element.name) })
        case .owner:
            var seen = Set<String>()
            let owners = plan.tasks.compactMap(\.owner).filter { !$0.isEmpty && seen.insert($0).inserted }
            self.init(kind, items: owners.map { Item(id: $0, name: $0) })
        case .theme: self.init(kind, items: GlobalCommands.themes.map { Item(id: $0, name: $0) })
        }
    }

    func match(_ text: String) -> Match {
        let typed = Self.normalized(text)
        guard !typed.isEmpty else { return .unknown }
        if let item = items.first(where: { $0.id == typed }) { return .found(id: item.id) }
        let named = items.filter { Self.normalized($0.name) == typed }
        if let result = Self.single(named) { return result }
        let folded = typed.lowercased()
        return Self.single(items.filter { $0.id.lowercased() == folded || Self.normalized($0.name).lowercased() == folded })
            ?? .unknown
    }

    private static func single(_ items: [Item]) -> Match? {
        switch items.count {
        case 0: return nil
        case 1: return .found(id: items[0].id)
        default: return .ambiguous(ids: items.map(\.id))
        }
    }

    /// The id `text` names, or an error saying it is nobody's (with the
    /// nearest id or name) or several items' (with their ids).
    func resolve(_ text: String) throws(CommandLineError) -> String {
        switch match(text) {
        case .found(let id): return id
        case .ambiguous(let ids): throw ambiguity(text, ids: ids)
        case .unknown: throw unknown(text)
        }
    }

    func ambiguity(_ text: String, ids: [String]) -> CommandLineError {
        let phrase: Phrase = kind == .rule ? .nameAmbiguousNumbers : .nameAmbiguousIDs
        return CommandLineError(phrase.text(ids.count, kind.noun, Self.normalized(text), ids.joined(separator: ", ")))
    }

    func unknown(_ text: String) -> CommandLineError {
        let typed = Self.normalized(text)
        if let near = nearest(to: typed) { return CommandLineError(Phrase.nameUnknownSuggest.text(kind.noun, typed, near.text)) }
        return CommandLineError(Phrase.nameUnknown.text(kind.noun, typed))
    }

    /// The id or name closest to `text`: one that contains it (a part of a
    /// Chinese name, `审核`) or that it contains, else one a typo away.
    /// `distance` ranks guesses when a command must choose where a name ends.
    func nearest(to text: String) -> (text: String, distance: Int)? {
        let typed = Self.normalized(text).lowercased()
        guard !typed.isEmpty else { return nil }
        let words = items.flatMap { [$0.id, Self.normalized($0.name)] }
        let containing = words.filter {
            let word = $0.lowercased()
            return word.contains(typed) || (typed.count >= 2 && typed.contains(word) && word.count >= 2)
        }
        if let best = containing.min(by: { Suggestion.editDistance(typed, $0.lowercased()) < Suggestion.editDistance(typed, $1.lowercased()) }) {
            return (best, Suggestion.editDistance(typed, best.lowercased()))
        }
        guard let close = Suggestion.closest(to: typed, among: words) else { return nil }
        return (close, Suggestion.editDistance(typed, close.lowercased()))
    }

    /// What Tab offers for a typed start: ids and names that begin with it
    /// (ignoring case), in plan order; when none does, those that contain it
    /// (the distinguishing part of a Chinese name is often at its end).
    func completions(of text: String) -> [String] {
        let typed = Self.normalized(text).lowercased()
        var seen = Set<String>()
        let words = items.flatMap { [$0.id, Self.normalized($0.name)] }.filter { !$0.isEmpty && seen.insert($0).inserted }
        let starting = words.filter { $0.lowercased().hasPrefix(typed) }
        return starting.isEmpty ? words.filter { $0.lowercased().contains(typed) } : starting
    }

    /// Trimmed, with every run of ASCII blanks as one space.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
