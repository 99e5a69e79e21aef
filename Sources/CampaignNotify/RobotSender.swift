import CampaignCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts requests over HTTP with Foundation's URLSession (libcurl on Linux):
/// it ships with the toolchain, speaks HTTPS and proxies, and a sender posts
/// a few messages a minute, so nothing faster is needed.
public struct RobotSender: Sendable {
    public var timeoutSeconds: Double

    public init(timeoutSeconds: Double = 10) {
        self.timeoutSeconds = timeoutSeconds
    }

    public struct TransportError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends one request and waits for the answer (or the timeout).
    public func send(_ request: RobotRequest, kind: NotifyChannel.Kind) -> Result<RobotAnswer, TransportError> {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeoutSeconds)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = request.body
        urlRequest.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        let outcome = Outcome()
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                outcome.set(.failure(TransportError(description: error.localizedDescription)))
            } else if let response = response as? HTTPURLResponse {
                outcome.set(.success(RobotAnswer(kind: kind, httpStatus: response.statusCode, body: data ?? Data())))
            } else {
                outcome.set(.failure(TransportError(description: DeliveryProblemWords.noAnswer)))
            }
        }
        task.resume()
        return outcome.wait()
    }

    /// The answer handed from URLSession's delegate queue to the waiting caller.
    private final class Outcome: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: Result<RobotAnswer, TransportError>?

        func set(_ value: Result<RobotAnswer, TransportError>) {
            condition.withLock { result = value; condition.broadcast() }
        }

        func wait() -> Result<RobotAnswer, TransportError> {
            condition.withLock {
                while result == nil { condition.wait() }
                return result!
            }
        }
    }
}
