/// Where the config file is: `--config FILE`, else
/// `$XDG_CONFIG_HOME/campaign-deck/config.yaml`, else
/// `~/.config/campaign-deck/config.yaml`; none with `--no-config`.
public enum ConfigLocation {
    public static let relativePath = "campaign-deck/config.yaml"

    /// The default file. A relative `XDG_CONFIG_HOME` is ignored, as the XDG
    /// base directory spec asks; nil when neither it nor `HOME` is usable.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + (config.hasSuffix("/") ? "" : "/") + relativePath
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + (home.hasSuffix("/") ? "" : "/") + ".config/" + relativePath
    }

    /// What the arguments ask for, read before the command line is parsed
    /// (the language must be known first): `--no-config` (nil path, explicit),
    /// `--config FILE` or `--config=FILE` (the last one given), or the default.
    /// Stops at `--`; the dashboard command parses the same options again.
    public static func scan(_ arguments: [String], environment: [String: String]) -> (path: String?, isExplicit: Bool) {
        var explicit: String?
        var disabled = false
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--no-config" {
                disabled = true
            } else if argument == "--config", index + 1 < arguments.endIndex {
                explicit = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--config=") {
                explicit = String(argument.dropFirst("--config=".count))
            }
            index += 1
        }
        if disabled { return (nil, true) }
        if let explicit { return (explicit, true) }
        return (defaultPath(environment: environment), false)
    }
}
