import Foundation

/// Who holds the register for writing over a long stretch (a `begin` left open in the REPL, an
/// `--atomic` script, an import): written beside the database while it lasts, so that another
/// writer kept waiting can be told who to ask instead of "database is locked". SQLite itself
/// does not say which connection holds its lock. A file left by a process that died is ignored
/// (its process is gone) and replaced by the next holder.
public struct WriteHolder: Sendable, Equatable {
    public let user: String
    /// `repl`, `script:FILE`, `import`...
    public let source: String
    public let pid: Int32
    /// When the hold began, in Viet Nam's time (hh:mm dd/mm/yyyy).
    public let since: String

    static func path(for database: String) -> String { database + "-holder" }

    /// Records the hold; a failure to write the note never stops the write itself. The note of
    /// another live process is left alone: this one may be about to wait for it, and the note is
    /// what it will report.
    static func take(_ database: String, user: String, source: String) {
        if let other = read(database), other.pid != getpid() { return }
        let f = DateFormatter()
        f.locale = Locale(identifier: "vi_VN")
        f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        f.dateFormat = "HH:mm dd/MM/yyyy"
        // One line, fields separated by tabs: a user or a script name holds no tab (refused as text).
        let line = [user, source, String(getpid()), f.string(from: Date())]
            .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\t")
        try? line.write(toFile: path(for: database), atomically: true, encoding: .utf8)
    }

    static func release(_ database: String) {
        guard let holder = read(database), holder.pid == getpid() else { return }
        unlink(path(for: database))
    }

    /// The live holder of `database`, if one left its note.
    public static func read(_ database: String) -> WriteHolder? {
        guard let text = try? String(contentsOfFile: path(for: database), encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let pid = Int32(parts[2]) else { return nil }
        // A process that is gone holds nothing (kill with signal 0 only asks whether it exists).
        guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
        return WriteHolder(user: parts[0], source: parts[1], pid: pid, since: parts[3])
    }
}
