import Foundation
import GRDB

/// What coso opens: a register, or a new one where a command makes it. Everything else is refused
/// before SQLite writes a byte to it: a mistyped `--db` used to create an empty register and
/// answer 0; another application's database used to gain coso's tables and WAL mode.
extension StorePath {
    /// The SQLite file header (the first 16 bytes of every database file).
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Checks the file at `path` before it is opened; true when it is to be made (missing or
    /// empty, and `create`).
    static func check(_ path: String, create: Bool) throws -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw StoreError.readOnly(path: path) }
            if create { return true }
            throw StoreError.missing(path: path, nearest: nearestRegister(to: path))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notAFile(path: path) }
        if info.st_size == 0 {
            if create { return true }
            throw StoreError.notARegister(path: path)
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw StoreError.readOnly(path: path) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        guard read(fd, &header, 16) == 16, header == sqliteHeader else { throw StoreError.notADatabase(path: path) }
        // SQLite needs to write the file and, in WAL mode, files beside it.
        let dir = (path as NSString).deletingLastPathComponent
        guard access(path, W_OK) == 0, access(dir.isEmpty ? "." : dir, W_OK) == 0 else { throw StoreError.readOnly(path: path) }
        return false
    }

    /// Whether an opened database is a coso register (it has coso's bookkeeping tables). Reads the
    /// schema only.
    static func isRegister(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('coso_schema', 'coso_migrations'))
            """) == true
    }

    /// A file beside `path` whose name is near its name (`demo.db` for `dmeo.db`).
    static func nearestRegister(to path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
        let candidates = names.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") && !$0.contains(".backup-") && !$0.hasPrefix(".") }
        guard let near = Suggest.closest(to: url.lastPathComponent, in: candidates.sorted()) else { return nil }
        return (path.contains("/") ? dir + "/" : "") + near
    }
}
