import CampaignStore
import CampaignText
import Foundation

/// The engines a store test runs on: SQLite always; PostgreSQL when
/// `CAMPAIGN_DECK_TEST_POSTGRES` names a server (`.ci/run` starts one;
/// locally, `eval "$(bash tools/test_postgres.sh start)"`). Each PostgreSQL
/// test gets a schema of its own, so tests never see each other's rows.
/// Shared by every test target that tests something stored.
public enum TestEngine: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    public static let variable = "CAMPAIGN_DECK_TEST_POSTGRES"
    /// The test server's URL, with a connect timeout of a minute unless it
    /// names one: the tests share two saturated cores with the server, and a
    /// connection once took longer than the product's 10 s default to be
    /// answered (`openersAtTheSameMomentMigrateOneAfterAnother` in a CI run,
    /// nothing else failing). The product keeps its 10 s for users.
    public static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { return nil }
        if url.contains("connect_timeout=") { return url }
        return url + (url.contains("?") ? "&" : "?") + "connect_timeout=60"
    }
    public static var postgresIsOn: Bool { serverURL != nil }
    public static let skippedText = "PostgreSQL store tests: set CAMPAIGN_DECK_TEST_POSTGRES=postgres://user:pass@127.0.0.1:PORT/db to run them (tools/test_postgres.sh starts a server)"

    /// The engine of suites that make their store once for all their tests
    /// (the notify outbox's): `CAMPAIGN_DECK_TEST_ENGINE=postgres` runs them
    /// on the test server (`.ci/run` runs them once on each engine).
    public static var current: TestEngine {
        ProcessInfo.processInfo.environment["CAMPAIGN_DECK_TEST_ENGINE"].flatMap(TestEngine.init(rawValue:)) ?? .sqlite
    }

    /// Every engine this run can test.
    public static var all: [TestEngine] { postgresIsOn ? [.sqlite, .postgres] : [.sqlite] }

    /// A new, empty store on this engine; a SQLite file goes in `folder`.
    public func store(in folder: String) throws -> any StoreEngine {
        switch self {
        case .sqlite: return try DeckDatabase(path: folder + "/\(UUID().uuidString).deck.sqlite")
        case .postgres: return try PostgresStore(url: try Self.freshSchemaURL())
        }
    }

    /// The store a test names by a file path, opened again by the same path
    /// (a restarted collector finds what it stored): on PostgreSQL, the
    /// schema made the first time the path was named.
    public func store(at path: String) throws -> any StoreEngine {
        switch self {
        case .sqlite: return try DeckDatabase(path: path)
        case .postgres:
            let url = try Self.schemas.withLock { schemas in
                if let known = schemas[path] { return known }
                let made = try Self.freshSchemaURL()
                schemas[path] = made
                return made
            }
            return try PostgresStore(url: url)
        }
    }

    private static let schemas = LockedValue<[String: String]>([:])

    /// The server's URL with a new schema first on the search path.
    public static func freshSchemaURL() throws -> String {
        guard let url = serverURL else { throw StoreError.cannotOpen(path: variable, detail: "not set") }
        let schema = "deck_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try PostgresConnection(url: url).execute("CREATE SCHEMA \(schema)")
        return url + (url.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)"
    }
}
