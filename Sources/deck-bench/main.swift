// Dashboard render benchmark: microseconds to render a
// full 200×60 frame into the cell grid (and to theme and diff it), and how many
// cells and runs change when one KPI value changes. A program that prints
// figures, not a test: run `swift run -c release deck-bench`.
import CampaignCore
import DeckUI
import Foundation

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1_000 }

// `deck-bench edit [ROUNDS]`: only the editing figures; with ROUNDS, only the
// 1,000-task plan, that many rounds of each key (for a profiler);
// `deck-bench clv`: the lifetime-value fits, which are not part of a plain run;
// `deck-bench rules`: compiled segment rules over a million customers;
// `deck-bench top FILE [OUT]`: top category and channel per customer (segment_benchmark.py --labels);
// `deck-bench kpi-paths FILE [DIMENSION]`: kpi's reader and judging paths timed apart (ingest_benchmark.py).
switch CommandLine.arguments.dropFirst().first {
case "edit":
    editBenchmark(rounds: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) })
    exit(0)
case "clv":
    lifetimeBenchmark()
    exit(0)
case "rules":
    ruleBenchmark()
    exit(0)
case "top":
    topLabelsBenchmark(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
case "kpi-paths":
    kpiPathsBenchmark(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
default:
    break
}

let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!
var fold = MonitorFold(plan: plan)
var reader = EventStreamReader()
var bytes: [UInt8] = []
CampaignSimulator(plan: plan, days: 40).write { bytes.append(contentsOf: $0) }
try reader.read(bytes: bytes, sourceName: "simulator") { records, symbols in _ = fold.fold(records, symbols: symbols) }
let (monitor, names) = (fold.monitor, fold.names)
let builder = SnapshotBuilder(plan: plan)
var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)), speed: 600)
var start = now()
state.data = builder.snapshot(monitor: monitor, names: names)
let snapshotMicros = now() - start
let theme = try Theme.parse(BuiltinThemes.text("default")!, name: "default", source: "default")

let rounds = 2_000
var grid = DeckRenderer.render(state, columns: 200, rows: 60)
start = now()
for _ in 0..<rounds { grid = DeckRenderer.render(state, columns: 200, rows: 60) }
let renderMicros = (now() - start) / Double(rounds)
start = now()
var themed = grid
for _ in 0..<rounds { themed = theme.apply(to: grid) }
let themeMicros = (now() - start) / Double(rounds)

// One KPI value changes: douyin's CPA in the snapshot.
var changed = state
if let index = changed.data.channelRows.firstIndex(where: { $0.key == "douyin" }) {
    changed.data.channelRows[index].values.counters.spend += Money(micros: 7_000_000)
}
let after = theme.apply(to: DeckRenderer.render(changed, columns: 200, rows: 60))
start = now()
var runs: [CellRun] = []
for _ in 0..<rounds { runs = after.changedRuns(since: themed) }
let diffMicros = (now() - start) / Double(rounds)
let cells = runs.reduce(0) { $0 + $1.columns.count }

print("render 200×60 frame into the cell grid: \(String(format: "%.1f", renderMicros)) µs (goal < 1000 µs)")
print("apply the default theme to it:         \(String(format: "%.1f", themeMicros)) µs")
print("diff two frames:                       \(String(format: "%.1f", diffMicros)) µs")
print("snapshot of the KPIs after 40 days:    \(String(format: "%.0f", snapshotMicros)) µs")
print("one KPI value changes: \(runs.count) changed run(s), \(cells) cell(s) to repaint")
editBenchmark()
