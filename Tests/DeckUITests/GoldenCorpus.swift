import CampaignCore
import CampaignText
@testable import DeckUI
import Foundation

/// One golden screen of the corpus in Golden/: a scenario, a terminal size
/// and the keys pressed, then (after a `---` line) the screen they give.
///
///     # what the screen shows and why it is worth keeping
///     scenario: demo-editable
///     size: 120x40
///     keys: 2 L :goto Space kickoff Enter
///     lang: zh        (optional: the interface language, English by default)
///     ---
///     (the screen, trailing spaces trimmed)
///
/// Keys are separated by spaces. A token that is a key's label (`Enter`,
/// `Esc`, `Tab`, `Shift-Tab`, `Space`, `Ctrl-S`, `↑`, `PgDn`, `Shift-→`…) is
/// that key; any other token is typed one character at a time.
struct GoldenCase {
    var name: String
    var comments: [String]
    var scenario: String
    var columns: Int
    var rows: Int
    var keys: [Key]
    var keysText: String
    var language: Language
    /// The screen after `---`; nil when the file has none yet (recording writes it).
    var screen: String?

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".screen") }.map { String($0.dropLast(7)) }.sorted()
    }

    var file: URL { Self.folder.appendingPathComponent(name + ".screen") }

    init(named name: String) throws {
        self.name = name
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".screen"), encoding: .utf8)
        let header: Substring
        if let separator = text.range(of: "\n---\n") {
            header = text[..<separator.lowerBound]
            screen = String(text[separator.upperBound...])
        } else {
            header = Substring(text.hasSuffix("\n---") ? String(text.dropLast(4)) : text)
            screen = nil
        }
        var fields: [String: String] = [:]
        comments = []
        for line in header.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("#") { comments.append(String(line)); continue }
            guard let colon = line.firstIndex(of: ":") else { throw GoldenCaseError(name, "not 'field: value': \(line)") }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let scenario = fields["scenario"] else { throw GoldenCaseError(name, "no scenario") }
        let size = (fields["size"] ?? "").split(separator: "x").compactMap { Int($0) }
        guard size.count == 2 else { throw GoldenCaseError(name, "size is COLUMNSxROWS, e.g. 120x40") }
        self.scenario = scenario
        columns = size[0]
        rows = size[1]
        keysText = fields["keys"] ?? ""
        keys = Self.keys(keysText)
        guard let language = fields["lang"].map(Language.init(tag:)) ?? .english else {
            throw GoldenCaseError(name, "lang is en or zh")
        }
        self.language = language
    }

    /// The screen text as stored: every row, trailing spaces trimmed.
    static func text(of grid: CellGrid) -> String {
        grid.lines(trimmingTrailingSpaces: true).joined(separator: "\n") + "\n"
    }

    /// The file with `screen` as its golden screen.
    func recorded(_ screen: String) -> String {
        let header = comments + ["scenario: \(scenario)", "size: \(columns)x\(rows)"]
            + (keysText.isEmpty ? [] : ["keys: \(keysText)"]) + (language == .english ? [] : ["lang: zh"])
        return header.joined(separator: "\n") + "\n---\n" + screen
    }

    static let namedKeys: [String: Key] = {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right,
                           .pageUp, .pageDown, .home, .end, .shiftLeft, .shiftRight, .character(" ")]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
        return Dictionary(uniqueKeysWithValues: keys.map { ($0.label, $0) })
    }()

    static func keys(_ text: String) -> [Key] {
        text.split(separator: " ").flatMap { token -> [Key] in
            if let key = namedKeys[String(token)] { return [key] }
            return token.map { Key.character($0) }
        }
    }
}

struct GoldenCaseError: Error, CustomStringConvertible {
    let description: String
    init(_ name: String, _ problem: String) { description = "Golden/\(name).screen: \(problem)" }
}

/// The states a golden case starts from.
enum GoldenScenario {
    static func state(_ name: String) throws -> DeckState {
        switch name {
        case "demo": return GoldenScreenTests.demoState
        case "cjk": return GoldenScreenTests.cjkState
        case "demo-editable":
            // The same screen as `demo`, with the plan open for editing as on a file.
            var state = GoldenScreenTests.demoState
            let document = PlanDocument(text: DemoCampaign.planText())
            state.editor = PlanEditHistory(document: document, savedText: document.text)
            return state
        case "kpi-fixture": return KPIFixture.state
        default: throw GoldenCaseError(name, "unknown scenario (demo, cjk, demo-editable, kpi-fixture)")
        }
    }

    /// The screen a case gives: its scenario, its keys pressed one by one, rendered at its size.
    static func render(_ golden: GoldenCase) throws -> CellGrid {
        try Language.$override.withValue(golden.language) {
            var state = try state(golden.scenario)
            _ = DeckUpdate.apply(.resize(columns: golden.columns, rows: golden.rows), to: &state)
            for key in golden.keys { _ = DeckUpdate.apply(.key(key), to: &state) }
            return DeckRenderer.render(state, columns: golden.columns, rows: golden.rows)
        }
    }

    /// The plan's own text for a scenario: ids, names and rule names that
    /// stay as the plan writes them in any language.
    /// What a screen of `name` may show that is data, not interface: the
    /// plan's text and its anomalies' titles and scopes.
    static func dataText(_ name: String) throws -> String {
        let anomalies = try state(name).data.anomalies
        return planText(name) + anomalies.map { " \($0.title) \($0.scope)" }.joined()
    }

    static func planText(_ name: String) -> String {
        switch name {
        case "cjk": return GoldenScreenTests.cjkPlan
        case "kpi-fixture": return KPIFixture.planText
        default: return DemoCampaign.planText()
        }
    }
}
