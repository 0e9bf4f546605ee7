import CosoTesting
import Foundation

/// Runs the built `coso` executable the way users do, and drives its REPL through tmux.
enum Coso {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var binary: String {
        let env = ProcessInfo.processInfo.environment["COSO_BIN"]
        return env ?? root + "/.build/debug/coso"
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs coso with arguments (and optional standard input) in a scratch environment.
    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["COSO_DB"] = nil
        for (k, v) in environment { env[k] = v }
        return spawn([binary] + arguments, stdin: stdin, environment: env)
    }

    /// Runs a tool from PATH (sqlite3, tmux).
    @discardableResult
    static func shell(_ tool: String, _ arguments: [String]) throws -> Result {
        // The shell has no busy timeout by default: while another process closes the database
        // (and checkpoints its WAL) it would fail at once with "database is locked".
        let args = tool == "sqlite3" ? ["-cmd", ".timeout 5000"] + arguments : arguments
        return spawn([tool] + args, stdin: nil, environment: ProcessInfo.processInfo.environment)
    }

    /// posix_spawn and waitpid, with standard streams through temporary files. Foundation's
    /// Process is avoided: with a tmux server daemonising beside it, it stopped reaping children
    /// and waitUntilExit never returned.
    static func spawn(_ argv: [String], stdin: String?, environment: [String: String]) -> Result {
        spawn(argv, stdinBytes: Array((stdin ?? "").utf8), environment: environment)
    }

    /// The same, with standard input given as bytes (which need not be text).
    static func spawn(_ argv: [String], stdinBytes: [UInt8], environment: [String: String]) -> Result {
        let base = NSTemporaryDirectory() + "coso-spawn-" + UUID().uuidString
        let inPath = base + ".in", outPath = base + ".out", errPath = base + ".err"
        defer { for p in [inPath, outPath, errPath] { unlink(p) } }
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdinBytes))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for a in cArgs { free(a) }; for e in cEnv { free(e) } }
        var pid = pid_t()
        guard posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, &cEnv) == 0 else {
            return Result(status: -1, stdout: "", stderr: "cannot run \(argv[0])")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Result(status: (status >> 8) & 0xff, stdout: read(outPath), stderr: read(errPath))
    }

    static func scratchDirectory() throws -> String {
        try Scratch.directory("e2e")
    }

    /// One demo district per test process, built by `coso demo district`; tests that write copy it.
    static let sharedDemo: String = {
        let dir = try! scratchDirectory()
        let path = dir + "/demo.db"
        let r = try! run(["demo", "district", "--db", path, "--seed", "1"])
        precondition(r.status == 0, "coso demo district failed: \(r.stderr)")
        return path
    }()

    /// Overwrites pages of the second half of a database file (its data, not its schema) with
    /// bytes SQLite reads as damage.
    static func damage(_ path: String) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        for offset in stride(from: size / 2, to: size - 8_192, by: 4_096 * 5) {
            try handle.seek(toOffset: UInt64(offset + 200))
            handle.write(Data(repeating: 0xFF, count: 1_500))
        }
        try handle.close()
    }

    /// A private copy of the demo database.
    static func demoCopy() throws -> String {
        let dir = try scratchDirectory()
        let path = dir + "/demo.db"
        try FileManager.default.copyItem(atPath: sharedDemo, toPath: path)
        return path
    }
}

/// A REPL session in a detached tmux server of its own, typed into as a person would.
final class TmuxSession {
    let socket = "coso-test-" + UUID().uuidString.prefix(8)
    let stateHome: String

    /// Extra environment for coso (`COSO_IDLE_WARNING`).
    var environment: [String: String] = [:]

    /// (`PAGER=cat` unless given: results print as they are, the pager's own test sets none.)
    init(database: String, stateHome: String? = nil, environment: [String: String] = [:]) throws {
        self.stateHome = try stateHome ?? Coso.scratchDirectory()
        self.environment = environment["PAGER"] == nil ? environment.merging(["PAGER": "cat"]) { a, _ in a } : environment
        try start(database)
    }

    /// `coso ARGUMENTS` on a terminal, everything it writes to the terminal copied into `log`
    /// (what a progress bar draws and then erases too); the pane stays a few seconds after.
    init(arguments: [String], log: String) throws {
        stateHome = try Coso.scratchDirectory()
        // The copy starts before coso does.
        let command = "sleep 0.5; env TERM=xterm \(Coso.binary) \(arguments.map { "'\($0)'" }.joined(separator: " ")); sleep 5"
        let r = tmux(["new-session", "-d", "-s", "s", "-x", "120", "-y", "40", command])
        precondition(r.status == 0, "tmux new-session failed: \(r.output)")
        serverPID = pid_t(tmux(["display-message", "-p", "#{pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        tmux(["pipe-pane", "-o", "-t", "s", "cat >> '\(log)'"])
    }

    func start(_ database: String) throws {
        let extra = environment.map { "\($0.key)=\($0.value) " }.sorted().joined()
        let command = "env XDG_STATE_HOME=\(stateHome) TERM=xterm \(extra)\(Coso.binary) --db \(database)"
        let r = tmux(["new-session", "-d", "-s", "s", "-x", "120", "-y", "40", command])
        precondition(r.status == 0, "tmux new-session failed: \(r.output)")
        serverPID = pid_t(tmux(["display-message", "-p", "#{pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        _ = waitFor("coso>")
    }

    /// Runs a tmux client for this session's server.
    @discardableResult
    func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        let r = Coso.spawn(["tmux", "-L", socket] + arguments, stdin: nil, environment: ProcessInfo.processInfo.environment)
        return (r.status, r.stdout)
    }

    func send(_ keys: String...) {
        for k in keys {
            tmux(["send-keys", "-t", "s", k])
            usleep(150_000)
        }
    }

    /// Types literal text (no key-name interpretation).
    func type(_ text: String) {
        tmux(["send-keys", "-t", "s", "-l", text])
        usleep(150_000)
    }

    var screen: String {
        tmux(["capture-pane", "-p", "-t", "s"]).output
    }

    /// The screen's non-empty lines.
    var lines: [String] { screen.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }

    /// Waits (up to 5 s) until the screen contains `text`; returns whether it did.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(100_000)
        }
        return false
    }

    var isRunning: Bool {
        tmux(["list-panes", "-t", "s", "-F", "#{pane_dead}"]).output.hasPrefix("0")
    }

    /// The tmux server, ended by pid too: a server whose socket went away cannot be asked to stop
    /// and would outlive the test run.
    private var serverPID: pid_t = 0

    func kill() {
        tmux(["kill-server"])
        if serverPID > 0 { _ = Foundation.kill(serverPID, SIGKILL) }
    }
}
