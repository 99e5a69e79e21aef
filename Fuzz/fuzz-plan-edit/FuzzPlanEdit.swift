import CampaignCore
import Foundation
import FuzzSupport

/// Random keyboard edits on valid plans: each edit either gives a text that
/// loads without errors, or is refused — it never corrupts the file; and a
/// value typed in reads back from the saved text exactly as typed (quotes,
/// colons, `#`, line breaks and CJK in values are where text-level editing
/// goes wrong).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanEdit(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    var document = PlanDocument(text: basePlans[input.index(below: basePlans.count)])
    for _ in 0..<8 where !input.isEmpty {
        guard let plan = document.plan else { fatalError("the edited plan stopped loading") }
        let edit = nextEdit(&input, plan)
        do {
            let outcome = try PlanEditor.apply(edit, to: document)
            let reloaded = PlanDocument(text: outcome.document.text)
            fuzzCheck(!reloaded.diagnostics.hasErrors,
                      "\(edit) gave a text that does not load: \(reloaded.diagnostics.map(\.message))")
            checkTypedValueReadsBack(edit, reloaded)
            document = outcome.document
        } catch {
            // Refused, with a message for the status bar; the text is a value
            // and stays as it was.
        }
    }
    return 0
}

private let basePlans = [
    DemoCampaign.planText(segments: .personas),
    DemoCampaign.planText(segments: .rfm),
    // Flow style, CRLF line ends and a comment after every value.
    "campaign: { id: c, name: \"C: 1\", start: 2026-03-02, budget: 1000 }\r\n"
        + "tasks:\r\n  - { id: a, name: A, start: 2026-03-02, days: 2 }  # first\r\n"
        + "  - { id: b, name: B, after: [a+1d], days: 3 }\r\n"
        + "  - { id: m, name: M, after: [b], milestone: true }\r\n",
]

/// An owner or a segment name is stored as typed (less surrounding spaces).
private func checkTypedValueReadsBack(_ edit: PlanEdit, _ reloaded: PlanDocument) {
    let trim = { (text: String) in text.trimmingCharacters(in: .whitespaces) }
    switch edit {
    case .setOwner(let id, let owner):
        let stored = reloaded.plan?.task(id)?.owner
        fuzzCheck(stored == trim(owner), "owner typed as \(owner.debugDescription) reads back as \(stored.debugDescription)")
    case .setSegment(let id, .name, let name):
        let stored = reloaded.plan?.segments.first { $0.id == id }?.name
        fuzzCheck(stored == trim(name), "segment name typed as \(name.debugDescription) reads back as \(stored.debugDescription)")
    default:
        break
    }
}

private func nextEdit(_ input: inout FuzzInput, _ plan: Plan) -> PlanEdit {
    func taskID() -> String {
        // Mostly a real task; sometimes a name the plan does not have.
        if plan.tasks.isEmpty || input.byte() % 8 == 0 { return input.text(maximum: 6) }
        return plan.tasks[input.index(below: plan.tasks.count)].id
    }
    func value() -> String { input.text(maximum: 24) }
    switch input.byte() % 11 {
    case 0: return .moveTask(id: taskID(), days: input.signed(within: 40))
    case 1: return .resizeTask(id: taskID(), days: input.signed(within: 40))
    case 2: return .setOwner(taskID: taskID(), owner: value())
    case 3: return .setProgress(taskID: taskID(), progress: Double(input.index(below: 130)) / 100)
    case 4: return .addTask(id: value(), name: value(), afterTask: taskID())
    case 5: return .duplicateTask(id: taskID())
    case 6: return .deleteTask(id: taskID())
    case 7: return .addDependency(taskID: taskID(), waitsFor: taskID())
    case 8: return .removeDependency(taskID: taskID(), waitsFor: taskID())
    case 9:
        let id = plan.segments.isEmpty ? value() : plan.segments[input.index(below: plan.segments.count)].id
        let fields = PlanEdit.SegmentField.allCases
        return .setSegment(id: id, field: fields[input.index(below: fields.count)], value: value())
    default:
        let fields = PlanEdit.AlertField.allCases
        return .setAlert(index: input.index(below: max(plan.alerts.count, 1) + 1),
                         field: fields[input.index(below: fields.count)], value: value())
    }
}
