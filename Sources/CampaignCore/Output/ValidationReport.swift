/// How `plan validate` prints its findings.
public enum ValidationReport {
    public static func summary(_ plan: Plan, file: String, warnings: Int) -> String {
        let counts = [
            (plan.channels.count, "channel"), (plan.segments.count, "segment"), (plan.phases.count, "phase"),
            (plan.tasks.count, "task"), (plan.alerts.count, "alert rule"),
        ].map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        let warningText = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        return "\(file): ok\(warningText): \(counts.joined(separator: ", "))"
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
