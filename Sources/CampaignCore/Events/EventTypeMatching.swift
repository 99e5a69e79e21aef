extension EventType {
    /// The type named by `bytes`, compared as bytes against static names so the
    /// per-line lookup neither allocates nor builds a String.
    @inline(__always)
    static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> EventType? {
        guard let first = bytes.first else { return nil }
        let candidate: EventType
        let name: StaticString
        switch (bytes.count, first) {
        case (10, UInt8(ascii: "i")): (candidate, name) = (.impression, "impression")
        case (5, UInt8(ascii: "c")): (candidate, name) = (.click, "click")
        case (10, UInt8(ascii: "c")): (candidate, name) = (.conversion, "conversion")
        case (5, UInt8(ascii: "s")): (candidate, name) = (.spend, "spend")
        case (5, UInt8(ascii: "r")): (candidate, name) = (.reach, "reach")
        case (13, UInt8(ascii: "p")): (candidate, name) = (.participation, "participation")
        case (16, UInt8(ascii: "c")): (candidate, name) = (.communityActive, "community_active")
        case (17, UInt8(ascii: "c")): (candidate, name) = (.communityMembers, "community_members")
        default: return nil
        }
        return memoryEqual(bytes.baseAddress!, name.utf8Start, bytes.count) ? candidate : nil
    }
}
