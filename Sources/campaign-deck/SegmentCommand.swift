import ArgumentParser
import CampaignCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        error; exact duplicate rows are counted once. Scores are quintiles 1-5 over
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
        case (true, .json): Output.print(SegmentReport.summaryJSON(segmentation, history: history).serialized(pretty: true))
        case (true, .csv): Output.raw(SegmentReport.summaryCSV(segmentation))
        case (false, .table):
            Output.raw(SegmentReport.customersTable(segmentation, limit: limit == 0 ? Int.max : limit))
        case (false, .json): SegmentReport.writeCustomersJSON(segmentation, rejected: history.rejected, to: Output.raw)
        case (false, .csv): SegmentReport.writeCustomersCSV(segmentation, to: Output.raw)
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
        let descriptor = transactions == "-" ? STDIN_FILENO : open(transactions, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw CLIError("cannot read transactions: \(reason) (\(transactions))",
                           hint: errno == ENOENT ? "pass a CSV file, or `demo` for the generated demo base" : nil)
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let size = Self.fileSize(descriptor)
        let columns = TransactionColumns(customer: customerColumn, date: dateColumn, amount: amountColumn)
        if size > 0 {
            // A regular file: read at known offsets, on two threads when it is big.
            // (Standard input below: in chunks as they come, with a progress line.)
            let progress = FileProgress(size: size, shown: ProgressLine(descriptor: descriptor, size: size))
            defer { progress.finish() }
            do {
                return try TransactionFile.read(size: size, columns: columns) { offset, buffer in
                    let count = try Self.read(descriptor, at: offset, into: buffer)
                    progress.add(bytes: count)
                    return count
                }
            } catch let error as TransactionInputError {
                throw CLIError("\(error) (\(transactions))", hint: error.hint)
            }
        }
        let reader = TransactionReader(columns: columns, expectedBytes: size)
        var progress = ProgressLine(descriptor: descriptor, size: size)
        do {
            while try reader.fill({ buffer in try Self.read(descriptor, into: buffer) }) > 0 {
                progress.update(rows: reader.rowsRead, bytes: reader.bytesRead)
            }
            progress.clear()
            return try reader.finish()
        } catch let error as TransactionInputError {
            progress.clear()
            throw CLIError("\(error) (\(transactions))", hint: error.hint)
        } catch let error as CLIError {
            progress.clear()
            throw error
        }
    }

    /// 0 when unknown (a pipe).
    static func fileSize(_ descriptor: Int32) -> Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
    }

    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw CLIError("cannot read transactions: \(String(cString: strerror(errno)))", code: .runtime)
        }
    }

    private static func read(_ descriptor: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw CLIError("cannot read transactions: \(String(cString: strerror(errno)))", code: .runtime)
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
    }

    // MARK: - Demo base

    private static func writeDemoBase(to path: String) throws {
        let rows = DemoCustomerBase.transactions()
        if path == "-" {
            DemoCustomerBase.writeCSV(rows, to: Output.raw)
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

/// "rows read, MB/s" on standard error while a big file is read, only when
/// standard error is a terminal (a log or a pipe gets no carriage-return noise).
private struct ProgressLine {
    private let enabled: Bool
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    init(descriptor: Int32, size: Int) {
        // Small files finish before a progress line could be read.
        enabled = Output.standardErrorIsTerminal && (size >= 32 << 20 || size == 0 && descriptor == STDIN_FILENO)
    }

    var isEnabled: Bool { enabled }

    /// `rows` nil when the rows are counted on several threads (a file read in halves).
    mutating func update(rows: Int?, bytes: Int, of size: Int = 0) {
        guard enabled, Date().timeIntervalSince(lastShown) >= 0.25 else { return }
        lastShown = Date()
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let megabytes = Double(bytes) / 1_048_576
        var text = "\r\u{1B}[K  "
        if let rows { text += "\(Formatting.count(Int64(rows))) rows read · " }
        text += "\(Formatting.fixed(megabytes, decimals: 0)) MB"
        if size > 0 {
            text += " of \(Formatting.fixed(Double(size) / 1_048_576, decimals: 0)) MB (\(Int(Double(bytes) * 100 / Double(size)))%)"
        }
        write(text + " · \(Formatting.fixed(megabytes / seconds, decimals: 0)) MB/s")
        shown = true
    }

    mutating func clear() {
        guard shown else { return }
        write("\r\u{1B}[K")
        shown = false
    }

    /// Raw, because `Output.error` would show the carriage return instead of obeying it.
    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// The progress line for a file read on two threads: the readers add the
/// bytes they read; a reporter thread shows them four times a second.
private final class FileProgress: @unchecked Sendable {
    private let size: Int
    private let bytes = Atomic<Int>(0)
    private let done = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    private let enabled: Bool

    init(size: Int, shown: ProgressLine) {
        self.size = size
        enabled = shown.isEnabled
        guard enabled else { return }
        let thread = Thread { [self] in
            var line = shown
            while !done.load(ordering: .acquiring) {
                line.update(rows: nil, bytes: bytes.load(ordering: .relaxed), of: size)
                Thread.sleep(forTimeInterval: 0.05)
            }
            line.clear()
            stopped.signal()
        }
        thread.start()
    }

    func add(bytes count: Int) { bytes.wrappingAdd(count, ordering: .relaxed) }

    /// Stops the reporter and waits until it has cleared its line.
    func finish() {
        guard enabled, !done.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopped.wait()
    }
}

// `read` and `write` are also method names here, so call the C functions by module.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
