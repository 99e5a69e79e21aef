import CampaignText

/// The keys of an event line that the parser reads; all others are ignored.
public enum EventField: Int, CaseIterable, Sendable, Hashable {
    case ts, type, channel, segment, campaign, user, count, amount

    /// What the field names, in the reader's language: `channel`, 渠道 (for
    /// "too many distinct channels"; other fields are quoted by their key).
    var noun: String { AnomalyStatusWords.per(key) }

    /// The JSON key.
    public var key: String {
        switch self {
        case .ts: return "ts"
        case .type: return "type"
        case .channel: return "channel"
        case .segment: return "segment"
        case .campaign: return "campaign"
        case .user: return "user"
        case .count: return "count"
        case .amount: return "amount"
        }
    }

    /// The field named by a key's (unescaped) bytes. Every key is at most 8 bytes, so
    /// the key is packed into one little-endian word and compared as an integer.
    @inline(__always)
    static func matching(_ key: UnsafeBufferPointer<UInt8>) -> EventField? {
        let length = key.count
        guard length >= 2, length <= 8 else { return nil }
        var word: UInt64 = 0
        var i = length - 1
        while i >= 0 {
            word = (word << 8) | UInt64(key[i])
            i -= 1
        }
        return matching(packed: word)
    }

    /// The field whose key, packed little-endian and zero-padded, is `word`.
    @inline(__always)
    static func matching(packed word: UInt64) -> EventField? {
        switch word {
        case PackedKey.ts: return .ts
        case PackedKey.type: return .type
        case PackedKey.channel: return .channel
        case PackedKey.segment: return .segment
        case PackedKey.campaign: return .campaign
        case PackedKey.user: return .user
        case PackedKey.count: return .count
        case PackedKey.amount: return .amount
        default: return nil
        }
    }

    /// Keys as little-endian words: byte 0 in the low byte. Different lengths cannot
    /// collide because no key contains a NUL byte.
    enum PackedKey {
        static let ts: UInt64 = 0x7374
        static let type: UInt64 = 0x6570_7974
        static let channel: UInt64 = 0x6C_656E_6E61_6863
        static let segment: UInt64 = 0x74_6E65_6D67_6573
        static let campaign: UInt64 = 0x6E67_6961_706D_6163
        static let user: UInt64 = 0x7265_7375
        static let count: UInt64 = 0x74_6E75_6F63
        static let amount: UInt64 = 0x746E_756F_6D61
    }
}
