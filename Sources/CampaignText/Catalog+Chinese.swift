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

        // MARK: Key config
        case .keyNameControlCharacter: return "控制字符不能直接写作按键；请写它的名称（{1}）"
        case .keyNameControlNeedsLetter: return "无法识别按键 '{1}'：Ctrl 只能与一个字母 a–z 组合（{2}）"
        case .keyNameControlAlias: return "无法使用按键 '{1}'：终端把它当作 {2} 发送；请写 {2}"
        case .keyNameFunctionRange: return "无法识别按键 '{1}'：功能键只有 F1 到 F12"
        case .keyNameUnknown: return "无法识别按键 '{1}'；请写一个字符（{2}）、一个按键名称（{3}）或 {4}"
        case .configDidYouMean: return "（是否想写 '{1}'？）"
        case .keyConfigUnknownBinding: return "没有名为 '{1}' 的按键绑定{2}；{3} 会列出全部绑定"
        case .keyConfigTaken: return "按键 {1} 在同一位置已属于 {2}，两者之一将永远无法触发；{3} 保留原来的按键 {4}"
        case .configCannotRead: return "无法读取配置文件：{1}"
        case .configIsFolder: return "这是一个文件夹"
        case .configNotRegularFile: return "不是普通文件"
        case .configPermissionDenied: return "没有读取权限"
        case .configNotUTF8: return "不是 UTF-8 文本"
        case .configNotMapping: return "配置文件必须是设置项的映射（{1}），实际为 {2}"
        case .configUnknownSetting: return "未知设置项 '{1}'{2}；配置文件支持 {3}"
        case .configLanguage: return "未知语言 {1}；请使用 {2} 或 {3}"
        case .configTheme: return "未知主题 {1}{2}；请使用 {3} 或主题文件的路径"
        case .configThemeBroken: return "未使用该主题：{1}"
        case .configBoolean: return "'{1}' 必须是 {2} 或 {3}，实际为 {4}"
        case .configSpeed: return "'{1}' 必须是大于 0 的数，实际为 {2}"
        case .configKeysNotMapping: return "'{1}' 必须把绑定名映射到按键（{2}），实际为 {3}"
        case .configKeyNotText: return "'{1}' 的按键必须是 {2} 这样的按键名称，实际为 {3}"
        case .configKeysEmpty: return "'{1}' 至少需要一个按键；保留原来的 {2}"
        case .configKindMapping: return "一个映射"
        case .configKindList: return "一个列表"
        case .configProblems: return "{1} · 配置文件中还有 {2} 处问题（{3}）"
        }
    }
}
