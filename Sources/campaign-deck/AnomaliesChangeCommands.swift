import ArgumentParser
import Foundation
import CampaignCore
import CampaignStore

/// The subcommands that change an anomaly. Each prints the anomaly as it now
/// stands (table: one line saying what changed).
struct AnomaliesAckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an anomaly: someone is on it.")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: "The anomaly id.") var id: Int64
    @Option(help: "Who owns it from now on (default: keep the owner; acknowledging alone assigns nobody).") var owner: String?
    @Option(help: "Who is acknowledging (default: $USER).") var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.acknowledge(id: id, owner: owner, by: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, anomaly.owner.map { "acknowledged; owner \($0)" } ?? "acknowledged, no owner",
                             format: context.output, &output)
    }
}

struct AnomaliesAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Give an anomaly an owner.")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: "The anomaly id.") var id: Int64
    @Argument(help: "The new owner.") var owner: String
    @Option(help: "Who is assigning (default: $USER).") var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.assign(id: id, to: owner, by: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, "assigned to \(owner)", format: context.output, &output)
    }
}

struct AnomaliesResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Close an anomaly, with its cause and the action taken.")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: "The anomaly id.") var id: Int64
    @Option(help: "What caused it.") var cause: String?
    @Option(help: "What was done about it.") var action: String?
    @Option(help: "Who is resolving (default: $USER).") var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run {
            try log.resolve(id: id, cause: cause, action: action, by: StoreInput.author(author))
        }
        AnomalyChange.report(anomaly, "resolved", format: context.output, &output)
    }
}

struct AnomaliesReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Undo a resolution: the anomaly goes back to how it was before it (open, or acknowledged with its owner).")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: "The anomaly id.") var id: Int64
    @Option(help: "Who is reopening (default: $USER).") var author: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.reopen(id: id, by: StoreInput.author(author)) }
        let owner = anomaly.owner.map { ", owner \($0.terminalSafe)" } ?? ""
        AnomalyChange.report(anomaly, "reopened; \(anomaly.status.rawValue) again\(owner)", format: context.output, &output)
    }
}

struct AnomaliesNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an anomaly's timeline.")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Argument(help: "The anomaly id.") var id: Int64
    @Argument(help: "The note.") var text: String
    @Option(help: "Who is writing (default: $USER).") var author: String?

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the note is empty (anomaly \(id))")
        }
    }

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.note(id: id, text: text, author: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, "note added", format: context.output, &output)
    }
}

struct AnomaliesOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open an anomaly by hand (a supplier delay, a site outage).")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext
    @Option(help: "What happened.") var title: String
    @Option(help: "info, warning or critical.") var severity: AlertRule.Severity = .warning
    @Option(help: "The channel it concerns.") var channel: String?
    @Option(help: "The segment it concerns.") var segment: String?
    @Option(help: "The metric it affects.") var metric: String?
    @Option(help: "Who owns it.") var owner: String?
    @Option(help: "A first note.") var note: String?
    @Option(help: "Who is opening it (default: $USER).") var author: String?

    func validate() throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the title is empty (--title)") }
        if channel != nil && segment != nil { throw ValidationError("give --channel or --segment, not both (anomalies open)") }
    }

    func run() throws {
        var (log, output) = try context.open(parent: parent.store, .createIfMissing)
        let manual = ManualAnomaly(title: title, severity: severity, channel: channel, segment: segment, metric: metric,
                                   owner: owner, note: note)
        let anomaly = try StoreInput.run { try log.open(manual, author: StoreInput.author(author)) }
        AnomalyChange.report(anomaly, "opened", format: context.output, &output)
    }
}

enum AnomalyChange {
    static func report(_ anomaly: Anomaly, _ what: String, format option: FormatOption, _ output: inout AnomalyOutput) {
        switch option.format {
        case .table: Output.print("anomaly \(anomaly.id) \(what): \(anomaly.title.terminalSafe)")
        case .json: Output.data(output.detail(anomaly, format: .json))
        case .csv: Output.spreadsheet(output.list([anomaly], format: .csv), option.spreadsheet)
        }
    }
}
