@_exported import FlyingFox
import Foundation

/// A real HTTP server on 127.0.0.1 (an ephemeral port) standing in for a
/// robot: it keeps every request and answers what the test scripts.
public actor TestReceiver {
    public struct Received: Sendable {
        public var path: String
        public var query: [String: String]
        public var body: Data
        public var contentType: String?
    }

    private let server: HTTPServer
    private var task: Task<Void, Error>?
    public private(set) var received: [Received] = []
    /// Status and body for each answer; the last one repeats.
    private var answers: [(status: HTTPStatusCode, body: String)]

    public init(answers: [(status: HTTPStatusCode, body: String)]) {
        self.answers = answers
        server = HTTPServer(address: try! .inet(ip4: "127.0.0.1", port: 0))
    }

    /// Starts listening and returns the base URL (`http://127.0.0.1:PORT`).
    public func start() async throws -> String {
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

    public func stop() async {
        await server.stop(timeout: 1)
        task?.cancel()
    }
}
