import CampaignText
import CampaignCore
import Foundation

/// `:messages`: every status message of this session with the time it was
/// shown, newest last, wrapped so a long one (every task an edit moved) is
/// read in full. It opens at the newest; j/k, PgUp/PgDn, g/G scroll.
struct MessageLogOverlay: KeyedOverlay {
    static let scope = KeyBinding.ModalView.messages
    /// Its own `/` finds text (a message's time and wording stay together);
    /// j/k, PgUp/PgDn and g/G are the global keys, which it gives its meaning.
    static let bindings: [KeyBinding] = [
        KeyBinding("messages_search", [.character("/")], .startFilter, .messagesSearchBinding, scope: .view(.messages),
                   hint: .helpSearchHint),
        KeyBinding("messages_next_match", [.character("n")], .nextMatch, .helpNextMatchBinding, scope: .view(.messages),
                   hint: .helpNextMatchHint),
        KeyBinding("messages_previous_match", [.character("N")], .previousMatch, .helpPreviousMatchBinding,
                   scope: .view(.messages)),
    ]

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
        case .startFilter:
            state.overlay = .inputLine(InputLine(.messageSearch(top: top)))
            return []
        case .nextMatch, .previousMatch:
            jump(forward: command == .nextMatch, &state)
            return []
        default: return nil
        }
        state.overlay = .messageLog(top: next.map { max(0, $0) })
        return []
    }

    func hints(_ keys: KeyRegistry) -> [(keys: String, hint: String)]? {
        [("j/k", Phrase.hintScroll.text()), ("G", Phrase.hintNewest.text())] + keys.hints(for: Self.scope)
    }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        draw(state, marking: state.messageSearch?.pattern, grid: &grid)
    }

    /// `marking`: the search's text, in reverse video wherever it is shown.
    func draw(_ state: DeckState, marking pattern: String?, grid: inout CellGrid) {
        let lines = Self.lines(state.messages.log, zone: state.wallClockZone, width: Self.width(columns: grid.columns))
        let room = Self.room(rows: grid.rows)
        let window = Self.window(lineCount: lines.count, room: room, top: top)
        var shown: [(String, Style)] = lines.isEmpty ? [(Text.empty, Style(.muted))]
            : lines[window].map { ($0, Style(.text)) }
        let keys = lines.count > room
            ? Phrase.messagesPosition.text(Text.keys, window.lowerBound + 1, window.upperBound, lines.count) : Text.keys
        // What a search found comes first: on a narrow screen the key reminder gives way.
        shown.append(((Self.searchStatus(state).map { $0 + " · " } ?? "") + keys, Style(.muted)))
        let box = Overlays.box(Text.title, lines: shown, grid: &grid)
        guard !lines.isEmpty else { return }
        for (offset, line) in lines[window].enumerated() where offset < box.height - 2 {
            TextSearch.mark(pattern, in: line, row: box.row + 1 + offset, column: box.column + 2, width: box.width - 4,
                            grid: &grid)
        }
    }

    /// The log's text width on a screen `columns` wide.
    static func width(columns: Int) -> Int { max(20, columns - 8) }
    /// Lines shown: the screen's height less the box's borders, the key line and a margin.
    static func room(rows: Int) -> Int { max(1, rows - 5) }

    /// The log's lines as drawn at the dashboard's size.
    static func lines(_ state: DeckState) -> [String] {
        lines(state.messages.log, zone: state.wallClockZone, width: width(columns: state.screen.columns))
    }

    /// `n` / `N`: the next or previous line with the search's text at the top
    /// of the box (the last page stays full). What it found is said in the
    /// box's own line, not as a status message: that would join the log and
    /// be found by the next search.
    func jump(forward: Bool, _ state: inout DeckState) {
        guard let search = state.messageSearch else {
            state.overlay = .messageLog(top: top)
            return
        }
        let lines = Self.lines(state)
        let room = Self.room(rows: state.screen.rows)
        let shownTop = Self.window(lineCount: lines.count, room: room, top: top).lowerBound
        let matches = TextSearch.matches(search.pattern, in: lines)
        let anchor = search.anchor(top: shownTop, visible: room, forward: forward)
        guard let line = TextSearch.step(from: anchor, forward: forward, in: matches) else {
            state.messageSearch?.line = nil
            return
        }
        state.messageSearch?.line = line
        state.overlay = .messageLog(top: line)
    }

    /// Enter on the search line: the first match from the top of what was shown.
    static func find(_ pattern: String, from top: Int?, _ state: inout DeckState) {
        state.overlay = .messageLog(top: top)
        guard !pattern.isEmpty else { return }
        state.messageSearch = TextSearch(pattern: pattern)
        MessageLogOverlay(top: top).jump(forward: true, &state)
    }

    /// The box's last line after a search: which match is shown, or none.
    static func searchStatus(_ state: DeckState) -> String? {
        guard let search = state.messageSearch else { return nil }
        let matches = TextSearch.matches(search.pattern, in: lines(state))
        guard let line = search.line, let index = matches.firstIndex(of: line) else {
            return Phrase.messagesSearchNoMatch.text(search.pattern)
        }
        return Phrase.helpSearchMatch.text(index + 1, matches.count, search.pattern)
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
