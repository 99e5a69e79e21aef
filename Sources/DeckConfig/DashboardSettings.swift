/// The dashboard's defaults as they come out: a command-line flag wins over
/// the config file, the config file over the built-in default.
public struct DashboardSettings: Equatable, Sendable {
    public static let builtInSpeed = 600.0
    public static let builtInTheme = "default"
    public static let builtInMouse = true

    /// The simulator's replay speed.
    public var speed: Double
    /// A built-in theme's name or a theme file's path.
    public var theme: String
    /// Whether `theme` is the config's: a theme from the config that cannot
    /// be loaded is a problem shown to the user with the built-in theme in
    /// its place, while a broken `--theme` stops the command as before.
    public var themeIsConfigured: Bool
    /// Whether the dashboard reads the mouse. The mouse support wires it
    /// (`--no-mouse` passes `mouseFlag: false`).
    public var mouse: Bool

    public init(speedFlag: Double?, themeFlag: String?, mouseFlag: Bool?, config: DeckConfig) {
        speed = speedFlag ?? config.speed ?? Self.builtInSpeed
        theme = themeFlag ?? config.theme ?? Self.builtInTheme
        themeIsConfigured = themeFlag == nil && config.theme != nil
        mouse = mouseFlag ?? config.mouse ?? Self.builtInMouse
    }
}
