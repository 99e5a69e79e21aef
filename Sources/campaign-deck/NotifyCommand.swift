import ArgumentParser

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send alerts to WeCom, DingTalk, Feishu or a webhook.",
        discussion: """
        Channels are the plan's `notify:` list; `${NAME}` in a url or secret is
        read from the environment.

        Examples:
          WECOM_WEBHOOK='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' \\
            campaign-deck notify test ops --plan spring-2026.yaml
        """,
        subcommands: [NotifyTestCommand.self, NotifyPendingCommand.self, NotifyFlushCommand.self, NotifyDiscardCommand.self]
    )
}
