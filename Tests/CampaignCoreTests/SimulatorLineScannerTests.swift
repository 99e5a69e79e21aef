@testable import CampaignCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small, independent reader for the simulator's JSON Lines: a flat-object
/// scanner that does not depend on the generator's key order. It works on raw
/// bytes with `memchr` so that a whole 70-day run can be read back in a debug
/// build within seconds (the format tests check samples with
/// JSONSerialization instead).
struct ScannedLine {
    /// Byte ranges of string values inside the scanned buffer.
    var ts: Range<Int> = 0..<0
    var type: Range<Int> = 0..<0
    var channel: Range<Int> = 0..<0
    var user: Range<Int> = 0..<0
    var count: Int?
    /// `amount` in cents, parsed exactly from its text; nil when absent or not whole cents.
    var amountCents: Int?

    /// Reads the object `{"key":"text"|number,...}` in `bytes[range]`; nil when it is not one.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), close = UInt8(ascii: "}")
        let end = range.upperBound
        func next(_ byte: UInt8, from: Int) -> Int? {
            guard from < end, let hit = memchr(bytes.baseAddress! + from, Int32(byte), end - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.baseAddress!)
        }
        guard range.count > 1, bytes[range.lowerBound] == UInt8(ascii: "{") else { return nil }
        var index = range.lowerBound + 1
        while index < end {
            guard bytes[index] == quote, let keyEnd = next(quote, from: index + 1) else { return nil }
            let key = Self.key(bytes, index + 1, keyEnd)
            index = keyEnd + 1
            guard index + 1 < end, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            if bytes[index] == quote {
                guard let valueEnd = next(quote, from: index + 1) else { return nil }
                let value = (index + 1)..<valueEnd
                switch key {
                case .ts: ts = value
                case .type: type = value
                case .channel: channel = value
                case .user: user = value
                default: break
                }
                index = valueEnd + 1
            } else {
                let valueStart = index
                while index < end, bytes[index] != comma, bytes[index] != close { index += 1 }
                switch key {
                case .count: count = Self.integer(bytes, valueStart..<index)
                case .amount: amountCents = Self.cents(bytes, valueStart..<index)
                default: break
                }
            }
            guard index < end else { return nil }
            if bytes[index] == close {
                guard index == end - 1 else { return nil }
                return
            }
            guard bytes[index] == comma else { return nil }
            index += 1
        }
        return nil
    }

    enum Key { case ts, type, channel, user, count, amount, other }

    /// Which key this is, by length and first letter: cheap enough for millions of lines in a debug build.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Key {
        switch (end - start, bytes[start]) {
        case (2, UInt8(ascii: "t")): return .ts
        case (4, UInt8(ascii: "t")): return .type
        case (4, UInt8(ascii: "u")): return .user
        case (7, UInt8(ascii: "c")): return .channel
        case (5, UInt8(ascii: "c")): return .count
        case (6, UInt8(ascii: "a")): return .amount
        default: return .other
        }
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index]
            guard digit >= 48, digit <= 57 else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return value
    }

    /// `12`, `12.5`, `12.34` → cents; more than two decimals → nil.
    static func cents(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let dot = range.first(where: { bytes[$0] == UInt8(ascii: ".") }) else {
            return integer(bytes, range).map { $0 * 100 }
        }
        let digits = range.upperBound - dot - 1
        guard let whole = integer(bytes, range.lowerBound..<dot), (1...2).contains(digits),
              let part = integer(bytes, (dot + 1)..<range.upperBound) else { return nil }
        return whole * 100 + (digits == 1 ? part * 10 : part)
    }

    /// Calls `body` with each complete line of `bytes` (without its newline);
    /// returns where the unfinished tail starts.
    static func lines(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) -> Int {
        var start = 0
        while start < bytes.count, let hit = memchr(bytes.baseAddress! + start, 10, bytes.count - start) {
            let newline = UnsafeRawPointer(hit) - UnsafeRawPointer(bytes.baseAddress!)
            body(start..<newline)
            start = newline + 1
        }
        return start
    }
}

extension UnsafeBufferPointer<UInt8> {
    func text(_ range: Range<Int>) -> String { String(decoding: self[range], as: UTF8.self) }
}

@Suite struct SimulatorLineScannerTests {
    @Test func theScannerAgreesWithJSONSerialization() throws {
        let plan = try #require(PlanLoader.load(yaml: DemoCampaign.planText()).plan)
        let text = CampaignSimulator(plan: plan, from: plan.campaign.start + 30, days: 1).text()
        var checked = 0
        for line in text.split(separator: "\n").prefix(3_000) {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            try Array(line.utf8).withUnsafeBufferPointer { bytes in
                let scanned = try #require(ScannedLine(bytes, 0..<bytes.count))
                #expect(bytes.text(scanned.type) == object["type"] as? String)
                #expect(bytes.text(scanned.ts) == object["ts"] as? String)
                #expect(bytes.text(scanned.channel) == object["channel"] as? String)
                #expect(scanned.count == (object["count"] as? NSNumber)?.intValue)
                if let amount = object["amount"] as? NSNumber {
                    #expect(scanned.amountCents == Int((amount.doubleValue * 100).rounded()))
                }
            }
            checked += 1
        }
        #expect(checked == 3_000)
        for (text, cents) in [("12.345", nil), ("12.3", 1_230), ("7", 700), ("0.05", 5), ("1.", nil)] as [(String, Int?)] {
            Array(text.utf8).withUnsafeBufferPointer { #expect(ScannedLine.cents($0, 0..<$0.count) == cents, "\(text)") }
        }
    }
}
