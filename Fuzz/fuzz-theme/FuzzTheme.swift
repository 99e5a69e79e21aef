import DeckUI
import FuzzSupport

/// Theme files from arbitrary text: parsing never traps, and a theme that
/// parses can colour a frame.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let theme = try? Theme.parse(text, name: "fuzz", source: "fuzz.theme") else { return 0 }
    fuzzCheck((try? Theme.parse(text, name: "fuzz", source: "fuzz.theme")) == theme, "the same text parsed twice differs")
    _ = theme.apply(to: CellGrid(columns: 12, rows: 3))
    return 0
}
