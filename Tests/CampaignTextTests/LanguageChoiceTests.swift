@testable import CampaignText
import Testing

/// `--lang`, then CAMPAIGN_DECK_LANG, then the config file, then the locale
/// variables in the C library's order.
@Suite struct LanguageChoiceTests {
    @Test(arguments: [
        ("en", Language.english), ("zh", .chinese), ("zh-Hans", .chinese), ("zh_CN.UTF-8", .chinese),
        ("zh_TW.UTF-8", .chinese), ("ZH", .chinese), ("en_US.UTF-8", .english), ("C", .english),
        ("POSIX", .english), ("C.UTF-8", .english),
    ])
    func tagsAndLocaleNames(tag: String, expected: Language) {
        #expect(Language(tag: tag) == expected)
    }

    @Test func unknownTagsAreNotGuessed() {
        #expect(Language(tag: "fr_FR.UTF-8") == nil)
        #expect(Language(tag: "") == nil)
        #expect(Language(tag: "zhx") == nil)
    }

    @Test func theFlagWinsThenTheVariableThenTheConfigThenTheLocale() throws {
        let everything = ["CAMPAIGN_DECK_LANG": "en", "LANG": "zh_CN.UTF-8"]
        #expect(try Language.choose(flag: "zh", configured: "en", environment: everything) == .chinese)
        #expect(try Language.choose(flag: nil, configured: "zh", environment: everything) == .english)
        #expect(try Language.choose(flag: nil, configured: "zh", environment: ["LANG": "en_US.UTF-8"]) == .chinese)
        #expect(try Language.choose(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        // LC_ALL overrides LC_MESSAGES overrides LANG; empty ones do not count.
        #expect(try Language.choose(flag: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(try Language.choose(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C"]) == .chinese)
        // A locale without a catalog is English, not an error: the shell's locale is not ours to judge.
        #expect(try Language.choose(flag: nil, environment: ["LANG": "de_DE.UTF-8"]) == .english)
        #expect(try Language.choose(flag: nil, environment: [:]) == .english)
    }

    @Test func aValueWeCannotReadNamesWhereItCameFrom() {
        #expect(throws: LanguageError(value: "fr", source: "--lang")) { try Language.choose(flag: "fr", environment: [:]) }
        #expect(throws: LanguageError(value: "klingon", source: "CAMPAIGN_DECK_LANG")) {
            try Language.choose(flag: nil, environment: ["CAMPAIGN_DECK_LANG": "klingon"])
        }
        #expect("\(LanguageError(value: "fr", source: "--lang"))" == "unknown language 'fr' (--lang); use en or zh")
    }

    @Test func aTestsOverrideDoesNotLeakIntoTheProcessLanguage() {
        Language.$override.withValue(.chinese) {
            #expect(Language.current == .chinese)
        }
        #expect(Language.override == nil)
    }
}
