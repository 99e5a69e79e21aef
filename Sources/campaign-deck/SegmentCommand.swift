import ArgumentParser
import CampaignCore
import Foundation

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Score customers from a transactions CSV (recency, frequency, monetary) and assign plan segments.",
        discussion: """
        TRANSACTIONS is a CSV with a header and one purchase per row (columns
        customer_id,date,amount unless mapped), `-` for standard input, or `demo` for
        the generated demo customer base (40,000 customers, as of 2026-03-02). Dates:
        YYYY-MM-DD, YYYYMMDD or RFC 3339 (the date as written, in its own offset).
        Rows with a bad date or amount, a negative amount, an empty customer id or the
        wrong number of fields are rejected and listed (line and reason) on standard
        error, with a count of every line of the file; exact duplicate rows are
        counted once. A quoted field may span lines only if the row it makes is
        valid; otherwise the line where the quote opened is rejected and reading
        resumes on the next line (an open quote runs at most 1 MiB). Scores are quintiles 1-5 over
        all customers; equal values get equal scores. Each customer joins the first
        plan segment whose rule matches, else `unassigned`.

        Examples:
          # customers, demo plan's segments
          campaign-deck segment customers.csv
          campaign-deck segment customers.csv --plan spring-2026.yaml --summary
          campaign-deck segment export.csv --customer-col member --date-col paid_at \\
              --amount-col total
          campaign-deck segment customers.csv --as-of 2026-03-01 --format csv > \\
              scored.csv
          # the demo base by persona
          campaign-deck segment demo --summary
          # the demo base on the classic RFM map
          campaign-deck segment demo --plan demo-rfm --summary
          # save the demo base's transactions
          campaign-deck segment demo --write-demo demo.csv
        """
    )

    @Argument(help: "The transactions CSV, `-` for standard input, or `demo` for the generated demo base.")
    var transactions: String

    @Option(help: "The plan whose segment rules apply: a file, `demo` (personas) or `demo-rfm` (the classic RFM map).")
    var plan: String = "demo"

    @Option(name: .customLong("as-of"), help: "Measure as of this date (YYYY-MM-DD); default: the day after the latest purchase.")
    var asOf: String?

    @Flag(help: "Print one line per segment (every plan segment, members or not, then unassigned) instead of every customer.")
    var summary = false

    @Option(name: .customLong("customer-col"), help: "Header name of the customer id column.")
    var customerColumn = TransactionColumns.default.customer

    @Option(name: .customLong("date-col"), help: "Header name of the purchase date column.")
    var dateColumn = TransactionColumns.default.date

    @Option(name: .customLong("amount-col"), help: "Header name of the amount column.")
    var amountColumn = TransactionColumns.default.amount

    @Option(help: "Table format: show at most this many customers (0: all).")
    var limit = 50

    @Option(name: .customLong("write-demo"), help: "Write the demo base's transactions as CSV to this file (`-`: standard output) and stop.")
    var writeDemo: String?

    @OptionGroup var output: FormatOption

    func run() throws {
        if let writeDemo { return try Self.writeDemoBase(to: writeDemo) }
        let plan = try loadPlan()
        let asOf = try PlanInput.day(asOf, option: "--as-of")
        let history = try readHistory()
        Self.reportRejections(history, file: transactions)
        let segmentation: Segmentation
        do {
            segmentation = try Segmentation(history: history, plan: plan, asOf: asOf)
        } catch {
            throw CLIError("\(error) (\(self.plan))")
        }
        print(segmentation, history)
    }

    private func print(_ segmentation: Segmentation, _ history: PurchaseHistory) {
        switch (summary, output.format) {
        case (true, .table): Output.raw(SegmentReport.summaryTable(segmentation, history: history))
        case (true, .json): Output.dataLine(SegmentReport.summaryJSON(segmentation, history: history).serialized(pretty: true))
        case (true, .csv): Output.spreadsheet(SegmentReport.summaryCSV(segmentation), output.spreadsheet)
        case (false, .table):
            Output.raw(SegmentReport.customersTable(segmentation, limit: limit == 0 ? Int.max : limit))
        case (false, .json): SegmentReport.writeCustomersJSON(segmentation, rejected: history.rejected, to: Output.data)
        case (false, .csv):
            Output.startSpreadsheet(output.spreadsheet)
            SegmentReport.writeCustomersCSV(segmentation, to: Output.data)
        }
    }

    private func loadPlan() throws -> Plan {
        if plan == "demo-rfm" {
            guard let plan = PlanLoader.load(yaml: DemoCampaign.planText(segments: .rfm)).plan else {
                throw CLIError("the built-in RFM plan does not load (demo-rfm)", code: .runtime)
            }
            return plan
        }
        return try PlanInput.loadValid(plan).plan
    }

    // MARK: - Reading

    private func readHistory() throws -> PurchaseHistory {
        if transactions == "demo" { return DemoCustomerBase.history() }
        do {
            return try TransactionsInput.history(
                path: transactions, columns: TransactionColumns(customer: customerColumn, date: dateColumn, amount: amountColumn),
                showsProgress: true)
        } catch {
            throw CLIError(error.message, hint: error.hint, code: error.isBadInput ? .badInput : .runtime)
        }
    }

    /// The first rejected rows with line and reason, then how many in all, on standard error.
    static func reportRejections(_ history: PurchaseHistory, file: String, shown: Int = 20) {
        guard !history.rejected.isEmpty else { return }
        for row in history.rejected.prefix(shown) {
            Output.error("\(file):\(row.line): \(row.reason)")
        }
        if history.rejected.count > shown {
            Output.error("… and \(history.rejected.count - shown) more (--format json lists every one)")
        }
        Output.error("\(file): \(history.rejectedCount) row\(history.rejectedCount == 1 ? "" : "s") rejected, "
            + "\(history.duplicateCount) exact duplicate\(history.duplicateCount == 1 ? "" : "s") counted once")
        Output.error(lineAccount(history, file: file))
    }

    /// Every line of the file accounted for, so nothing can go missing unseen:
    /// `tx.csv: 161,143 lines = 1 header + 161,141 rows counted + 1 rejected + 0 duplicates`.
    static func lineAccount(_ history: PurchaseHistory, file: String) -> String {
        let lines = history.lines
        let counted = history.rowsRead - history.rejected.count
        func count(_ n: Int) -> String { Formatting.count(Int64(n)) }
        var text = "\(file): \(count(lines.total)) line\(lines.total == 1 ? "" : "s") = \(count(lines.header)) header + "
            + "\(count(counted)) row\(counted == 1 ? "" : "s") counted + \(count(history.rejectedCount)) rejected + "
            + "\(count(history.duplicateCount)) duplicate\(history.duplicateCount == 1 ? "" : "s")"
        if lines.blank > 0 { text += " + \(count(lines.blank)) blank" }
        if lines.continuation > 0 {
            text += " + \(count(lines.continuation)) line\(lines.continuation == 1 ? "" : "s") inside quoted fields"
        }
        return text
    }

    // MARK: - Demo base

    private static func writeDemoBase(to path: String) throws {
        let rows = DemoCustomerBase.transactions()
        if path == "-" {
            DemoCustomerBase.writeCSV(rows, to: Output.data)
            return
        }
        var text = ""
        DemoCustomerBase.writeCSV(rows) { text += $0 }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw CLIError("cannot write the demo base: \(FileManager.default.fileExists(atPath: path) ? "it already exists" : "\(error.localizedDescription)") (\(path))")
        }
        Output.error("wrote \(path): \(rows.count) transactions of \(DemoCustomerBase.defaultCustomerCount) customers")
    }
}
