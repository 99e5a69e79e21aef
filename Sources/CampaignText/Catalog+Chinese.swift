extension Phrase {
    /// The Simplified Chinese catalog, in the words of ../shared/GLOSSARY.md's
    /// campaign teams (客群, 甘特图, 指标, 异常记录 …).
    var chinese: String {
        switch self {
        // MARK: Pane titles
        case .paneSegments: return "客群"
        case .paneGantt: return "甘特图"
        case .paneKPIs: return "指标"
        case .paneAnomalies: return "异常记录"
        }
    }
}
