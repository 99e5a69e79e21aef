import Foundation
import Testing

/// A plan's `transactions:` file gives the dashboard's Segments pane its sizes.
@Suite struct DashboardTransactionsTests {
    /// As of 2026-03-02 (the day after the last purchase), with the starter
    /// plan's rules (vip: orders_180d ≥ 3, aov ≥ 1.5 × 180, repurchase ≥ 0.6;
    /// lapsed: recency 91–365 days; rising: first purchase ≤ 120 days ago and
    /// frequency ≤ 2): V is vip (3 × 300 within 180 days, each a repurchase
    /// within 90 days of the one before), L1 and L2 lapsed (152 and 182 days),
    /// R rising (1 day), U unassigned (over a year) — 1, 2, 1 of 5 customers.
    static let transactions = """
    customer_id,date,amount
    V,2026-01-01,300
    V,2026-02-01,300
    V,2026-03-01,300
    L1,2025-10-01,50
    L2,2025-09-01,80
    R,2026-03-01,20
    U,2024-01-01,10

    """

    func plan(in folder: ScratchFolder) throws -> String {
        let sub = folder.path + "/plans"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        #expect(try CLIRunner.run(["init", "shop"], in: sub).status == 0)
        var text = try String(contentsOfFile: sub + "/shop.yaml", encoding: .utf8)
        let budget = try #require(text.range(of: "\n  budget: 1200000\n"))
        text.replaceSubrange(budget, with: "\n  budget: 1200000\n  transactions: customers.csv\n")
        try text.write(toFile: sub + "/shop.yaml", atomically: true, encoding: .utf8)
        return sub
    }

    /// (size, share) of a segment row in the snapshot.
    func row(_ name: String, in screen: String) -> (String, String)? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(name) }) else { return nil }
        let words = line.split(separator: name, maxSplits: 1)[1].split(separator: " ")
        return words.count >= 2 ? (String(words[0]), String(words[1])) : nil
    }

    @Test func sizesComeFromTheTransactionsFileBesideThePlan() throws {
        let folder = ScratchFolder()
        let sub = try plan(in: folder)
        try Self.transactions.write(toFile: sub + "/customers.csv", atomically: true, encoding: .utf8)
        // Run from another folder: the path is relative to the plan, not to here.
        let run = try CLIRunner.run(["plans/shop.yaml", "--snapshot", "120x30", "--days", "1"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(row("高价值老客", in: run.stdout) ?? ("", "") == ("1", "20%"))
        #expect(row("沉睡客户", in: run.stdout) ?? ("", "") == ("2", "40%"))
        #expect(row("潜力新客", in: run.stdout) ?? ("", "") == ("1", "20%"))
    }

    @Test func aMissingFileIsSaidInTheStatusBarAndThePaneStillShows() throws {
        let folder = ScratchFolder()
        _ = try plan(in: folder)
        let run = try CLIRunner.run(["plans/shop.yaml", "--snapshot", "160x30", "--days", "1"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("segment sizes unavailable: cannot read transactions: no such file (plans/customers.csv)"))
        #expect(row("高价值老客", in: run.stdout)?.0 == "–")
    }
}
