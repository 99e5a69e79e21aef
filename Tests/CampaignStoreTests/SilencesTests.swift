import GRDB
@testable import CampaignCore
@testable import CampaignStore
import StoreTestEngines
import Testing

/// Silences are kept, never deleted: listed while active (or all of them),
/// ended by hand once, and matched against a message's rule and scope on
/// the wall clock the caller gives.
@Suite struct SilencesTests {
    let folder = TemporaryFolder()
    let database: DeckDatabase
    let silences: Silences

    init() throws {
        database = try DeckDatabase(path: folder.file("silences.deck.sqlite"))
        silences = Silences(database: database)
    }

    @Test func aSilenceIsStoredAsGiven() throws {
        let added = try silences.add(rule: "CTR low", scope: "douyin", endsAt: 7_201_000, comment: "creative swap",
                                     createdBy: "ana@deck", now: 1_000)
        #expect(added == Silence(id: 1, rule: "CTR low", scope: "douyin", startsAt: 1_000, endsAt: 7_201_000,
                                 comment: "creative swap", createdBy: "ana@deck", createdAt: 1_000))
        #expect(try silences.list(all: true, at: 1_000) == [added])
        let row = try database.read { db in try Row.fetchOne(db, sql: "SELECT scope, expired_at FROM silences") }
        #expect(row?["scope"] == "douyin" && (row?["expired_at"] as DatabaseValue?)?.isNull == true)
    }

    @Test(arguments: TestEngine.all) func theListShowsWhatIsActiveAndAllShowsEverything(engine: TestEngine) throws {
        let silences = Silences(database: try engine.store(folder))
        let short = try silences.add(rule: "CTR low", scope: nil, endsAt: 2_000, comment: "a", createdBy: "u@h", now: 1_000)
        let long = try silences.add(rule: "CPA high", scope: "total", endsAt: 9_000, comment: "b", createdBy: "u@h", now: 1_500)
        #expect(try silences.list(all: false, at: 1_999) == [short, long])
        #expect(try silences.list(all: false, at: 2_000) == [long], "an end is exclusive")
        #expect(try silences.active(at: 9_000).isEmpty)
        #expect(try silences.list(all: true, at: 9_000) == [short, long])
    }

    @Test(arguments: TestEngine.all) func expiringEndsItNowAndOnlyOnce(engine: TestEngine) throws {
        let silences = Silences(database: try engine.store(folder))
        let added = try silences.add(rule: "CTR low", scope: "douyin", endsAt: 10_000, comment: "x", createdBy: "u@h", now: 1_000)
        let expired = try silences.expire(id: added.id, at: 4_000)
        #expect(expired.endsAt == 4_000 && expired.expiredAt == 4_000 && expired.state(at: 4_000) == .expired)
        #expect(try silences.list(all: true, at: 4_000) == [expired], "kept, with its new end")
        #expect(try silences.silence(for: "CTR low", scope: "douyin", at: 4_000) == nil)
        #expect(try silences.silence(for: "CTR low", scope: "douyin", at: 3_999) == expired, "it did cover the time before it was ended")
        #expect(throws: StoreError.silenceEnded(id: added.id, byHand: true)) { try silences.expire(id: added.id, at: 5_000) }
        #expect(throws: StoreError.unknownSilence(id: 42)) { try silences.expire(id: 42, at: 5_000) }
        // One that ran out by itself cannot be expired either, and says why.
        let ranOut = try silences.add(rule: "CTR low", scope: nil, endsAt: 6_000, comment: "y", createdBy: "u@h", now: 5_000)
        #expect(throws: StoreError.silenceEnded(id: ranOut.id, byHand: false)) { try silences.expire(id: ranOut.id, at: 6_000) }
        #expect(StoreError.silenceEnded(id: 2, byHand: false).description
                == "silence 2 has already ended (it ran out); there is nothing to expire (silence 2)")
        #expect(StoreError.unknownSilence(id: 42).isBadInput)
    }

    @Test(arguments: TestEngine.all) func theMatcherTakesRuleScopeAndTime(engine: TestEngine) throws {
        let silences = Silences(database: try engine.store(folder))
        let douyin = try silences.add(rule: "CTR low", scope: "douyin", endsAt: 5_000, comment: "a", createdBy: "u@h", now: 1_000)
        let total = try silences.add(rule: "CPA high", scope: "total", endsAt: 5_000, comment: "b", createdBy: "u@h", now: 1_000)
        #expect(try silences.silence(for: "CTR low", scope: "douyin", at: 2_000) == douyin)
        #expect(try silences.silence(for: "CTR low", scope: "search", at: 2_000) == nil)
        #expect(try silences.silence(for: "CPA high", scope: "", at: 2_000) == total, "a total notice has an empty scope")
        #expect(try silences.silence(for: "CTR low", scope: "douyin", at: 999) == nil, "not before it was made")
    }

    @Test(arguments: TestEngine.all) func theTableRefusesASilenceWithoutACommentOrEndingBeforeItStarts(engine: TestEngine) throws {
        let silences = Silences(database: try engine.store(folder))
        #expect(throws: StoreError.self) {
            try silences.add(rule: "CTR low", scope: nil, endsAt: 2_000, comment: "  ", createdBy: "u@h", now: 1_000)
        }
        #expect(throws: StoreError.self) {
            try silences.add(rule: "CTR low", scope: nil, endsAt: 999, comment: "x", createdBy: "u@h", now: 1_000)
        }
        #expect(try silences.list(all: true, at: 0).isEmpty)
    }

    @Test func theSchemaHasTheSilencesMigration() throws {
        // Eighth, where it was released; later migrations follow it (never `.last`: others are appended).
        #expect(DeckSchema.identifiers.firstIndex(of: "v8-silences") == 7)
        #expect(try database.schemaVersion() == DeckSchema.currentVersion)
    }
}
