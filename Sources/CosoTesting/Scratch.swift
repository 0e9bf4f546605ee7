import Foundation

/// Temporary directories for tests, all under one directory per test process
/// (`$TMPDIR/coso-tests/PID`), removed when the process exits; a run also removes what processes
/// that died before exiting left behind. Tests copy the demo database (7 MB) hundreds of times:
/// left in place, each `make test` would leave gigabytes in /tmp.
public enum Scratch {
    public static let root: String = {
        let base = NSTemporaryDirectory() + "coso-tests"
        let files = FileManager.default
        try? files.createDirectory(atPath: base, withIntermediateDirectories: true)
        for name in (try? files.contentsOfDirectory(atPath: base)) ?? [] {
            guard let pid = pid_t(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? files.removeItem(atPath: base + "/" + name)
        }
        let root = base + "/\(getpid())"
        try? files.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return root
    }()

    /// A new empty directory, `prefix-UUID`, under this process's root.
    public static func directory(_ prefix: String) throws -> String {
        let dir = root + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
