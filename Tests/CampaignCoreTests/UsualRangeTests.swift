@testable import CampaignCore
import Testing

/// The usual range of a KPI, worked by hand: the example of a
/// channel at 2 % CTR on a Tuesday morning when it is usually 3.5 %.
@Suite struct UsualRangeTests {
    /// Fourteen Tuesdays-at-ten of CTR: around 3.5 %, one bad day (1 %).
    static let past = [0.034, 0.036, 0.035, 0.033, 0.037, 0.035, 0.010, 0.036, 0.034, 0.035, 0.036, 0.034, 0.035, 0.037]

    @Test func medianAndMADByHand() throws {
        let usual = try #require(UsualRange(Self.past, minimumPoints: 7))
        // Sorted: .010 .033 .034 .034 .034 .035 .035 | .035 .035 .036 .036 .036 .037 .037 → median .035.
        #expect(abs(usual.median - 0.035) < 1e-12)
        // |x − .035|: .001 .001 0 .002 .002 0 .025 .001 .001 0 .001 .001 0 .002
        // sorted: 0 0 0 0 .001 .001 .001 | .001 .001 .001 .002 .002 .002 .025 → MAD .001.
        #expect(abs(usual.mad - 0.001) < 1e-12)
        #expect(usual.points == 14)
        // The bad day did not drag "usual" down: the mean would be 0.0334.
    }

    @Test func twoPercentOnAUsualThreeAndAHalfIsFarBelow() throws {
        let usual = try #require(UsualRange(Self.past, minimumPoints: 7))
        // z = (0.020 − 0.035) / (1.4826 × 0.001) = −10.117…
        let z = try #require(usual.robustZ(0.020))
        #expect(abs(z - -0.015 / 0.0014826) < 1e-9)
        #expect(usual.isUnusual(0.020, .below, z: 3.5, minChange: 0.30), "−43 %: beyond both")
        // 0.0340 is z −0.67: not unusual, whatever the min change.
        #expect(!usual.isUnusual(0.034, .below, z: 3.5, minChange: 0))
        // 0.0290: z −4.05 but only −17 %: a 30 % min change keeps it quiet.
        #expect(!usual.isUnusual(0.029, .below, z: 3.5, minChange: 0.30))
        #expect(usual.isUnusual(0.029, .below, z: 3.5, minChange: 0.15))
        #expect(abs(usual.threshold(.below, minChange: 0.30) - 0.0245) < 1e-12)
        let band = usual.band(z: 3.5)
        #expect(abs(band.lowerBound - (0.035 - 3.5 * 0.0014826)) < 1e-12)
    }

    @Test func aFlatPastLetsTheMinimumChangeDecide() throws {
        let usual = try #require(UsualRange(Array(repeating: 100, count: 10), minimumPoints: 7))
        #expect(usual.mad == 0 && usual.robustZ(50) == nil)
        #expect(usual.isUnusual(69, .below, z: 3.5, minChange: 0.30))
        #expect(!usual.isUnusual(71, .below, z: 3.5, minChange: 0.30))
        #expect(!usual.isUnusual(100, .below, z: 3.5, minChange: 0), "no change is never unusual")
        #expect(usual.isUnusual(131, .above, z: 3.5, minChange: 0.30))
    }

    @Test func tooFewPointsIsNoData() {
        #expect(UsualRange([1, 2, 3, 4, 5, 6], minimumPoints: 7) == nil)
        #expect(UsualRange([], minimumPoints: 0) == nil, "a median needs one point at least")
        #expect(UsualRange([1, 2, 3], minimumPoints: 3)?.median == 2)
    }

    @Test func aZeroMedianOnlyRises() throws {
        let usual = try #require(UsualRange([0, 0, 0, 0, 0, 0, 0], minimumPoints: 7))
        #expect(usual.isUnusual(5, .above, z: 3.5, minChange: 0.30))
        #expect(!usual.isUnusual(0, .below, z: 3.5, minChange: 0.30))
    }

    @Test func evenCountsTakeTheMiddlePair() {
        #expect(UsualRange.median([4, 1, 3, 2]) == 2.5)
        #expect(UsualRange.median([7]) == 7)
    }
}
