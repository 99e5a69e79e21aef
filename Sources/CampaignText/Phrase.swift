/// Every piece of text the interface shows a person, by a stable key. Each
/// language's catalog (`Catalog+English.swift`, `Catalog+Chinese.swift`) is an
/// exhaustive switch over these keys, so a phrase without a translation does
/// not compile, and `PhraseCatalogTests` checks each translation keeps the
/// English one's placeholders (`{1}`, `{2}` …, filled in order by `text`).
///
/// Keep the three files in the same order, grouped by where the text appears.
public enum Phrase: String, CaseIterable, Sendable {
    // MARK: Pane titles
    case paneSegments
    case paneGantt
    case paneKPIs
    case paneAnomalies

    // MARK: Names where people use names (issue 15 item 2)
    case nameKindTask
    case nameKindSegment
    case nameKindRule
    case nameKindOwner
    case nameKindTheme
    case nameAmbiguousIDs
    case nameAmbiguousNumbers
    case nameUnknown
    case nameUnknownSuggest
    case completionNone
    case completionChoices
    case commandNamesHelp
    case derivedTaskID
    case newTaskTitle
    case newTaskHint
    case dependencyTitle
    case removeDependencyTitle
    case copyName
    case numberedCopyName
}

extension Phrase {
    /// The phrase in the current language (`Language.current`), with `{1}`,
    /// `{2}` … replaced by `arguments` in order.
    public func text(_ arguments: CustomStringConvertible...) -> String {
        Self.fill(template(in: Language.current), arguments.map(\.description))
    }

    /// The phrase in `language`, placeholders still in it.
    public func template(in language: Language) -> String {
        switch language {
        case .english: return english
        case .chinese: return chinese
        }
    }

    /// Replaces `{N}` by the N-th argument. A brace not followed by a number
    /// and `}` is kept as it is (plan names may contain braces; they come in
    /// as arguments, which are never scanned again).
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let number = Int(rest[afterOpen..<close]), number >= 1, number <= arguments.count {
                result += arguments[number - 1]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// The numbers of the `{N}` placeholders in a template, for the catalog test.
    public static func placeholders(in template: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            if let number = Int(rest[afterOpen..<close]) { found.append(number) }
            rest = rest[rest.index(after: close)...]
        }
        return found.sorted()
    }
}
