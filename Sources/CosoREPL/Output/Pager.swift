import CosoCore
import Foundation

/// Results taller than the terminal go through a pager, as psql does: `$PAGER`, else `less -SR`
/// (long lines scroll sideways instead of wrapping; `q` returns to the prompt). Only in the
/// interactive REPL on a terminal (`.pager on|off`), never in scripts or pipes; without a pager
/// installed, results are written as they are.
public final class Pager {
    public var enabled = true
    /// The shell command the text is piped into; nil: no pager on this machine.
    public let command: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let pager = environment["PAGER"]?.trimmingCharacters(in: .whitespaces), !pager.isEmpty {
            command = pager
        } else if let less = Pager.find("less", path: environment["PATH"] ?? "/usr/bin:/bin") {
            command = less + " -SR"
        } else {
            command = nil
        }
    }

    static func find(_ name: String, path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The terminal's size (nil: standard output is not a terminal).
    static func size() -> (rows: Int, columns: Int)? {
        var w = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_row > 0 else { return nil }
        return (Int(w.ws_row), Int(w.ws_col))
    }

    /// Whether `text` needs the pager: taller than the screen (less the prompt's line), or wider.
    static func needed(_ text: String, rows: Int, columns: Int) -> Bool {
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += 1
            if lines >= rows || (columns > 0 && VietnameseText.displayWidth(String(line)) > columns) { return true }
        }
        return false
    }

    /// Shows `text` through the pager when it is taller or wider than the screen; false when it
    /// is not, or no pager could run: the caller writes it as usual.
    func show(_ text: String) -> Bool {
        guard enabled, let command, let size = Pager.size(), Pager.needed(text, rows: size.rows, columns: size.columns) else { return false }
        // posix_spawn, not Foundation's Process: the pager must stay in this process group, on
        // this terminal (Process starts a new session, where less has no terminal to read keys from).
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(fds[0])
        guard spawned == 0 else { close(fds[1]); return false }
        // The pager may be left before it has read everything: a closed pipe is no error here.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fds[1], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes = bytes.dropFirst(n)
        }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return true
    }
}
