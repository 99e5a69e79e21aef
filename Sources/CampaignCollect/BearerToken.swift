import Crypto
import Foundation

/// The one token producers must send, checked in constant time, and the
/// SHA-256 that scopes idempotency keys to it in the database.
public struct BearerToken: Sendable {
    private let expected: [UInt8]
    /// SHA-256 of the token in hex (the token itself is never stored).
    public let hash: String

    public init(_ token: String) {
        expected = Array(token.utf8)
        hash = Self.sha256(expected)
    }

    /// True when `authorization` is `Bearer <the token>`. Compares every byte
    /// whatever the first difference, so the time taken does not tell an
    /// attacker how much of a guess was right; only the length can differ early
    /// (and the length of a random token is no secret worth keeping).
    public func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let prefix = "Bearer "
        guard authorization.count > prefix.count,
              authorization.prefix(prefix.count).lowercased() == prefix.lowercased() else { return false }
        let given = Array(authorization.utf8.dropFirst(prefix.utf8.count))
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<given.count { difference |= given[index] ^ expected[index] }
        return difference == 0
    }

    public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined()
    }
}
