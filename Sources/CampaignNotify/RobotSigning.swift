import Crypto
import Foundation

/// The signatures DingTalk and Feishu robots check when "signing" is turned
/// on in the group's robot settings. Both are HMAC-SHA256, base64-encoded,
/// but they put the secret in different places.
public enum RobotSigning {
    /// DingTalk: key = secret, message = "<timestamp ms>\n<secret>"; sent as the
    /// `timestamp` and (URL-encoded) `sign` query parameters.
    public static func dingTalk(secret: String, timestampMilliseconds: Int64) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestampMilliseconds)\n\(secret)".utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// Feishu: key = "<timestamp s>\n<secret>", message empty; sent in the JSON
    /// body as `timestamp` (a string of seconds) and `sign`.
    public static func feishu(secret: String, timestampSeconds: Int64) -> String {
        let key = SymmetricKey(data: Data("\(timestampSeconds)\n\(secret)".utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(), using: key)
        return Data(mac).base64EncodedString()
    }

    /// A short stable id: the first 16 hex digits of SHA-256 of the parts.
    public static func fingerprint(_ parts: [String]) -> String {
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        return digest.prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
