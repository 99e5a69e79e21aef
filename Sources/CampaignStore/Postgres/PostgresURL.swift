import Foundation

/// A `--db` value (or `CAMPAIGN_DECK_DB`) that names a PostgreSQL server rather
/// than a SQLite file, and keeping its password out of every message.
public enum PostgresURL {
    static let schemes = ["postgres:", "postgresql:"]

    /// Any spelling of the scheme (`POSTGRES://`, even a slash short): it is
    /// meant as a server, and a mistyped one is libpq's error with the
    /// password hidden, never a SQLite file named after the URL.
    public static func isPostgres(_ location: String) -> Bool {
        schemes.contains { location.lowercased().hasPrefix($0) }
    }

    /// The URL as libpq takes it: libpq knows only the lower-case schemes.
    static func normalized(_ url: String) -> String {
        guard let colon = url.firstIndex(of: ":") else { return url }
        return url[..<colon].lowercased() + url[colon...]
    }

    /// The URL without its password, for every message and log line: a
    /// database URL is pasted into terminals, tickets and chat.
    public static func redacted(_ url: String) -> String {
        var text = url
        if let (start, end) = passwordRange(in: text) { text.replaceSubrange(start..<end, with: "***") }
        return hidingQueryPasswords(text)
    }

    /// `message` (libpq's, which may quote the URL or a piece of it) with
    /// every form of the password replaced by `***`.
    static func scrubbed(_ message: String, url: String) -> String {
        var text = message.replacingOccurrences(of: url, with: redacted(url))
        for secret in secrets(url).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }

    /// The password between the user's `:` and the last `@` before the host.
    /// The last `@`, not the first: a password typed unencoded may hold `@`,
    /// `/` or `?`, and a host never holds `@`.
    private static func passwordRange(in url: String) -> (String.Index, String.Index)? {
        guard let scheme = schemes.first(where: { url.lowercased().hasPrefix($0) }) else { return nil }
        var start = url.index(url.startIndex, offsetBy: scheme.count)
        while start < url.endIndex, url[start] == "/" { start = url.index(after: start) }
        let rest = url[start...]
        guard let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return nil }
        let passwordStart = url.index(after: colon)
        return passwordStart < at ? (passwordStart, at) : nil
    }

    private static func queryPasswords(_ url: String) -> [String] {
        guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
        return query.split(separator: "&").compactMap { pair in
            pair.lowercased().hasPrefix("password=") ? String(pair.dropFirst("password=".count)) : nil
        }.filter { !$0.isEmpty }
    }

    private static func hidingQueryPasswords(_ url: String) -> String {
        var text = url
        for password in queryPasswords(url) { text = text.replacingOccurrences(of: "=" + password, with: "=***") }
        return text
    }

    /// Every spelling of the password libpq might echo: as typed, and decoded.
    private static func secrets(_ url: String) -> [String] {
        var found = queryPasswords(url)
        if let (start, end) = passwordRange(in: url) { found.append(String(url[start..<end])) }
        found += found.compactMap { $0.removingPercentEncoding }
        // libpq reads an unencoded password otherwise (up to the first `@`, say)
        // and may quote the rest as a host name: hide its pieces too.
        found += found.flatMap { $0.split(whereSeparator: { "@/?:#".contains($0) }).map(String.init) }.filter { $0.count >= 3 }
        return Array(Set(found.filter { !$0.isEmpty }))
    }

    /// `url` with `key=value` among its query parameters unless it has that key already.
    static func addingDefault(_ url: String, key: String, value: String) -> String {
        if let query = url.split(separator: "?", maxSplits: 1).dropFirst().first,
           query.split(separator: "&").contains(where: { $0.hasPrefix(key + "=") }) {
            return url
        }
        return url + (url.contains("?") ? "&" : "?") + key + "=" + value
    }

    /// How a store location is shown: a server without its password, a file as it is.
    public static func shown(_ location: String) -> String {
        isPostgres(location) ? redacted(location) : location
    }
}
