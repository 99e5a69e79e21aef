@testable import CampaignCore
import CampaignStore
@testable import DeckApp
import DeckUI
import Foundation
import Testing

/// The dashboard's anomaly log over a real database: the card shows an
/// alert's numbers by metric, and a resolution is undone by reopening.
@Suite struct AnomalyDeskTests {
    let path = NSTemporaryDirectory() + "deck-app-desk-\(UUID().uuidString).sqlite"
    let desk: DatabaseAnomalyDesk

    init() throws {
        desk = try DatabaseAnomalyDesk(database: try DeckDatabase(path: path), plan: Live.demoPlan, author: "tester")
        // The demo's CTR rule fires on douyin at 0.643…% (the value a stream gave, unrounded).
        try desk.record([AlertTransition(at: 1_776_000_000_000, rule: "CTR below 1%", per: .channel, scope: "douyin",
                                         from: .pending, to: .firing, value: 0.006430868167202572, threshold: 0.01,
                                         severity: .warning)])
    }

    func card() throws -> String {
        var state = DeckState(plan: Live.demoPlan, schedule: nil)
        state.data.anomalies = try desk.rows()
        state.focus = .anomalies
        state.overlay = .anomalyDetail(id: 1)
        return DeckRenderer.render(state, columns: 120, rows: 40).lines().joined(separator: "\n")
    }

    @Test func theCardWritesTheValueAndThresholdAsPercentages() throws {
        let card = try card()
        #expect(card.contains("ctr: 0.64% (threshold 1%)"))
        #expect(card.contains("opened by rule 'CTR below 1%': ctr 0.64% against 1%"), "the timeline too")
        #expect(!card.contains("0.00643"))
    }

    @Test func reopeningUndoesAResolutionMadeByMistake() throws {
        try desk.acknowledge(id: 1)
        try desk.assign(id: 1, owner: "王芳")
        try desk.resolve(id: 1, cause: "wrong one", action: "nothing")
        #expect(try desk.rows().first?.status == .resolved)
        #expect(try card().contains("Cause: wrong one"))

        try desk.reopen(id: 1)
        let row = try #require(try desk.rows().first)
        #expect(row.status == .acknowledged && row.owner == "王芳")
        let card = try card()
        #expect(!card.contains("Cause: wrong one") && !card.contains("Action: nothing"), "no longer its resolution")
        #expect(card.contains("tester: resolved; cause: wrong one; action: nothing"), "kept in the timeline")
        #expect(card.contains("wall  tester: reopened; acknowledged again"), "who reopened it, on the wall clock")
    }
}
