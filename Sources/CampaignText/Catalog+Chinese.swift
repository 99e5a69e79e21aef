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

        // MARK: Mouse and help search
        case .helpSearchBinding: return "在帮助中搜索（n / N：下一个、上一个匹配）"
        case .helpSearchHint: return "搜索"
        case .helpNextMatchBinding: return "下一个匹配"
        case .helpNextMatchHint: return "下一个"
        case .helpPreviousMatchBinding: return "上一个匹配"
        case .helpSearchMatch: return "/{3}：第 {1} 个匹配，共 {2} 个"
        case .helpSearchNoMatch: return "帮助中没有匹配 /{1} 的内容"
        case .helpSearchNone: return "还没有搜索：按 / 在帮助中搜索"
        case .helpSearchTyping: return "{1} 行匹配 · Enter 查找 · Esc 取消"
        case .mouseHelpTitle: return "鼠标"
        case .mouseHelpLines: return "单击：聚焦窗格并选中该行 · 双击：打开（同 Enter） · 滚轮：滚动指针下的窗格（按住 Shift 滚动甘特图的日期） · 单击列标题：按该列排序，再次单击：反向 · 按住 Shift 可选择文字"
        case .messagesViewTitle: return "消息记录"
        case .messagesSearchBinding: return "在消息记录中搜索（n / N：下一个、上一个匹配）"
        case .messagesSearchNoMatch: return "没有匹配 /{1} 的内容"
        }
    }
}
