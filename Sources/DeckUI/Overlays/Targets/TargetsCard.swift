import CampaignText
import CampaignCore

/// The campaign targets (`targets:` in the plan), opened from the KPI pane:
/// metric, actual, target, achievement, forecast at `by`, on track or at
/// risk. The rows are `TargetProgress`, the same numbers `report` prints.
struct TargetsCard: OverlayUnit {
    func draw(_ state: DeckState, grid: inout CellGrid) {
        var lines: [(String, Style)] = []
        let targets = state.data.targets
        if targets.isEmpty {
            lines.append((Phrase.targetCardNone.text("targets"), Style(.muted)))
        } else {
            lines.append((Phrase.targetCardAsOf.text(state.data.asOf ?? "-", "by"), Style(.muted)))
            // A benchmark's name and the dates give way before the status is cut.
            let room = grid.columns - 8
            var table = TargetProgress.table(targets)
            if Self.width(table) > room { table = TargetProgress.table(targets, benchmarks: false) }
            if Self.width(table) > room { table = TargetProgress.table(targets, benchmarks: false, dates: false) }
            let rendered = table.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.append((rendered.first ?? "", Style(.muted, attributes: .bold)))
            for (target, line) in zip(targets, rendered.dropFirst()) {
                lines.append((line, Style(Self.role(target.status))))
            }
        }
        lines.append((Phrase.cardEscCloses.text(state.keys.label("back")), Style(.muted)))
        Overlays.box(Phrase.targetCardTitle.text(), lines: lines, grid: &grid)
    }

    /// At risk is drawn as a firing rule is, on track as a rule that is ok;
    /// the status word says it too, for a terminal without colour.
    static func role(_ status: TargetProgress.Status) -> ThemeRole {
        switch status {
        case .onTrack: return .ok
        case .atRisk: return .firing
        case .noData: return .noData
        }
    }

    static func width(_ table: TextTable) -> Int {
        table.rendered().split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }
}
