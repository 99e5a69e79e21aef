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
        // MARK: Names where people use names (issue 15 item 2)
        case .nameKindTask: return "任务"
        case .nameKindSegment: return "客群"
        case .nameKindRule: return "预警规则"
        case .nameKindOwner: return "负责人"
        case .nameKindTheme: return "主题"
        case .nameAmbiguousIDs: return "有 {1} 个{2}都叫“{3}”：请改用 id（{4}）"
        case .nameAmbiguousNumbers: return "有 {1} 条{2}都叫“{3}”：请改用编号（{4}）"
        case .nameUnknown: return "没有{1}“{2}”（按 Tab 可补全 id 和名称）"
        case .nameUnknownSuggest: return "没有{1}“{2}”（是否要找“{3}”？）"
        case .completionNone: return "没有与“{2}”匹配的{1}"
        case .completionChoices: return "按 Tab 轮换：{1}"
        case .commandNamesHelp: return "{1}：填 id 或名称（预警规则填编号或名称）。含空格的名称可直接输入（取能匹配的最长名称），也可加引号，如 {2}。按 Tab 补全命令、id 和名称；再按 Tab 换下一个。"
        case .derivedTaskID: return "已为“{2}”分配 id {1}"
        case .newTaskTitle: return "在 {1} 之后新建任务：名称，或 id 加名称"
        case .newTaskHint: return "例如 {1}（自动分配 id），或 {2}（先写 id）"
        case .dependencyTitle: return "{1} 要等待的任务（id 或名称）"
        case .removeDependencyTitle: return "{1} 不再等待的任务（id 或名称）"
        case .copyName: return "{1} (副本)"
        case .numberedCopyName: return "{1} (副本 {2})"
        }
    }
}
