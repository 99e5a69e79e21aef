import CampaignText

/// The name of a duplicated task, in the interface's language: `素材二审 (副本)`
/// in Chinese, `Launch (copy)` in English. The name is data a person reads in
/// the plan, so it is written the way that person's team writes.
///
/// A second copy of the same task gets `(copy 2)`, `(copy 3)` … so that two
/// tasks never share a name (commands find tasks by name); copying a copy
/// numbers it from the original's name instead of stacking suffixes.
enum CopyNames {
    static func name(forCopyOf name: String, among names: Set<String>) -> String {
        let base = original(of: name)
        let first = Phrase.copyName.text(base)
        guard names.contains(first) else { return first }
        var number = 2
        while names.contains(Phrase.numberedCopyName.text(base, number)) { number += 1 }
        return Phrase.numberedCopyName.text(base, number)
    }

    /// `X` for `X (copy)` and `X (copy 3)` (in the current language); else the name itself.
    static func original(of name: String) -> String {
        if let base = stripping(Phrase.copyName.text("\u{0}"), from: name) { return base }
        return stripping(Phrase.numberedCopyName.text("\u{0}", "\u{1}"), from: name) ?? name
    }

    /// The text standing for `\u{0}` when `name` has the template's shape
    /// (`\u{1}`, if there, must stand for a number); nil otherwise.
    private static func stripping(_ template: String, from name: String) -> String? {
        let parts = template.split(separator: "\u{0}", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].isEmpty else { return nil }
        let suffix = parts[1]
        if let number = suffix.firstIndex(of: "\u{1}") {
            let before = suffix[..<number], after = suffix[suffix.index(after: number)...]
            guard name.hasSuffix(after) else { return nil }
            let withoutAfter = name.dropLast(after.count)
            let digits = withoutAfter.reversed().prefix { $0.isASCII && $0.isNumber }
            let withoutNumber = withoutAfter.dropLast(digits.count)
            guard !digits.isEmpty, withoutNumber.hasSuffix(before), withoutNumber.count > before.count else { return nil }
            return String(withoutNumber.dropLast(before.count))
        }
        guard name.hasSuffix(suffix), name.count > suffix.count else { return nil }
        return String(name.dropLast(suffix.count))
    }
}
