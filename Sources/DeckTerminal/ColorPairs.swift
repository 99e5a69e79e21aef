import CNcurses

/// ncurses colours text through numbered (foreground, background) pairs that must be
/// declared before use. This hands out pair numbers on first use and remembers them.
/// When the terminal runs out (64 pairs on 8-colour terminals), further combinations
/// fall back to pair 0, the default colours: text stays readable, only uncoloured.
/// Must be used on the curses thread.
struct ColorPairs {
    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private var numbers: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32

    /// `limit` is `COLOR_PAIRS` after `start_color`.
    init(limit: Int32) {
        self.limit = limit
    }

    /// The pair for two ncurses colour numbers (-1 = default), declaring it if new.
    mutating func pair(foreground: Int32, background: Int32) -> Int32 {
        if foreground == -1 && background == -1 { return 0 }
        let key = Key(foreground: foreground, background: background)
        if let number = numbers[key] { return number }
        guard next < limit, init_extended_pair(next, foreground, background) != ERR else { return 0 }
        numbers[key] = next
        next += 1
        return next - 1
    }
}
