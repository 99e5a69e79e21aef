import CampaignStore
import CampaignText
import FlyingFox
import Foundation

/// Answers one request: `GET /healthz`, `POST /v1/events`, and 404/405 for
/// the rest. Checks the token before reading a byte of the body, and stops
/// reading a body as soon as it is over the limit.
struct CollectorRoutes: HTTPHandler {
    let settings: CollectorSettings
    let desk: BatchDesk
    let inFlight: LockedValue<Int>

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch request.path {
        case "/healthz":
            guard request.method == .GET || request.method == .HEAD else { return notAllowed("GET") }
            return CollectorAnswer.json(.ok, #"{"status": "ok"}"#)
        case "/v1/events":
            guard request.method == .POST else { return notAllowed("POST") }
            inFlight.withLock { $0 += 1 }
            defer { inFlight.withLock { $0 -= 1 } }
            return try await post(request)
        default:
            return CollectorAnswer.error(.notFound, "no such path: POST /v1/events or GET /healthz")
        }
    }

    private func notAllowed(_ allowed: String) -> HTTPResponse {
        CollectorAnswer.error(.methodNotAllowed, "method not allowed: use \(allowed)", headers: [HTTPHeader("Allow"): allowed])
    }

    private func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard settings.token.accepts(authorization: request.headers[.authorization]) else {
            return CollectorAnswer.error(.unauthorized, "missing or wrong bearer token",
                                         headers: [HTTPHeader("WWW-Authenticate"): "Bearer"])
        }
        if desk.hasFailed { return CollectorAnswer.error(.serviceUnavailable, "the collector cannot store batches") }
        let keyText = request.headers[HTTPHeader("Idempotency-Key")]
        if let keyText, keyText.isEmpty || keyText.utf8.count > CollectorSettings.maxKeyLength {
            return CollectorAnswer.error(.badRequest, "Idempotency-Key must be 1 to \(CollectorSettings.maxKeyLength) bytes")
        }
        guard let body = try await readBody(request) else {
            // The rest of the body is never read; the connection ends after this answer.
            return CollectorAnswer.error(.payloadTooLarge, "the body is over \(settings.maxBodyBytes) bytes (--max-body-bytes)",
                                         headers: [.connection: "close"])
        }
        let lines: [UInt8]
        do {
            lines = try EventBody.lines(of: body)
        } catch {
            return CollectorAnswer.error(.badRequest, error.reason)
        }
        let key = keyText.map { CollectorBatchKey(tokenHash: settings.token.hash, key: $0, bodyHash: BearerToken.sha256(body)) }
        switch await desk.post(lines: lines, key: key) {
        case .stored(let answer), .repeated(let answer):
            return CollectorAnswer.json(.ok, answer)
        case .conflicting:
            return CollectorAnswer.error(.unprocessableContent, "Idempotency-Key was already used with a different body")
        case .failed(let reason):
            return CollectorAnswer.error(.serviceUnavailable, "the batch was not stored: \(reason)")
        }
    }

    /// The whole body, or nil as soon as it is over the limit (a declared
    /// length over it is refused before reading anything).
    /// A producer that goes away mid-body throws: nothing is stored.
    private func readBody(_ request: HTTPRequest) async throws -> [UInt8]? {
        if let declared = request.bodySequence.count, declared > settings.maxBodyBytes { return nil }
        var body: [UInt8] = []
        for try await chunk in request.bodySequence {
            if body.count + chunk.count > settings.maxBodyBytes { return nil }
            body.append(contentsOf: chunk)
        }
        return body
    }
}
