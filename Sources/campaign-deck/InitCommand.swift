import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText
import Foundation

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: Phrase.cliInitAbstract.text(),
            discussion: """
            \(Phrase.cliInitDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck init spring-2026
              campaign-deck init plans/autumn.yaml --segments rfm
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliInitName.text()))
    var name: String

    @Option(help: ArgumentHelp(Phrase.cliInitSegments.text()))
    var segments: DemoCampaign.SegmentSet = .personas

    func run() throws {
        let path: String
        do {
            path = try PlanFileName.path(forName: name)
        } catch {
            throw CLIError(Phrase.cliInitCannotCreate.text(error.reason, "NAME '\(ControlCharacters.escaped(name))'"),
                           hint: Phrase.cliInitNameHint.text())
        }
        var document = PlanDocument(text: DemoCampaign.planText(segments: segments))
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if PlanDocument.isUsableID(id) {
            document = try document.setting([.key("campaign"), .key("id")], to: .text(id))
        }
        do {
            try AtomicFile.create(Data(document.text.utf8), at: path)
        } catch let error as AtomicFile.WriteError {
            throw CLIError(Phrase.cliInitCannotCreate.text(error.reason, path),
                           hint: error.alreadyExisted ? Phrase.cliInitExistsHint.text() : nil,
                           code: error.alreadyExisted ? .badInput : .runtime)
        }
        Output.print(Phrase.cliInitWrote.text(path, document.plan?.tasks.count ?? 0, document.plan?.segments.count ?? 0))
        Output.print(Phrase.cliInitNext.text(path))
    }
}

extension DemoCampaign.SegmentSet: ExpressibleByArgument {}
