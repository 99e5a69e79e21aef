import ArgumentParser
import CampaignCore
import CampaignStore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new plan file from the built-in demo campaign.",
        discussion: """
        NAME becomes NAME.yaml (unless it already ends in .yaml or .yml) and the
        campaign id. An existing file is never overwritten.

        Examples:
          campaign-deck init spring-2026
          campaign-deck init plans/autumn.yaml --segments rfm
        """
    )

    @Argument(help: "The plan's name or file path.")
    var name: String

    @Option(help: "Segment set to start from: personas (3 personas, 40/35/25 % budget) or rfm (the classic RFM map).")
    var segments: DemoCampaign.SegmentSet = .personas

    func run() throws {
        let path: String
        do {
            path = try PlanFileName.path(forName: name)
        } catch {
            throw CLIError("cannot create plan: \(error.reason) (NAME '\(ControlCharacters.escaped(name))')",
                           hint: "give a name like spring-2026 or plans/autumn.yaml")
        }
        var document = PlanDocument(text: DemoCampaign.planText(segments: segments))
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if PlanDocument.isUsableID(id) {
            document = try document.setting([.key("campaign"), .key("id")], to: .text(id))
        }
        do {
            try AtomicFile.create(Data(document.text.utf8), at: path)
        } catch let error as AtomicFile.WriteError {
            throw CLIError("cannot create plan: \(error.reason) (\(path))",
                           hint: error.reason == "it already exists" ? "choose another name, or edit the existing plan" : nil,
                           code: error.reason == "it already exists" ? .badInput : .runtime)
        }
        Output.print("wrote \(path): \(document.plan?.tasks.count ?? 0) tasks, \(document.plan?.segments.count ?? 0) segments")
        Output.print("next: campaign-deck plan validate \(path)  ·  campaign-deck plan schedule \(path)")
    }
}

extension DemoCampaign.SegmentSet: ExpressibleByArgument {}
