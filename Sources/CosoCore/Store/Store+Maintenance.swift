import Foundation
import GRDB

/// Copies and checks of the register as a whole: `coso backup`, `coso restore`, `coso verify`.
extension Store {
    /// A consistent copy of the register as it stands, made through SQLite's online backup API in
    /// one step under a read lock: other sessions may go on writing, the copy is of one moment.
    /// `target` must not exist (a backup never overwrites a file).
    public func backup(to target: String) throws {
        guard !FileManager.default.fileExists(atPath: target) else { throw StoreError.exists(path: target) }
        do {
            let copy = try DatabaseQueue(path: target)
            try database.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: target)
            throw StoreError.file(error, path: target) ?? translate(error)
        }
    }

    /// The audit trail recomputed as a hash chain and every audited row compared with it
    /// (`AuditVerifier`), in one read transaction (one consistent snapshot).
    public func verifyAudit() throws -> AuditVerifier.Report {
        do {
            return try database.read { db in try AuditVerifier(db, catalog: catalog).run() }
        } catch let error as DatabaseError {
            throw translate(error)
        }
    }

    /// Every rollup counted afresh from its table (`coso verify --recount`), in one transaction;
    /// returns how many. The counts are derived from the rows, which stay as they are: nothing for
    /// the audit trail.
    @discardableResult
    public func recountRollups() throws -> Int {
        do {
            return try database.write { db in
                var n = 0
                for name in catalog.entityNames {
                    guard let entity = catalog.entity(name), entity.isStored else { continue }
                    for rollup in RollupSchema.all(of: entity, catalog: catalog) {
                        try rollup.refill(db)
                        n += 1
                    }
                }
                return n
            }
        } catch let error as DatabaseError {
            throw translate(error)
        }
    }

    /// `coso verify`: SQLite's checks of the file and the audit trail's, at once on two
    /// connections (one core each: the checks of a province take 3.4 s, the trail 3.3 s). The
    /// trail's answer is given only when the file is whole (its error, if any, then thrown).
    /// `quick`: SQLite's `quick_check` (every page and record, not each index against its table:
    /// a quarter of the time) instead of `integrity_check`.
    public func verify(quick: Bool = false) throws -> (integrity: [String], audit: AuditVerifier.Report?) {
        let checks = Outcome<[String]>()
        let done = DispatchSemaphore(value: 0)
        let path = self.path
        Thread.detachNewThread {
            checks.result = Result {
                var config = Configuration()
                config.readonly = true
                let reader = try DatabaseQueue(path: path, configuration: config)
                defer { try? reader.close() }
                return try Store.integrityProblems(reader, quick: quick)
            }
            done.signal()
        }
        let audit = Result { try verifyAudit() }
        done.wait()
        // A file the second connection cannot open (it was opened by this one) is checked here.
        let problems = try (try? checks.result?.get()) ?? Store.integrityProblems(database, quick: quick)
        guard problems.isEmpty else { return (problems, nil) }
        return (problems, try audit.get())
    }

    /// SQLite's own checks of the file: every page and index (`integrity_check`) and every
    /// reference (`foreign_key_check`). Empty when all is well.
    public func integrityProblems() throws -> [String] {
        try Store.integrityProblems(database)
    }

    static func integrityProblems(_ reader: any DatabaseReader, quick: Bool = false) throws -> [String] {
        do {
            return try checks(reader, quick: quick)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // Too damaged for the checks to finish: that is their answer.
            return [describe(error)]
        }
    }

    private static func checks(_ reader: any DatabaseReader, quick: Bool) throws -> [String] {
        try reader.read { db in
            var problems = try String.fetchAll(db, sql: quick ? "PRAGMA quick_check" : "PRAGMA integrity_check").filter { $0 != "ok" }
            // (References are checked on pages SQLite found whole.)
            if !problems.isEmpty { return problems }
            for row in try Row.fetchAll(db, sql: "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check") {
                let table: String = row[0], parent: String = row[2]
                let id: Int64? = row[1]
                problems.append("\(table) \(id.map(String.init) ?? "?") → \(parent)")
            }
            return problems
        }
    }

    /// Puts the register at `backup` in place of the one at `target`, after checking that it is a
    /// register and that SQLite finds it whole. The register it replaces is kept first (the path
    /// returned), so that a restore can itself be undone. Written through the backup API into the
    /// target's own connection, so that sessions that have it open see the restored register.
    public static func restore(from backup: String, to target: String) throws -> String? {
        _ = try StorePath.check(backup, create: false)
        var config = Configuration()
        config.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: backup, configuration: config)
            guard try source.read(StorePath.isRegister) else { throw StoreError.notARegister(path: backup) }
            let problems = try integrityProblems(source)
            if !problems.isEmpty { throw StoreError.corrupt(path: backup, detail: problems.prefix(3).joined(separator: "; ")) }
        } catch let error as DatabaseError {
            throw StoreError.file(error, path: backup) ?? StoreError.cannotOpen(path: backup, reason: describe(error))
        }
        var kept: String?
        if FileManager.default.fileExists(atPath: target) {
            _ = try StorePath.check(target, create: false)
            let current = try DatabaseQueue(path: target)
            guard try current.read(StorePath.isRegister) else { throw StoreError.notARegister(path: target) }
            let previous = target + ".before-restore-" + Store.stamp()
            let copy = try DatabaseQueue(path: previous)
            try current.backup(to: copy)
            try copy.close()
            kept = previous
            try source.backup(to: current)
            try current.close()
        } else {
            let fresh = try DatabaseQueue(path: target)
            try source.backup(to: fresh)
            try fresh.close()
        }
        try source.close()
        return kept
    }

    /// A time in file names: `20261205T174012`, UTC.
    static func stamp() -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd'T'HHmmss"
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }
}

/// What a thread hands back to the one that waits for it.
private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
