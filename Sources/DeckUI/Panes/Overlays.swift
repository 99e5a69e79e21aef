import CampaignCore

/// Boxes drawn over the panes: the key help, a persona card, an anomaly's
/// detail and the one-line prompt.
enum Overlays {
    static func draw(_ state: DeckState, grid: inout CellGrid) {
        switch state.overlay {
        case nil: return
        case .help?: help(state, grid: &grid)
        case .personaCard(let index)?: persona(state, index: index, grid: &grid)
        case .anomalyDetail(let id)?: anomaly(state, id: id, grid: &grid)
        case .prompt(let prompt)?: EditorOverlays.prompt(prompt, state: state, grid: &grid)
        case .confirm(let question)?: EditorOverlays.confirm(question, grid: &grid)
        case .alertEditor(let selected)?: EditorOverlays.alertEditor(state, selected: selected, grid: &grid)
        case .walkthrough(let step)?: WalkthroughOverlay.draw(state, step: step, grid: &grid)
        case .inputLine?: return // typed in the status bar, over nothing
        }
    }

    static func box(_ title: String, lines: [(String, Style)], grid: inout CellGrid) {
        let width = min(grid.columns - 4, max(40, DisplayWidth.of(title) + 8, (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 4))
        let height = min(grid.rows - 2, lines.count + 2)
        let rect = Rect(row: max(1, (grid.rows - height) / 2), column: (grid.columns - width) / 2, width: width, height: height)
        grid.fill(rect, style: Style(.text))
        grid.drawBox(rect, lines: .rounded, style: Style(.borderFocused, attributes: .bold), title: title,
                     titleStyle: Style(.title, attributes: .bold))
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            grid.put(line.0, row: rect.row + 1 + offset, column: rect.column + 2, style: line.1, maxWidth: width - 4)
        }
    }

    /// A box whose lines flow into as many columns as the screen's height
    /// needs (the key list is longer than a 24-row terminal).
    static func columnsBox(_ title: String, lines: [(String, Style)], grid: inout CellGrid) {
        let perColumn = max(1, grid.rows - 4)
        let chunks = stride(from: 0, to: lines.count, by: perColumn).map { Array(lines[$0..<min($0 + perColumn, lines.count)]) }
        let widths = chunks.map { ($0.map { DisplayWidth.of($0.0) }.max() ?? 0) + 3 }
        let width = min(grid.columns - 2, widths.reduce(0, +) + 3)
        let height = min(grid.rows - 2, (chunks.first?.count ?? 0) + 2)
        let rect = Rect(row: max(1, (grid.rows - height) / 2), column: max(0, (grid.columns - width) / 2), width: width, height: height)
        grid.fill(rect, style: Style(.text))
        grid.drawBox(rect, lines: .rounded, style: Style(.borderFocused, attributes: .bold), title: title,
                     titleStyle: Style(.title, attributes: .bold))
        var column = rect.column + 2
        for (chunk, chunkWidth) in zip(chunks, widths) {
            let room = rect.column + rect.width - 1 - column
            guard room > 3 else { break }
            for (offset, line) in chunk.prefix(height - 2).enumerated() {
                grid.put(line.0, row: rect.row + 1 + offset, column: column, style: line.1, maxWidth: min(chunkWidth - 1, room))
            }
            column += chunkWidth
        }
    }

    /// Every key, the focused pane's first, then the `:` commands: on a small
    /// terminal the list is cut, and what stays is what works here.
    static func help(_ state: DeckState, grid: inout CellGrid) {
        var lines: [(String, Style)] = [("Esc or ? closes this", Style(.muted))]
        let keyWidth = KeyRegistry.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8
        func section(_ title: String, _ bindings: [KeyBinding]) {
            guard !bindings.isEmpty else { return }
            lines.append((title, Style(.title, attributes: .bold)))
            for binding in bindings {
                lines.append((DisplayWidth.pad(binding.keyLabel, toWidth: keyWidth + 2) + binding.help, Style(.text)))
            }
        }
        let panes = [state.focus] + Pane.allCases.filter { $0 != state.focus }
        section(state.focus.title, KeyRegistry.bindings.filter { $0.scope == .pane(state.focus) })
        section("Everywhere", KeyRegistry.bindings.filter { $0.scope == .global })
        lines.append(("Commands (type : first)", Style(.title, attributes: .bold)))
        let usageWidth = CommandTable.commands.map { DisplayWidth.of($0.usage) }.max() ?? 8
        for command in CommandTable.commands {
            lines.append((DisplayWidth.pad(command.usage, toWidth: usageWidth + 2) + command.help, Style(.text)))
        }
        for pane in panes.dropFirst() {
            section(pane.title, KeyRegistry.bindings.filter { $0.scope == .pane(pane) })
        }
        for view in KeyBinding.ModalView.allCases {
            section(view.title, KeyRegistry.bindings.filter { $0.scope == .view(view) })
        }
        columnsBox("Keys", lines: lines, grid: &grid)
    }

    /// `Goal: cvr 20.00% of 25.00%, 80% by 2026-05-10`: each goal with its
    /// actual, target and achievement, the figures `report` prints; KPIs are
    /// written by their format (money in `currency`), customer features plainly.
    static func goalLine(_ goal: GoalProgress, currency: String?) -> String {
        func number(_ value: Double) -> String {
            if let metric = goal.goal.kpi { return metric.formatted(value, currency: currency) }
            return value == value.rounded() ? Formatting.plain(value) : Formatting.fixed(value, decimals: 4)
        }
        var text = "Goal: " + goal.goal.metric + " " + (goal.actual.map(number) ?? "no data")
        if let target = goal.goal.effectiveTarget { text += " of " + number(target) }
        if let baseline = goal.goal.baseline, let lift = goal.goal.lift {
            text += " (\(number(baseline)) \(lift < 0 ? "" : "+")\(Formatting.percent(lift)))"
        }
        if let achievement = goal.achievement {
            text += ", " + Formatting.percent(achievement, decimals: 0)
        } else if goal.isBelowMinVolume {
            text += ", too little data (min \(goal.minVolume))"
        }
        if let by = goal.goal.by { text += " by \(by)" }
        return text
    }

    static func persona(_ state: DeckState, index: Int, grid: inout CellGrid) {
        guard state.plan.segments.indices.contains(index) else { return }
        let segment = state.plan.segments[index]
        let row = state.data.segments.first { $0.id == segment.id }
        var lines: [(String, Style)] = [("\(segment.name) (\(segment.id))", Style(.title, attributes: .bold))]
        if let persona = segment.persona {
            if let traits = persona.traits { lines.append(("Who: " + traits, Style(.text))) }
            if !persona.painPoints.isEmpty { lines.append(("Pain points: " + persona.painPoints.joined(separator: ", "), Style(.text))) }
            if !persona.channels.isEmpty { lines.append(("Reach via: " + persona.channels.joined(separator: ", "), Style(.text))) }
        }
        lines.append(("Rule: " + segment.rule, Style(.muted)))
        if let share = segment.budgetShare { lines.append(("Budget share: " + Cells.percent(share, decimals: 0), Style(.text))) }
        if let customers = row?.customers {
            lines.append(("Customers: \(Formatting.count(Int64(customers)))" + (row?.share.map { " (" + Cells.percent($0) + ")" } ?? ""), Style(.text)))
        }
        let progress = row?.goals ?? GoalProgress.of(segment, values: nil)
        for goal in progress {
            lines.append((goalLine(goal, currency: state.plan.campaign.currency), Style(.text)))
        }
        if let values = row?.values {
            lines.append(("CTR \(Cells.percent(values.ctr, decimals: 2))  CVR \(Cells.percent(values.cvr))  CPA \(Cells.number(values.cpa))  ROI \(Cells.number(values.roi))", Style(.accent)))
        }
        lines.append(("Esc closes", Style(.muted)))
        box("Persona", lines: lines, grid: &grid)
    }

    static func anomaly(_ state: DeckState, id: Int64, grid: inout CellGrid) {
        guard let anomaly = state.data.anomalies.first(where: { $0.id == id }) else { return }
        var lines: [(String, Style)] = [("#\(anomaly.id) \(anomaly.title) [\(anomaly.scope)]", Style(.title, attributes: .bold)),
                                        ("Opened \(anomaly.openedAt) · \(anomaly.severity) · \(anomaly.status.rawValue)" + (anomaly.recovered ? " · recovered" : ""), Style(.text)),
                                        ("Owner: " + (anomaly.owner ?? "nobody yet"), Style(.text))]
        lines += anomaly.detail.map { ($0, Style(.text)) }
        lines.append(("a acknowledge · o owner · n note · r resolve (cause, action) · Esc close", Style(.muted)))
        box("Anomaly", lines: lines, grid: &grid)
    }
}
