@testable import CampaignCollect
import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// The collector over real HTTP on 127.0.0.1: tokens, answers only after the
/// batch is stored, idempotency keys, the size limit and the refusals.
/// Serialized: each test runs a server, and the machine has two cores.
@Suite(.serialized) struct CollectorServerTests {
    let folder = TemporaryFolder()

    @Test func healthNeedsNoTokenAndPostsNeedTheRightOne() async throws {
        let collector = try await RunningCollector.start(folder.file("a.sqlite"))
        let health = await RawHTTP.request(port: collector.port, method: "GET", path: "/healthz", token: nil)
        #expect(health?.status == 200)
        let line = CollectFixtures.impression(0)
        let missing = await RawHTTP.request(port: collector.port, token: nil, body: line)
        #expect(missing?.status == 401)
        #expect(missing?.json?["error"] as? String == "missing or wrong bearer token")
        let wrong = await RawHTTP.request(port: collector.port, token: "s3cret-tokeN", body: line)
        #expect(wrong?.status == 401)
        let longer = await RawHTTP.request(port: collector.port, token: CollectFixtures.token + "x", body: line)
        #expect(longer?.status == 401)
        #expect(try collector.stored().events == 0, "a refused batch stores nothing")
        let right = await RawHTTP.request(port: collector.port, body: line)
        #expect(right?.status == 200)
        #expect(right?.body == #"{"accepted": 1, "rejected": 0, "skipped": 0, "rejects": []}"# + "\n")
        // The 200 came after the commit: the database holds the event now, before any stop.
        #expect(try collector.stored().events == 1)
        #expect(await collector.shutdown() == Collector.Totals(batches: 1, events: 1, rejected: 0))
    }

    @Test func rejectsCarryLineReasonAndExcerptAndSkippedTypesAreCounted() async throws {
        let collector = try await RunningCollector.start(folder.file("a.sqlite"))
        // Line 2 is not JSON, line 4 has no type, line 5 is a type this version does not know.
        let body = CollectFixtures.impression(0, count: 7) + "not json\n" + CollectFixtures.impression(1, count: 3)
            + "{\"ts\":\"2026-03-02T00:02:00Z\"}\n" + "{\"ts\":\"2026-03-02T00:02:00Z\",\"type\":\"hologram\"}"
        let answer = await RawHTTP.request(port: collector.port, headers: ["Content-Type: text/plain"], body: body)
        #expect(answer?.status == 200, "Content-Type is ignored")
        #expect(answer?.body == """
            {"accepted": 2, "rejected": 2, "skipped": 1, "rejects": [{"line": 2, "reason": "invalid JSON: expected '{' at byte 1", \
            "excerpt": "not json"},{"line": 4, "reason": "missing 'type'", "excerpt": "{\\"ts\\":\\"2026-03-02T00:02:00Z\\"}"}]}

            """)
        #expect(try collector.stored() == (2, 2))
        _ = await collector.shutdown()
    }

    @Test func aJSONArrayIsOneEventPerElementNumberedByPosition() async throws {
        let collector = try await RunningCollector.start(folder.file("a.sqlite"))
        // Pretty-printed over several lines, a string holding `,]}` and an escaped quote, and a bad element.
        let body = """
            [
              {"ts": "2026-03-02T00:00:00Z", "type": "impression",
               "campaign": "a,]}\\"b", "count": 4},
              42,
              {"ts": "2026-03-02T00:01:00Z", "type": "click", "extra": [1, {"x": [2]}]}
            ]
            """
        let answer = await RawHTTP.request(port: collector.port, body: body)
        #expect(answer?.status == 200)
        let json = try #require(answer?.json)
        #expect(json["accepted"] as? Int == 2 && json["rejected"] as? Int == 1)
        let rejects = try #require(json["rejects"] as? [[String: Any]])
        #expect(rejects.count == 1 && rejects.first?["line"] as? Int == 2 && rejects.first?["excerpt"] as? String == "42")
        #expect(rejects.first?["reason"] as? String == "not a JSON object: found a number")
        let empty = await RawHTTP.request(port: collector.port, body: " [ ] ")
        #expect(empty?.body == #"{"accepted": 0, "rejected": 0, "skipped": 0, "rejects": []}"# + "\n")
        #expect(try collector.stored() == (2, 1))
        _ = await collector.shutdown()
    }

    @Test func aRetriedBatchWithItsKeyCountsOnceAndAnotherBodyUnderTheKeyIs422() async throws {
        let path = folder.file("a.sqlite")
        let collector = try await RunningCollector.start(path)
        let batch = CollectFixtures.impression(0, count: 5) + "oops\n" + CollectFixtures.impression(1, count: 2)
        let first = await RawHTTP.request(port: collector.port, headers: ["Idempotency-Key: batch-1"], body: batch)
        let retry = await RawHTTP.request(port: collector.port, headers: ["Idempotency-Key: batch-1"], body: batch)
        #expect(first?.status == 200 && retry?.status == 200)
        #expect(retry?.body == first?.body, "the retry gets the first answer")
        #expect(first?.json?["accepted"] as? Int == 2)
        #expect(try collector.stored() == (2, 1), "two events and one rejected line, once")
        let other = await RawHTTP.request(port: collector.port, headers: ["Idempotency-Key: batch-1"],
                                          body: CollectFixtures.impression(2))
        #expect(other?.status == 422)
        #expect(try collector.stored() == (2, 1))
        // Without a key the same body is a new batch.
        _ = await RawHTTP.request(port: collector.port, body: batch)
        #expect(try collector.stored() == (4, 2))
        #expect(await collector.shutdown() == Collector.Totals(batches: 2, events: 4, rejected: 2))

        // The key outlives the process (it is in the database) ...
        let again = try await RunningCollector.start(path)
        let afterRestart = await RawHTTP.request(port: again.port, headers: ["Idempotency-Key: batch-1"], body: batch)
        #expect(afterRestart?.body == first?.body)
        #expect(try again.stored() == (4, 2))
        _ = await again.shutdown()
        // ... and is scoped to its token: another token's batch-1 is another batch.
        let otherToken = try await RunningCollector.start(path, token: "another-token")
        let scoped = await RawHTTP.request(port: otherToken.port, token: "another-token",
                                           headers: ["Idempotency-Key: batch-1"], body: batch)
        #expect(scoped?.status == 200)
        #expect(try otherToken.stored() == (6, 3))
        _ = await otherToken.shutdown()
    }

    @Test func keysAreForgottenAfter24Hours() throws {
        let database = try TestEngine.current.store(at: folder.file("a.sqlite"))
        let key = CollectorBatchKey(tokenHash: BearerToken("t").hash, key: "k", bodyHash: BearerToken.sha256(Array("b".utf8)))
        let commit = CollectorCommit(key: key, answer: "{}", bytes: 1, stats: IngestStatsDelta())
        let stored: Int64 = 1_800_000_000_000
        try database.writeSQL { session in try CollectorBatches.save(commit, source: "s", now: stored, session) }
        let day = CollectorBatches.keyLifetimeMilliseconds
        #expect(try CollectorBatches.lookup(key, now: stored + day - 1, in: database) == .repeated(answer: "{}"))
        #expect(try CollectorBatches.lookup(key, now: stored + day, in: database) == .new)
        var other = key
        other.bodyHash = BearerToken.sha256(Array("c".utf8))
        #expect(try CollectorBatches.lookup(other, now: stored + 1, in: database) == .conflicting)
        // A later commit clears keys past their day.
        try database.writeSQL { db in try CollectorBatches.save(CollectorCommit(key: nil, answer: "", bytes: 0, stats: IngestStatsDelta()),
                                                             source: "s", now: stored + day, db) }
        #expect(try database.readSQL { try $0.fetchInt64("SELECT count(*) AS kept FROM collector_batch") } == 0)
    }

    @Test func aBodyOverTheLimitIs413WithoutBeingRead() async throws {
        let collector = try await RunningCollector.start(folder.file("a.sqlite"), maxBodyBytes: 1_000)
        // A declared gigabyte that is never sent: the answer comes at once.
        let declared = await RawHTTP.request(port: collector.port, headers: ["Content-Length: 1073741824"], body: "")
        #expect(declared?.status == 413)
        // A chunked body: counted as it streams.
        let line = CollectFixtures.impression(0) // 79 bytes
        var chunked = ""
        for _ in 0..<13 { chunked += String(line.utf8.count, radix: 16) + "\r\n" + line + "\r\n" }
        chunked += "0\r\n\r\n"
        let over = await RawHTTP.request(port: collector.port, headers: ["Transfer-Encoding: chunked"], body: chunked)
        #expect(over?.status == 413, "13 × \(line.utf8.count) bytes is over 1,000")
        let exactly = String(repeating: line, count: 1_000 / line.utf8.count)
        let under = await RawHTTP.request(port: collector.port, body: exactly)
        #expect(under?.status == 200 && under?.json?["accepted"] as? Int == 1_000 / line.utf8.count)
        #expect(try collector.stored().events == Int64(1_000 / line.utf8.count))
        _ = await collector.shutdown()
    }

    @Test func bodiesThatAreNotEventsAre400AndOtherRequests404Or405() async throws {
        let collector = try await RunningCollector.start(folder.file("a.sqlite"))
        let cases: [(String, String)] = [
            ("", "the body is empty: send JSON Lines or a JSON array of events"),
            ("hello", "the body is neither JSON Lines (one event object per line) nor a JSON array of events"),
            ("[{\"ts\": 1, \"type\": \"click\"}", "the JSON array is not closed with ']'"),
            ("[{\"ts\": 1, \"type\": \"click\"}] x", "text after the end of the JSON array"),
            ("[{\"ts\": 1, \"type\": \"click\"},,1]", "element 2 of the JSON array is empty"),
            ("[\"unterminated]", "the JSON array is not closed with ']'"),
        ]
        for (body, reason) in cases {
            let answer = await RawHTTP.request(port: collector.port, body: body)
            #expect(answer?.status == 400, "\(body)")
            #expect(answer?.json?["error"] as? String == reason, "\(body)")
        }
        let badKey = await RawHTTP.request(port: collector.port, headers: ["Idempotency-Key: " + String(repeating: "k", count: 201)],
                                           body: CollectFixtures.impression(0))
        #expect(badKey?.status == 400)
        #expect(await RawHTTP.request(port: collector.port, path: "/v1/event", body: "{}")?.status == 404)
        #expect(await RawHTTP.request(port: collector.port, method: "GET", path: "/v1/events")?.status == 405)
        #expect(await RawHTTP.request(port: collector.port, method: "POST", path: "/healthz", body: "")?.status == 405)
        #expect(try collector.stored() == (0, 0))
        _ = await collector.shutdown()
    }

    @Test func concurrentPostsAreEachStoredOnce() async throws {
        let collector = try await RunningCollector.start(folder.file("a.sqlite"))
        let port = collector.port
        // 8 clients × 5 batches × 20 lines; minutes spread so no time jump.
        let answers = await withTaskGroup(of: Int.self) { group in
            for client in 0..<8 {
                group.addTask {
                    var accepted = 0
                    for batch in 0..<5 {
                        let body = (0..<20).map { CollectFixtures.impression(client * 100 + batch * 20 + $0, channel: "c\(client)") }.joined()
                        let answer = await RawHTTP.request(port: port, headers: ["Idempotency-Key: \(client)-\(batch)"], body: body)
                        accepted += answer?.json?["accepted"] as? Int ?? 0
                    }
                    return accepted
                }
            }
            return await group.reduce(0, +)
        }
        #expect(answers == 800)
        #expect(try collector.stored() == (800, 0))
        #expect(await collector.shutdown() == Collector.Totals(batches: 40, events: 800, rejected: 0))
    }

    @Test func aTakenPortIsAClearError() async throws {
        let first = try await RunningCollector.start(folder.file("a.sqlite"))
        let database = try TestEngine.current.store(at: folder.file("b.sqlite"))
        let settings = CollectorSettings(listen: try ListenAddress(parsing: "127.0.0.1:\(first.port)"), token: BearerToken("t"))
        let second = try Collector(database: database, plan: CollectFixtures.plan(), settings: settings)
        let failure: String? = await onThread {
            do { _ = try second.run(until: FollowStop()) { _ in }; return nil } catch { return String(describing: error) }
        }
        #expect(failure == "cannot listen on 127.0.0.1:\(first.port): Address already in use (--listen)")
        _ = await first.shutdown()
    }
}
