import CampaignText
import CampaignCore
import Foundation

/// `:messages`: every status message of this session with the time it was
/// shown, newest last, wrapped so a long one (every task an edit moved) is
/// read in full. It opens at the newest; j/k, PgUp/PgDn, g/G scroll.
struct MessageLogOverlay: OverlayUnit {
    /// The first line shown; nil: the last page (the newest messages).
    var top: Int?

    private enum Text {
        static var title: String { Phrase.messagesTitle.text() }
        static var empty: String { Phrase.messagesEmpty.text() }
        static var keys: String { Phrase.messagesKeys.text() }
    }

    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        // The page is known only when drawn; a generous one here keeps PgUp/PgDn
        // moving by most of a screen, and `draw` clamps the line to the log.
        let page = 10
        let current = top ?? Int.max / 2
        let next: Int?
        switch command {
        case .moveUp: next = current - 1
        case .moveDown: next = current + 1
        case .pageUp: next = current - page
        case .pageDown: next = current + page
        case .moveHome: next = 0
        case .moveEnd: next = nil
        default: return nil
        }
        state.overlay = .messageLog(top: next.map { max(0, $0) })
        return []
    }

    var hints: [(keys: String, hint: String)]? { [("j/k", Phrase.hintScroll.text()), ("G", Phrase.hintNewest.text()), ("Esc", Phrase.hintClose.text())] }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        let width = max(20, grid.columns - 8)
        let lines = Self.lines(state.messages.log, zone: state.wallClockZone, width: width)
        // The box holds the screen's height less its borders, the key line and a margin.
        let room = max(1, grid.rows - 5)
        let window = Self.window(lineCount: lines.count, room: room, top: top)
        var shown: [(String, Style)] = lines.isEmpty ? [(Text.empty, Style(.muted))]
            : lines[window].map { ($0, Style(.text)) }
        let keys = lines.count > room
            ? Phrase.messagesPosition.text(Text.keys, window.lowerBound + 1, window.upperBound, lines.count) : Text.keys
        shown.append((keys, Style(.muted)))
        Overlays.box(Text.title, lines: shown, grid: &grid)
    }

    /// The lines on screen: from `top` (clamped so the last page is full), or
    /// the last page when `top` is nil.
    static func window(lineCount: Int, room: Int, top: Int?) -> Range<Int> {
        let lastTop = max(0, lineCount - room)
        let first = min(top ?? lastTop, lastTop)
        return first..<min(lineCount, first + room)
    }

    /// Each message as `HH:mm:ss  text`, wrapped to `width` columns, the
    /// continuation lines indented under the text.
    static func lines(_ log: [StatusMessages.Entry], zone: TimeZone, width: Int) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var lines: [String] = []
        for entry in log {
            let parts = calendar.dateComponents([.hour, .minute, .second], from: entry.time)
            let stamp = [parts.hour, parts.minute, parts.second].map { pad2($0 ?? 0) }.joined(separator: ":")
            let indent = String(repeating: " ", count: stamp.count + 2)
            let wrapped = wrap(entry.text, width: width - indent.count)
            for (index, line) in wrapped.enumerated() {
                lines.append((index == 0 ? stamp + "  " : indent) + line)
            }
        }
        return lines
    }

    private static func pad2(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// Breaks `text` at spaces into lines of at most `width` columns; a word
    /// longer than a line is cut into pieces.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            let joined = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(joined) <= width {
                line = joined
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            while DisplayWidth.of(word) > width {
                var piece = ""
                for character in word {
                    guard DisplayWidth.of(piece + String(character)) <= width else { break }
                    piece.append(character)
                }
                if piece.isEmpty { piece = String(word.first!) }
                lines.append(piece)
                word = String(word.dropFirst(piece.count))
            }
            line = word
        }
        lines.append(line)
        return lines
    }
}
