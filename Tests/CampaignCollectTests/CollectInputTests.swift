@testable import CampaignCollect
import CampaignText
import Foundation
import Testing

/// `--listen` addresses, the token check and the cutting of bodies into
/// event lines; their messages in English and in Chinese.
@Suite struct CollectInputTests {
    static func problem(_ text: String) -> String? {
        do { _ = try ListenAddress(parsing: text); return nil } catch { return error.description }
    }

    static let badAddresses = ["", "127.0.0.1:", ":8427", "127.0.0.1:70000", "127.0.0.1:http", "example.com:80",
                               "::1:8427", "[::1]8427", "[nope]:1", "127.0.0.1:-1", "127.0.0.1:８４"]

    @Test func addressesAndTheirDefaults() throws {
        #expect(try ListenAddress(parsing: "8427") == ListenAddress(parsing: "127.0.0.1:8427"))
        #expect(try ListenAddress(parsing: "8427").description == "127.0.0.1:8427", "a port alone is loopback")
        #expect(try ListenAddress(parsing: "localhost:80").host == "127.0.0.1")
        #expect(try ListenAddress(parsing: "0.0.0.0:0").port == 0)
        let six = try ListenAddress(parsing: "[::1]:65535")
        #expect(six.family == .ip6 && six.host == "::1" && six.port == 65535 && six.description == "[::1]:65535")
    }

    @Test func badAddressesSayWhatIsWrong() {
        #expect(Self.problem("127.0.0.1:") == "cannot listen on '127.0.0.1:': expected HOST:PORT, [IPv6]:PORT or PORT (--listen)")
        #expect(Self.problem("127.0.0.1:70000") == "port '70000' is not a number from 0 to 65535 (--listen)")
        #expect(Self.problem("127.0.0.1:http") == "port 'http' is not a number from 0 to 65535 (--listen)")
        #expect(Self.problem("example.com:80") == "'example.com' is not an IP address (--listen)")
        #expect(Self.problem("::1:8427") == "cannot listen on '::1:8427': expected HOST:PORT, [IPv6]:PORT or PORT (--listen)")
        for text in Self.badAddresses { #expect(Self.problem(text)?.hasSuffix("(--listen)") == true, "\(text)") }
    }

    /// The message without what the person typed ('…', quoted as data).
    static func withoutData(_ message: String) -> String {
        message.replacingOccurrences(of: "'[^']*'", with: "", options: .regularExpression)
    }

    @Test func messagesInChineseHaveNoEnglishWords() {
        Language.$override.withValue(.chinese) {
            #expect(Self.problem("127.0.0.1:70000") == "端口 '70000' 不是 0 到 65535 之间的数字（--listen）")
            #expect(Self.problem("example.com:80") == "'example.com' 不是 IP 地址（--listen）")
            for text in Self.badAddresses {
                let message = Self.problem(text) ?? ""
                #expect(EnglishWords.find(in: Self.withoutData(message)).isEmpty, "\(message)")
            }
            let others = [Phrase.collectTokenUnset.text("CAMPAIGN_DECK_TOKEN"),
                          Phrase.collectBindFailed.text("127.0.0.1:8427", "地址已被占用"),
                          Phrase.collectListening.text("127.0.0.1:8427"),
                          Phrase.collectStopped.text(3, 2_000, 1), Phrase.collectStoreFailed.text("磁盘已满"),
                          Phrase.collectAbstract.text(), Phrase.collectDiscussion.text(), Phrase.collectListenHelp.text(),
                          Phrase.collectTokenEnvHelp.text(), Phrase.collectMaxBodyHelp.text()]
            for message in others { #expect(EnglishWords.find(in: Self.withoutData(message)).isEmpty, "\(message)") }
            #expect(Phrase.collectStopped.text(3, 2_000, 1) == "已停止：共存入 3 个批次，接收 2000 个事件，拒收 1 行")
            #expect(Phrase.collectTokenUnset.text("T") == "环境变量 'T' 未设置或为空：请设为数据源发送的令牌（--token-env）")
        }
    }

    @Test func tokensMatchExactlyAfterBearer() {
        let token = BearerToken("abc")
        #expect(token.accepts(authorization: "Bearer abc"))
        #expect(token.accepts(authorization: "bearer abc"), "the scheme is case-insensitive (RFC 9110)")
        for given in [nil, "", "Bearer", "Bearer ", "Bearer ab", "Bearer abcd", "Bearer abd", "Basic abc", "abc", "Bearer  abc"] {
            #expect(!token.accepts(authorization: given), "\(given ?? "nil")")
        }
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        #expect(token.hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    static func lines(_ body: String) -> String? {
        (try? EventBody.lines(of: Array(body.utf8))).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func bodiesBecomeOneLinePerEvent() {
        #expect(Self.lines("{\"a\":1}\nx\n") == "{\"a\":1}\nx\n", "JSON Lines pass as they are")
        #expect(Self.lines("\u{FEFF} \n{\"a\":1}") == "{\"a\":1}", "a byte-order mark and blank lines before are dropped")
        #expect(Self.lines("[{\"a\":1},{\"b\":[2,3]}]") == "{\"a\":1}\n{\"b\":[2,3]}\n")
        #expect(Self.lines("[\n {\"a\":\n  1} ,\n 2 ]\n") == "{\"a\":   1}\n2\n", "line breaks between tokens become blanks")
        #expect(Self.lines(#"[{"s":"],}\"["}]"#) == #"{"s":"],}\"["}"# + "\n", "brackets and commas in strings are text")
        #expect(Self.lines("[\"a\nb\"]") == "\"a\u{1}b\"\n", "a raw line break in a string stays invalid on its one line")
        #expect(Self.lines("[]") == "")
        for bad in ["", " \n ", "x", "[", "[1", "[1,]", "[,1]", "[1] 2", "[1}"] { #expect(Self.lines(bad) == nil, "\(bad)") }
    }
}
