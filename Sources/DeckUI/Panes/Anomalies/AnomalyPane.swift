import CampaignText
import CampaignCore

/// The anomaly log: newest first, with status and owner.
enum AnomalyPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let rows = state.data.anomalies
        let open = rows.filter { $0.status != .resolved }.count
        let shown = state.visibleRows(.anomalies)
        let frame = PaneFrame(.anomalies, in: rect, focused: state.focus == .anomalies, filter: state.filter(for: .anomalies),
                              subtitle: rows.isEmpty ? nil : AnomalyWords.openCount(open), grid: &grid)
        let values = AlertValueText(currency: state.plan.campaign.currency)
        func value(_ anomaly: DashboardSnapshot.AnomalyRow) -> String {
            guard let measure = anomaly.measure, let number = measure.value else { return "" }
            return values.text(number, metric: measure.metric)
        }
        let valueTexts = shown.map { value(rows[$0]) }
        let widestValue = valueTexts.map(DisplayWidth.of).max() ?? 0
        let columns = AnomalyColumns(
            width: frame.inner.width,
            widestID: shown.map { DisplayWidth.of(String(rows[$0].id)) }.max() ?? 1,
            widestOwner: shown.map { DisplayWidth.of(rows[$0].owner ?? AnomalyWords.noOwner) }.max() ?? 0,
            widestValue: widestValue > 0 ? max(widestValue, DisplayWidth.of(AnomalyWords.valueHeader)) : nil)
        let headers = AnomalyWords.headers
        let heads: [AnomalyColumns.Column: String] = [.id: headers.id, .opened: headers.opened, .what: headers.what,
                                                      .value: AnomalyWords.valueHeader, .status: headers.status,
                                                      .owner: headers.owner]
        let widths = Dictionary(columns.columns.map { ($0.column, $0.width) }, uniquingKeysWith: { a, _ in a })
        let marked = Dictionary(uniqueKeysWithValues: heads.map { column, head in
            (column, state.markedHead(head, width: widths[column] ?? 0, .anomalies))
        })
        frame.put(columns.line(marked),
                  row: 0, style: Style(.muted, attributes: .bold), grid: &grid)
        let selected = state.visibleSelection(.anomalies)
        let whatWidth = columns.columns.first { $0.column == .what }?.width ?? 0
        for (offset, index) in frame.tableRows(shown, selected: selected) {
            let anomaly = rows[index]
            let role: ThemeRole
            switch anomaly.status {
            case .open: role = anomaly.recovered ? .pending : .firing
            case .acknowledged: role = .text
            case .resolved: role = .muted
            }
            let silence = Silencing.silence(of: anomaly, state).map { Silencing.until($0, state) }
            frame.put(columns.line([.id: "\(anomaly.id)", .opened: anomaly.openedAt,
                                    .what: whatText(anomaly, silencedUntil: silence, width: whatWidth),
                                    .value: value(anomaly), .status: statusText(anomaly.status, recovered: anomaly.recovered),
                                    .owner: anomaly.owner ?? AnomalyWords.noOwner]),
                      row: offset + 1, style: Style(role), grid: &grid)
            if index == selected && state.focus == .anomalies { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put(AnomalyWords.empty, row: 1, style: Style(.muted), grid: &grid)
        } else if shown.isEmpty, let filter = state.filter(for: .anomalies) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
    }

    /// WHAT: the rule and scope; for a silenced rule, followed by `silenced
    /// until 18:05` where all of it fits (a wide or zoomed pane), else marked
    /// `⊘` in front (the card says until when). The mark lives in WHAT, the
    /// one column that gives way, so no other column moves.
    static func whatText(_ anomaly: DashboardSnapshot.AnomalyRow, silencedUntil: String?, width: Int) -> String {
        let what = "\(anomaly.title) [\(anomaly.scope)]"
        guard let silencedUntil else { return what }
        let note = SilenceWords.silencedUntil(silencedUntil)
        if DisplayWidth.of(what) + 1 + DisplayWidth.of(note) <= width { return what + " " + note }
        return SilenceWords.mark + " " + what
    }

    /// `open↺`: the status, marked when the metric has come back (a recovery
    /// is not a status, and a resolved anomaly needs no mark).
    static func statusText(_ status: AnomalyStatus, recovered: Bool) -> String {
        AnomalyStatusWords.status(status) + (recovered && status != .resolved ? "↺" : "")
    }
}
