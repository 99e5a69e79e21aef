/// The fixed parts of a JSON line, encoded once per stream so the hot loop
/// only copies bytes: `{"ts":"` + timestamp + prefix + `,"count":12}` + newline.
enum LinePrefix {
    static let head = Array(#"{"ts":""#.utf8)
    static let count = Array(#","count":"#.utf8)
    static let amount = Array(#","amount":"#.utf8)
    static let user = Array(#","user":""#.utf8)
    static let end = Array("}\n".utf8)
    static let quotedEnd = Array("\"}\n".utf8)

    /// `","type":"click","channel":"douyin","segment":"vip","campaign":"spring-2026"`:
    /// it closes the timestamp string and carries every key but the numbers.
    static func bytes(type: EventType, channel: String?, segment: String?, campaign: String) -> [UInt8] {
        var out = Array("\",\"type\":".utf8)
        out.appendJSONString(type.name)
        if let channel {
            out.append(contentsOf: Array(",\"channel\":".utf8))
            out.appendJSONString(channel)
        }
        if let segment {
            out.append(contentsOf: Array(",\"segment\":".utf8))
            out.appendJSONString(segment)
        }
        out.append(contentsOf: Array(",\"campaign\":".utf8))
        out.appendJSONString(campaign)
        return out
    }
}
