import CampaignCore
import Foundation
import Testing

/// Every file under Fixtures/broken-plans must produce exactly the
/// `LINE:COLUMN: message` lines of its `.expected` file (worked out by hand
/// from the fixture text), in file order, and no plan.
@Suite struct BrokenPlanCorpusTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/broken-plans")

    static var fixtureNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func theCorpusHasAtLeastFifteenBrokenPlans() {
        #expect(Self.fixtureNames.count >= 15)
    }

    @Test(arguments: fixtureNames)
    func reportsExactlyTheExpectedProblems(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".yaml"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = PlanLoader.load(yaml: text)
        let reported = result.diagnostics.map { $0.formatted(file: name + ".yaml") }
        #expect(reported == expected.map { name + ".yaml:" + $0 })
        #expect(result.diagnostics.hasErrors)
    }
}
