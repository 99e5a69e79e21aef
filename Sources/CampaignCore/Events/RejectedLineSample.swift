/// One rejected line kept for inspection (the first 100, with line number
/// and reason).
public struct RejectedLineSample: Hashable, Sendable {
    /// Longest excerpt kept, in bytes of the original line.
    public static let excerptLimit = 80

    /// The file the line came from (`<stdin>` for standard input).
    public var source: String
    /// 1-based line number within `source`.
    public var line: Int
    public var reason: EventRejection
    /// The start of the line, safe to print: invalid UTF-8 shown as U+FFFD, control
    /// and bidi characters as visible escapes (see `ControlCharacters`), and `…` if
    /// the line was longer.
    public var excerpt: String

    public init(source: String, line: Int, reason: EventRejection, excerpt: String) {
        self.source = source
        self.line = line
        self.reason = reason
        self.excerpt = excerpt
    }

    /// `source:line: reason`, the same shape as plan diagnostics.
    public var formatted: String { "\(source):\(line): \(reason.message)" }

    /// The safe excerpt of `bytes` (a line, or the kept prefix of an overlong one).
    static func excerpt(of bytes: UnsafeBufferPointer<UInt8>, fullLength: Int) -> String {
        var cut = min(bytes.count, excerptLimit)
        // Do not split a UTF-8 sequence: back off over continuation bytes.
        if cut < bytes.count {
            var back = cut
            while back > 0 && back > cut - 4 && bytes[back] & 0xC0 == 0x80 { back -= 1 }
            if bytes[back] & 0xC0 != 0x80 { cut = back }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<cut]), as: UTF8.self)
        return ControlCharacters.escaped(text) + (cut < fullLength ? "…" : "")
    }
}
