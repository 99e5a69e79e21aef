import Testing
@testable import CampaignCore

/// `amount` is read digit by digit into billionths, never through Double.
@Suite struct EventAmountTests {
    func nanos(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int128? {
        EventFixture.record(#"{"ts":0,"type":"spend","amount":\#(text)}"#, sourceLocation: sourceLocation)?.amount.nanos
    }

    @Test func exactDecimals() {
        #expect(nanos("19.99") == 19_990_000_000)
        #expect(nanos("0.1") == 100_000_000)  // 0.1 has no exact Double; here it is exact
        #expect(nanos("0.000001") == 1_000)
        #expect(nanos("0.000000001") == 1)
        #expect(nanos("0.0000004") == 400)  // was rounded to 0 when money was kept in millionths
        #expect(nanos("123456.789012345") == 123_456_789_012_345)
        #expect(nanos("7") == 7_000_000_000)
        #expect(nanos("0") == 0)
        #expect(nanos("-0") == 0)
    }

    @Test func exponents() {
        #expect(nanos("1.5e3") == 1_500_000_000_000)  // 1 500 units
        #expect(nanos("15E-1") == 1_500_000_000)  // 1.5
        #expect(nanos("1e-9") == 1)
        #expect(nanos("2.5e+2") == 250_000_000_000)
        #expect(nanos("0e999") == 0)
        #expect(nanos("1e-999999") == 0)
    }

    @Test func beyondNineDecimalsRoundsHalfToEven() {
        // The 10th decimal decides; exactly 5 with nothing after goes to the even neighbour.
        #expect(nanos("0.0000000005") == 0)  // 0.5 billionth → 0 (even)
        #expect(nanos("0.0000000015") == 2)  // 1.5 → 2 (even)
        #expect(nanos("0.0000000025") == 2)  // 2.5 → 2 (even)
        #expect(nanos("0.00000000251") == 3)  // above the half → up
        #expect(nanos("0.0000000024999") == 2)  // below the half → down
        #expect(nanos("0.1234567865") == 123_456_786)  // …6.5 → 6 (even)
        #expect(nanos("0.1234567875") == 123_456_788)  // …7.5 → 8 (even)
        #expect(nanos("0.12345678650000000000001") == 123_456_787)  // a far nonzero digit breaks the tie
        #expect(nanos("0.9999999995") == 1_000_000_000)  // rounding carries into the units
        #expect(nanos("25e-10") == 2)  // 2.5 billionths via exponent
        #expect(nanos("12.300000000000001") == 12_300_000_000)  // float noise is absorbed
    }

    @Test func limits() {
        // 10^15 units = 10^24 billionths is the largest accepted amount.
        let limit: Int128 = 1_000_000_000_000_000_000_000_000
        #expect(nanos("1000000000000000") == limit)
        #expect(nanos("1e15") == limit)
        #expect(nanos("999999999999999.9999999994") == limit - 1)
        // …999.5 billionths: the tie goes to the even neighbour, which is the limit itself.
        #expect(nanos("999999999999999.9999999995") == limit)
        // The limit plus 0.6 billionth rounds to one billionth over it.
        #expect(EventFixture.rejection(#"{"ts":0,"type":"spend","amount":1000000000000000.0000000006}"#)
            == "'amount' out of range (at most 1e15)")
        #expect(nanos("1000000000000000.0000000005") == limit)
    }

    @Test func longDigitStrings() {
        // 40 significant digits: only the first 9 decimals count, the rest round.
        #expect(nanos("0.0000000010000000000000000000000000000001") == 1)
        #expect(nanos("12.000000000000000000000000000000000000000") == 12_000_000_000)
    }
}
