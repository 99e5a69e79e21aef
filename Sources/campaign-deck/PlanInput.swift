import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText

/// Loads the plan a command works on and stops with every diagnostic printed
/// when the plan has errors, so no command runs on a half-understood plan.
enum PlanInput {
    /// `demo` (or no path) means the built-in demo campaign.
    static func load(_ path: String?) throws -> (document: PlanDocument, displayPath: String) {
        if path == nil || path == "demo" {
            return (PlanDocument(text: DemoCampaign.planText()), DemoCampaign.fileName)
        }
        return (try file(path!).document, path!)
    }

    /// The plan file with the bytes it was read from, for saving edits.
    static func file(_ path: String) throws -> PlanFile {
        do {
            return try PlanFile.load(path: path)
        } catch {
            throw CLIError(error.description, hint: hintFor(error))
        }
    }

    /// Loads, prints diagnostics (warnings too), and throws when there are errors.
    static func loadValid(_ path: String?) throws -> (plan: Plan, displayPath: String) {
        let (document, displayPath) = try load(path)
        return (try validated(document, displayPath: displayPath), displayPath)
    }

    /// The document's plan, after printing its diagnostics; throws when it has errors.
    static func validated(_ document: PlanDocument, displayPath: String) throws -> Plan {
        report(document.diagnostics, file: displayPath)
        guard let plan = document.plan, !document.diagnostics.hasErrors else {
            throw CLIError.planInvalid(displayPath, errors: document.diagnostics.errors.count)
        }
        return plan
    }

    static func report(_ diagnostics: [Diagnostic], file: String) {
        for diagnostic in diagnostics {
            Output.error(diagnostic.formatted(file: file))
        }
    }

    private static func hintFor(_ error: PlanFile.Failure) -> String? {
        if case .unreadable(_, "no such file") = error {
            return Phrase.cliPlanMissingHint.text()
        }
        return nil
    }
}

extension PlanInput {
    /// Validation has already ruled out what the scheduler refuses; this guards the rest.
    static func schedule(_ plan: Plan) throws -> Schedule {
        do {
            return try Schedule(computing: PlanScheduling.input(for: plan))
        } catch {
            throw CLIError(Phrase.cliCannotSchedule.text(error))
        }
    }

    static func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else {
            throw CLIError(Phrase.cliDateFormat.text(option, text))
        }
        guard day.isInSupportedRange else {
            throw CLIError(Phrase.cliDateRange.text(option, Day.supportedRangeText, text))
        }
        return day
    }
}
