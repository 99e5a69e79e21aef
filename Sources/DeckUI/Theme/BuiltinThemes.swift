/// The four themes of themes/*.theme, built into the binary so the dashboard
/// works from any folder. A test keeps these in step with the files.
public enum BuiltinThemes {
    /// The built-in themes; the raw values are the names `--theme` and `:theme` take.
    enum Name: String, CaseIterable {
        case standard = "default", light, highContrast = "high-contrast", monochrome
    }

    public static let names = Name.allCases.map(\.rawValue)

    public static func text(_ name: String) -> String? {
        guard let theme = Name(rawValue: name) else { return nil }
        switch theme {
        case .standard: return defaultTheme
        case .light: return light
        case .highContrast: return highContrast
        case .monochrome: return monochrome
        }
    }

    static let defaultTheme = """
    # CampaignDeck theme: default (xterm 256 colours, dark background)
    # role = foreground [on background] [bold] [dim] [underline] [reverse] [italic]
    # colours: default, a name (black red green yellow blue magenta cyan white),
    # an xterm index 0-255, or #RRGGBB
    text           = default
    muted          = 245
    title          = 81 bold
    border         = 240
    border_focused = 81 bold
    selection      = 231 on 25 bold
    header         = 231 on 24 bold
    status_bar     = 252 on 236
    accent         = 214 bold
    ok             = 78
    pending        = 214 bold
    firing         = 203 bold reverse
    no_data        = 245 dim
    gantt_bar      = 67
    gantt_progress = 75
    critical_path  = 209
    late           = 203 bold underline
    today          = 226 bold
    sparkline      = 111

    """

    static let light = """
    # CampaignDeck theme: light (for light terminal backgrounds)
    text           = 235
    muted          = 244
    title          = 25 bold
    border         = 250
    border_focused = 25 bold
    selection      = 16 on 153 bold
    header         = 231 on 25 bold
    status_bar     = 235 on 253
    accent         = 130 bold
    ok             = 28
    pending        = 130 bold
    firing         = 160 bold reverse
    no_data        = 244 dim
    gantt_bar      = 67
    gantt_progress = 25
    critical_path  = 166
    late           = 160 bold underline
    today          = 127 bold
    sparkline      = 25

    """

    static let highContrast = """
    # CampaignDeck theme: high contrast (bright colours on black, for wall screens)
    text           = white
    muted          = white
    title          = yellow bold
    border         = white
    border_focused = yellow bold
    selection      = black on yellow bold
    header         = black on white bold
    status_bar     = black on white
    accent         = yellow bold
    ok             = green bold
    pending        = yellow bold
    firing         = white on red bold
    no_data        = white dim
    gantt_bar      = cyan
    gantt_progress = white bold
    critical_path  = magenta bold
    late           = red bold underline
    today          = yellow bold
    sparkline      = cyan bold

    """

    static let monochrome = """
    # CampaignDeck theme: monochrome (attributes only; also used with NO_COLOR)
    text           = default
    muted          = default dim
    title          = default bold
    border         = default dim
    border_focused = default bold
    selection      = default reverse
    header         = default reverse bold
    status_bar     = default reverse
    accent         = default bold
    ok             = default
    pending        = default bold
    firing         = default bold reverse
    no_data        = default dim
    gantt_bar      = default
    gantt_progress = default bold
    critical_path  = default bold
    late           = default underline
    today          = default bold
    sparkline      = default

    """
}
