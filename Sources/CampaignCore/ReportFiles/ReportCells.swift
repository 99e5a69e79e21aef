import Foundation

/// Reads one cell of a report row: a count, an amount of money, or the row's time.
///
/// Numbers are written as people export them: digits with an optional
/// decimal part, and thousands separators when grouped by three
/// (`1,234,567.89`). A percentage (`3.2%`), a currency sign or an exponent
/// is not a figure of these columns and rejects the row, as does a negative
/// number. Counts must be whole; amounts keep 1e-9 of the unit (SPEC §13).
struct ReportCells {
    private let calendar: Calendar
    /// `YYYY-MM-DD HH` → the hour's start (epoch ms): every row of an hour shares it.
    private var hours: [Substring: Int64] = [:]

    init(timeZone: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        self.calendar = calendar
    }

    static func count(_ text: String, column: String) -> Result<Int64, ReportRowProblem> {
        switch digits(text, column: column) {
        case .failure(let problem): return .failure(problem)
        case .success(let plain):
            let (_, outcome) = plain.withUnsafeBufferPointer {
                ScaledDecimal.convert($0, scale: 0, limit: UInt64(EventLineParser.maximumCount), rounding: false)
            }
            switch outcome {
            case .value(let value): return .success(Int64(value))
            case .fraction: return .failure(.notWhole(column: column, text: text))
            case .tooLarge: return .failure(.outOfRange(column: column, text: text, money: false))
            }
        }
    }

    static func money(_ text: String, column: String) -> Result<Money, ReportRowProblem> {
        switch digits(text, column: column) {
        case .failure(let problem): return .failure(problem)
        case .success(let plain):
            let (_, outcome) = plain.withUnsafeBufferPointer {
                ScaledDecimal.convert($0, scale: Money.decimalPlaces, limit: UInt128(Money.limit.nanos), rounding: true)
            }
            switch outcome {
            case .value(let nanos): return .success(Money(nanos: Int128(nanos)))
            case .fraction, .tooLarge: return .failure(.outOfRange(column: column, text: text, money: true))
            }
        }
    }

    /// The number's bytes without separators, checked to be `digits[.digits]`,
    /// not negative: the whole part's digits either plain or grouped by three
    /// (`1,234`, the first group one to three digits), then an optional `.`
    /// and at least one digit. `-0` and `-0.00` are zero, not negative.
    /// Worked on bytes, not Characters: a report has a number cell per
    /// column per row, and grapheme-by-grapheme splitting was a sixth of a
    /// 200,000-row read. A byte ≥ 0x80 is never a digit, so a combining mark
    /// after a digit rejects the cell as it did.
    static func digits(_ text: String, column: String) -> Result<[UInt8], ReportRowProblem> {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard !bytes.isEmpty else { return .failure(.emptyCell(column: column)) }
            let negative = bytes[0] == UInt8(ascii: "-")
            let start = negative ? 1 : 0
            let dot = bytes[start...].firstIndex(of: UInt8(ascii: "."))
            let wholeEnd = dot ?? bytes.count
            func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            var plain: [UInt8] = []
            plain.reserveCapacity(bytes.count)
            // Whole part: runs of digits between commas; with commas, every run but the first is three long.
            var run = 0, groups = 0, firstRun = 0
            for index in start..<wholeEnd {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    if groups == 0 { firstRun = run } else if run != 3 { return .failure(.notNumber(column: column, text: text)) }
                    groups += 1
                    run = 0
                } else if isDigit(byte) {
                    plain.append(byte)
                    run += 1
                } else {
                    return .failure(.notNumber(column: column, text: text))
                }
            }
            if groups > 0 && (firstRun == 0 || firstRun > 3 || run != 3) { return .failure(.notNumber(column: column, text: text)) }
            if plain.isEmpty { return .failure(.notNumber(column: column, text: text)) }
            if let dot {
                guard dot + 1 < bytes.count, bytes[(dot + 1)...].allSatisfy(isDigit) else {
                    return .failure(.notNumber(column: column, text: text))
                }
                plain.append(contentsOf: bytes[dot...])
            }
            if negative && plain.contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: ".") }) {
                return .failure(.negative(column: column, text: text))
            }
            return .success(plain)
        }
    }

    /// The start of the hour `text` (`YYYY-MM-DD HH:mm[:ss]`, campaign time) falls in.
    mutating func hourStart(_ text: String, column: String) -> Result<Int64, ReportRowProblem> {
        guard !text.isEmpty else { return .failure(.emptyCell(column: column)) }
        let scalars = Array(text.utf8)
        let shapeOK = (scalars.count == 16 || scalars.count == 19) && scalars.enumerated().allSatisfy { index, byte in
            switch index {
            case 4, 7: return byte == UInt8(ascii: "-")
            case 10: return byte == UInt8(ascii: " ")
            case 13, 16: return byte == UInt8(ascii: ":")
            default: return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            }
        }
        guard shapeOK else { return .failure(.badTime(column: column, text: text)) }
        func number(_ from: Int, _ length: Int) -> Int {
            scalars[from..<(from + length)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        let (year, month, day, hour, minute) = (number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2))
        let second = scalars.count == 19 ? number(17, 2) : 0
        guard (1970...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year),
              hour < 24, minute < 60, second < 60 else {
            return .failure(.impossibleTime(column: column, text: text))
        }
        let key = Substring(text.prefix(13))
        if let start = hours[key] { return .success(start) }
        let components = DateComponents(year: year, month: month, day: day, hour: hour)
        guard let date = calendar.date(from: components) else { return .failure(.impossibleTime(column: column, text: text)) }
        let start = Int64((date.timeIntervalSince1970 * 1000).rounded())
        hours[key] = start
        return .success(start)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
