import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText
import Foundation

/// The subcommands that change an anomaly. Each prints the anomaly as it now
/// stands (table: one line saying what changed).
struct AnomaliesAckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "ack", abstract: Phrase.cliAnomalyAckAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyID.text())) var id: Int64
    @Option(help: ArgumentHelp(Phrase.cliAnomalyAckOwner.text())) var owner: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyAckAuthor.text())) var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.acknowledge(id: id, owner: owner, by: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, anomaly.owner.map { Phrase.cliAnomalyAcknowledgedOwner.text($0) } ?? Phrase.cliAnomalyAcknowledgedNoOwner.text(),
                             format: context.output, &output)
    }
}

struct AnomaliesAssignCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "assign", abstract: Phrase.cliAnomalyAssignAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyID.text())) var id: Int64
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyAssignOwner.text())) var owner: String
    @Option(help: ArgumentHelp(Phrase.cliAnomalyAssignAuthor.text())) var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.assign(id: id, to: owner, by: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, Phrase.cliAnomalyAssigned.text(owner), format: context.output, &output)
    }
}

struct AnomaliesResolveCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "resolve", abstract: Phrase.cliAnomalyResolveAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyID.text())) var id: Int64
    @Option(help: ArgumentHelp(Phrase.cliAnomalyResolveCause.text())) var cause: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyResolveAction.text())) var action: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyResolveAuthor.text())) var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run {
            try log.resolve(id: id, cause: cause, action: action, by: StoreInput.author(author))
        }
        let what = anomaly.firstResolver.map { Phrase.cliAnomalyResolutionUpdated.text($0) } ?? Phrase.cliAnomalyResolved.text()
        AnomalyChange.report(anomaly, what, format: context.output, &output)
    }
}

struct AnomaliesReopenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reopen",
            abstract: Phrase.cliAnomalyReopenAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyID.text())) var id: Int64
    @Option(help: ArgumentHelp(Phrase.cliAnomalyReopenAuthor.text())) var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.reopen(id: id, by: StoreInput.author(author)) }
        let status = AnomalyStatusWords.status(anomaly.status)
        let what = anomaly.owner.map { Phrase.cliAnomalyReopenedAsOwner.text(status, $0.terminalSafe) }
            ?? Phrase.cliAnomalyReopenedAs.text(status)
        AnomalyChange.report(anomaly, what, format: context.output, &output)
    }
}

struct AnomaliesNoteCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "note", abstract: Phrase.cliAnomalyNoteAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyID.text())) var id: Int64
    @Argument(help: ArgumentHelp(Phrase.cliAnomalyNoteText.text())) var text: String
    @Option(help: ArgumentHelp(Phrase.cliAnomalyNoteAuthor.text())) var author: String?

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(Phrase.cliNoteEmpty.text(id))
        }
    }

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.note(id: id, text: text, author: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, Phrase.cliAnomalyNoteAdded.text(), format: context.output, &output)
    }
}

struct AnomaliesOpenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "open", abstract: Phrase.cliAnomalyOpenAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenTitle.text())) var title: String
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenSeverity.text())) var severity: AlertRule.Severity = .warning
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenChannel.text())) var channel: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenSegment.text())) var segment: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenMetric.text())) var metric: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenOwner.text())) var owner: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenNote.text())) var note: String?
    @Option(help: ArgumentHelp(Phrase.cliAnomalyOpenAuthor.text())) var author: String?

    func validate() throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(Phrase.cliTitleEmpty.text()) }
        if channel != nil && segment != nil { throw ValidationError(Phrase.cliChannelOrSegment.text()) }
    }

    func run() throws {
        var (log, output) = try context.open(parent: parent.store, .createIfMissing)
        let manual = ManualAnomaly(title: title, severity: severity, channel: channel, segment: segment, metric: metric,
                                   owner: owner, note: note)
        let anomaly = try StoreInput.run { try log.open(manual, author: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, Phrase.cliAnomalyOpened.text(), format: context.output, &output)
    }
}

enum AnomalyChange {
    static func report(_ anomaly: Anomaly, _ what: String, format option: FormatOption, _ output: inout AnomalyOutput) {
        switch option.format {
        case .table: Output.print(Phrase.cliAnomalyChanged.text(anomaly.id, what, anomaly.title.terminalSafe))
        case .json: Output.data(output.detail(anomaly, format: .json))
        case .csv: Output.spreadsheet(output.list([anomaly], format: .csv), option.spreadsheet)
        }
    }
}
