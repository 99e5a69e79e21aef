import CampaignText

/// How `plan validate` prints its findings.
public enum ValidationReport {
    public static func summary(_ plan: Plan, file: String, warnings: Int) -> String {
        let counted: [(Int, Phrase, Phrase)] = [
            (plan.channels.count, Phrase.checkCountChannelOne, Phrase.checkCountChannelMany),
            (plan.segments.count, .checkCountSegmentOne, .checkCountSegmentMany),
            (plan.phases.count, .checkCountPhaseOne, .checkCountPhaseMany),
            (plan.tasks.count, .checkCountTaskOne, .checkCountTaskMany),
            (plan.alerts.count, .checkCountAlertOne, .checkCountAlertMany),
        ]
        // Tags and tiers are counted only when present, so plans without them read as before.
        let customerRules: [(Int, Phrase, Phrase)] = [(plan.tags.count, .planCustCountTagOne, .planCustCountTagMany),
                                                      (plan.tiers.count, .planCustCountTierOne, .planCustCountTierMany)]
        let counts = (counted + customerRules.filter { $0.0 > 0 }).map { count, one, many in (count == 1 ? one : many).text(count) }
        let warningText = warnings == 0 ? "" : (warnings == 1 ? Phrase.checkWarningsOne : .checkWarningsMany).text(warnings)
        return Phrase.checkSummary.text(file, warningText, counts.joined(separator: Phrase.checkListSeparator.text()))
    }

    public static func json(_ diagnostics: [Diagnostic], file: String) -> JSONValue {
        .object([
            ("file", .string(file)),
            ("valid", .bool(!diagnostics.hasErrors)),
            ("errors", .int(diagnostics.errors.count)),
            ("warnings", .int(diagnostics.warnings.count)),
            ("diagnostics", .array(diagnostics.map { diagnostic in
                .object([
                    ("line", .int(diagnostic.location.line)),
                    ("column", .int(diagnostic.location.column)),
                    ("severity", .string(diagnostic.severity.rawValue)),
                    ("message", .string(diagnostic.message)),
                ])
            })),
        ])
    }

    public static func csv(_ diagnostics: [Diagnostic], file: String) -> String {
        CSVWriter.document(header: ["file", "line", "column", "severity", "message"], rows: diagnostics.map {
            [file, String($0.location.line), String($0.location.column), $0.severity.rawValue, $0.message]
        })
    }
}
