import Foundation
import GRDB

/// Applies the registered modules' migrations, in dependency order, in one transaction.
///
/// A database that records a migration this coso does not know was made by a newer coso: it is
/// refused untouched. An older database (one with migrations applied and some pending) is first
/// copied beside itself (`FILE.backup-YYYYMMDDTHHMMSS`) with SQLite's online backup.
struct Migrator {
    let database: DatabaseQueue
    let path: String
    let registry: Registry

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS coso_migrations (
            module TEXT NOT NULL,
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            PRIMARY KEY (module, number)
        ) STRICT;
        """

    /// Returns the backup's path when one was made.
    func run() throws -> String? {
        let applied: [String: Int]
        do {
            // Outside a transaction: `read` would add four statements (a savepoint, read-only mode
            // on and off) to every start of coso, for two reads that need no snapshot.
            applied = try database.inDatabase { db -> [String: Int] in
                // Asked of sqlite_master directly: GRDB's tableExists loads the whole schema first.
                let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'coso_migrations'") ?? false
                guard exists else { return [:] }
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT module, max(number) FROM coso_migrations GROUP BY module") {
                    result[row[0]] = row[1]
                }
                return result
            }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Store.describe(error))
        }
        let known = Dictionary(uniqueKeysWithValues: registry.migrationCounts.map { ($0.module, $0.count) })
        for (module, number) in applied.sorted(by: { $0.key < $1.key }) {
            guard let max = known[module] else {
                throw StoreError.newerDatabase(path: path, detail: "it uses module '\(module)', which this coso does not have")
            }
            if number > max {
                throw StoreError.newerDatabase(path: path, detail: "module '\(module)' is at migration \(number), this coso knows \(max)")
            }
        }
        // The migrations themselves (their SQL) are only built when one is missing.
        guard registry.migrationCounts.contains(where: { $0.count > (applied[$0.module] ?? 0) }) else { return nil }
        let pending = registry.modules.flatMap { m in
            m.migrations.filter { $0.number > (applied[m.id] ?? 0) }.map { (m.id, $0) }
        }

        var backup: String?
        if !applied.isEmpty {
            let f = DateFormatter()
            f.dateFormat = "yyyyMMdd'T'HHmmss"
            f.timeZone = TimeZone(identifier: "UTC")
            let target = path + ".backup-" + f.string(from: Date())
            let queue = try DatabaseQueue(path: target)
            try database.backup(to: queue)
            try queue.close()
            backup = target
        }
        let now = WriteTransaction.timestamp()
        try database.write { db in
            try db.execute(sql: Migrator.bookkeeping)
            for (module, migration) in pending {
                do {
                    try db.execute(sql: migration.sql)
                } catch {
                    throw StoreError.migrationFailed(module: module, number: migration.number, reason: Store.describe(error))
                }
                try db.execute(sql: "INSERT INTO coso_migrations (module, number, name, applied_at) VALUES (?, ?, ?, ?)",
                               arguments: [module, migration.number, migration.name, now])
            }
            // What the migrations made, with their CHECK constraints' enum lists in the form SQLite
            // evaluates without work per row.
            try EnumChecks.apply(db)
        }
        return backup
    }
}
