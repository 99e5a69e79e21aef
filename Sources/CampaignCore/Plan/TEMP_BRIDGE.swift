// TEMPORARY until the schedule and rules helpers land. Delete.
enum TextWidth { static func columns(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } } }
enum ControlCharacters { static func escaped(_ s: String) -> String { s } }
