import CampaignCore
import CampaignText
import Foundation

/// Turns the NAME of `campaign-deck init NAME` into the plan's file path:
/// NAME.yaml, unless NAME already ends in .yaml or .yml.
///
/// Why the checks: `init ""` used to write a hidden `.yaml`, `init plans/`
/// wrote `plans/.yaml`, and a control character made a file name no shell
/// prints honestly. A name must end in a file name with something before
/// its extension, in printable characters.
public enum PlanFileName {
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    public static func path(forName name: String) throws(Refusal) -> String {
        if name.isEmpty { throw Refusal(reason: Phrase.dataNameEmpty.text()) }
        if let control = name.unicodeScalars.first(where: ControlCharacters.isUnsafe) {
            throw Refusal(reason: Phrase.dataNameControl.text(ControlCharacters.visible(control)))
        }
        if name.hasSuffix("/") { throw Refusal(reason: Phrase.dataNameFolder.text()) }
        let path = name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? name : name + ".yaml"
        let file = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let stem = file.hasSuffix(".yaml") ? file.dropLast(5) : file.dropLast(4)
        if stem.isEmpty || stem == "." || stem == ".." {
            throw Refusal(reason: Phrase.dataNameNoStem.text())
        }
        return path
    }
}
