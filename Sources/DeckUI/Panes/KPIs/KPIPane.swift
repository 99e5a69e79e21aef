import CampaignCore

/// KPIs per channel or per segment over one window (named in the title):
/// value, its Wilson interval, the rules' thresholds, the state and a
/// sparkline. A breach shows as a symbol and a word, not colour alone.
enum KPIPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let byChannel = state.kpiGrouping == .channel
        let window = state.data.kpiWindow
        let frame = PaneFrame(.kpis, in: rect, focused: state.focus == .kpis, filter: state.filter(for: .kpis),
                              subtitle: (byChannel ? KPIPaneText.perChannel : KPIPaneText.perSegment)
                                  + " · " + KPIPaneText.window(window), grid: &grid)
        let rows = state.kpiRows
        let shown = state.visibleRows(.kpis)
        let layout = Layout(width: frame.inner.width)
        let columns = Self.columns(state, layout: layout, width: frame.inner.width)
        let tableWidth = columns.widths.reduce(0, +) + columns.widths.count - 1
        let sparkWidth = max(0, frame.inner.width - tableWidth - 1)
        let header = Self.header(state, layout: layout)
        let marked = zip(header, columns.widths).map { state.markedHead($0, width: $1, .kpis) }
        frame.put(columns.cells(marked) + (sparkWidth > 4 ? " " + KPIPaneText.sparkline : ""), row: 0,
                  style: Style(.muted, attributes: .bold), grid: &grid)
        let selected = state.visibleSelection(.kpis)
        for (offset, index) in frame.tableRows(shown, selected: selected, top: state.scrollTops[.kpis]) {
            let row = rows[index]
            let worst = row.worstState
            let cells: [String] = zip(layout.kinds, columns.widths).map { kind, width in
                switch kind {
                case .key: return row.label
                case .metric(let metric): return KPICell.text(metric, row: row, window: window, width: width)
                case .interval:
                    return row.values.proportion(of: .ctr).flatMap { WilsonInterval(successes: $0.successes, trials: $0.trials) }
                        .map(KPIPaneText.interval) ?? "–"
                case .spend: return KPICell.money(row.values.counters.spend.doubleValue, width: width)
                case .state: return Cells.state(worst)
                case .threshold:
                    let text = KPICell.thresholds(row, shown: layout.metrics)
                    return text.isEmpty ? "–" : text
                }
            }
            let end = frame.put(columns.cells(cells), row: offset + 1, grid: &grid)
            // Colour the state cell too (the symbol already says it).
            if let stateIndex = layout.kinds.firstIndex(of: .state) {
                let stateColumn = columns.widths.prefix(stateIndex).reduce(0) { $0 + $1 + 1 }
                frame.put(Cells.state(worst), row: offset + 1, column: stateColumn,
                          style: Style(Cells.role(worst), attributes: worst == .firing ? .bold : []),
                          width: columns.widths[stateIndex], grid: &grid)
            }
            if sparkWidth > 4 {
                let text = Sparkline.text(row.sparkline, width: sparkWidth)
                let column = end - frame.inner.column + 1
                frame.put(text, row: offset + 1, column: column, style: Style(.sparkline), width: sparkWidth, grid: &grid)
                let glyphs = Array(text)
                for (index, outside) in Sparkline.outsideBand(row.sparkline, bands: row.sparkBand, width: sparkWidth).enumerated()
                    where outside {
                    frame.put(String(glyphs[index]), row: offset + 1, column: column + index,
                              style: Style(.firing, attributes: .bold), width: 1, grid: &grid)
                }
            }
            if index == selected && state.focus == .kpis { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put(state.data.catchingUp ? KPIPaneText.reading : KPIPaneText.waiting, row: 1, style: Style(.muted), grid: &grid)
        } else if shown.isEmpty, let filter = state.filter(for: .kpis) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
    }

    /// The columns at an inner width: room left over goes to the names first
    /// (a segment's name is longer than a channel id), then to the thresholds
    /// as far as the sparkline keeps room for all its points (a rule cut to
    /// "CPA >58.…" beside an empty stretch of sparkline says less than the
    /// whole rule), then the sparkline takes what is left.
    static func columns(_ state: DeckState, layout: Layout, width: Int) -> Columns {
        var columns = layout.columns
        func spare() -> Int { width - (columns.widths.reduce(0, +) + columns.widths.count - 1) }
        let rows = state.kpiRows
        let visible = state.visibleRows(.kpis)
        let longest = visible.map { DisplayWidth.of(rows[$0].label) }.max() ?? 0
        columns.widths[0] += max(0, min(spare(), longest - columns.widths[0]))
        if let thresholdIndex = layout.kinds.firstIndex(of: .threshold) {
            let points = visible.map { rows[$0].sparkline.count }.max() ?? 0
            let sparkRoom = points > 0 ? points + 1 : 0
            let longestRule = visible.map { DisplayWidth.of(KPICell.thresholds(rows[$0], shown: layout.metrics)) }.max() ?? 0
            columns.widths[thresholdIndex] += max(0, min(spare() - sparkRoom, longestRule - columns.widths[thresholdIndex]))
        }
        return columns
    }

    /// The head of each column, unmarked.
    static func header(_ state: DeckState, layout: Layout) -> [String] {
        layout.kinds.map { kind in
            switch kind {
            case .key: return KPIPaneText.key
            // Over the values' digits, not over the place their breach mark takes.
            case .metric(let metric): return KPIPaneText.header(metric) + " "
            case .interval: return KPIPaneText.interval
            case .spend: return KPIPaneText.spend(currency: state.data.currency, window: state.data.kpiWindow,
                                                  short: layout != .wide)
            case .state: return KPIPaneText.state
            case .threshold: return KPIPaneText.threshold
            }
        }
    }

    /// Three widths of table; the state column always stays (it is what the pane is for).
    enum Layout: Equatable {
        case narrow, medium, wide

        init(width: Int) {
            self = width >= 100 ? .wide : width >= 50 ? .medium : .narrow
        }

        enum Column: Equatable {
            case key, metric(Metric), interval, spend, state, threshold
        }

        var kinds: [Column] {
            switch self {
            case .wide: return [.key, .metric(.ctr), .interval, .metric(.cvr), .metric(.cpa), .metric(.roi), .spend,
                                .state, .threshold]
            case .medium: return [.key, .metric(.ctr), .metric(.cpa), .spend, .metric(.roi), .state]
            case .narrow: return [.key, .metric(.ctr), .metric(.cpa), .state]
            }
        }

        /// The KPIs that have a column of their own.
        var metrics: [Metric] {
            kinds.compactMap { if case .metric(let metric) = $0 { return metric } else { return nil } }
        }

        var columns: Columns {
            switch self {
            case .wide:
                return Columns(widths: [11, 7, 13, 6, 10, 6, 12, 9, 18],
                               alignments: [.leading, .trailing, .trailing, .trailing, .trailing, .trailing, .trailing,
                                            .leading, .leading])
            case .medium:
                return Columns(widths: [11, 7, 10, 8, 5, 9],
                               alignments: [.leading, .trailing, .trailing, .trailing, .trailing, .leading])
            case .narrow:
                return Columns(widths: [10, 7, 9, 9], alignments: [.leading, .trailing, .trailing, .leading])
            }
        }
    }
}
