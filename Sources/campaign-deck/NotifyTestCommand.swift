import ArgumentParser
import CampaignCore
import CampaignNotify
import CampaignText
import Foundation

struct NotifyTestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test",
            abstract: Phrase.cliNotifyTestAbstract.text(),
            discussion: """
            \(Phrase.cliNotifyTestDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck notify test ops --plan spring-2026.yaml
              DINGTALK_SECRET=SEC… campaign-deck notify test lead --plan spring-2026.yaml
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliNotifyTestChannel.text()))
    var channel: String

    @Option(help: ArgumentHelp(Phrase.cliNotifyTestPlan.text()))
    var plan: String

    @Option(help: ArgumentHelp(Phrase.cliNotifyTestTimeout.text()))
    var timeout: Double = 10

    func run() throws {
        let (plan, file) = try PlanInput.loadValid(self.plan)
        guard let channel = plan.notify.first(where: { $0.id == self.channel }) else {
            let unknown = DeliveryMessages.unknownChannel(self.channel, ids: plan.notify.map(\.id), file: file)
            throw CLIError(unknown.message, hint: unknown.hint)
        }
        let requests: [RobotRequest]
        do {
            requests = try RobotRequests.make(for: channel, message: TestMessage.make(plan: plan, now: Date()),
                                              environment: ProcessInfo.processInfo.environment, now: Date())
        } catch {
            throw CLIError(error.description)
        }
        let sender = RobotSender(timeoutSeconds: timeout)
        var allDelivered = true
        for request in requests {
            switch sender.send(request, kind: channel.kind) {
            case .failure(let error):
                throw CLIError(Phrase.cliTestCannotReach.text(channel.id, error), code: .runtime)
            case .success(let answer):
                Output.print(DeliveryMessages.testAnswer(channel: channel, answer: answer))
                allDelivered = allDelivered && answer.delivered
            }
        }
        if !allDelivered {
            throw CLIError(Phrase.cliTestNotConfirmed.text(channel.id), hint: Phrase.cliTestNotConfirmedHint.text(),
                           code: .runtime)
        }
    }
}
