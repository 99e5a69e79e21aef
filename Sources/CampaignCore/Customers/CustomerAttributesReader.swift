import CampaignText

/// Reads a customers CSV (RFC 4180, UTF-8, header first) into
/// `CustomerAttributes`: values cleaned by `cleaning`, and with `mergeOn`
/// the customers that share that column's value merged. Bad rows and values
/// are listed with their line and reason and reading goes on; only a file
/// without a header that names the id column stops it.
public enum CustomerAttributesReader {
    public struct FileError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func read(_ text: String, idColumn: String = "customer_id", cleaning: AttributeCleaning = .standard,
                            mergeOn: String? = nil) throws(FileError) -> CustomerAttributes {
        let scanner = CSVRecordScanner()
        var text = text
        text.withUTF8 { scanner.append(UnsafeRawBufferPointer($0)) }
        return try read(scanner, idColumn: idColumn, cleaning: cleaning, mergeOn: mergeOn) { false }
    }

    /// Reads the records `scanner` holds, calling `more` to feed it when the
    /// bytes held end inside a record (`more` returns false at the end of the
    /// input). A file is read so, chunk by chunk, never held whole: a
    /// customers file of millions of rows costs its rows, not its text twice.
    static func read(_ scanner: CSVRecordScanner, idColumn: String, cleaning: AttributeCleaning, mergeOn: String?,
                     more: () -> Bool) throws(FileError) -> CustomerAttributes {
        var header: [String]?
        var idIndex = 0
        var rows: [(line: Int, id: String, values: [String?])] = []
        var firstLine: [String: Int] = [:]
        var problems: [AttributeProblem] = []
        var rowsRead = 0
        var atEnd = false
        while true {
            guard let record = scanner.nextRecord(atEnd: atEnd) else {
                if atEnd { break }
                atEnd = !more()
                continue
            }
            if record.isBlank { continue }
            let fields = (0..<record.fieldCount).map { String(decoding: record.field($0), as: UTF8.self) }
            guard let columns = header else {
                let names = fields.map(SpaceTrimming.trimmed)
                guard let index = names.firstIndex(of: idColumn) else {
                    throw FileError(description: Phrase.customersNoIDColumn.text(idColumn, names.joined(separator: ", ")))
                }
                if let mergeOn, !names.contains(mergeOn) {
                    throw FileError(description: Phrase.customersNoMergeColumn.text(mergeOn, names.joined(separator: ", ")))
                }
                header = names
                idIndex = index
                continue
            }
            rowsRead += 1
            if record.quoteProblem != nil {
                problems.append(AttributeProblem(line: record.line, column: nil, reason: .unterminatedQuote))
                if record.spansLines { scanner.resynchronize() }
                continue
            }
            guard fields.count == columns.count else {
                problems.append(AttributeProblem(line: record.line, column: nil,
                                                 reason: .wrongFieldCount(expected: columns.count, found: fields.count)))
                continue
            }
            let id = SpaceTrimming.trimmed(fields[idIndex])
            guard !id.isEmpty else {
                problems.append(AttributeProblem(line: record.line, column: nil, reason: .emptyCustomerID))
                continue
            }
            if let first = firstLine[id] {
                problems.append(AttributeProblem(line: record.line, column: nil, reason: .repeatedCustomer(id, firstLine: first)))
                continue
            }
            firstLine[id] = record.line
            var values: [String?] = []
            for (index, column) in columns.enumerated() where index != idIndex {
                switch cleaning.clean(fields[index], column: column) {
                case .success(let value): values.append(value)
                case .failure(let reason):
                    values.append(nil)
                    problems.append(AttributeProblem(line: record.line, column: column, reason: reason))
                }
            }
            rows.append((record.line, id, values))
        }
        guard let header else { throw FileError(description: Phrase.customersEmptyFile.text(idColumn)) }
        let columns = header.enumerated().filter { $0.offset != idIndex }.map(\.element)
        return merged(rows, columns: columns, mergeOn: mergeOn, problems: problems, rowsRead: rowsRead)
    }

    /// Folds rows that share the merge column's value into the first of them;
    /// a value the first row lacks is taken from the next that has it.
    private static func merged(_ rows: [(line: Int, id: String, values: [String?])], columns: [String], mergeOn: String?,
                               problems: [AttributeProblem], rowsRead: Int) -> CustomerAttributes {
        var standing: [Int] = []          // index into rows of each kept row
        var keptByValue: [String: Int] = [:]
        var mergedInto: [Int: [Int]] = [:]
        let mergeIndex = mergeOn.flatMap { columns.firstIndex(of: $0) }
        for (index, row) in rows.enumerated() {
            if let mergeIndex, let shared = row.values[mergeIndex] {
                if let kept = keptByValue[shared] {
                    mergedInto[kept, default: []].append(index)
                    continue
                }
                keptByValue[shared] = index
            }
            standing.append(index)
        }
        var ids: [String] = [], values: [[String?]] = [], rowByID: [String: Int] = [:], merges: [CustomerMerge] = []
        for kept in standing {
            let row = ids.count
            var filled = rows[kept].values
            let others = mergedInto[kept] ?? []
            for other in others {
                for column in filled.indices where filled[column] == nil { filled[column] = rows[other].values[column] }
                rowByID[rows[other].id] = row
            }
            if let mergeIndex, let mergeOn, !others.isEmpty, let shared = rows[kept].values[mergeIndex] {
                merges.append(CustomerMerge(kept: rows[kept].id, merged: others.map { rows[$0].id }, column: mergeOn, value: shared))
            }
            ids.append(rows[kept].id)
            values.append(filled)
            rowByID[rows[kept].id] = row
        }
        var attributes = CustomerAttributes(columns: columns, ids: ids, rowByID: rowByID, values: values,
                                            problems: problems, merges: merges, rowsRead: rowsRead)
        attributes.mergeColumn = mergeOn
        return attributes
    }
}
