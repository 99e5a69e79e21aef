import Foundation
@testable import CampaignCore
import Testing

/// The report reader's number and trimming rules, worked on bytes, against
/// the same rules written on Characters and Foundation here (the way the
/// reader read them before): the same verdict, problem and digits for
/// random cells made of the characters that matter (digits, separators,
/// signs, spaces of both widths, a combining mark, letters).
@Suite struct ReportCellBytesTests {
    /// The rule on Characters: `-`? then digits, plain or grouped by three
    /// with commas, then an optional `.digits`; `-0` is zero, any other
    /// negative number is refused.
    static func reference(_ text: String) -> Result<String, ReportRowProblem> {
        let column = "c"
        guard !text.isEmpty else { return .failure(.emptyCell(column: column)) }
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : nil
        func isDigits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        var plainWhole = String(whole)
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard isDigits(groups[0]), groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && isDigits($0) }) else {
                return .failure(.notNumber(column: column, text: text))
            }
            plainWhole = groups.joined()
        }
        guard isDigits(Substring(plainWhole)), fraction.map(isDigits) ?? true else {
            return .failure(.notNumber(column: column, text: text))
        }
        let plain = plainWhole + (fraction.map { "." + $0 } ?? "")
        if negative && plain.contains(where: { $0 != "0" && $0 != "." }) { return .failure(.negative(column: column, text: text)) }
        return .success(plain)
    }

    static let pieces = ["0", "1", "9", "12", "123", "1234", ",", ".", "-", "00", " ", "\u{3000}", "\u{00A0}", "\t",
                         "\u{0301}", "a", "%", "e", "¥", "五"]

    static func randomCell(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func numbersAreReadAsOnCharacters() {
        var generator = SystemRandomNumberGenerator()
        let fixed = ["", "-", "-0", "-0.00", "-1", "1,234,567.89", "1,23", "1234,567", ",123", "12.", ".5", "1.2.3",
                     "1\u{0301}", "1,2345", "999,999,999", "1,,234", "0.000000001", "-,"]
        for text in fixed + (0..<50_000).map({ _ in Self.randomCell(&generator) }) {
            let bytes = ReportCells.digits(text, column: "c").map { String(decoding: $0, as: UTF8.self) }
            #expect(bytes == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func trimmingCutsWhatFoundationCuts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let text = Self.randomCell(&generator)
            let trimmed = Array(text.utf8).withUnsafeBytes { ReportFileReader.trimmed($0) }
            #expect(trimmed == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
