import Synchronization
@testable import CosoCore
import CosoTesting
import Foundation
import Testing

/// A module whose schema grows across versions, to test upgrades: version 2 adds a required date,
/// which a migration fills for the notes already there.
struct Growing: CosoModule {
    let steps: Int
    let manifest = Manifest(id: "growing", version: Version(1, 0, 0), summary: Label(vi: "g", en: "g"))
    var entities: [Entity] {
        let body = Field("body", .text, vi: "Nội dung", en: "Body")
        let written = Field("written", .date, vi: "Ngày viết", en: "Written", required: true)
        return [Entity(name: "notes", label: Label(vi: "n", en: "n"), singular: Label(vi: "n", en: "n"),
                       fields: steps >= 2 ? [body, written] : [body], displayField: "body")]
    }
    var migrations: [Migration] {
        steps >= 2 ? [Migration(1, "note dates", sql: "UPDATE notes SET written = '2026-01-01' WHERE written IS NULL")] : []
    }
}

@Suite struct StoreTests {
    @Test func aNewDatabaseGetsItsDirectoriesAndIsOpenedThereAgain() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let nested = db.directory + "/dữ liệu/năm 2026/coso.db"
        _ = try Store(path: nested, registry: Registry([Growing(steps: 1)]))
        #expect(FileManager.default.fileExists(atPath: nested))
        let again = try Store(path: nested, registry: Registry([Growing(steps: 1)]))
        #expect(try again.scalar("SELECT count(*) FROM notes") == .int(0))
    }

    @Test func aLoadingStoreEndsInWALWithForeignKeysEnforced() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let store = try Store(path: db.path, registry: Registry([Growing(steps: 1)]), loading: true)
        #expect(try store.scalar("SELECT * FROM pragma_journal_mode") == .text("off"))
        #expect(try store.scalar("SELECT * FROM pragma_foreign_keys") == .int(0))
        #expect(try store.scalar("SELECT * FROM pragma_page_size") == .int(16384))
        try store.finishLoading()
        #expect(try store.scalar("SELECT * FROM pragma_journal_mode") == .text("wal"))
        #expect(try store.scalar("SELECT * FROM pragma_foreign_keys") == .int(1))
    }

    @Test func migrationsApplyOnceAndAreRecorded() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let r = try Registry([Growing(steps: 1)])
        let store = try Store(path: db.path, registry: r)
        #expect(try store.scalar("SELECT count(*) FROM coso_migrations") == .int(3))  // core's 3, recorded, not run
        let again = try Store(path: db.path, registry: r)
        #expect(try again.scalar("SELECT count(*) FROM coso_migrations") == .int(3))
        #expect(again.backupPath == nil)
        #expect(try store.scalar("SELECT journal_mode FROM pragma_journal_mode") == .text("wal"))
        #expect(try store.scalar("SELECT foreign_keys FROM pragma_foreign_keys") == .int(1))
    }

    @Test func anOlderDatabaseIsBackedUpThenMigrated() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let old = try Store(path: db.path, registry: Registry([Growing(steps: 1)]))
        _ = try old.write(WriteOrigin(user: "u", statement: "s", source: "t")) { tx in try tx.insert("notes", ["body": .text("giữ lại")]) }
        let new = try Store(path: db.path, registry: Registry([Growing(steps: 2)]))
        let backup = try #require(new.backupPath)
        #expect(FileManager.default.fileExists(atPath: backup))
        // The new required date was added, filled by the migration, then enforced by the rebuilt table.
        #expect(try new.scalar("SELECT written FROM notes") == .text("2026-01-01"))
        #expect(try new.scalar("SELECT \"notnull\" FROM pragma_table_info('notes') WHERE name = 'written'") == .int(1))
        // The backup is a complete, readable copy of the old database.
        let copy = try Store(path: backup, registry: Registry([Growing(steps: 1)]))
        #expect(try copy.scalar("SELECT body FROM notes") == .text("giữ lại"))
    }

    @Test func aNewerDatabaseIsRefusedUntouched() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        _ = try Store(path: db.path, registry: Registry([Growing(steps: 2)]))
        #expect {
            _ = try Store(path: db.path, registry: Registry([Growing(steps: 1)]))
        } throws: { error in
            "\(error)".contains("made by a newer coso (module 'growing' is at migration 1, this coso knows 0)")
        }
        // Nothing was changed or backed up: the newer coso still opens it as it left it.
        let files = try FileManager.default.contentsOfDirectory(atPath: db.directory)
        #expect(!files.contains { $0.contains("backup") })
        let reopened = try Store(path: db.path, registry: Registry([Growing(steps: 2)]))
        #expect(reopened.backupPath == nil)
        #expect(try reopened.scalar("SELECT count(*) FROM coso_migrations") == .int(4))
    }

    @Test func queriesCannotWriteAndOpeningDoesNotChangeTheSchema() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let registry = try Registry([Growing(steps: 1)])
        var cookie = Value.null
        do {
            let store = try Store(path: db.path, registry: registry)
            cookie = try store.scalar("SELECT schema_version FROM pragma_schema_version")
            #expect(throws: StoreError.self) { try store.query("DELETE FROM notes", []) { _ in } }
            #expect(throws: StoreError.self) { try store.query("PRAGMA user_version = 7", []) { _ in } }
        }
        // The last connection closed, so SQLite removed the -wal file. Reopening an up-to-date
        // database is a read: no throw-away table to recreate it, no schema change.
        #expect(!FileManager.default.fileExists(atPath: db.path + "-wal"))
        let again = try Store(path: db.path, registry: registry)
        #expect(try again.scalar("SELECT schema_version FROM pragma_schema_version") == cookie)
        #expect(try again.scalar("SELECT user_version FROM pragma_user_version") == .int(0))
    }

    @Test func writesAreAllOrNothing() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let store = try Store(path: db.path, registry: Registry([Growing(steps: 1)]))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write(WriteOrigin(user: "u", statement: "s", source: "t")) { tx in
                try tx.insert("notes", ["body": .text("một")])
                throw Boom()
            }
        }
        #expect(try store.scalar("SELECT count(*) FROM notes") == .int(0))
        #expect(try store.scalar("SELECT count(*) FROM audit") == .int(0))
    }

    @Test func textIsStoredAsNFC() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let store = try Store(path: db.path, registry: Registry([Growing(steps: 1)]))
        _ = try store.write(WriteOrigin(user: "u", statement: "s", source: "t")) { tx in
            try tx.insert("notes", ["body": .text("Nguye\u{0302}\u{0303}n")])
        }
        #expect(try store.scalar("SELECT length(body) FROM notes") == .int(6))
    }

    @Test func thePathComesFromTheFlagThenTheEnvironmentThenXDG() {
        #expect(StorePath.resolve(flag: "/a.db", environment: ["COSO_DB": "/b.db"]) == "/a.db")
        #expect(StorePath.resolve(flag: nil, environment: ["COSO_DB": "/b.db", "HOME": "/h"]) == "/b.db")
        #expect(StorePath.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/coso/coso.db")
        #expect(StorePath.resolve(flag: nil, environment: ["HOME": "/h"]) == "/h/.local/share/coso/coso.db")
    }
}

@Suite struct InterruptTests {
    /// Ctrl-C reaches a running statement through `Store.interrupt()`, from another thread.
    @Test func aRunningQueryCanBeInterrupted() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let store = try Store(path: db.path, registry: Registry([]))
        let started = Date()
        // A thread of its own (the shared pools are busy with other tests), interrupting until the
        // query has ended: one interrupt sent before the statement starts would be lost.
        let done = Mutex(false)
        let finished = DispatchSemaphore(value: 0)
        let interrupter = Thread {
            while true {
                usleep(200_000)
                if done.withLock({ $0 }) { break }
                store.interrupt()
            }
            finished.signal()
        }
        interrupter.start()
        #expect {
            // Endless: counts up until interrupted.
            try store.query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c WHERE x < 0", []) { _ in }
        } throws: { error in
            if case StoreError.interrupted = error { return true }
            return false
        }
        done.withLock { $0 = true }
        finished.wait()
        #expect(Date().timeIntervalSince(started) < 10)
        // The store is usable afterwards.
        #expect(try store.scalar("SELECT count(*) FROM audit") == .int(0))
    }
}
