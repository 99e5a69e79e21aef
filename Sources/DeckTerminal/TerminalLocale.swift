#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's locale decides how ncurses encodes characters and how
/// wide it thinks they are, so it is set before ncurses starts. Three cases:
/// a UTF-8 locale (draw everything); a UTF-8 locale that is named but not
/// installed (`LANG=zh_CN.UTF-8` on a minimal system: setlocale fails and
/// leaves "C"), where C.UTF-8 handles the characters just as well; and a
/// locale that is not UTF-8 (`LANG=C`, GB18030), where the terminal likely
/// cannot show UTF-8 either: the dashboard then draws in ASCII and says
/// which variable to set, instead of printing every Chinese name and border
/// as `?` without a word.
public enum TerminalLocale: Sendable, Equatable {
    case utf8
    /// The named locale is missing; characters are handled as C.UTF-8.
    case fellBack(requested: String)
    /// Not UTF-8: `name` as the environment gave it, `codeset` as the C library reports it.
    case notUTF8(name: String, codeset: String)

    /// Whether frames must be drawn in ASCII.
    public var drawsASCII: Bool {
        if case .notUTF8 = self { return true }
        return false
    }

    /// What the user should know, for the status line (nil: nothing to say).
    /// Always English: it is shown exactly when Chinese cannot be drawn.
    public var notice: String? {
        switch self {
        case .utf8, .fellBack: return nil
        case .notUTF8(let name, let codeset):
            // The remedy first: a status line narrower than this keeps the start.
            return "Chinese text needs LANG=C.UTF-8 (or zh_CN.UTF-8): \(name) is \(codeset), so drawing in ASCII"
        }
    }

    /// The locale the environment names, as setlocale reads it: LC_ALL, then LC_CTYPE, then LANG.
    static func requestedName(environment: [String: String]) -> String {
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return "\(variable)=\(value)" }
        }
        return "the default locale (LANG unset)"
    }

    /// The decision, pure: whether setlocale took the environment's locale
    /// and the codeset it ended with.
    static func decide(environment: [String: String], setlocaleSucceeded: Bool, codeset: String) -> TerminalLocale {
        if isUTF8(codeset) { return .utf8 }
        let requested = requestedName(environment: environment)
        if !setlocaleSucceeded && isUTF8(requested) { return .fellBack(requested: requested) }
        return .notUTF8(name: requested, codeset: codeset)
    }

    static func isUTF8(_ text: String) -> Bool {
        let folded = text.lowercased()
        return folded.contains("utf-8") || folded.contains("utf8")
    }

    /// Sets the process's locale from the environment (falling back to
    /// C.UTF-8 for a UTF-8 locale that is not installed) and says which case holds.
    static func establish(environment: [String: String]) -> TerminalLocale {
        let succeeded = setlocale(LC_ALL, "") != nil
        let decision = decide(environment: environment, setlocaleSucceeded: succeeded, codeset: currentCodeset())
        if case .fellBack = decision, setlocale(LC_CTYPE, "C.UTF-8") == nil {
            return .notUTF8(name: requestedName(environment: environment), codeset: currentCodeset())
        }
        return decision
    }

    private static func currentCodeset() -> String {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "unknown" }
        return String(cString: codeset)
    }
}
