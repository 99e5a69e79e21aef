import ArgumentParser

/// `--format table|json|csv` for every command that prints data (SPEC §9).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}
