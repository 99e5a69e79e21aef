import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// What needs no server: the URL's password never reaches a message, and
/// `?` becomes `$n` only outside quotes.
@Suite struct PostgresTextTests {
    @Test func theURLIsShownWithoutItsPassword() {
        #expect(PostgresURL.redacted("postgres://deck:s3cr@t@db.example:5432/team") == "postgres://deck:***@db.example:5432/team")
        #expect(PostgresURL.redacted("postgresql://ana:p@10.0.0.2/x?sslmode=require") == "postgresql://ana:***@10.0.0.2/x?sslmode=require")
        #expect(PostgresURL.redacted("postgres://ana@host/db") == "postgres://ana@host/db", "no password, nothing hidden")
        #expect(PostgresURL.redacted("postgres://host/db?user=a") == "postgres://host/db?user=a")
        #expect(PostgresURL.isPostgres("POSTGRES://x") && PostgresURL.isPostgres("postgresql://x"))
        #expect(!PostgresURL.isPostgres("spring.deck.sqlite") && !PostgresURL.isPostgres("postgres.deck.sqlite"))
    }

    /// Passwords typed unencoded, in the query, or with the scheme in capitals
    /// (found by the red team: each was printed in full).
    @Test func awkwardPasswordsAreHiddenToo() {
        #expect(PostgresURL.redacted("postgres://rtat:pw/rdx@127.0.0.1:5432/rt1") == "postgres://rtat:***@127.0.0.1:5432/rt1")
        #expect(PostgresURL.redacted("postgres://rtat:ab?xyz@h/rt1") == "postgres://rtat:***@h/rt1")
        #expect(PostgresURL.redacted("postgres://rtat:sec@retpw@h/rt1") == "postgres://rtat:***@h/rt1")
        #expect(PostgresURL.redacted("POSTGRES://deck:s3cret@h/rt1") == "POSTGRES://deck:***@h/rt1")
        #expect(PostgresURL.redacted("postgres:/deck:s3cret@h/rt1") == "postgres:/deck:***@h/rt1", "a slash short")
        #expect(PostgresURL.redacted("postgres://deck@h/nosuch?password=s3cret&sslmode=disable")
                == "postgres://deck@h/nosuch?password=***&sslmode=disable")
        #expect(PostgresURL.isPostgres("Postgres://x") && PostgresURL.isPostgres("postgres:/x"))
        #expect(PostgresURL.normalized("POSTGRES://deck:X@h/db") == "postgres://deck:X@h/db", "libpq knows lower case only")
        // libpq's own words quote pieces of a mistyped URL.
        let url = "postgres://rtat:sec@retpw@127.0.0.1/rt1"
        let scrubbed = PostgresURL.scrubbed("could not translate host name \"retpw@127.0.0.1\" to address", url: url)
        #expect(!scrubbed.contains("retpw"), "\(scrubbed)")
        #expect(PostgresURL.scrubbed("invalid percent-encoded token: \"a%zz\"", url: "postgres://rt:a%zz@h/rt1")
                == "invalid percent-encoded token: \"***\"")
        #expect(PostgresURL.scrubbed("invalid connection option \"POSTGRES://deck:s3cret@h/rt1?connect_timeout\"",
                                     url: "POSTGRES://deck:s3cret@h/rt1").contains("s3cret") == false)
    }

    @Test func aConnectTimeoutIsAddedUnlessGiven() {
        #expect(PostgresURL.addingDefault("postgres://h/db", key: "connect_timeout", value: "10") == "postgres://h/db?connect_timeout=10")
        #expect(PostgresURL.addingDefault("postgres://h/db?a=1", key: "connect_timeout", value: "10") == "postgres://h/db?a=1&connect_timeout=10")
        #expect(PostgresURL.addingDefault("postgres://h/db?connect_timeout=3", key: "connect_timeout", value: "10")
                == "postgres://h/db?connect_timeout=3")
    }

    @Test func placeholdersAreNumberedOutsideQuotes() {
        #expect(PostgresSession.numbered("SELECT ? , ?") == "SELECT $1 , $2")
        #expect(PostgresSession.numbered("SELECT '?' || ?, \"a?\" FROM t WHERE x = ?") == "SELECT '?' || $1, \"a?\" FROM t WHERE x = $2")
        #expect(PostgresSession.numbered("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1", "a doubled quote closes and reopens")
    }
}

/// Against a real server (`CAMPAIGN_DECK_TEST_POSTGRES`); skipped, saying so, without one.
@Suite(.enabled(if: TestEngine.postgresIsOn, TestEngine.skipped), .serialized)
struct PostgresStoreTests {
    @Test func openingMigratesOnceAndAgainFindsNothingToDo() throws {
        let url = try TestEngine.freshSchemaURL()
        let store = try PostgresStore(url: url)
        #expect(try store.appliedMigrations() == PostgresSchema.identifiers)
        let again = try PostgresStore(url: url)
        #expect(try again.appliedMigrations() == PostgresSchema.identifiers)
        #expect(try again.connection.execute("SELECT count(*) FROM campaign_deck_migration").rows == [[String(PostgresSchema.migrations.count)]])
    }

    /// Eight processes' worth of openers at once: one migrates, the others
    /// wait on the advisory lock and find the schema there.
    @Test func openersAtTheSameMomentMigrateOneAfterAnother() throws {
        let url = try TestEngine.freshSchemaURL()
        let failures = LockedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do { _ = try PostgresStore(url: url) } catch { failures.update { $0.append("\(error)") } }
        }
        #expect(failures.value == [])
        #expect(try PostgresStore(url: url).appliedMigrations() == PostgresSchema.identifiers)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedUntouched() throws {
        let url = try TestEngine.freshSchemaURL()
        let store = try PostgresStore(url: url)
        try store.connection.execute("INSERT INTO campaign_deck_migration VALUES ('pg-v99-future', 0)")
        #expect(throws: StoreError.newerSchema(path: PostgresURL.redacted(url), found: PostgresSchema.migrations.count + 1,
                                               known: PostgresSchema.migrations.count)) { try PostgresStore(url: url) }
        // Only a newer version's migration recorded: still "newer", never "v1 of 2".
        let other = try TestEngine.freshSchemaURL()
        let admin = try PostgresConnection(url: other)
        try admin.execute("CREATE TABLE campaign_deck_migration (identifier text PRIMARY KEY, applied_at bigint NOT NULL)")
        try admin.execute("INSERT INTO campaign_deck_migration VALUES ('pg-v99-future', 0)")
        #expect(throws: StoreError.newerSchema(path: PostgresURL.redacted(other), found: PostgresSchema.migrations.count + 1,
                                               known: PostgresSchema.migrations.count)) { try PostgresStore(url: other) }
        #expect(try admin.execute("SELECT count(*) FROM campaign_deck_migration").rows == [["1"]], "touched nothing")
    }

    @Test func valuesRoundTripAtTheirLimits() throws {
        let store = try PostgresStore(url: try TestEngine.freshSchemaURL())
        try store.connection.execute("CREATE TABLE v (i bigint, d double precision, t text)")
        let texts = ["", "tab\there", "new\nline", "quote ' and \" and ?", "中文 营销活动 🎯", "\u{1B}[31mred", String(repeating: "x", count: 100_000)]
        let numbers: [Int64] = [.min, -1, 0, 1, .max]
        let doubles: [Double] = [0.1, -0.0, 1e-300, 1.7976931348623157e308, 12.3, 1.0 / 3.0]
        try store.writeSQL { session in
            for (index, text) in texts.enumerated() {
                try session.execute("INSERT INTO v VALUES (?, ?, ?)",
                                    [.integer(numbers[index % numbers.count]), .real(doubles[index % doubles.count]), .text(text)])
            }
            try session.execute("INSERT INTO v VALUES (?, ?, ?)", [.null, .null, .null])
        }
        let rows = try store.readSQL { try $0.fetchAll("SELECT i, d, t FROM v ORDER BY t NULLS LAST", []) }
        #expect(rows.count == texts.count + 1)
        let back = Dictionary(uniqueKeysWithValues: rows.dropLast().map { ($0.string("t")!, ($0.int64("i")!, $0.double("d")!)) })
        for (index, text) in texts.enumerated() {
            #expect(back[text]?.0 == numbers[index % numbers.count])
            #expect(back[text]?.1 == doubles[index % doubles.count], "a double reads back exactly")
        }
        #expect(rows.last?.int64("i") == nil && rows.last?.string("t") == nil, "NULL stays NULL")
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let store = try PostgresStore(url: try TestEngine.freshSchemaURL())
        try store.connection.execute("CREATE TABLE r (k text PRIMARY KEY)")
        #expect(throws: StoreError.self) {
            try store.writeSQL { session in
                try session.execute("INSERT INTO r VALUES (?)", [.text("a")])
                try session.execute("INSERT INTO r VALUES (?)", [.text("a")]) // unique violation
            }
        }
        #expect(try store.connection.execute("SELECT count(*) FROM r").rows == [["0"]])
        try store.writeSQL { try $0.execute("INSERT INTO r VALUES (?)", [.text("b")]) }
        #expect(try store.connection.execute("SELECT k FROM r").rows == [["b"]], "the connection is usable after a rollback")
    }

    @Test func aWrongPasswordSaysSoWithoutShowingIt() throws {
        let url = try #require(TestEngine.serverURL)
        let parts = try #require(url.range(of: "://").map { url[$0.upperBound...] })
        let user = parts.prefix { $0 != ":" }
        let rest = try #require(parts.range(of: "@")).lowerBound
        let wrong = "postgres://\(user):not-the-password\(parts[rest...])"
        do {
            _ = try PostgresStore(url: wrong)
            Issue.record("a wrong password connected")
        } catch let error as StoreError {
            let text = error.description
            #expect(text.contains("password authentication failed"), "\(text)")
            #expect(!text.contains("not-the-password") && text.contains(":***@"), "\(text)")
        }
    }

    @Test func nobodyListeningOnThePortIsAnErrorNotAHang() throws {
        let started = Date()
        #expect(throws: StoreError.self) { try PostgresStore(url: "postgres://deck:x@127.0.0.1:1/none") }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    /// A change on one connection is announced to another at commit, with the
    /// anomaly's id; a refused change announces nothing; a listener that was
    /// away catches up by `updated_at`.
    @Test func anomalyChangesReachAnotherConnection() throws {
        let url = try TestEngine.freshSchemaURL()
        let writer = try PostgresStore(url: url), listener = try PostgresStore(url: url)
        try listener.listenForAnomalyChanges()
        let log = AnomalyLog(store: writer)
        let before = try listener.readSQL { try listener.anomalyStamp(in: $0) }
        let id = try log.open(ManualAnomaly(title: "site down"), author: "ana", at: 1_000).id
        _ = try log.acknowledge(id: id, owner: "王芳", by: "bo", at: 2_000)
        _ = try log.resolve(id: id, cause: "cdn", by: "bo", at: 3_000)
        #expect(throws: StoreError.anomalyResolved(id: id)) { try log.acknowledge(id: id, by: "carl", at: 4_000) }

        // Channels are the database's: other tests' connections (other schemas) are heard too; keep the writer's.
        let writerPID = writer.connection.backendPID
        func fromWriter() throws -> [PostgresNotification] { try listener.connection.notifications().filter { $0.senderPID == writerPID } }
        var heard: [PostgresNotification] = []
        let deadline = Date().addingTimeInterval(5)
        while heard.count < 3 && Date() < deadline {
            heard += try fromWriter()
            if heard.count < 3 { usleep(20_000) }
        }
        usleep(100_000)
        heard += try fromWriter()
        let schema = try #require(url.components(separatedBy: "search_path%3D").last)
        #expect(heard.map(\.payload) == Array(repeating: "\(schema) \(id)", count: 3), "open, acknowledge, resolve; not the refused one")
        #expect(heard.allSatisfy { $0.channel == PostgresStore.anomalyChannel })
        #expect(try listener.readSQL { try listener.anomalies(stampedAfter: before, in: $0) } == [id])
        #expect(try AnomalyLog(store: listener).anomaly(id: id).owner == "王芳")
    }

    /// Two people resolve one anomaly at the same moment: the row lock takes
    /// them one after the other, so the second sees the first's resolution
    /// and its note says "resolution updated"; the first closing time stays.
    @Test func twoResolvingAtOnceAreTakenInTurnAndBothKept() throws {
        let url = try TestEngine.freshSchemaURL()
        let first = AnomalyLog(store: try PostgresStore(url: url)), second = AnomalyLog(store: try PostgresStore(url: url))
        for round in 0..<10 {
            let id = try first.open(ManualAnomaly(title: "race \(round)"), author: "ana", at: 1_000).id
            DispatchQueue.concurrentPerform(iterations: 2) { who in
                _ = try? (who == 0 ? first : second).resolve(id: id, cause: who == 0 ? "cdn" : "dns", by: who == 0 ? "ana" : "bo",
                                                            at: 2_000 + Int64(who))
            }
            let notes = try first.anomaly(id: id).notes.map(\.text).dropFirst()
            #expect(notes.filter { $0.hasPrefix("resolved; cause: ") }.count == 1, "\(notes)")
            #expect(notes.filter { $0.hasPrefix("resolution updated; cause: ") }.count == 1, "\(notes)")
            #expect(try first.anomaly(id: id).status == .resolved)
        }
    }
}

extension PostgresStoreTests {
    /// A role that may only read lists the log: opening a database at the
    /// current schema writes nothing. A read-only command on a database
    /// without our tables is refused, and makes none.
    @Test func aRoleThatMayOnlyReadCanList() throws {
        let url = try TestEngine.freshSchemaURL()
        let log = AnomalyLog(store: try PostgresStore(url: url))
        _ = try log.open(ManualAnomaly(title: "site down"), author: "ana", at: 1_000)
        let schema = try #require(url.components(separatedBy: "search_path%3D").last)
        let role = "deck_reader_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection(url: try #require(TestEngine.serverURL))
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'reader-pw'")
        try admin.execute("GRANT USAGE ON SCHEMA \(schema) TO \(role)")
        try admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(role)")
        defer {
            _ = try? admin.execute("REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(role)")
            _ = try? admin.execute("REVOKE ALL ON SCHEMA \(schema) FROM \(role)")
            _ = try? admin.execute("DROP ROLE \(role)")
        }
        let server = try #require(TestEngine.serverURL)
        let readerURL = url.replacingOccurrences(of: String(server.prefix(while: { $0 != "@" })),
                                                 with: "postgres://\(role):reader-pw")
        let reader = AnomalyLog(store: try PostgresStore(url: readerURL, create: false))
        #expect(try reader.list().map(\.title) == ["site down"])
        #expect(throws: StoreError.self) { try reader.note(id: 1, text: "x", author: "reader") }

        let empty = try TestEngine.freshSchemaURL()
        #expect(throws: StoreError.noDatabase(path: PostgresURL.redacted(empty), option: "--db")) {
            try PostgresStore(url: empty, create: false)
        }
        let emptySchema = try #require(empty.components(separatedBy: "search_path%3D").last)
        #expect(try admin.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", [emptySchema]).rows
                == [["0"]], "nothing was made")
    }
}

/// A value several threads update (tests only).
final class LockedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}