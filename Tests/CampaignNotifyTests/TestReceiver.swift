import CampaignCore
@testable import CampaignNotify
import FlyingFox
import Foundation

/// A real HTTP server on 127.0.0.1 (an ephemeral port) standing in for a
/// robot: it keeps every request and answers what the test scripts.
actor TestReceiver {
    struct Received: Sendable {
        var path: String
        var query: [String: String]
        var body: Data
        var contentType: String?
    }

    private let server: HTTPServer
    private var task: Task<Void, Error>?
    private(set) var received: [Received] = []
    /// Status and body for each answer; the last one repeats.
    private var answers: [(status: HTTPStatusCode, body: String)]

    init(answers: [(status: HTTPStatusCode, body: String)]) {
        self.answers = answers
        server = HTTPServer(address: try! .inet(ip4: "127.0.0.1", port: 0))
    }

    /// Starts listening and returns the base URL (`http://127.0.0.1:PORT`).
    func start() async throws -> String {
        await server.appendRoute("POST *") { [self] request in
            let body = try await request.bodyData
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            return await self.take(Received(path: request.path, query: query, body: body,
                                            contentType: request.headers[.contentType]))
        }
        let server = self.server
        task = Task { try await server.run() }
        // Poll rather than `waitUntilListening`, so a failed bind ends the wait with its error.
        for _ in 0..<500 {
            if case .ip4(_, let port) = await server.listeningAddress { return "http://127.0.0.1:\(port)" }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        task?.cancel()
        _ = try await task?.value
        throw URLError(.cannotConnectToHost)
    }

    private func take(_ request: Received) -> HTTPResponse {
        received.append(request)
        let answer = answers.count > 1 ? answers.removeFirst() : answers[0]
        return HTTPResponse(statusCode: answer.status, headers: [.contentType: "application/json"],
                            body: Data(answer.body.utf8))
    }

    func stop() async {
        await server.stop(timeout: 1)
        task?.cancel()
    }
}

extension RobotSender {
    /// `send` blocks its thread until the answer; the receiver runs on Swift's
    /// cooperative pool (two threads on a two-core machine), so a blocking send
    /// from a test task could starve it. Send from a thread of its own.
    func sendOffThePool(_ request: RobotRequest, kind: NotifyChannel.Kind) async -> Result<RobotAnswer, TransportError> {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: send(request, kind: kind)) }.start()
        }
    }
}
