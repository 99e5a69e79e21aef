/// Reads an ad platform's report file through a `ReportSource` mapping.
///
/// The whole file is read at once: an hourly export is a few thousand rows,
/// and it is re-read whole each time (its figures replace what the last
/// read of the same hours said), so there is no offset to resume from.
/// Decoding (`ReportTextDecoding`) comes first, then the project's CSV scanner
/// splits records; the first record is the header row.
public enum ReportFileReader {
    public static func read(path: String, source: ReportSource, timeZone: String,
                            limits: inout ReportRowLimits) throws(ReportFileError) -> ReportFile {
        try read(bytes: contents(of: path), name: path, source: source, timeZone: timeZone, limits: &limits)
    }

    /// With the default bounds and no names known before.
    public static func read(path: String, source: ReportSource, timeZone: String) throws(ReportFileError) -> ReportFile {
        var limits = ReportRowLimits()
        return try read(path: path, source: source, timeZone: timeZone, limits: &limits)
    }

    public static func read(bytes: [UInt8], name: String, source: ReportSource, timeZone: String) throws(ReportFileError) -> ReportFile {
        var limits = ReportRowLimits()
        return try read(bytes: bytes, name: name, source: source, timeZone: timeZone, limits: &limits)
    }

    /// `limits`: the rows' bounds, and the names known so far (the file's accepted rows add theirs).
    public static func read(bytes: [UInt8], name: String, source: ReportSource, timeZone: String,
                            limits: inout ReportRowLimits) throws(ReportFileError) -> ReportFile {
        let text = try ReportTextDecoding.utf8(bytes, encoding: source.encoding, path: name)
        let scanner = CSVRecordScanner(initialCapacity: max(text.count, 64))
        text.withUnsafeBytes { scanner.append($0) }
        var file = ReportFile(path: name)
        // A key per line at most (the header and duplicates aside): room for them all at once, so the
        // table is not rebuilt at every doubling (a 200,000-row file held old and new tables together).
        let lines = text.withUnsafeBytes { $0.reduce(into: 0) { count, byte in if byte == UInt8(ascii: "\n") { count += 1 } } }
        file.figures.reserveCapacity(lines + 1)
        file.keys.reserveCapacity(lines + 1)
        var header: [String]?
        var layout: [(target: ReportSource.Target, index: Int?, constant: String?, name: String)] = []
        var cells = ReportCells(timeZone: timeZone)
        while let record = scanner.nextRecord(atEnd: true) {
            if record.isBlank { continue }
            guard let known = header else {
                let names = (0..<record.fieldCount).map { cellText(record, $0) }
                header = names
                layout = try Self.layout(names, source: source, path: name)
                continue
            }
            file.rows += 1
            let excerpt = RejectedLineSample.excerpt(of: record.raw.assumingMemoryBound(to: UInt8.self), fullLength: record.raw.count)
            if record.quoteProblem != nil {
                // A quote that never closed: only its first line is lost, the next lines are rows again.
                if record.spansLines { scanner.resynchronize() }
                file.reject(line: record.line, .quoting, excerpt: excerpt)
                continue
            }
            if record.raw.count > limits.limits.maximumLineLength {
                file.reject(line: record.line, .tooLong(length: record.raw.count, limit: limits.limits.maximumLineLength), excerpt: excerpt)
                continue
            }
            if let problem = take(record, layout: layout, headerCount: known.count, cells: &cells, limits: &limits, into: &file) {
                file.reject(line: record.line, problem, excerpt: excerpt)
            }
        }
        if header == nil { throw .empty(path: name) }
        return file
    }

    /// Where each mapped target is in the header (a constant has no index).
    private static func layout(_ header: [String], source: ReportSource,
                               path: String) throws(ReportFileError) -> [(target: ReportSource.Target, index: Int?, constant: String?, name: String)] {
        var layout: [(target: ReportSource.Target, index: Int?, constant: String?, name: String)] = []
        for (target, column) in source.columns {
            switch column {
            case .constant(let value):
                layout.append((target, nil, value, value))
            case .header(let name):
                let found = header.indices.filter { header[$0] == name }
                guard let index = found.first else {
                    throw .missingHeader(path: path, column: name, source: source.id, target: target, header: header)
                }
                if found.count > 1 { throw .headerTwice(path: path, column: name) }
                layout.append((target, index, nil, name))
            }
        }
        return layout
    }

    /// Reads one data row into `file`; the reason when it is rejected.
    private static func take(_ record: CSVRecordScanner.Record, layout: [(target: ReportSource.Target, index: Int?, constant: String?, name: String)],
                             headerCount: Int, cells: inout ReportCells, limits: inout ReportRowLimits,
                             into file: inout ReportFile) -> ReportRowProblem? {
        var key = ReportFile.Key(hour: 0)
        var counters = KPICounters.zero
        for entry in layout {
            let text: String
            if let constant = entry.constant {
                text = constant
            } else {
                let index = entry.index!
                guard index < record.fieldCount else { return .short(cells: record.fieldCount, header: headerCount) }
                text = cellText(record, index)
            }
            let column = entry.name
            switch entry.target {
            case .ts:
                switch cells.hourStart(text, column: column) {
                case .success(let hour): key.hour = hour
                case .failure(let problem): return problem
                }
            case .channel, .segment, .campaign:
                guard !text.isEmpty else { return .emptyCell(column: column) }
                if entry.target == .channel { key.channel = text }
                if entry.target == .segment { key.segment = text }
                if entry.target == .campaign { key.campaign = text }
            case .spend, .revenue:
                switch ReportCells.money(text, column: column) {
                case .success(let amount):
                    if entry.target == .spend { counters.spend = amount } else { counters.revenue = amount }
                case .failure(let problem): return problem
                }
            case .impressions, .clicks, .conversions, .reach, .participants:
                switch ReportCells.count(text, column: column) {
                case .success(let count):
                    switch entry.target {
                    case .impressions: counters.impressions = count
                    case .clicks: counters.clicks = count
                    case .conversions: counters.conversions = count
                    case .reach: counters.reach = count
                    default: counters.participants = count
                    }
                case .failure(let problem): return problem
                }
            }
        }
        if let problem = limits.admit(key) { return problem }
        file.take(key, counters)
        return nil
    }

    /// A cell's text, spaces around it trimmed (exports pad numbers to align them).
    private static func cellText(_ record: CSVRecordScanner.Record, _ index: Int) -> String {
        trimmed(record.field(index))
    }

    /// `bytes` as text without the spaces and tabs around it (Unicode's Zs
    /// too, the ideographic space of a Chinese export). The ASCII ones are cut
    /// as bytes; Foundation's trimming, a tenth of a 200,000-row read, is
    /// asked only when a non-ASCII character begins or ends what is left.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> String {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        if start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) {
            return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private static func contents(of path: String) throws(ReportFileError) -> [UInt8] {
        let descriptor: Int32
        do { descriptor = try IntakeFile.open(path) } catch { throw .unreadable(path: path, reason: error.reason) }
        defer { IntakeFile.close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var failure: IntakeFile.Failure?
            let count = chunk.withUnsafeMutableBytes { buffer in
                do { return try IntakeFile.read(descriptor, into: buffer) } catch {
                    failure = (error as? IntakeFile.Failure) ?? IntakeFile.Failure(reason: String(describing: error))
                    return 0
                }
            }
            if let failure { throw .unreadable(path: path, reason: failure.reason) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

extension ReportFileReader {
    /// Reads report files for a command without a database (`kpi --source`):
    /// every file's hours, a later file's (or row's) figures for the same hour
    /// and scope replacing an earlier one's, handed to `consumer` as events.
    /// Returns the statistics in the shape JSON lines' reading gives them.
    public static func events(paths: [String], source: ReportSource, timeZone: String, limits: EventLimits = EventLimits(),
                              consumer: EventConsumer) throws -> IngestStats {
        var merged = ReportFile(path: "")
        var stats = IngestStats()
        var rowLimits = ReportRowLimits(limits)
        for path in paths {
            let file = try read(path: path, source: source, timeZone: timeZone, limits: &rowLimits)
            if merged.keys.isEmpty {
                // The first file's tables are taken as they are, not copied key by key beside themselves.
                merged.figures = file.figures
                merged.keys = file.keys
            } else {
                for key in file.keys { merged.take(key, file.figures[key]!) }
            }
            stats.linesRead += file.rows
            if file.rejected > 0 { stats.rejectedByKind[.reportRow, default: 0] += file.rejected }
            stats.samples += file.samples.prefix(IngestStats.sampleLimit - stats.samples.count)
        }
        var symbols = EventSymbols()
        // A slice of keys at a time, as `deliver(reportChanges:)` does: the consumer folds record by record.
        for start in stride(from: 0, to: merged.keys.count, by: ReportFile.recordSlice) {
            let slice = merged.keys[start..<min(start + ReportFile.recordSlice, merged.keys.count)]
            let records = ReportFile.records(slice.map { ($0, .zero, merged.figures[$0]!) }, symbols: &symbols)
            stats.eventsAccepted += records.count
            if !records.isEmpty { try consumer(records, symbols) }
        }
        return stats
    }
}
