import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

private typealias K = KeyTyping

/// The persona card's portrait names the segment's top categories and
/// channels with their share of members, in both languages, at 80 and 120 columns.
@Suite struct PersonaTopLabelTests {
    // A shoes/app, B bags/store, C toys/web, D Hats/app (all `big`: monetary ≥ 100); E nothing (`small`).
    static let transactions = """
    customer_id,date,amount,category,channel
    A,2026-03-01,50,shoes,app
    A,2026-03-02,80,shoes,app
    B,2026-03-01,60,bags,web
    B,2026-03-02,70,bags,store
    C,2026-03-04,100,toys,web
    D,2026-03-05,200,Hats,app
    E,2026-03-05,20,,

    """
    static let plan = """
    campaign: { id: c, name: C, start: 2026-03-01, budget: 1000 }
    segments:
      - id: big
        name: Big spenders
        rule: 'monetary >= 100'
        persona: { traits: 'buys a lot' }
      - { id: small, name: Small, rule: 'frequency >= 1' }
    """

    static func state() throws -> DeckState {
        var state = KeyTyping.editable(plan)
        let reader = TransactionReader(columns: .default)
        try Array(transactions.utf8).withUnsafeBytes { try reader.feed($0) }
        let segmentation = try Segmentation(history: try reader.finish(), plan: state.plan)
        state.data.portraits = SegmentPortrait.of(segmentation)
        state.overlay = .personaCard(segment: 0)
        return state
    }

    static func screen(_ language: Language, columns: Int, rows: Int) throws -> [String] {
        let state = try state()
        return Language.$override.withValue(language) { K.screen(state, columns: columns, rows: rows) }
            .split(separator: "\n").map(String.init)
    }

    /// The text of the card's line holding `needle`, between the box's borders.
    static func line(_ needle: String, in screen: [String]) -> String? {
        guard let line = screen.first(where: { $0.contains(needle) }) else { return nil }
        return line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.contains(needle) }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func englishCardNamesTopCategoriesAndChannels(columns: Int, rows: Int) throws {
        let screen = try Self.screen(.english, columns: columns, rows: rows)
        // Four members, each category once: ties by byte order ('H' before 'b'); toys, the fourth, is among the others.
        #expect(Self.line("Top categories:", in: screen) == "Top categories: Hats 25% · bags 25% · shoes 25% · others 25%",
                "\(screen.joined(separator: "\n"))")
        // A and D app (2 of 4), B store (70 over web's 60), C web.
        #expect(Self.line("Top channels:", in: screen) == "Top channels: app 50% · store 25% · web 25%")
        #expect(screen.contains { $0.contains("closes") }, "the card still fits with its last line")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func chineseCardNamesTopCategoriesAndChannels(columns: Int, rows: Int) throws {
        let screen = try Self.screen(.chinese, columns: columns, rows: rows)
        let categories = try #require(Self.line("偏好品类：", in: screen), "\(screen.joined(separator: "\n"))")
        #expect(categories == "偏好品类：Hats 25% · bags 25% · shoes 25% · 其他 25%")
        #expect(Self.line("偏好渠道：", in: screen) == "偏好渠道：app 50% · store 25% · web 25%")
        // The words around the data are Chinese (the names are the data's own).
        for line in [categories, Self.line("偏好渠道：", in: screen) ?? ""] {
            #expect(EnglishWords.find(in: line.replacing(/[A-Za-z]+ \d+%/, with: "")).isEmpty, "\(line)")
        }
    }

    @Test func aSegmentWithoutLabelsShowsNoLine() throws {
        var state = try Self.state()
        state.overlay = .personaCard(segment: 1)
        let screen = K.screen(state, columns: 120, rows: 40)
        // small is E alone, whose row had no category or channel.
        #expect(!screen.contains("Top categories") && !screen.contains("Top channels"), "\(screen)")
    }
}
