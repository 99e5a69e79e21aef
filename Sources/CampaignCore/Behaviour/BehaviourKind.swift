/// What a customer did short of buying, from lines of the event stream's
/// shape (`type`): looked at something, or put it in the cart.
public enum BehaviourKind: UInt8, CaseIterable, Sendable {
    case browse
    case addToCart

    /// The name used in the JSON `type` field.
    public var name: String {
        switch self {
        case .browse: "browse"
        case .addToCart: "add_to_cart"
        }
    }

    /// The kind named by `bytes` (compared as bytes: no String per line).
    static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> BehaviourKind? {
        let name: StaticString
        let kind: BehaviourKind
        switch bytes.count {
        case 6: (kind, name) = (.browse, "browse")
        case 11: (kind, name) = (.addToCart, "add_to_cart")
        default: return nil
        }
        return memoryEqual(bytes.baseAddress!, name.utf8Start, bytes.count) ? kind : nil
    }
}
