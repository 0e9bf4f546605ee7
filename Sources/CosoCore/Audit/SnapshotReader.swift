import GRDB
import GRDBSQLite

/// A read-only connection of its own to the database file, for asking what was stored before a
/// bulk write began while that write goes on, on another thread, through the main connection.
/// In WAL mode a reader sees the last commit, never the open write's rows: exactly "stored before
/// the import" (an import checks its file's own rows itself). Used by one thread.
final class SnapshotReader {
    private var connection: OpaquePointer?
    private var prepared: [String: OpaquePointer] = [:]

    /// Nil when the file cannot be opened for reading.
    init?(path: String) {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            sqlite3_close_v2(connection)
            return nil
        }
        sqlite3_busy_timeout(connection, 10_000)
    }

    deinit {
        for statement in prepared.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(connection)
    }

    /// The first column of the first row of a read query.
    func scalar(_ sql: String, _ arguments: [Value]) throws -> Value {
        let handle: OpaquePointer
        if let statement = prepared[sql] {
            handle = statement
        } else {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                throw StoreError.engine(String(cString: sqlite3_errmsg(connection)))
            }
            prepared[sql] = statement
            handle = statement
        }
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        for (i, argument) in arguments.enumerated() { RawBinding.value(handle, Int32(i + 1), argument.databaseValue) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            switch sqlite3_column_type(handle, 0) {
            case SQLITE_INTEGER: return .int(sqlite3_column_int64(handle, 0))
            case SQLITE_FLOAT: return .double(sqlite3_column_double(handle, 0))
            case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, 0)))
            default: return .null
            }
        case SQLITE_DONE: return .null
        default: throw StoreError.engine(String(cString: sqlite3_errmsg(connection)))
        }
    }
}
