import Foundation

/// Where the database lives: `--db`, then `COSO_DB`, then the XDG data directory
/// (`$XDG_DATA_HOME/coso/coso.db`, by default `~/.local/share/coso/coso.db`).
public enum StorePath {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["COSO_DB"], !env.isEmpty { return env }
        return dataDirectory(environment: environment) + "/coso.db"
    }

    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/coso" }
        return home(environment) + "/.local/share/coso"
    }

    /// Per-user state (REPL history): `$XDG_STATE_HOME/coso`, by default `~/.local/state/coso`.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/coso" }
        return home(environment) + "/.local/state/coso"
    }

    static func home(_ environment: [String: String]) -> String {
        environment["HOME"] ?? NSHomeDirectory()
    }
}
