/// A generated customer base for the demo campaign: tens of
/// thousands of customers whose purchase histories put roughly 40 / 35 / 25 %
/// of them into the demo plan's persona segments (vip / lapsed / rising), so
/// the dashboard's segment pane shows believable sizes on a first run.
///
/// Deterministic: the same seed gives the same file, byte for byte. Each
/// customer is drawn from one archetype built to satisfy exactly one persona
/// rule (and, being earlier in the plan, vip is built not to need the later
/// rules); a small "regulars" group fits none and stays unassigned.
public enum DemoCustomerBase {
    public static let defaultCustomerCount = 40_000
    public static let defaultSeed: UInt64 = 20_260_302
    /// The campaign's first day: every purchase is before it, the latest on
    /// the day before, so it is also the default as-of date.
    public static let asOf = Day(year: 2026, month: 3, day: 2)!

    public struct Transaction: Sendable, Hashable {
        public var customerID: String
        public var day: Day
        public var amount: Money
    }

    /// Who the archetypes are, with the share of customers drawn from each.
    enum Archetype: CaseIterable {
        case vip, lapsed, rising, regular

        var share: Double {
            switch self {
            case .vip: 0.395
            case .lapsed: 0.345
            case .rising: 0.245
            case .regular: 0.015
            }
        }
    }

    /// Every purchase of the base, customer by customer, each customer's oldest first.
    public static func transactions(customers: Int = defaultCustomerCount, seed: UInt64 = defaultSeed) -> [Transaction] {
        var random = SplitMix64(seed: seed)
        var rows: [Transaction] = []
        rows.reserveCapacity(customers * 5)
        for number in 1...max(1, customers) {
            let id = "C" + String(repeating: "0", count: max(0, 6 - String(number).count)) + String(number)
            var draw = random.unit()
            var archetype = Archetype.regular
            for candidate in Archetype.allCases {
                if draw < candidate.share { archetype = candidate; break }
                draw -= candidate.share
            }
            // The very first customer is a vip who bought yesterday, so the
            // latest purchase is always the day before `asOf`, whatever the seed.
            if number == 1 { archetype = .vip }
            let purchases = history(of: archetype, random: &random, latestAge: number == 1 ? 1 : nil)
            for (age, cents) in purchases.reversed() {
                rows.append(Transaction(customerID: id, day: asOf - age, amount: Money(micros: Int64(cents) * 10_000)))
            }
        }
        return rows
    }

    /// (age in days before `asOf`, amount in cents), newest first.
    private static func history(of archetype: Archetype, random: inout SplitMix64, latestAge: Int?) -> [(Int, Int)] {
        func cents(_ yuan: ClosedRange<Int>) -> Int { random.integer(in: yuan) * 100 + random.integer(in: 0...99) }
        var ages: [Int] = []
        var amounts: [Int] = []
        switch archetype {
        case .vip:
            // Bought recently and often (every gap ≤ 60 days: repurchase rate ≥ 3/4), big baskets (aov > 1.5 × 180).
            ages = [latestAge ?? random.integer(in: 1...45)]
            for _ in 1..<random.integer(in: 4...9) { ages.append(ages.last! + random.integer(in: 7...60)) }
            amounts = ages.map { _ in cents(280...900) }
        case .lapsed:
            // Last purchase 95–360 days ago; smaller baskets, so never vip.
            ages = [random.integer(in: 95...360)]
            for _ in 1..<random.integer(in: 1...5) { ages.append(ages.last! + random.integer(in: 20...120)) }
            amounts = ages.map { _ in cents(40...260) }
        case .rising:
            // First purchase within 110 days, at most two, the latest within 90 days: not lapsed.
            if random.integer(in: 0...1) == 0 {
                ages = [random.integer(in: 1...90)]
            } else {
                let first = random.integer(in: 15...110)
                ages = [random.integer(in: 1...min(90, first - 5)), first]
            }
            amounts = ages.map { _ in cents(60...300) }
        case .regular:
            // Buys small baskets often and for a long time: fits no persona.
            let latest = random.integer(in: 1...60), first = random.integer(in: 150...700)
            let between = (0..<random.integer(in: 1...6)).map { _ in random.integer(in: (latest + 1)...(first - 1)) }
            ages = [latest] + between.sorted() + [first]
            amounts = ages.map { _ in cents(30...150) }
        }
        return Array(zip(ages, amounts))
    }

    /// The base as a transactions CSV (`customer_id,date,amount`), streamed to `sink` in pieces.
    public static func writeCSV(_ rows: [Transaction], to sink: (String) -> Void) {
        var out = "customer_id,date,amount\n"
        for row in rows {
            out += row.customerID + "," + row.day.description + "," + row.amount.description + "\n"
            if out.utf8.count >= 1 << 16 {
                sink(out)
                out = ""
            }
        }
        sink(out)
    }

    /// The base read back through the same CSV reader a user's file goes through.
    public static func history(customers: Int = defaultCustomerCount, seed: UInt64 = defaultSeed) -> PurchaseHistory {
        let reader = TransactionReader()
        do {
            writeCSV(transactions(customers: customers, seed: seed)) { chunk in
                try? reader.feed(chunk) // the generated header always has the default columns
            }
            return try reader.finish()
        } catch {
            preconditionFailure("the generated demo base must read back: \(error)")
        }
    }

    /// The demo base segmented by `plan` (default: the built-in demo plan): what the dashboard shows.
    public static func segmentation(plan: Plan? = nil) throws(SegmentAssigner.RuleProblem) -> Segmentation {
        guard let plan = plan ?? PlanLoader.load(yaml: DemoCampaign.planText()).plan else {
            preconditionFailure("the built-in demo plan always loads")
        }
        return try Segmentation(history: history(), plan: plan, asOf: asOf)
    }
}
