import Foundation

/// A `--db` value (or `CAMPAIGN_DECK_DB`) that names a PostgreSQL server rather
/// than a SQLite file.
public enum PostgresURL {
    static let schemes = ["postgres://", "postgresql://"]

    public static func isPostgres(_ location: String) -> Bool {
        schemes.contains { location.lowercased().hasPrefix($0) }
    }

    /// The URL without its password, for every message and log line: a
    /// database URL is pasted into terminals, tickets and chat.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let credentials = authority[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<schemeEnd.upperBound]) + credentials[..<colon] + ":***" + String(rest[at...])
    }

    /// `url` with `key=value` among its query parameters unless it has that key already.
    static func addingDefault(_ url: String, key: String, value: String) -> String {
        if let query = url.split(separator: "?", maxSplits: 1).dropFirst().first,
           query.split(separator: "&").contains(where: { $0.hasPrefix(key + "=") }) {
            return url
        }
        return url + (url.contains("?") ? "&" : "?") + key + "=" + value
    }
}
