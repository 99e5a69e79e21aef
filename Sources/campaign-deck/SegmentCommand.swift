import ArgumentParser
import CampaignCore
import CampaignText
import Foundation

struct SegmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "segment",
            abstract: Phrase.cliSegmentAbstract.text(),
            discussion: """
            \(Phrase.cliSegmentDiscussion.text())

            \(Phrase.cliExamples.text())
              # \(Phrase.cliExampleCustomers.text())
              campaign-deck segment customers.csv
              campaign-deck segment customers.csv --plan spring-2026.yaml --summary
              campaign-deck segment export.csv --customer-col member --date-col paid_at \\
                  --amount-col total
              campaign-deck segment customers.csv --as-of 2026-03-01 --format csv > \\
                  scored.csv
              # \(Phrase.segExampleCustomersFile.text())
              campaign-deck segment tx.csv --customers people.csv --merge-on phone \\
                  --summary
              # \(Phrase.segExampleCLV.text())
              campaign-deck segment tx.csv --calibration-end 2026-09-30 --summary \\
                  --format json
              # \(Phrase.cliExampleDemoByPersona.text())
              campaign-deck segment demo --summary
              # \(Phrase.cliExampleDemoRFM.text())
              campaign-deck segment demo --plan demo-rfm --summary
              # \(Phrase.cliExampleSaveDemo.text())
              campaign-deck segment demo --write-demo demo.csv
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliSegmentTransactions.text()))
    var transactions: String

    @Option(help: ArgumentHelp(Phrase.cliSegmentPlan.text()))
    var plan: String = "demo"

    @Option(name: .customLong("as-of"), help: ArgumentHelp(Phrase.cliSegmentAsOf.text()))
    var asOf: String?

    @Flag(help: ArgumentHelp(Phrase.cliSegmentSummary.text()))
    var summary = false

    @Option(name: .customLong("customer-col"), help: ArgumentHelp(Phrase.cliSegmentCustomerColumn.text()))
    var customerColumn = TransactionColumns.default.customer

    @Option(name: .customLong("date-col"), help: ArgumentHelp(Phrase.cliSegmentDateColumn.text()))
    var dateColumn = TransactionColumns.default.date

    @Option(name: .customLong("amount-col"), help: ArgumentHelp(Phrase.cliSegmentAmountColumn.text()))
    var amountColumn = TransactionColumns.default.amount

    @Option(name: .customLong("category-col"), help: ArgumentHelp(Phrase.behavCategoryColumnHelp.text()))
    var categoryColumn = TransactionColumns.default.category

    @Option(name: .customLong("channel-col"), help: ArgumentHelp(Phrase.behavChannelColumnHelp.text()))
    var channelColumn = TransactionColumns.default.channel

    @Option(help: ArgumentHelp(Phrase.segCustomersOption.text("customer_id")))
    var customers: String?

    @Option(name: .customLong("merge-on"), help: ArgumentHelp(Phrase.segMergeOnOption.text()))
    var mergeOn: String?

    @Option(help: ArgumentHelp(Phrase.segBehaviourOption.text("browse", "add_to_cart", "user")))
    var behaviour: String?

    @Flag(help: ArgumentHelp(Phrase.segCLVOption.text("Gamma-Gamma", "p_alive", "expected_purchases_90d", "clv_90d")))
    var clv = false

    @Option(name: .customLong("calibration-end"), help: ArgumentHelp(Phrase.segCalibrationEndOption.text()))
    var calibrationEnd: String?

    @Option(help: ArgumentHelp(Phrase.cliSegmentLimit.text()))
    var limit = 50

    @Option(name: .customLong("write-demo"), help: ArgumentHelp(Phrase.cliSegmentWriteDemo.text()))
    var writeDemo: String?

    @OptionGroup var output: FormatOption

    func run() throws {
        if let writeDemo { return try Self.writeDemoBase(to: writeDemo) }
        let (plan, planPath) = try loadPlan()
        let asOf = try PlanInput.day(asOf, option: "--as-of")
        let history = try readHistory()
        Self.reportRejections(history, file: transactions)
        let context = try customerContext(plan: plan, planPath: planPath, history: history, asOf: asOf)
        let segmentation: Segmentation
        do {
            segmentation = try Segmentation(history: history, plan: plan, asOf: asOf, context: context)
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

    /// The plan, and its file's path when it has one (its `customers:` file is relative to it).
    private func loadPlan() throws -> (Plan, String?) {
        if plan == "demo-rfm" {
            guard let plan = PlanLoader.load(yaml: DemoCampaign.planText(segments: .rfm)).plan else {
                throw CLIError(Phrase.cliRFMPlanBroken.text(), code: .runtime)
            }
            return (plan, nil)
        }
        return (try PlanInput.loadValid(plan).plan, plan == "demo" ? nil : plan)
    }

    // MARK: - Reading

    /// The customers file (the plan's or `--customers`), behaviour and lifetime
    /// value asked for; `--calibration-end` implies `--clv`, whose default end
    /// is the as-of day's eve (all the data).
    private func customerContext(plan: Plan, planPath: String?, history: PurchaseHistory, asOf: Day?) throws -> CustomerContext {
        if mergeOn != nil, customers == nil, plan.campaign.customers == nil {
            throw CLIError(Phrase.segMergeOnNeedsCustomers.text() + " (--merge-on)")
        }
        var context: CustomerContext
        do {
            let folder = planPath.map { ($0 as NSString).deletingLastPathComponent }
            let read = try CustomersInput.context(plan: plan, planFolder: folder, path: customers, mergeOn: mergeOn)
            read.report.forEach(Output.error)
            context = read.context
        } catch {
            throw CLIError(error.description)
        }
        if let behaviour {
            do {
                context.behaviour = try BehaviourInput.history(path: behaviour)
            } catch {
                throw CLIError(error.description)
            }
            context.behaviour.map { Output.error($0.summaryLine(source: behaviour)) }
        }
        if let end = try PlanInput.day(calibrationEnd, option: "--calibration-end") {
            context.calibrationEnd = end
        } else if clv {
            context.calibrationEnd = (asOf ?? history.defaultAsOf).map { $0 - 1 }
        }
        return context
    }

    private func readHistory() throws -> PurchaseHistory {
        if transactions == "demo" { return DemoCustomerBase.history() }
        do {
            return try TransactionsInput.history(
                path: transactions, columns: TransactionColumns(customer: customerColumn, date: dateColumn, amount: amountColumn,
                                                              // Another name than the default must be in the header.
                                                              category: categoryColumn == TransactionColumns.default.category ? nil : categoryColumn,
                                                              channel: channelColumn == TransactionColumns.default.channel ? nil : channelColumn),
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
        CommandLineMessages.segmentRejections(history, file: file, shown: shown).forEach(Output.error)
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
            let reason = FileManager.default.fileExists(atPath: path) ? Phrase.cliFileExists.text() : error.localizedDescription
            throw CLIError(Phrase.cliDemoBaseCannotWrite.text(reason, path))
        }
        Output.error(Phrase.cliDemoBaseWrote.text(path, rows.count, DemoCustomerBase.defaultCustomerCount))
    }
}
