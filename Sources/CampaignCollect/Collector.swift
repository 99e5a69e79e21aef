import CampaignCore
import CampaignStore
import CampaignText
import FlyingFox
import FlyingSocks

import Foundation

/// `campaign-deck collect`: an HTTP server whose posted batches go through the
/// same ingest as `ingest --db` (reader, alert fold, per-minute batch, commit
/// worker), each answered only once it is committed.
public final class Collector: @unchecked Sendable {
    public struct Totals: Sendable, Equatable {
        public var batches = 0
        public var events = 0
        public var rejected = 0
    }

    /// A startup failure a person reads (`<what> (--listen)`).
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// A handler may wait its turn behind many batches (several clients, 32 MiB
    /// each); FlyingFox cancels handlers after this. A cancelled wait still
    /// stores its batch, and the producer's retry with its key is answered once.
    static let handlerTimeout: TimeInterval = 300
    /// How long a stop waits for batches in hand before closing connections.
    static let stopTimeout: TimeInterval = 60

    private let settings: CollectorSettings
    private let desk: BatchDesk
    /// Event posts being handled (read, stored or answered).
    private let inFlight = LockedValue(0)

    public init(database: any StoreEngine, plan: Plan, settings: CollectorSettings) throws {
        var options = IngestOptions()
        // Every answer promises the batch is stored: keep full sync, unlike `ingest`.
        options.relaxedSync = false
        if !plan.notify.isEmpty { options.outbox = OutboxWriting(plan: plan, includePast: false) }
        let ingest = try StoreIngest(database: database, plan: plan, options: options)
        self.settings = settings
        desk = BatchDesk(ingest: ingest, database: database)
    }

    /// Serves until `stop` is requested (or a batch cannot be stored), then
    /// stops accepting, lets the batches in hand commit and be answered, and
    /// returns what was stored. `listening` gets the bound address (with the
    /// real port when given port 0).
    public func run(until stop: FollowStop, listening: @escaping @Sendable (String) -> Void) throws -> Totals {
        let done = DispatchSemaphore(value: 0)
        let failure = LockedValue<Problem?>(nil)
        let task = Task { [self] in
            do {
                try await serve(until: stop, listening: listening)
            } catch let problem as Problem {
                failure.withLock { $0 = problem }
            } catch {
                failure.withLock { $0 = Problem(description: String(describing: error)) }
            }
            done.signal()
        }
        done.wait()
        _ = task
        let stored = desk.finish()
        if let problem = failure.withLock({ $0 }) { throw problem }
        if let reason = desk.failureReason { throw Problem(description: Phrase.collectStoreFailed.text(reason)) }
        return Totals(batches: stored.batches, events: stored.events, rejected: stored.rejected)
    }

    private func serve(until stop: FollowStop, listening: @escaping @Sendable (String) -> Void) async throws {
        let address: any SocketAddress = switch settings.listen.family {
        case .ip4: try sockaddr_in.inet(ip4: settings.listen.host, port: settings.listen.port)
        case .ip6: try sockaddr_in6.inet6(ip6: settings.listen.host, port: settings.listen.port)
        }
        // Replay size 0: a body over one 64 KiB buffer streams to the handler,
        // which stops reading it at the limit instead of FlyingFox buffering it.
        let config = HTTPServer.Configuration(address: address, timeout: Self.handlerTimeout, sharedRequestBufferSize: 65_536,
                                              sharedRequestReplaySize: 0, logger: .disabled)
        let server = HTTPServer(config: config, handler: CollectorRoutes(settings: settings, desk: desk, inFlight: inFlight))
        let bindFailure = LockedValue<String?>(nil)
        let running = Task {
            do {
                try await server.run()
            } catch SocketError.failed(_, _, let message) {
                bindFailure.withLock { $0 = message }
            } catch {
                bindFailure.withLock { $0 = error.localizedDescription }
            }
        }
        // Poll rather than `waitUntilListening`, so a failed bind ends the wait with its error.
        var bound = await server.listeningAddress
        while bound == nil {
            if let failure = bindFailure.withLock({ $0 }) {
                throw Problem(description: Phrase.collectBindFailed.text(settings.listen.description, failure))
            }
            try await Task.sleep(nanoseconds: 10_000_000)
            bound = await server.listeningAddress
        }
        switch bound {
        case .ip4(let host, let port): listening("\(host):\(port)")
        case .ip6(let host, let port): listening("[\(host)]:\(port)")
        default: listening(settings.listen.description)
        }
        while !stop.isRequested && !desk.hasFailed {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        // Closing the listening socket: no new connections, and idle ones end.
        // FlyingFox's stop waits its whole timeout whenever its accept loop does
        // not notice the closed socket, so wait for the requests in hand here
        // (each commits and is answered), then end the server.
        let stopping = Task { await server.stop(timeout: Self.stopTimeout) }
        let deadline = ContinuousClock.now + .seconds(Self.stopTimeout)
        while inFlight.withLock({ $0 }) > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        // The last answers are written just after their handlers return.
        try? await Task.sleep(nanoseconds: 200_000_000)
        running.cancel()
        stopping.cancel()
    }
}
