import CampaignCore
import Foundation

/// `deck-bench rules`: the segmentation hot path without the CSV: every rule
/// of the classic RFM map and of the demo plan, compiled once, run first-match
/// over one million synthetic customers (13 fields each, one in ten without
/// `aov`/`repurchase_rate`), as `SegmentAssigner.assign` runs them.
/// Then every rule over every customer through the batch entry. Prints
/// nanoseconds per customer (per rule and customer), the best of five passes.
func ruleBenchmark() {
    let fields = Vocabulary.customerFields
    var bindings: [String: RuleBinding] = [:]
    for (slot, name) in fields.enumerated() { bindings[name] = .slot(slot) }
    bindings["benchmark.aov"] = .constant(180)
    let rules = [
        "orders_180d >= 3 and aov >= 1.5 * benchmark.aov and repurchase_rate >= 0.6",
        "recency_days > 90 and recency_days <= 365",
        "first_purchase_days <= 120 and frequency <= 2",
        "r_score == 5 and f_score >= 4", "r_score >= 3 and r_score <= 4 and f_score >= 4",
        "r_score >= 4 and f_score >= 2 and f_score <= 3", "r_score == 5 and f_score == 1",
        "r_score == 4 and f_score == 1", "r_score == 3 and f_score == 3", "r_score == 3 and f_score <= 2",
        "r_score <= 2 and f_score == 5", "r_score <= 2 and f_score >= 3 and f_score <= 4",
        "not (aov > 500) and m_score <= 2 or repurchase_rate != 0.5",
    ].map { try! RuleExpression.parse($0).compile(bindings: bindings, expecting: .boolean) }

    let customers = 1_000_000, width = fields.count
    var state: UInt64 = 2026
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var rows = [Double](repeating: 0, count: customers * width)
    for row in 0..<customers {
        for field in 0..<width { rows[row * width + field] = Double(next() % 400) }
        for score in 10...12 { rows[row * width + score] = Double(1 + next() % 5) }
        rows[row * width + 9] = Double(next() % 100) / 100
        if next() % 10 == 0 { rows[row * width + 3] = .nan; rows[row * width + 9] = .nan }
    }
    var best = Double.infinity, counts = [Int](repeating: 0, count: rules.count + 1)
    rows.withUnsafeBufferPointer { all in
        for _ in 0..<5 {
            counts = [Int](repeating: 0, count: rules.count + 1)
            let start = now()
            for row in 0..<customers {
                let customer = UnsafeBufferPointer(rebasing: all[(row * width)..<((row + 1) * width)])
                counts[rules.firstIndex { $0.matches(customer) } ?? rules.count] += 1
            }
            best = min(best, now() - start)
        }
    }
    // Every rule over every customer through the batch entry (as tags would be).
    var batchBest = Double.infinity, batchMatches = 0
    var results = [Bool](repeating: false, count: customers)
    rows.withUnsafeBufferPointer { all in
        results.withUnsafeMutableBufferPointer { results in
            for _ in 0..<5 {
                batchMatches = 0
                let start = now()
                for rule in rules {
                    rule.matches(rows: all, fieldsPerRow: width, into: results)
                    batchMatches += results.count(where: { $0 })
                }
                batchBest = min(batchBest, now() - start)
            }
        }
    }
    print("rules: \(rules.count) compiled rules, first match over \(customers) customers: "
          + "\(String(format: "%.1f", best * 1_000 / Double(customers))) ns/customer "
          + "(\(String(format: "%.0f", best / 1_000)) ms); matches per rule \(counts)")
    print("rules: every rule over every customer (batch): "
          + "\(String(format: "%.1f", batchBest * 1_000 / Double(customers * rules.count))) ns/rule/customer "
          + "(\(String(format: "%.0f", batchBest / 1_000)) ms); \(batchMatches) matches")
}
