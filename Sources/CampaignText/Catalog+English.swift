extension Phrase {
    /// The English catalog.
    var english: String {
        switch self {
        // MARK: Pane titles
        case .paneSegments: return "Segments"
        case .paneGantt: return "Gantt"
        case .paneKPIs: return "KPIs"
        case .paneAnomalies: return "Anomaly log"

        // MARK: Key config
        case .keyNameControlCharacter: return "a control character cannot be written as a key; write its name ({1})"
        case .keyNameControlNeedsLetter: return "cannot read key '{1}': Ctrl goes with one letter a–z ({2})"
        case .keyNameControlAlias: return "cannot use key '{1}': the terminal sends it as {2}; write {2}"
        case .keyNameFunctionRange: return "cannot read key '{1}': function keys go from F1 to F12"
        case .keyNameUnknown: return "cannot read key '{1}'; write one character ({2}), a key name ({3}) or {4}"
        case .configDidYouMean: return " (did you mean '{1}'?)"
        case .keyConfigUnknownBinding: return "unknown binding '{1}'{2}; {3} lists them"
        case .keyConfigTaken: return "key {1} is already {2}'s in the same place, so one of them would never run; {3} keeps its keys {4}"
        case .configCannotRead: return "cannot read the config file: {1}"
        case .configIsFolder: return "a folder"
        case .configNotRegularFile: return "not a regular file"
        case .configPermissionDenied: return "permission denied"
        case .configNotUTF8: return "not UTF-8 text"
        case .configNotMapping: return "the config must be a mapping of settings ({1}), got {2}"
        case .configUnknownSetting: return "unknown setting '{1}'{2}; the config knows {3}"
        case .configLanguage: return "unknown language {1}; use {2} or {3}"
        case .configTheme: return "unknown theme {1}{2}; use {3} or a path to a .theme file"
        case .configThemeBroken: return "theme not used: {1}"
        case .configBoolean: return "'{1}' must be {2} or {3}, got {4}"
        case .configSpeed: return "'{1}' must be a number above 0, got {2}"
        case .configKeysNotMapping: return "'{1}' must map binding ids to keys ({2}), got {3}"
        case .configKeyNotText: return "the keys of '{1}' must be key names like {2}, got {3}"
        case .configKeysEmpty: return "'{1}' needs at least one key; it keeps {2}"
        case .configKindMapping: return "a mapping"
        case .configKindList: return "a list"
        case .configProblems: return "{1} · {2} more in the config ({3})"
        }
    }
}
