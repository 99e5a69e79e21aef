import CampaignCore
import Foundation

/// `deck-bench top FILE [OUT.csv]`: reads a transactions CSV with category and
/// channel columns and finds every customer's top category and channel as of
/// the default as-of day (the day after the latest purchase); prints the
/// seconds of each step, and with OUT writes `customer_id,top_category,top_channel`
/// so `benchmarks/segment_benchmark.py --labels` can check every customer
/// against DuckDB's answer.
func topLabelsBenchmark(_ arguments: [String]) {
    guard let path = arguments.first else {
        print("usage: deck-bench top TRANSACTIONS.csv [OUT.csv]")
        exit(2)
    }
    var start = now()
    let history: PurchaseHistory
    do {
        history = try TransactionsInput.history(path: path, columns: .default, showsProgress: false)
    } catch {
        print("deck-bench: \(error)")
        exit(1)
    }
    let readSeconds = (now() - start) / 1_000_000
    guard let asOf = history.defaultAsOf else {
        print("deck-bench: no purchases in \(path)")
        exit(1)
    }
    start = now()
    var categories = [Int32](repeating: -1, count: history.customerCount)
    var channels = [Int32](repeating: -1, count: history.customerCount)
    for customer in 0..<history.customerCount {
        categories[customer] = history.topCategory(ofCustomer: customer, asOf: asOf) ?? -1
        channels[customer] = history.topChannel(ofCustomer: customer, asOf: asOf) ?? -1
    }
    let topSeconds = (now() - start) / 1_000_000
    print(String(format: "read %d rows, %d customers: %.2f s; top category and channel of every customer: %.2f s; total %.2f s",
                 history.rowsRead, history.customerCount, readSeconds, topSeconds, readSeconds + topSeconds))
    guard arguments.count > 1 else { return }
    var out = "customer_id,top_category,top_channel\n"
    for customer in 0..<history.customerCount {
        let category = categories[customer] < 0 ? "" : history.categoryNames[Int(categories[customer])]
        let channel = channels[customer] < 0 ? "" : history.channelNames[Int(channels[customer])]
        out += "\(history.customerIDs[customer]),\(category),\(channel)\n"
    }
    do {
        try out.write(toFile: arguments[1], atomically: true, encoding: .utf8)
    } catch {
        print("deck-bench: cannot write \(arguments[1]): \(error)")
        exit(1)
    }
}
