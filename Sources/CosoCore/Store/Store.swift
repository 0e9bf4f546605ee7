import Foundation
import GRDB

/// The embedded store: one SQLite file through a GRDB `DatabasePool` (WAL, foreign keys, busy
/// timeout). Opening migrates the schema of every registered module; reads stream rows; writes
/// run in one transaction with their audit entry.
public final class Store: Sendable {
    public let path: String
    public let registry: Registry
    let pool: DatabasePool
    /// Set when opening an older database made a backup before migrating.
    public let backupPath: String?

    public var catalog: Catalog { registry.catalog }

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String, registry: Registry) throws {
        self.path = path
        self.registry = registry
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "coso"
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
        backupPath = try Migrator(pool: pool, path: path, registry: registry).run()
    }

    // MARK: Reading

    /// Runs one read-only statement, streaming each row to `row` without loading the result.
    /// Returns the column names.
    public func query(_ sql: String, _ arguments: [Value], columns: ([String]) throws -> Void = { _ in },
                      row: ([Value]) throws -> Void) throws {
        do {
            try pool.read { db in
                let statement = try db.makeStatement(sql: sql)
                try columns(statement.columnNames)
                let cursor = try Row.fetchCursor(statement, arguments: arguments.statementArguments)
                while let r = try cursor.next() {
                    try row((0..<r.count).map { Value(r[$0] as DatabaseValue) })
                }
            }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
            throw StoreError.interrupted
        } catch let e as DatabaseError {
            throw StoreError.engine(Store.describe(e))
        }
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
    public func write<T>(_ origin: WriteOrigin, _ body: (WriteTransaction) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                try body(WriteTransaction(db: db, catalog: registry.catalog, origin: origin))
            }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
            throw StoreError.interrupted
        } catch let e as DatabaseError {
            throw StoreError.engine(Store.describe(e))
        }
    }

    /// Cancels the statement running now (Ctrl-C); callable from any thread.
    public func interrupt() { pool.interrupt() }

    /// The engine's message without the statement's arguments (they may hold personal data).
    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "SQLite error \(e.resultCode.rawValue)" }
        return String(describing: error)
    }
}
