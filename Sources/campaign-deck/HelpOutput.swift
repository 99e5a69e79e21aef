import ArgumentParser
import CampaignCore
import CampaignText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--help` and `--version` as printed: the library's text in English; in
/// another language rendered unwrapped and translated (`HelpHeadings`).
enum HelpOutput {
    static func message(for error: Error) -> String {
        guard Language.current != .english else { return CampaignDeck.fullMessage(for: error) }
        return HelpHeadings.translated(unwrapped(error), width: width)
    }

    /// The width ArgumentParser wraps to: `COLUMNS`, else the terminal's, else 80.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The library reads its width from `COLUMNS` when it renders: set for this one call.
    private static func unwrapped(_ error: Error) -> String {
        let saved = getenv("COLUMNS").map { String(cString: $0) }
        setenv("COLUMNS", "100000", 1)
        defer { if let saved { setenv("COLUMNS", saved, 1) } else { unsetenv("COLUMNS") } }
        return CampaignDeck.fullMessage(for: error)
    }
}
