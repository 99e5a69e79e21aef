import CampaignCore
@testable import DeckApp
import DeckUI
import Foundation
import Testing

/// The dashboard segments its customer base beside the stream, not before it:
/// a transactions file that takes seconds to read must not hold the events up.
@Suite struct CustomerBaseLoadingTests {
    /// The transactions come through a FIFO nobody writes to yet, so reading
    /// them blocks: the stream runs meanwhile, and the sizes arrive with the file.
    @Test func theStreamRunsWhileTheCustomerBaseIsRead() throws {
        let folder = NSTemporaryDirectory() + "campaign-deck-base-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.csv"
        #expect(mkfifo(path, 0o600) == 0)

        let simulator = CampaignSimulator(plan: Live.demoPlan, days: 1)
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: SimulatorSource(simulator: simulator, paced: false),
                                                    customerBase: .file(path, planFolder: folder)))
        session.start()
        defer { session.stop() }
        let early = Live.actions(from: session, seconds: 60) { Self.snapshots($0).contains { $0.totalEvents > 0 } }
        #expect(Self.snapshots(early).contains { $0.totalEvents > 0 }, "events flowed with the file unread")
        #expect(Live.messages(early).contains("segmenting the customers of \(path)…"))
        #expect(!Self.snapshots(early).contains { $0.segments.contains { $0.customers != nil } }, "no sizes before the file")

        // A: one purchase 200 days before the latest (lapsed: 90 < recency ≤ 365);
        // B: one purchase on the latest day (rising: first purchase ≤ 120 days, one order).
        let writer = open(path, O_WRONLY)
        #expect(writer >= 0)
        let text = "customer_id,date,amount\nA,2025-08-15,40\nB,2026-03-03,60\n"
        #expect(text.utf8.withContiguousStorageIfAvailable { write(writer, $0.baseAddress, $0.count) } == text.utf8.count)
        close(writer)
        let late = Live.actions(from: session) { Self.sizes(in: $0)["rising"] != nil }
        let sizes = Self.sizes(in: late)
        #expect(sizes["vip"] == 0 && sizes["lapsed"] == 1 && sizes["rising"] == 1, "\(sizes)")
    }

    static func snapshots(_ actions: [DeckAction]) -> [DashboardSnapshot] {
        actions.compactMap { if case .data(let snapshot) = $0 { snapshot } else { nil } }
    }

    /// The last snapshot's sizes by segment id (empty while it has none).
    static func sizes(in actions: [DeckAction]) -> [String: Int] {
        guard let last = snapshots(actions).last else { return [:] }
        var sizes: [String: Int] = [:]
        for row in last.segments { if let customers = row.customers { sizes[row.id] = customers } }
        return sizes
    }
}
