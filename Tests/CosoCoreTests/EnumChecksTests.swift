@testable import CosoCore
import CosoTesting
import Foundation
import GRDB
import Testing

/// A module whose table has CHECK constraints of every kind `EnumChecks` meets.
private struct Kinds: CosoModule {
    let manifest = Manifest(id: "kinds", version: Version(1, 0, 0), summary: Label(vi: "k", en: "k"))
    var entities: [Entity] {
        [Entity(name: "things", label: Label(vi: "t", en: "t"), singular: Label(vi: "t", en: "t"),
                fields: [Field("kind", .text, vi: "Loại", en: "Kind")], displayField: "kind")]
    }
    static let table = """
        CREATE TABLE things (
            id INTEGER PRIMARY KEY,
            kind TEXT CHECK (kind IN ('village_cell', 'agency_cell',
                'grassroots_committee')),
            flag INTEGER NOT NULL DEFAULT 0 CHECK (flag IN (0, 1)),
            size INTEGER CHECK (size in (1, 2, -3)),
            note TEXT CHECK (note NOT IN ('x', 'y', 'z'))
        ) STRICT;
        """
    var migrations: [Migration] { [Migration(1, "things", sql: Kinds.table)] }
}

@Suite struct EnumChecksTests {
    @Test func listsOfThreeOrMoreBecomeACaseAndNothingElseChanges() throws {
        let sql = try #require(EnumChecks.rewritten(Kinds.table))
        #expect(sql.contains("CHECK (CASE kind WHEN 'village_cell' THEN 1 WHEN 'agency_cell' THEN 1 WHEN 'grassroots_committee' THEN 1 ELSE kind IS NULL END)"))
        #expect(sql.contains("CHECK (CASE size WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN -3 THEN 1 ELSE size IS NULL END)"))
        #expect(sql.contains("CHECK (CASE note WHEN 'x' THEN 0 WHEN 'y' THEN 0 WHEN 'z' THEN 0 ELSE 1 END)"))
        // Two values SQLite already compares one by one.
        #expect(sql.contains("CHECK (flag IN (0, 1))"))
        #expect(EnumChecks.rewritten(sql) == nil)
        #expect(EnumChecks.rewritten("CREATE TABLE t (a TEXT CHECK (a IN ('p', 'q')))") == nil)
        // Only a CHECK that is the list and nothing else: where NULL and true differ, or outside a
        // CHECK, or in quoted text, the text stays.
        for untouched in ["CREATE TABLE t (a TEXT CHECK (t.a IN ('p', 'q', 'r')))",
                          "CREATE TABLE t (a TEXT CHECK (NOT a IN ('p', 'q', 'r')))",
                          "CREATE TABLE t (a TEXT CHECK ((a IN ('p', 'q', 'r')) IS NOT NULL))",
                          "CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a IN (1, 2, 3)))",
                          "CREATE TABLE t (a TEXT DEFAULT 'CHECK (a IN (1, 2, 3))')"] {
            #expect(EnumChecks.rewritten(untouched) == nil, "\(untouched)")
        }
        #expect(EnumChecks.rewritten("CREATE TABLE t (a TEXT check(a in ('p','q','r')), b INT CHECK ( b IN (1,2,3) ))")
                == "CREATE TABLE t (a TEXT check(CASE a WHEN 'p' THEN 1 WHEN 'q' THEN 1 WHEN 'r' THEN 1 ELSE a IS NULL END), "
                 + "b INT CHECK ( CASE b WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 ELSE b IS NULL END ))")
    }

    @Test func aNewDatabaseChecksTheSameValuesWithoutATablePerRow() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        _ = try Store(path: db.path, registry: Registry([Kinds()]))
        let queue = try DatabaseQueue(path: db.path)
        try queue.write { db in
            // SQLite's program for an insert: an IN list builds its table with OpenEphemeral.
            let program = try String.fetchAll(db, sql: "EXPLAIN INSERT INTO things (kind, size) VALUES ('agency_cell', 2)")
            #expect(!program.isEmpty)
            #expect(try Row.fetchAll(db, sql: "EXPLAIN INSERT INTO things (kind, size) VALUES ('agency_cell', 2)")
                .allSatisfy { ($0["opcode"] as String) != "OpenEphemeral" })
            try db.execute(sql: "INSERT INTO things (kind, size, note) VALUES ('village_cell', -3, 'w'), (NULL, NULL, NULL), ('grassroots_committee', 1, 'x1')")
            for bad in ["INSERT INTO things (kind) VALUES ('village')", "INSERT INTO things (kind) VALUES ('Village_cell')",
                        "INSERT INTO things (size) VALUES (3)", "INSERT INTO things (note) VALUES ('y')"] {
                #expect(throws: DatabaseError.self) { try db.execute(sql: bad) }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM things") == 3)
        }
    }

    @Test func aDatabaseMadeBeforeIsRewrittenOnceWhenOpened() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        _ = try Store(path: db.path, registry: Registry([Kinds()]))
        // Put the table back as a coso without the rewrite left it.
        let queue = try DatabaseQueue(path: db.path)
        try queue.write { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version")!
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE name = 'things'",
                           arguments: [Kinds.table.trimmingCharacters(in: .whitespacesAndNewlines).dropLast().description])
            try db.execute(sql: "PRAGMA writable_schema = OFF; PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "DELETE FROM coso_migrations WHERE module = 'core' AND number = 3")
            try db.execute(sql: "INSERT INTO things (kind) VALUES ('agency_cell')")
        }
        try queue.close()
        let store = try Store(path: db.path, registry: Registry([Kinds()]))
        #expect(store.backupPath != nil)
        #expect(try store.scalar("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%kind IN (%'") == .int(0))
        #expect(try store.scalar("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%CASE kind WHEN%'") == .int(1))
        #expect(try store.scalar("SELECT kind FROM things") == .text("agency_cell"))
        #expect(try store.scalar("SELECT * FROM pragma_integrity_check") == .text("ok"))
        let reopened = try DatabaseQueue(path: db.path)
        _ = reopened.writeWithoutTransaction { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO things (kind) VALUES ('village')") }
        }
    }

    /// Where SQLite refuses to edit its schema, the constraints stay as written and nothing fails.
    @Test func aSchemaSQLiteWillNotEditIsLeftAsWritten() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let queue = try DatabaseQueue(path: db.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: Kinds.table)
            try db.execute(sql: "PRAGMA query_only = ON")
            try db.inTransaction(.deferred) {
                let rewritten = try EnumChecks.apply(db)
                #expect(rewritten == 0)
                return .commit
            }
            try db.execute(sql: "PRAGMA query_only = OFF")
            #expect(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'things'")?.contains("kind IN ('village_cell'") == true)
            #expect(try Int.fetchOne(db, sql: "PRAGMA writable_schema") == 0)
        }
    }
}
