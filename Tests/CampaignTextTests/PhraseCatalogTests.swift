@testable import CampaignText
import Testing

/// Every phrase exists in both languages (the catalogs are exhaustive
/// switches, so a missing one does not compile); these check what the
/// compiler cannot: no empty text, the same placeholders in both, and
/// Chinese that is Chinese.
@Suite struct PhraseCatalogTests {
    @Test func everyPhraseHasTextInEveryLanguage() {
        for phrase in Phrase.allCases {
            for language in Language.allCases {
                #expect(!phrase.template(in: language).isEmpty, "\(phrase) is empty in \(language)")
            }
        }
    }

    @Test func translationsKeepThePlaceholders() {
        for phrase in Phrase.allCases {
            let english = Phrase.placeholders(in: phrase.template(in: .english))
            let numbers = Array(Set(english)).sorted()
            #expect(numbers == Array(1..<(numbers.count + 1)), "\(phrase): placeholders must be {1}…{N}: \(english)")
            #expect(Phrase.placeholders(in: phrase.template(in: .chinese)) == english, "\(phrase)")
        }
    }

    /// A Chinese phrase has Chinese in it (or is only symbols and names that
    /// stay as they are: KPI abbreviations, key names, units).
    /// Phrases that quote the plan file's own syntax (field names, an example id).
    static let quotingPlanSyntax: Set<Phrase> = [.promptSegmentRuleHint, .promptNewTaskHint]

    @Test func chinesePhrasesAreWrittenInChinese() {
        for phrase in Phrase.allCases where !Self.quotingPlanSyntax.contains(phrase) {
            let template = phrase.template(in: .chinese)
            let chinese = Phrase.fill(template, Array(repeating: "", count: Phrase.placeholders(in: template).max() ?? 0))
            let words = EnglishWords.find(in: chinese)
            #expect(words.isEmpty, "\(phrase) has English words in Chinese: \(words) in '\(chinese)'")
        }
    }

    @Test func placeholdersAreFilledInOrderAndStrayBracesKept() {
        #expect(Phrase.fill("saved {1} ({2} tasks)", ["plan.yaml", "12"]) == "saved plan.yaml (12 tasks)")
        #expect(Phrase.fill("{2} 项 · {1}", ["a", "b"]) == "b 项 · a")
        // An argument's own braces are not read again, and odd braces stay.
        #expect(Phrase.fill("task {1} {x} {", ["{2}", "z"]) == "task {2} {x} {")
        #expect(Phrase.fill("{3}", ["a"]) == "{3}")
    }
}
