import CampaignCore
import DeckUI
import Foundation

/// How long one editing key takes on plans of growing size: the whole path
/// of `L` on the first task of a chain (text edit, re-validation, scheduling,
/// the pushed dependants, the state adopting the new plan) and of `u`; then
/// of `L` on a task with no `start:`, which adds that line (the tasks below
/// it move down a line), and of `d` on that task. `rounds` runs only the 1,000-task plan, that often.
///
/// Then the same keys on the plan `campaign-deck init` writes grown to 1,000
/// tasks: its `targets:` and `alerts:` follow the tasks, so a key that adds or
/// removes a line moves those sections too.
func editBenchmark(rounds fixedRounds: Int? = nil) {
    let plans = (fixedRounds == nil ? [20, 200, 1_000] : [1_000]).map { (label: "\($0)-task plan", text: chainPlan(tasks: $0)) }
        + [(label: "1000-task plan from init (targets: and alerts: after its tasks)", text: grownDemoPlan(tasks: 1_000))]
    for (label, text) in plans {
        let document = PlanDocument(text: text)
        guard let plan = document.plan, !document.diagnostics.hasErrors else {
            print("edit benchmark: generated plan has errors: \(document.diagnostics.errors.prefix(3))")
            return
        }
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)),
                              editor: PlanEditHistory(document: document, savedText: document.text))
        _ = DeckUpdate.apply(.key(.character("2")), to: &state)
        let rounds = fixedRounds ?? (plan.tasks.count >= 1_000 ? 5 : 20)
        let restored = { state.editor?.document.text == document.text ? "text restored" : "TEXT NOT RESTORED" }
        let move = timedKeys([.character("L")], rounds: rounds, state: &state)
        print("edit a \(label): move the first task \(move.wall) ms (CPU \(move.cpu) ms), undo \(move.undo) ms (\(restored()))")
        // The second task has no `start:`: moving it adds that line, and
        // every task below it moves down one line.
        _ = DeckUpdate.apply(.key(.character("j")), to: &state)
        let pin = timedKeys([.character("L")], rounds: rounds, state: &state)
        print("edit a \(label): move the second task, adding its start: line \(pin.wall) ms (CPU \(pin.cpu) ms) (\(restored()))")
        // `d` on the second task: the third then waits for the first (two
        // days later), and the second task's lines go; the tasks below move up.
        let delete = timedKeys([.character("d")], rounds: rounds, state: &state)
        print("edit a \(label): delete the second task \(delete.wall) ms (CPU \(delete.cpu) ms) (\(restored()))")
        // `D` copies the second task below it; `a`, a new task's id typed, Enter adds one after
        // it: both add a task's lines to the list (only the last key is timed).
        let adding: [(what: String, keys: [Key])] = [
            ("duplicate the second task (D)", [.character("D")]),
            ("add a task after the second (a, id, Enter)", [.character("a"), .character("z"), .character("z"), .character("1"), .enter]),
        ]
        for (what, keys) in adding {
            let added = timedKeys(keys, rounds: rounds, state: &state) { $0.plan.tasks.count == plan.tasks.count + 1 }
            print("edit a \(label): \(what) \(added.wall) ms (CPU \(added.cpu) ms) "
                  + "(\(added.held ? "one task more" : "NO TASK ADDED"), \(restored()))")
        }
    }
}

/// Presses `keys` then `u`, `rounds` times; only the last key and the undo are
/// timed. Milliseconds per round, formatted; `held`: `check` was true after
/// every last key.
private func timedKeys(_ keys: [Key], rounds: Int, state: inout DeckState,
                       check: (DeckState) -> Bool = { _ in true }) -> (wall: String, cpu: String, undo: String, held: Bool) {
    var wall = 0.0, cpu = 0.0, undo = 0.0, held = true
    for _ in 0..<rounds {
        for key in keys.dropLast() { _ = DeckUpdate.apply(.key(key), to: &state) }
        var start = now()
        let startCPU = threadCPUMicros()
        _ = DeckUpdate.apply(.key(keys.last!), to: &state)
        wall += now() - start
        cpu += threadCPUMicros() - startCPU
        held = held && check(state)
        start = now()
        _ = DeckUpdate.apply(.key(.character("u")), to: &state)
        undo += now() - start
    }
    func milliseconds(_ micros: Double) -> String { String(format: "%.1f", micros / Double(rounds) / 1000) }
    return (milliseconds(wall), milliseconds(cpu), milliseconds(undo), held)
}

/// This thread's CPU time in microseconds: on a machine shared with other
/// work, the wall-clock figure also counts the time the key waited for a core.
private func threadCPUMicros() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1_000_000 + Double(time.tv_nsec) / 1_000
}

/// The demo plan (`campaign-deck init`) with a chain of tasks after its own,
/// `tasks` in all, in its last phase (made long enough to hold them); its
/// `targets:` and `alerts:` stay after the tasks.
private func grownDemoPlan(tasks: Int) -> String {
    let demo = DemoCampaign.planText()
    let own = PlanDocument(text: demo).plan?.tasks ?? []
    var added = ""
    var previous = own.last?.id ?? ""
    for index in 0..<max(0, tasks - own.count) {
        added += "  - id: g\(index)\n    name: Task \(index)\n    phase: review\n    owner: team\(index % 7)\n"
            + (previous.isEmpty ? "" : "    after: [\(previous)]\n") + "    days: 1\n"
        previous = "g\(index)"
    }
    return demo.replacingOccurrences(of: "  - { id: review, name: 复盘期, weeks: 9-10 }", with: "  - { id: review, name: 复盘期, weeks: 9-400 }")
        .replacingOccurrences(of: "\ntargets:", with: added + "\ntargets:")
}

/// `tasks` tasks in one chain, every tenth one pinned to its start, in two phases.
private func chainPlan(tasks: Int) -> String {
    var text = """
    campaign: { id: bench, name: Bench, timezone: UTC, start: 2026-01-05, budget: 100000 }
    phases:
      - { id: one, name: One, weeks: 1-20 }
      - { id: two, name: Two, weeks: 21-400 }
    tasks:

    """
    for index in 0..<tasks {
        text += "  - id: t\(index)\n    name: Task \(index)\n    phase: \(index < tasks / 2 ? "one" : "two")\n    owner: team\(index % 7)\n"
        if index == 0 {
            text += "    start: 2026-01-05\n"
        } else {
            text += "    after: [t\(index - 1)]\n"
            if index % 10 == 0 { text += "    start: \(Day(year: 2026, month: 1, day: 5)! + index * 2)\n" }
        }
        text += "    days: 2\n"
    }
    return text
}
