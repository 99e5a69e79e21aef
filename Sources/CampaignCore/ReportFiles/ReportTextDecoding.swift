#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report file's bytes as UTF-8, whatever the source's encoding says.
///
/// GB18030 goes through the C library's iconv: a conversion table of tens of
/// thousands of entries belongs to the system, not to this code, and glibc's
/// covers the whole of GB18030 (four-byte sequences included). A byte that is
/// not valid in the declared encoding stops the file, with its position: a
/// report read in the wrong encoding would be wrong on every row, so no row of
/// it is kept. A byte order mark stays in the output; the CSV scanner skips it.
enum ReportTextDecoding {
    static func utf8(_ bytes: [UInt8], encoding: ReportSource.Encoding, path: String) throws(ReportFileError) -> [UInt8] {
        switch encoding {
        case .utf8:
            let invalid = bytes.withUnsafeBufferPointer { buffer in
                buffer.isEmpty ? nil : UTF8Check.firstInvalid(buffer.baseAddress!, count: buffer.count)
            }
            if let invalid { throw .notEncoding(path: path, encoding: encoding, offset: invalid + 1) }
            return bytes
        case .gb18030:
            return try convert(bytes, from: "GB18030", encoding: encoding, path: path)
        }
    }

    private static func convert(_ bytes: [UInt8], from name: String, encoding: ReportSource.Encoding,
                                path: String) throws(ReportFileError) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        let converter = iconv_open("UTF-8", name)
        guard let converter, Int(bitPattern: UnsafeRawPointer(converter)) != -1 else {
            throw .unreadable(path: path, reason: "iconv: \(name)")
        }
        defer { iconv_close(converter) }
        // Every GB18030 sequence of n bytes is at most 4 bytes of UTF-8 (n ≥ 1), and 2n for two-byte ones.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        var failedAt: Int?
        var written = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            while inLeft > 0 {
                let outCount = output.count
                let result: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + written)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outCount - written
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    written = outCount - outLeft
                    return result
                }
                if result != -1 { break }
                if errno == E2BIG {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                    continue
                }
                // EILSEQ (not GB18030) or EINVAL (a sequence cut off by the end of the file).
                failedAt = inBuffer.count - inLeft
                break
            }
        }
        if let failedAt { throw .notEncoding(path: path, encoding: encoding, offset: failedAt + 1) }
        return Array(output[0..<written])
    }
}
