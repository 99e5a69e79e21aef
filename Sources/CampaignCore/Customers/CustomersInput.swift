import CampaignText
import Foundation

/// Reads a customers file for `segment --customers` and a plan's
/// `customers:`, and words what was refused and merged, line by line, the
/// way the transactions' rejections are worded.
public enum CustomersInput {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func read(path: String, idColumn: String = "customer_id", cleaning: AttributeCleaning = .standard,
                            mergeOn: String?) throws(ReadError) -> CustomerAttributes {
        let descriptor: Int32
        do {
            descriptor = try IntakeFile.open(path)
        } catch {
            throw ReadError(description: Phrase.segCannotReadCustomers.text(error.reason, path))
        }
        defer { IntakeFile.close(descriptor) }
        // Fed in chunks: the scanner holds only the records not yet read.
        let scanner = CSVRecordScanner(initialCapacity: chunkSize)
        var failure: IntakeFile.Failure?
        let attributes: CustomerAttributes
        do throws(CustomerAttributesReader.FileError) {
            attributes = try CustomerAttributesReader.read(scanner, idColumn: idColumn, cleaning: cleaning, mergeOn: mergeOn) {
                scanner.fill(maximum: chunkSize) { buffer in
                    do throws(IntakeFile.Failure) {
                        return try IntakeFile.read(descriptor, into: buffer)
                    } catch {
                        failure = error
                        return 0
                    }
                } > 0
            }
        } catch {
            // A folder opens but fails at its first read: that is the error to tell, not the empty file it looks like.
            if let failure { throw ReadError(description: Phrase.segCannotReadCustomers.text(failure.reason, path)) }
            throw ReadError(description: "\(error.description) (\(path))")
        }
        if let failure { throw ReadError(description: Phrase.segCannotReadCustomers.text(failure.reason, path)) }
        return attributes
    }

    private static let chunkSize = 1 << 20

    /// What `plan` asks for beyond purchases: its lifecycle days, declared
    /// columns and customers file (`campaign.customers`, relative to
    /// `planFolder`), read with the plan's cleaning. `path` and `mergeOn`
    /// (the command line's) replace the plan's file and merge column.
    /// Returns the context and the lines to print about the file.
    public static func context(plan: Plan, planFolder: String?, path: String?, mergeOn: String?)
        throws(ReadError) -> (context: CustomerContext, report: [String]) {
        let source = plan.campaign.customers
        var context = CustomerContext(lifecycleRules: plan.lifecycle,
                                      declaredColumns: source?.columns.map { ($0.name, $0.kind == .number) } ?? [])
        let planned = source.map { source in
            source.file.hasPrefix("/") || (planFolder ?? "").isEmpty ? source.file : planFolder! + "/" + source.file
        }
        guard let file = path ?? planned else { return (context, []) }
        let attributes = try read(path: file, idColumn: source?.idColumn ?? CustomerSource.defaultIDColumn,
                                  cleaning: source?.cleaning ?? .standard, mergeOn: mergeOn ?? source?.mergeOn)
        context.attributes = attributes
        return (context, report(attributes, file: file))
    }

    /// `FILE:LINE: reason` for the first `shown` problems, then the merges
    /// and a closing count: for standard error.
    public static func report(_ attributes: CustomerAttributes, file: String, shown: Int = 20) -> [String] {
        var lines = attributes.problems.prefix(shown).map { "\(file):\($0.line): \($0.description)" }
        if attributes.problems.count > shown {
            lines.append(Phrase.segMoreCustomerProblems.text(attributes.problems.count - shown))
        }
        for merge in attributes.merges.prefix(shown) {
            lines.append(Phrase.segCustomersMerged.text(file, merge.merged.joined(separator: ", "), merge.kept, merge.column, merge.value))
        }
        if attributes.merges.count > shown {
            lines.append(Phrase.segMoreMerges.text(attributes.merges.count - shown))
        }
        if !attributes.problems.isEmpty || !attributes.merges.isEmpty {
            lines.append(Phrase.segCustomersAccount.text(
                file, Formatting.count(Int64(attributes.rowsRead)), Formatting.count(Int64(attributes.ids.count)),
                Formatting.count(Int64(attributes.problems.count)),
                Formatting.count(Int64(attributes.merges.reduce(0) { $0 + $1.merged.count }))))
        }
        return lines
    }
}
