/// The language a person reads: every label, hint, message and heading comes
/// from this language's catalog (`Phrase`). Machine formats (JSON keys, CSV
/// headers, exit codes, FILE:LINE:COLUMN) never change with it.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    /// Simplified Chinese, the words Chinese campaign teams use.
    case chinese = "zh-Hans"

    /// A language tag or locale name: `en`, `zh`, `zh-Hans`, `zh_CN.UTF-8`,
    /// `en_US.UTF-8`. Any `zh*` is Chinese (only Simplified is written so far);
    /// `C` and `POSIX` are English. Nil for anything else.
    public init?(tag: String) {
        let language = tag.split(whereSeparator: { "_-.@".contains($0) }).first.map { $0.lowercased() } ?? ""
        switch language {
        case "zh": self = .chinese
        case "en", "c", "posix": self = .english
        default: return nil
        }
    }

    /// The language to use: `--lang`, then `CAMPAIGN_DECK_LANG`, then the
    /// config file's `language`, then the locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`: the first that is set, as the C library reads them). A flag,
    /// variable or config value we cannot read is an error naming where it
    /// came from; a locale we have no catalog for is English.
    public static func choose(flag: String?, configured: String? = nil,
                              environment: [String: String]) throws(LanguageError) -> Language {
        if let flag { return try named(flag, from: "--lang") }
        if let variable = environment["CAMPAIGN_DECK_LANG"], !variable.isEmpty {
            return try named(variable, from: "CAMPAIGN_DECK_LANG")
        }
        if let configured { return try named(configured, from: "the config file's language") }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return Language(tag: value) ?? .english }
        }
        return .english
    }

    private static func named(_ value: String, from source: String) throws(LanguageError) -> Language {
        guard let language = Language(tag: value) else { throw LanguageError(value: value, source: source) }
        return language
    }

    /// The language of this process, set once by the executable after
    /// reading its arguments. Threads started later (the live session, the
    /// sender) read it too, which a task-local value would not reach.
    public static var process: Language {
        get { processLanguage.withLock { $0 } }
        set { processLanguage.withLock { $0 = newValue } }
    }

    /// The language phrases are written in here: a test's `withValue`
    /// override (tests render both languages in parallel), else the process's.
    public static var current: Language { override ?? process }

    @TaskLocal public static var override: Language?
}

private let processLanguage = LockedValue(Language.english)

public struct LanguageError: Error, CustomStringConvertible, Sendable, Equatable {
    public let value: String
    public let source: String
    public var description: String { "unknown language '\(value)' (\(source)); use en or zh" }
}
