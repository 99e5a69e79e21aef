import ArgumentParser
import CampaignText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--no-bom` for every command that writes CSV.
struct SpreadsheetOption: ParsableArguments {
    @Flag(name: .customLong("no-bom"),
          help: ArgumentHelp(Phrase.cliSpreadsheetOptionNoBOM.text()))
    var noBOM = false
}

extension Output {
    /// The UTF-8 byte-order mark, EF BB BF.
    static let byteOrderMark = "\u{FEFF}"

    /// Starts CSV output: the byte-order mark first when standard output is
    /// a regular file (`> tasks.csv`), the case where a spreadsheet opens it
    /// and, without the mark, Excel and WPS decode UTF-8 Chinese as the
    /// local code page. Never on a pipe: the reader is a program (`cut`,
    /// `csvkit`, a script) for which the mark is a corrupt first field name.
    /// Never on a terminal: it is invisible there and rides along into
    /// whatever is copied. Call once, before the first byte of CSV.
    static func startSpreadsheet(_ option: SpreadsheetOption) {
        if !option.noBOM && standardOutputIsRegularFile { data(byteOrderMark) }
    }

    /// A whole CSV document, with the mark when `startSpreadsheet` writes one.
    static func spreadsheet(_ text: String, _ option: SpreadsheetOption) {
        startSpreadsheet(option)
        data(text)
    }

    static var standardOutputIsRegularFile: Bool {
        var info = stat()
        return fstat(STDOUT_FILENO, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
