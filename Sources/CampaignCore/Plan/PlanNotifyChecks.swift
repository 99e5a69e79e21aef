import CampaignText
import Foundation

/// Checks of the `notify:` channels against each other and the alert rules,
/// and (separately, because it depends on the machine) of the environment
/// variables their addresses and secrets read.
public enum PlanNotifyChecks {
    /// Channel ids (each `declared` item is a channel as written, broken or
    /// not) and the rules' references to them.
    static func check(_ plan: Plan, declared: [NotifyReference]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for channel in declared {
            if !PlanValidator.isValidID(channel.id) {
                found.append(.error(channel.location, Phrase.checkIDCharacters.text(PlanElementKind.notifyChannel.noun, channel.id)))
            }
            if let first = seen[channel.id] {
                found.append(.error(channel.location, Phrase.checkDuplicateID.text(PlanElementKind.notifyChannel.noun, channel.id, first.line)))
            } else {
                seen[channel.id] = channel.location
            }
        }
        let ids = Array(seen.keys).sorted()
        for rule in plan.alerts {
            for reference in rule.notify where seen[reference.id] == nil {
                let known = ids.isEmpty ? Phrase.checkNoNotifyChannels.text("notify:") : Suggestion.hint(for: reference.id, among: ids)
                found.append(.error(reference.location, Phrase.checkUnknownNotifyChannel.text(reference.id, rule.name, known)))
            }
        }
        return found
    }

    /// Variables that are not set, and addresses that are not http(s) URLs once
    /// read; warnings, because the plan may be checked where it is not sent
    /// from (a laptop, a CI job), while the sender refuses such a channel.
    public static func environment(_ plan: Plan, _ environment: [String: String]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for channel in plan.notify {
            for (key, text) in [("url", channel.url), ("secret", channel.secret)] {
                guard let text else { continue }
                switch text.resolved(in: environment) {
                case .failure(let unset):
                    found.append(.warning(channel.fields.of(key), Phrase.checkEnvironmentUnset.text(unset, key, channel.id)))
                case .success(let value):
                    if key == "url", !text.variables.isEmpty, let problem = addressProblem(value) {
                        found.append(.warning(channel.fields.of(key), Phrase.checkURLAfterEnvironment.text("url", channel.id, problem)))
                    }
                }
            }
        }
        return found
    }

    /// Why `text` cannot be posted to, or nil: an http or https URL with a host.
    public static func addressProblem(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return Phrase.checkAddressNotURL.text(text)
        }
        guard scheme == "http" || scheme == "https" else { return Phrase.checkAddressScheme.text(text, "http", "https") }
        guard let host = components.host, !host.isEmpty else { return Phrase.checkAddressNoHost.text(text) }
        return nil
    }
}
