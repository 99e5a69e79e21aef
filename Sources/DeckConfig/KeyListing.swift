import CampaignCore
import CampaignText
import DeckUI

/// `campaign-deck dashboard --list-keys`: every binding's id (what the
/// config's `keys:` names), its keys as configured and what it does, grouped
/// where it works. Read from the same table the dashboard uses.
public enum KeyListing {
    public static func lines(_ keys: KeyRegistry) -> [String] {
        var groups: [(title: String, bindings: [KeyBinding])] = []
        for binding in keys.bindings {
            let title = place(binding.scope, keys)
            if let index = groups.firstIndex(where: { $0.title == title }) {
                groups[index].bindings.append(binding)
            } else {
                groups.append((title, [binding]))
            }
        }
        let idWidth = keys.bindings.map { DisplayWidth.of($0.id) }.max() ?? 0
        let keyWidth = keys.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 0
        var lines: [String] = []
        for group in groups {
            if !lines.isEmpty { lines.append("") }
            lines.append(group.title)
            for binding in group.bindings {
                lines.append("  " + DisplayWidth.pad(binding.id, toWidth: idWidth + 2)
                             + DisplayWidth.pad(binding.keyLabel, toWidth: keyWidth + 2) + binding.help)
            }
        }
        return lines
    }

    private static func place(_ scope: KeyBinding.Scope, _ keys: KeyRegistry) -> String {
        switch scope {
        case .global: return Phrase.helpEverywhere.text()
        case .pane(let pane): return pane.title
        case .panes: return Pane.allCases.filter { scope.isOwn(to: $0) }.map(\.title).joined(separator: ", ")
        case .view(let view): return view.title(keys)
        }
    }
}
