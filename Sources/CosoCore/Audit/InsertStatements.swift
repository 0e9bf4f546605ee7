import GRDB
import GRDBSQLite

/// Rows for one multi-row INSERT: a table, its columns, the values of `rows` rows one after the other.
struct InsertBatch: Sendable {
    let table: String
    let columns: [String]
    let values: [DatabaseValue]
    let rows: Int
}

/// Multi-row INSERT statements on one SQLite connection, prepared once per table, columns and
/// row count, bound and run through the C API. Used by one thread at a time.
final class InsertStatements: @unchecked Sendable {
    private let connection: OpaquePointer
    private var prepared: [String: OpaquePointer] = [:]

    init(connection: OpaquePointer) { self.connection = connection }

    deinit { finalize() }

    /// Rows per statement. A batch of any size is written as statements of this many rows and,
    /// for the rest, of 64, 32, ... 1 rows: a few prepared statements per table serve every batch.
    /// (One statement per batch size prepared a new statement of thousands of rows at almost every
    /// hand-over of an import: a tenth of the writing thread went to SQLite's parser.)
    static let rowsPerStatement = 128

    func run(_ batch: InsertBatch) throws(StoreError) {
        let width = batch.columns.count
        let name = batch.table + "(" + batch.columns.joined(separator: ",") + "#"
        var row = 0
        while row < batch.rows {
            var n = InsertStatements.rowsPerStatement
            while n > batch.rows - row { n /= 2 }
            // SQLite binds at most 32,766 values per statement.
            while n > 1 && n * width > 32_766 { n /= 2 }
            let handle = try statement(name, batch.table, batch.columns, rows: n)
            var position: Int32 = 1
            for value in batch.values[(row * width)..<((row + n) * width)] {
                RawBinding.value(handle, position, value)
                position += 1
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            guard code == SQLITE_DONE else {
                throw StoreError.engine("\(batch.table): " + String(cString: sqlite3_errmsg(connection)))
            }
            row += n
        }
    }

    /// `name`: the table and columns, to which the row count is added to find the statement.
    private func statement(_ name: String, _ table: String, _ columns: [String], rows: Int) throws(StoreError) -> OpaquePointer {
        let key = name + String(rows)
        if let statement = prepared[key] { return statement }
        let one = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        // OR FAIL: a broken constraint stops the statement without undoing its earlier rows,
        // so SQLite keeps no statement journal for it; the failure ends the whole transaction.
        let sql = "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: one, count: rows).joined(separator: ", ")
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError.engine("\(table): " + String(cString: sqlite3_errmsg(connection)))
        }
        // Eight sizes for each table and column set (`rowsPerStatement` and its halves).
        if prepared.count >= 128 { finalize() }
        prepared[key] = statement
        return statement
    }

    func finalize() {
        for statement in prepared.values { sqlite3_finalize(statement) }
        prepared.removeAll()
    }
}
