import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

/// A baseline rule's cell in the KPI pane: its usual band, and its place in
/// the narrow threshold column.
@Suite struct KPIUsualCellTests {
    static func row(_ cells: [DashboardSnapshot.AlertCell]) -> DashboardSnapshot.KPIRow {
        DashboardSnapshot.KPIRow(key: "douyin", values: KPIValues(counters: .zero), alerts: cells, sparkline: [])
    }

    static let fixed = DashboardSnapshot.AlertCell(rule: "CTR below 1%", metric: "ctr", state: .ok, threshold: "<1%")
    static func baseline(_ band: ClosedRange<Double>?) -> DashboardSnapshot.AlertCell {
        var cell = DashboardSnapshot.AlertCell(rule: "CTR far below usual", metric: "ctr", state: .ok, threshold: "<3.5")
        cell.isBaseline = true
        cell.usual = band.map { DashboardSnapshot.UsualReading(median: 0.035, band: $0, robustZ: -1.2) }
        return cell
    }

    @Test func aBandComesBeforeTheFixedThresholds() {
        Language.$override.withValue(.english) {
            // 0.0216566…0.0483434 with one decimal of a percent.
            #expect(KPICell.thresholds(Self.row([Self.fixed, Self.baseline(0.0216566...0.0483434)]), shown: [.ctr])
                == "CTR usual 2.2–4.8%, CTR <1%")
            // Without points yet the dash goes last: the fixed rule says more.
            #expect(KPICell.thresholds(Self.row([Self.baseline(nil), Self.fixed]), shown: [.ctr]) == "CTR <1%, CTR usual –")
        }
        Language.$override.withValue(.chinese) {
            #expect(KPICell.thresholds(Self.row([Self.fixed, Self.baseline(0.0216566...0.0483434)]), shown: [.ctr])
                == "CTR 常态 2.2–4.8%, CTR <1%")
        }
    }

    @Test func hoursOutsideTheirOwnBandAreMarked() {
        // Each hour against its own band: 0.02 is inside 0.015…0.03, 0.01 is below it,
        // 0.05 is above 0.02…0.04, and an hour without a band or a value is never marked.
        let values: [Double?] = [0.02, 0.01, 0.05, nil, 0.03]
        let bands: [ClosedRange<Double>?] = [0.015...0.03, 0.015...0.03, 0.02...0.04, 0.01...0.02, nil]
        #expect(Sparkline.outsideBand(values, bands: bands, width: 10) == [false, true, true, false, false])
        #expect(Sparkline.outsideBand(values, bands: bands, width: 2) == [false, false])
        #expect(Sparkline.outsideBand(values, bands: [], width: 5) == [])
    }
}
