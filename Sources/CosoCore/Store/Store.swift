internal import CSQLTally
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The embedded store: one SQLite file in WAL mode through one GRDB connection (foreign keys, busy
/// timeout). Opening migrates the schema of every registered module; reads stream rows; writes
/// run in one transaction with their audit entry.
///
/// One connection, not a `DatabasePool`: coso runs one statement at a time, and other processes
/// on the same file are kept apart by SQLite's WAL locking whatever GRDB does. A database opened a
/// second connection for the first read and, whenever the `-wal` file was absent (after every
/// clean close), wrote a throw-away table to create it: a schema change on each start, which also
/// made every connection parse the schema again (perf: about a third of a `coso -c` run).
public final class Store: Sendable, RegisterReader {
    public let path: String
    public let registry: Registry
    let database: DatabaseQueue
    /// Set when opening an older database made a backup before migrating.
    public let backupPath: String?
    /// Whether the user opened a transaction (`begin`) that is not yet committed or rolled back.
    /// While it is open, reads go to the writer connection so they see its uncommitted changes.
    private let explicit = Mutex(false)

    public var inTransaction: Bool { explicit.withLock { $0 } }

    public var catalog: Catalog { registry.catalog }

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// `loading`: for a generator filling a new file that nobody else uses and that is thrown away
    /// if anything fails (`coso demo country` builds into `FILE.partial` and renames it at the end):
    /// 16 KB pages, no rollback journal, no syncing and no per-row foreign-key look-ups while it
    /// loads (its tests build with them), then `finishLoading()` puts the file in WAL mode with
    /// foreign keys enforced like any other. Never for a database that holds anything already.
    ///
    /// `create`: a missing file becomes a new register (the commands that make registers, and
    /// programs); without it a missing path is an error that names the nearest register beside it.
    /// A file that is not an SQLite database, or an SQLite database without coso's bookkeeping
    /// tables, is refused before anything is written to it.
    public init(path: String, registry: Registry, loading: Bool = false, create: Bool = true) throws {
        self.path = path
        self.registry = registry
        let isNew = try StorePath.check(path, create: create)
        if isNew { Store.makeDirectory(of: path) }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "coso"
        // `begin` ... `commit` spans several accesses to the writer; the store tracks it itself.
        config.allowsUnsafeTransactions = true
        // The hash aggregate the planner's grouped counts use (QueryBuilder, `summarize`).
        config.prepareDatabase { db in
            let code = coso_tally_register(db.sqliteConnection)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register tally()") }
        }
        do {
            database = try DatabaseQueue(path: path, configuration: config)
            // WAL is recorded in the file: this only writes on a new database.
            try database.writeWithoutTransaction { db in
                // Another application's database is left as it was (not even switched to WAL).
                if !isNew, try !StorePath.isRegister(db) { throw StoreError.notARegister(path: path) }
                if loading {
                    try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF")
                    return
                }
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw StoreError.cannotOpen(path: path, reason: "cannot switch the database to WAL mode")
                    }
                }
                // SQLite's own page cache (2 MB) for reading: every page a larger cache takes in is
                // fresh memory the kernel must zero and map (a scan of a million members' index took
                // 65 ms with 64 MB against 53 ms); a bulk write takes more (`WriteTransaction.bulk`).
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.file(error, path: path) ?? StoreError.cannotOpen(path: path, reason: Store.describe(error))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
        do {
            backupPath = try SchemaReconciler(database: database, path: path, registry: registry).run()
        } catch let error as DatabaseError {
            throw StoreError.file(error, path: path) ?? StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
    }

    /// Creates the directory a new database goes into. The check comes first because it is almost
    /// always there, and Foundation's file manager costs a start of coso more than the call itself.
    private static func makeDirectory(of path: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return }
        let dir = String(path[..<slash])
        var info = stat()
        if stat(dir, &info) == 0 { return }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    /// Ends a `loading` open: WAL mode and normal syncing from now on, the file flushed, and the
    /// statistics the query planner needs gathered (a sample per index, seconds even at country size).
    public func finishLoading() throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw StoreError.cannotOpen(path: path, reason: "cannot switch the database to WAL mode")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON; PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    // MARK: Reading

    /// Runs one read-only statement, streaming each row to `row` without loading the result.
    /// Returns the column names.
    public func query(_ sql: String, _ arguments: [Value], columns: ([String]) throws -> Void = { _ in },
                      row: ([Value]) throws -> Void) throws {
        let read = { (db: Database) throws in
            let statement = try db.makeStatement(sql: sql)
            // The planner only makes SELECTs; SQLite's own verdict keeps it so without the
            // read-only transaction GRDB would wrap around it (five statements more per query).
            guard statement.isReadonly else { throw StoreError.engine("refused: a query that would write") }
            try columns(statement.columnNames)
            let cursor = try Row.fetchCursor(statement, arguments: arguments.statementArguments)
            while let r = try cursor.next() {
                try row((0..<r.count).map { Value(r[$0] as DatabaseValue) })
            }
        }
        do {
            // One statement in autocommit mode reads one consistent snapshot; inside `begin` it
            // sees the transaction's own changes.
            try database.writeWithoutTransaction(read)
        } catch let e as DatabaseError {
            throw translate(e)
        }
    }

    /// The same, as a module reads through the contract.
    public func rows(_ sql: String, _ arguments: [Value], _ row: ([Value]) throws -> Void) throws {
        try query(sql, arguments, row: row)
    }

    /// One value (a count).
    public func scalar(_ sql: String, _ arguments: [Value] = []) throws -> Value {
        var result = Value.null
        try query(sql, arguments) { row in result = row.first ?? .null }
        return result
    }

    // MARK: Writing

    /// Runs `body` in one write transaction that also records the audit trail. Everything rolls
    /// back if `body` throws: nothing is half-written.
    ///
    /// `dryRun`: the transaction is rolled back once `body` has run: what it returns tells what
    /// would have changed, and nothing has (`.dryrun on`, `coso run --dry-run`).
    public func write<T>(_ origin: WriteOrigin, dryRun: Bool = false, _ body: (WriteTransaction) throws -> T) throws -> T {
        do {
            if inTransaction || dryRun {
                // Inside the user's transaction each command is still all or nothing: a savepoint.
                return try database.writeWithoutTransaction { db in
                    var result: T?
                    let run = {
                        let tx = WriteTransaction(db: db, catalog: self.registry.catalog, origin: origin)
                        result = try body(tx)
                        try tx.seal()
                        return dryRun ? Database.TransactionCompletion.rollback : .commit
                    }
                    if inTransaction { try db.inSavepoint(run) } else { try db.inTransaction(.immediate, run) }
                    return result!
                }
            }
            return try database.write { db in
                let tx = WriteTransaction(db: db, catalog: registry.catalog, origin: origin)
                let result = try body(tx)
                try tx.seal()
                return result
            }
        } catch let e as DatabaseError {
            throw translate(e)
        }
    }

    /// A load of many rows, for the importer and the demo generators (`BulkLoad`): in one
    /// transaction with its audit entry, as `write` is.
    ///
    /// `overlapped` (an import): SQLite's row-by-row foreign key enforcement is off and every
    /// inserted row's references are checked instead, in one query per table, before the commit
    /// (same guarantee, one transaction); the rows are written by a second thread while `body` goes
    /// on (`OverlappedWriter`), and what was stored before the load is read through a connection of
    /// its own. Otherwise (the generators) foreign keys are checked at commit. Inside the user's
    /// `begin` the setting cannot change: the load is an ordinary one there.
    public func load<T>(_ origin: WriteOrigin, overlapped: Bool = false, _ body: (BulkLoad) throws -> T) throws -> T {
        // A load can take minutes: another writer kept waiting is told whose it is.
        if !inTransaction { WriteHolder.take(path, user: origin.user, source: origin.source) }
        defer { if !inTransaction { WriteHolder.release(path) } }
        guard overlapped, !inTransaction else {
            return try write(origin) { tx in try tx.bulk { try body(BulkLoad(tx)) } }
        }
        do {
            return try database.writeWithoutTransaction { db in
                let enforced = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
                // A no-op inside a transaction: set before it begins, put back after it ends.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { if enforced { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                // WAL: a second connection reads what was committed before, while this write goes on.
                let wal = try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal"
                var result: T?
                try db.inTransaction {
                    let tx = WriteTransaction(db: db, catalog: registry.catalog, origin: origin)
                    tx.snapshot = wal ? SnapshotReader(path: path) : nil
                    result = try tx.bulk(checkingReferences: enforced, overlapping: true) { try body(BulkLoad(tx)) }
                    try tx.seal()
                    return .commit
                }
                return result!
            }
        } catch let e as DatabaseError {
            throw translate(e)
        }
    }

    // MARK: Explicit transactions

    /// `begin`: later commands are kept until `commit` or dropped by `rollback`.
    /// `user` and `source` are left beside the file while the transaction is open, for another
    /// writer kept waiting to be told who holds it (`WriteHolder`).
    public func begin(user: String = "", source: String = "") throws {
        guard !inTransaction else { throw StoreError.transaction("a transaction is already open") }
        do {
            try database.writeWithoutTransaction { db in try db.beginTransaction(.immediate) }
        } catch let e as DatabaseError { throw translate(e) }
        explicit.withLock { $0 = true }
        WriteHolder.take(path, user: user, source: source)
    }

    public func commit() throws {
        guard inTransaction else { throw StoreError.transaction("no transaction is open") }
        do {
            try database.writeWithoutTransaction { db in try db.commit() }
        } catch let e as DatabaseError { throw translate(e) }
        explicit.withLock { $0 = false }
        WriteHolder.release(path)
    }

    public func rollback() throws {
        guard inTransaction else { throw StoreError.transaction("no transaction is open") }
        defer { WriteHolder.release(path) }
        try database.writeWithoutTransaction { db in try db.rollback() }
        explicit.withLock { $0 = false }
    }

    /// What a failure of the engine means to the user: Ctrl-C, another writer holding the file
    /// (with who, when they said), or an engine error.
    func translate(_ e: DatabaseError) -> StoreError {
        switch e.resultCode {
        case .SQLITE_INTERRUPT: return .interrupted
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(holder: WriteHolder.read(path))
        default: return StoreError.file(e, path: path) ?? .engine(Store.describe(e))
        }
    }

    /// Cancels the statement running now (Ctrl-C); callable from any thread.
    public func interrupt() { database.interrupt() }

    /// The engine's message without the statement's arguments (they may hold personal data).
    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "SQLite error \(e.resultCode.rawValue)" }
        return String(describing: error)
    }
}
