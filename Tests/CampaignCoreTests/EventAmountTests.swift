import Testing
@testable import CampaignCore

/// `amount` is read digit by digit into micros (millionths), never through Double.
@Suite struct EventAmountTests {
    func micros(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int64? {
        EventFixture.record(#"{"ts":0,"type":"spend","amount":\#(text)}"#, sourceLocation: sourceLocation)?.amount.micros
    }

    @Test func exactDecimals() {
        #expect(micros("19.99") == 19_990_000)
        #expect(micros("0.1") == 100_000)  // 0.1 has no exact Double; here it is exact
        #expect(micros("0.000001") == 1)
        #expect(micros("123456.789012") == 123_456_789_012)
        #expect(micros("7") == 7_000_000)
        #expect(micros("0") == 0)
        #expect(micros("-0") == 0)
    }

    @Test func exponents() {
        #expect(micros("1.5e3") == 1_500_000_000)  // 1 500 units
        #expect(micros("15E-1") == 1_500_000)  // 1.5
        #expect(micros("1e-6") == 1)
        #expect(micros("2.5e+2") == 250_000_000)
        #expect(micros("0e999") == 0)
        #expect(micros("1e-999999") == 0)
    }

    @Test func beyondSixDecimalsRoundsHalfToEven() {
        // The 7th decimal decides; exactly 5 with nothing after goes to the even neighbour.
        #expect(micros("0.0000005") == 0)  // 0.5 micro → 0 (even)
        #expect(micros("0.0000015") == 2)  // 1.5 → 2 (even)
        #expect(micros("0.0000025") == 2)  // 2.5 → 2 (even)
        #expect(micros("0.00000251") == 3)  // above the half → up
        #expect(micros("0.0000024999") == 2)  // below the half → down
        #expect(micros("0.1234565") == 123_456)  // …6.5 → 6 (even)
        #expect(micros("0.1234575") == 123_458)  // …7.5 → 8 (even)
        #expect(micros("0.12345650000000000000001") == 123_457)  // a far nonzero digit breaks the tie
        #expect(micros("0.9999995") == 1_000_000)  // rounding carries into the units
        #expect(micros("25e-7") == 2)  // 2.5 micros via exponent
    }

    @Test func limits() {
        // 10^12 units = 10^18 micros is the largest accepted amount.
        #expect(micros("1000000000000") == 1_000_000_000_000_000_000)
        #expect(micros("1e12") == 1_000_000_000_000_000_000)
        #expect(micros("999999999999.9999994") == 999_999_999_999_999_999)
        // …999.5 micros: the tie goes to the even neighbour, which is the limit itself.
        #expect(micros("999999999999.9999995") == 1_000_000_000_000_000_000)
        // The limit plus 0.6 micro rounds to one micro over it.
        #expect(EventFixture.rejection(#"{"ts":0,"type":"spend","amount":1000000000000.0000006}"#) == "'amount' out of range")
        #expect(micros("1000000000000.0000005") == 1_000_000_000_000_000_000)
    }

    @Test func longDigitStrings() {
        // 40 significant digits: only the first 6 decimals count, the rest round.
        #expect(micros("0.0000010000000000000000000000000000000001") == 1)
        #expect(micros("12.000000000000000000000000000000000000000") == 12_000_000)
    }
}
