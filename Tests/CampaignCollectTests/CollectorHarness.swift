@testable import CampaignCollect
import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder per test, removed afterwards.
final class TemporaryFolder: @unchecked Sendable {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "campaign-deck-collect-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}

/// Runs `body` on a thread of its own: blocking socket calls and the
/// collector's blocking `run` must not hold the few threads Swift
/// concurrency has (the server itself runs on them).
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

enum CollectFixtures {
    static let token = "s3cret-token"

    static func plan() -> Plan {
        let result = PlanLoader.load(yaml: "campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }\n")
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    /// An impression line at `minute` past 2026-03-02T00:00Z.
    static func impression(_ minute: Int, count: Int = 1, channel: String = "douyin") -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "{\"ts\":\"2026-03-02T\(two(minute / 60)):\(two(minute % 60)):00Z\",\"type\":\"impression\","
            + "\"channel\":\"\(channel)\",\"count\":\(count)}\n"
    }
}

/// A collector on 127.0.0.1 (an ephemeral port) over a database in `folder`.
final class RunningCollector: @unchecked Sendable {
    let stop = FollowStop()
    let port: Int
    let database: any StoreEngine
    private let done = DispatchSemaphore(value: 0)
    private let result = LockedResult()

    final class LockedResult: @unchecked Sendable {
        let lock = NSLock()
        var totals: Collector.Totals?
        var failure: String?
    }

    static func start(_ path: String, token: String = CollectFixtures.token,
                      maxBodyBytes: Int = CollectorSettings.defaultMaxBodyBytes) async throws -> RunningCollector {
        let database = try TestEngine.current.store(at: path)
        let settings = CollectorSettings(listen: try ListenAddress(parsing: "127.0.0.1:0"), token: BearerToken(token),
                                         maxBodyBytes: maxBodyBytes)
        let collector = try Collector(database: database, plan: CollectFixtures.plan(), settings: settings)
        let running = await onThread { RunningCollector(collector, database: database) }
        guard running.port > 0 else { throw CollectorDidNotStart(reason: running.result.failure ?? "no address") }
        return running
    }

    struct CollectorDidNotStart: Error { let reason: String }

    private init(_ collector: Collector, database: any StoreEngine) {
        self.database = database
        let listening = DispatchSemaphore(value: 0)
        let address = LockedValueBox()
        let stop = self.stop, done = self.done, result = self.result
        Thread {
            do {
                let totals = try collector.run(until: stop) { bound in
                    address.set(bound)
                    listening.signal()
                }
                result.lock.withLock { result.totals = totals }
            } catch {
                result.lock.withLock { result.failure = String(describing: error) }
                listening.signal()
            }
            done.signal()
        }.start()
        // Generous: the server's tasks run on Swift's cooperative pool, two threads on two
        // cores, where swift-testing also runs the other suites' synchronous tests; while
        // those hold both threads the server cannot start. 180 s was not enough once, with
        // the machine also building (a CI rehearsal beside two other builds, load 10).
        _ = listening.wait(timeout: .now() + 600)
        port = address.get().flatMap { Int($0.split(separator: ":").last ?? "") } ?? 0
    }

    final class LockedValueBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: String?
        func set(_ text: String) { lock.withLock { value = text } }
        func get() -> String? { lock.withLock { value } }
    }

    /// Requests the stop and waits for `run` to return its totals.
    func shutdown() async -> Collector.Totals? {
        stop.request()
        let done = self.done, result = self.result
        return await onThread {
            _ = done.wait(timeout: .now() + 180)
            return result.lock.withLock { result.totals }
        }
    }

    /// (events stored, lines rejected) over everything in the database.
    func stored() throws -> (events: Int64, rejected: Int) {
        let totals = try IngestCheckpoints(database: database).totals()
        return (totals.storedEvents, totals.rejected)
    }
}

/// One HTTP/1.1 exchange over a plain socket, so a test controls every byte
/// (a declared length it never sends, a chunked body) and reads the answer as sent.
struct RawHTTP {
    struct Answer: Sendable {
        var status: Int
        var head: String
        var body: String
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }
    }

    static func request(port: Int, method: String = "POST", path: String = "/v1/events", token: String? = CollectFixtures.token,
                        headers: [String] = [], body: String? = nil) async -> Answer? {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for header in headers { head += header + "\r\n" }
        let bytes = body.map { Array($0.utf8) }
        if let bytes, !headers.contains(where: { $0.lowercased().hasPrefix("content-length") || $0.lowercased().hasPrefix("transfer-encoding") }) {
            head += "Content-Length: \(bytes.count)\r\n"
        }
        let request = Array((head + "\r\n").utf8) + (bytes ?? [])
        return await exchange(port: port, request)
    }

    static func exchange(port: Int, _ request: [UInt8]) async -> Answer? {
        await onThread {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { return nil }
            var sent = 0
            while sent < request.count {
                let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break } // the server may answer and close before taking it all
                sent += n
            }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                received += buffer[0..<n]
            }
            let text = String(decoding: received, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { return nil }
            let head = String(text[..<split.lowerBound])
            let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return Answer(status: status, head: head, body: String(text[split.upperBound...]))
        }
    }
}
