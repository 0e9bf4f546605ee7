import GRDB

/// Rows inserted through `WriteTransaction.insert` inside `bulk`, waiting to go to SQLite many at
/// a time: one multi-row `INSERT ... VALUES (...), (...)` per table and column set.
///
/// Why: a statement run once per row pays SQLite's per-execution costs (opening its cursors
/// again, resetting, binding through the wrapper) once per row; one statement for a few hundred
/// rows pays them once. (The CHECK constraints' enum lists, once thought a cost per execution,
/// are one per row in the form `TableSchema` writes them.)
///
/// Ids are given by the transaction (the largest id in the table plus one, as SQLite would), so
/// that `insert` can return a row's id before the row is written. Waiting rows are written
/// referenced tables first (members before their history), by each table's `rank`. Foreign keys
/// are checked at commit inside `bulk` (`PRAGMA defer_foreign_keys`) as a safety net for an
/// order the ranks do not settle; it is not the way to go: while a row waits for its parent,
/// SQLite scans the referencing tables at every insert into the parent's.
///
/// The transaction writes the waiting rows before anything that could see the table: a read, an
/// update, a delete, a `BulkInsert` row, rebuilt indexes, the end of `bulk`. A read of one row by
/// id and an update write only the rows waiting for that row's table and the tables it refers to
/// (see `WriteTransaction.flushPending(_:)`).
final class PendingInserts {
    private struct Batch {
        let table: String
        let rank: Int
        let columns: [String]
        /// The rows' values one after the other (`columns.count` each): one array for all of them,
        /// not one per row.
        var values: [DatabaseValue] = []
        var rows = 0
        /// SQLite binds at most 32,766 values per statement.
        let capacity: Int
        /// The order batches of the same rank are written in.
        let key: String

        init(_ shape: RowShape) {
            table = shape.table; rank = shape.rank; columns = shape.columns
            capacity = max(1, 32_766 / columns.count)
            key = table + "(" + columns.joined(separator: ",")
        }
    }

    /// Rows written together (in as many statements as tables and column sets).
    static let rowsPerFlush = 4000

    /// One per row shape (a generator filling optional fields may make hundreds).
    private var batches: [Batch] = []
    /// The batches by table and columns (`Batch.key`), for a shape met for the first time: rows of
    /// the same columns share a batch whatever shape they came in.
    private var batchesByKey: [String: Int] = [:]
    /// Told apart from the batches of an earlier `bulk` (a shape keeps where its rows wait).
    private var generation = 0
    /// The statements, when rows are written on the calling thread.
    private var statements: InsertStatements?
    /// The writing thread, when `overlap` asked for one.
    private var writer: OverlappedWriter?
    private(set) var count = 0
    /// A failed statement may have written some of its rows (`OR FAIL` keeps no statement journal
    /// to take them back): after it, nothing more is written and the transaction must roll back.
    private var failure: StoreError?

    /// Nothing waits, no thread writes and nothing failed: the connection is free for the caller.
    var isClear: Bool { count == 0 && writer == nil && failure == nil }

    /// From now on, rows are written by a second thread while the caller goes on (an import).
    func overlap(_ db: Database) {
        guard writer == nil, let connection = db.sqliteConnection else { return }
        writer = OverlappedWriter(connection: connection)
    }

    /// Keeps a row to write later (`values` in the order of `shape.columns`); hands all waiting
    /// rows over every `rowsPerFlush`. Tables of lower rank are written first.
    func add(_ db: Database, _ shape: RowShape, values: [DatabaseValue]) throws {
        if let failure { throw failure }
        let index: Int
        if let b = shape.batch, b.generation == generation {
            index = b.index
        } else {
            let batch = Batch(shape)
            if let i = batchesByKey[batch.key] {
                index = i
            } else {
                batches.append(batch)
                index = batches.count - 1
                batchesByKey[batch.key] = index
            }
            shape.batch = (generation, index)
        }
        batches[index].values.append(contentsOf: values)
        batches[index].rows += 1
        count += 1
        if count >= PendingInserts.rowsPerFlush || batches[index].rows >= batches[index].capacity {
            try write(db, waiting: false)
        }
    }

    /// Writes every waiting row; on return the connection is free for the caller.
    func flush(_ db: Database) throws {
        try write(db, waiting: true)
    }

    /// Returns once the writing thread, if any, has written what it was given: before the caller
    /// uses the connection for anything else.
    func idle() throws {
        if let failure { throw failure }
        do { try writer?.waitIdle() } catch { failure = error; throw error }
    }

    /// Forgets waiting rows and ids given, and ends the writing thread, at the end of `bulk`
    /// (after `flush`, or when the transaction fails): rows added afterwards may come from other
    /// writers.
    func discard() {
        writer?.stop()
        writer = nil
        statements?.finalize()
        statements = nil
        failure = nil
        batches.removeAll()
        batchesByKey.removeAll()
        generation += 1
        count = 0
    }

    /// Writes the rows waiting for tables of rank `rank` or lower (a table and those it refers to),
    /// then returns once the connection is free.
    func flush(_ db: Database, rankAtMost rank: Int) throws {
        try write(db, waiting: true, rankAtMost: rank)
    }

    private func write(_ db: Database, waiting: Bool, rankAtMost limit: Int = .max) throws {
        if let failure { throw failure }
        if count > 0 {
            let order = batches.indices.filter { batches[$0].rows > 0 && batches[$0].rank <= limit }
                .sorted { (batches[$0].rank, batches[$0].key) < (batches[$1].rank, batches[$1].key) }
            for i in order {
                let batch = batches[i]
                batches[i].values = []
                batches[i].values.reserveCapacity(batch.values.count)
                batches[i].rows = 0
                count -= batch.rows
                let job = InsertBatch(table: batch.table, columns: batch.columns, values: batch.values, rows: batch.rows)
                do throws(StoreError) {
                    if let writer {
                        try writer.enqueue(job)
                    } else {
                        if statements == nil {
                            guard let connection = db.sqliteConnection else { throw StoreError.engine("\(batch.table): the database is closed") }
                            statements = InsertStatements(connection: connection)
                        }
                        try statements!.run(job)
                    }
                } catch {
                    failure = error
                    throw error
                }
            }
        }
        if waiting { try idle() }
    }
}
