import Testing
@testable import CampaignCore

/// Money adds and compares on its two 64-bit words with a carry (Money.swift
/// says why); Int128 arithmetic is the independent reference here, on values
/// chosen to carry and borrow across the words, negative ones included.
struct MoneyArithmeticTests {
    static let values: [Int128] = [
        0, 1, -1, 999, 1_000, Int128(UInt64.max), Int128(UInt64.max) + 1, -Int128(UInt64.max), Int128(Int64.max),
        Int128(Int64.min), 1_000_000_000_000_000 * Money.scale, -1_000_000_000_000_000 * Money.scale, 123_456_789_012_345,
    ]

    @Test func sumsDifferencesAndOrderMatchInt128() {
        for a in Self.values {
            for b in Self.values {
                let x = Money(nanos: a), y = Money(nanos: b)
                #expect((x + y).nanos == a + b, "\(a) + \(b)")
                #expect((x - y).nanos == a - b, "\(a) - \(b)")
                #expect((x < y) == (a < b), "\(a) < \(b)")
                var z = x
                z += y
                #expect(z == x + y)
            }
        }
    }

    @Test func doubleValueOfWholeMillionthsAndOfTheRest() {
        #expect(Money(nanos: 12_500_000_000).doubleValue == 12.5)
        #expect(Money(nanos: -12_500_000_000).doubleValue == -12.5)
        #expect(Money(nanos: 400).doubleValue == 400e-9)
        let large = 1_000_000_000_000_000 * Money.scale
        #expect(Money(nanos: large).doubleValue == 1e15)
    }
}
