import GRDB
import GRDBSQLite

/// Rows for one multi-row INSERT: a table, its columns, the values row by row.
struct InsertBatch: Sendable {
    let table: String
    let columns: [String]
    let rows: [[DatabaseValue]]
}

/// Multi-row INSERT statements on one SQLite connection, prepared once per table, columns and
/// row count, bound and run through the C API. Used by one thread at a time.
final class InsertStatements: @unchecked Sendable {
    private let connection: OpaquePointer
    private var prepared: [String: OpaquePointer] = [:]

    init(connection: OpaquePointer) { self.connection = connection }

    deinit { finalize() }

    func run(_ batch: InsertBatch) throws(StoreError) {
        guard !batch.rows.isEmpty else { return }
        let key = batch.table + "(" + batch.columns.joined(separator: ",") + "#" + String(batch.rows.count)
        let handle: OpaquePointer
        if let statement = prepared[key] {
            handle = statement
        } else {
            let one = "(" + Array(repeating: "?", count: batch.columns.count).joined(separator: ", ") + ")"
            // OR FAIL: a broken constraint stops the statement without undoing its earlier rows,
            // so SQLite keeps no statement journal for it; the failure ends the whole transaction.
            let sql = "INSERT OR FAIL INTO \(batch.table) (\(batch.columns.joined(separator: ", "))) VALUES "
                + Array(repeating: one, count: batch.rows.count).joined(separator: ", ")
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                throw StoreError.engine("\(batch.table): " + String(cString: sqlite3_errmsg(connection)))
            }
            if prepared.count >= 64 { finalize() }
            prepared[key] = statement
            handle = statement
        }
        var position: Int32 = 1
        for row in batch.rows {
            for value in row {
                RawBinding.value(handle, position, value)
                position += 1
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            throw StoreError.engine("\(batch.table): " + String(cString: sqlite3_errmsg(connection)))
        }
    }

    func finalize() {
        for statement in prepared.values { sqlite3_finalize(statement) }
        prepared.removeAll()
    }
}
