import CampaignText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the collector listens: `HOST:PORT`, `[IPv6]:PORT`, or a bare `PORT`,
/// which means loopback: a collector is reachable from elsewhere only when
/// someone writes another address on purpose.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public enum Family: Sendable, Equatable { case ip4, ip6 }

    public var host: String
    public var port: UInt16
    public var family: Family

    public static let loopback = "127.0.0.1"

    /// An error a person reads: `<what> (--listen)`.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws(Problem) {
        let hostText: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            // [IPv6]:PORT; the brackets keep the address's colons apart from the port's.
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw Problem(description: Phrase.collectListenShape.text(text))
            }
            hostText = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
            if hostText.contains(":") { throw Problem(description: Phrase.collectListenShape.text(text)) }
        } else {
            hostText = Substring(Self.loopback)
            portText = Substring(text)
        }
        guard !hostText.isEmpty, !portText.isEmpty else { throw Problem(description: Phrase.collectListenShape.text(text)) }
        guard portText.allSatisfy(\.isASCII), let port = UInt16(portText) else {
            throw Problem(description: Phrase.collectListenPort.text(String(portText)))
        }
        let host = hostText == "localhost" ? Self.loopback : String(hostText)
        if Self.isAddress(host, family: AF_INET) {
            family = .ip4
        } else if Self.isAddress(host, family: AF_INET6) {
            family = .ip6
        } else {
            throw Problem(description: Phrase.collectListenHost.text(String(hostText)))
        }
        self.host = host
        self.port = port
    }

    public var description: String { family == .ip6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func isAddress(_ host: String, family: Int32) -> Bool {
        var storage = in6_addr() // large enough for either family
        return inet_pton(family, host, &storage) == 1
    }
}
