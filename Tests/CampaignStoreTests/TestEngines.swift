@testable import CampaignStore
import Foundation
import Testing

/// The engines a store test runs on: SQLite always; PostgreSQL when
/// `CAMPAIGN_DECK_TEST_POSTGRES` names a server (`.ci/run` starts one;
/// locally, `eval "$(bash tools/test_postgres.sh start)"`). Each PostgreSQL
/// test gets a schema of its own, so tests never see each other's rows.
enum TestEngine: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let variable = "CAMPAIGN_DECK_TEST_POSTGRES"
    static var serverURL: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var postgresIsOn: Bool { serverURL != nil }
    static let skipped: Comment = "PostgreSQL store tests: set CAMPAIGN_DECK_TEST_POSTGRES=postgres://user:pass@127.0.0.1:PORT/db to run them (tools/test_postgres.sh starts a server)"

    /// Every engine this run can test.
    static var all: [TestEngine] { postgresIsOn ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }

    /// A new, empty store on this engine.
    func store(_ folder: TemporaryFolder) throws -> any StoreEngine {
        switch self {
        case .sqlite: return try DeckDatabase(path: folder.file("\(UUID().uuidString).deck.sqlite"))
        case .postgres: return try PostgresStore(url: try Self.freshSchemaURL())
        }
    }

    /// The server's URL with a new schema first on the search path.
    static func freshSchemaURL() throws -> String {
        guard let url = serverURL else { throw StoreError.cannotOpen(path: variable, detail: "not set") }
        let schema = "deck_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try PostgresConnection(url: url).execute("CREATE SCHEMA \(schema)")
        return url + (url.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)"
    }
}
