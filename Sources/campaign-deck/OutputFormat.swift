import ArgumentParser
import CampaignText

/// `--format table|json|csv` for every command that prints data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension Output {
    /// `text` in `format`: a table is text for people, JSON and CSV are data
    /// written byte for byte (see `Output`).
    static func write(_ text: String, as format: FormatOption) {
        switch format.format {
        case .table: raw(text)
        case .json: data(text)
        case .csv: spreadsheet(text, format.spreadsheet)
        }
    }

    /// Data with a line end added when missing.
    static func dataLine(_ text: String) {
        data(text.hasSuffix("\n") ? text : text + "\n")
    }
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Phrase.cliFormatOptionFormat.text()))
    var format: OutputFormat = .table

    @OptionGroup var spreadsheet: SpreadsheetOption
}
