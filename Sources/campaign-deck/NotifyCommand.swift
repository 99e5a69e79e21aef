import ArgumentParser
import CampaignText

struct NotifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "notify",
            abstract: Phrase.cliNotifyAbstract.text(),
            discussion: """
            \(Phrase.cliNotifyDiscussion.text())

            \(Phrase.cliExamples.text())
              WECOM_WEBHOOK='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' \\
                campaign-deck notify test ops --plan spring-2026.yaml
            """,
            subcommands: [NotifyTestCommand.self, NotifyPendingCommand.self, NotifyFlushCommand.self, NotifyDiscardCommand.self]
        )
    }
}
