import GRDB
import GRDBSQLite

/// Rows inserted through `WriteTransaction.insert` inside `bulk`, waiting to go to SQLite many at
/// a time: one multi-row `INSERT ... VALUES (...), (...)` per table and column set.
///
/// Why: a statement run once per row pays SQLite's per-execution costs once per row, and the
/// largest of them is the CHECK constraints' enum lists (`kind IN ('admitted', ...)`): SQLite
/// builds a little index of each list every time a statement runs, about 4.5 µs per list, ten
/// lists per imported member with its history. One statement for a few hundred rows builds them
/// once (importing 100,000 members: 8 s of 22 s went to those lists).
///
/// Ids are given by the transaction (the largest id in the table plus one, as SQLite would), so
/// that `insert` can return a row's id before the row is written. Waiting rows are written
/// referenced tables first (members before their history), by each table's `rank`. Foreign keys
/// are checked at commit inside `bulk` (`PRAGMA defer_foreign_keys`) as a safety net for an
/// order the ranks do not settle; it is not the way to go: while a row waits for its parent,
/// SQLite scans the referencing tables at every insert into the parent's.
///
/// The transaction writes the waiting rows before anything that could see the table: a read, an
/// update, a delete, a `BulkInsert` row, rebuilt indexes, the end of `bulk`.
final class PendingInserts {
    private struct Batch {
        let table: String
        let rank: Int
        let columns: [String]
        var rows: [[DatabaseValue]] = []
        /// SQLite binds at most 32,766 values per statement.
        var capacity: Int { max(1, 32_766 / columns.count) }
    }

    /// Rows written together (in as many statements as tables and column sets).
    static let rowsPerFlush = 4000

    private var batches: [String: Batch] = [:]
    /// Statements by table, columns and row count: the mix of rows repeats from one flush to the
    /// next (a member and two events), so a few are compiled and reused.
    private var statements: [String: Statement] = [:]
    /// The next id to give in each entity's table, once asked for.
    private var nextIDs: [String: Int64] = [:]
    private(set) var count = 0
    /// A failed statement may have written some of its rows (`OR FAIL` keeps no statement journal
    /// to take them back): after it, nothing more is written and the transaction must roll back.
    private var failure: StoreError?

    /// Keeps a row to write later; writes all waiting rows every `rowsPerFlush`. `rank`: tables
    /// of lower rank are written first (a table ranks above those it references).
    func add(_ db: Database, table: String, rank: Int, columns: [String], values: [DatabaseValue]) throws {
        if let failure { throw failure }
        let key = table + "(" + columns.joined(separator: ",")
        if batches[key] == nil { batches[key] = Batch(table: table, rank: rank, columns: columns) }
        batches[key]!.rows.append(values)
        count += 1
        if count >= PendingInserts.rowsPerFlush || batches[key]!.rows.count >= batches[key]!.capacity { try flush(db) }
    }

    /// The id the next row of `entity` gets: the table's largest id plus one, counting waiting rows.
    func nextID(_ db: Database, _ entity: Entity) throws -> Int64 {
        if let next = nextIDs[entity.name] { return next }
        try flush(db)
        let next = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(entity.table)") ?? 0) + 1
        nextIDs[entity.name] = next
        return next
    }

    /// Notes an id used in `entity`'s table (given by the transaction, by a file, or by SQLite).
    func used(_ entity: String, _ id: Int64) {
        if let next = nextIDs[entity], id >= next { nextIDs[entity] = id + 1 }
    }

    /// Writes every waiting row.
    func flush(_ db: Database) throws {
        if let failure { throw failure }
        guard count > 0 else { return }
        let order = batches.sorted { ($0.value.rank, $0.key) < ($1.value.rank, $1.key) }
        for (key, batch) in order where !batch.rows.isEmpty { try write(db, key) }
    }

    /// Forgets waiting rows and ids given, at the end of `bulk` (after `flush`, or when the
    /// transaction fails): rows added afterwards may come from other writers.
    func discard() {
        failure = nil
        batches.removeAll()
        nextIDs.removeAll()
        count = 0
    }

    private func write(_ db: Database, _ key: String) throws {
        guard let batch = batches[key], !batch.rows.isEmpty else { return }
        batches[key]!.rows.removeAll(keepingCapacity: true)
        count -= batch.rows.count
        let statementKey = key + "#" + String(batch.rows.count)
        let statement: Statement
        if let prepared = statements[statementKey] {
            statement = prepared
        } else {
            let one = "(" + Array(repeating: "?", count: batch.columns.count).joined(separator: ", ") + ")"
            // OR FAIL: a broken constraint stops the statement without undoing its earlier rows,
            // so SQLite keeps no statement journal (a copy of every page the statement touches);
            // the failure ends the whole transaction instead (see `failure`).
            let sql = "INSERT OR FAIL INTO \(batch.table) (\(batch.columns.joined(separator: ", "))) VALUES "
                + Array(repeating: one, count: batch.rows.count).joined(separator: ", ")
            statement = try db.makeStatement(sql: sql)
            if statements.count >= 64 { statements.removeAll() }
            statements[statementKey] = statement
        }
        let handle = statement.sqliteStatement
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
            let error = StoreError.engine("\(batch.table): " + String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            failure = error
            throw error
        }
    }
}
