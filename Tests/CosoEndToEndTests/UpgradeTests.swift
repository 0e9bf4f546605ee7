import Foundation
import Testing

/// A register made by the last release whose tables were written by hand
/// (`scripts/make-upgrade-fixture.sh`) is brought to the declared schema when coso opens it: the
/// same schema as a register made now, every row and value it held still there, its file copied
/// first, and nothing done on the next opening.
@Suite struct UpgradeTests {
    static let fixture = Coso.root + "/Tests/Fixtures/register-before-declarations.sql.gz"

    /// Every table, index and trigger, as SQLite keeps them (SQLite's own tables aside), in a stable order.
    func schema(_ db: String) throws -> [String] {
        let r = try Coso.shell("sqlite3", [db, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    /// Each table's rows in id order as sqlite3 quotes them, `columns` of it (all when nil).
    func rows(_ db: String, _ table: String, _ columns: [String]) throws -> String {
        let order = columns.contains("id") ? " ORDER BY id" : ""
        let r = try Coso.shell("sqlite3", [db, "SELECT " + columns.map { "quote(\($0))" }.joined(separator: " || '|' || ") + " FROM \(table)\(order)"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    func columns(_ db: String, _ table: String) throws -> [String] {
        try Coso.shell("sqlite3", [db, "SELECT name FROM pragma_table_info('\(table)')"]).stdout.split(separator: "\n").map(String.init)
    }

    @Test func aRegisterOfTheHandWrittenSchemaUpgradesToTheDeclaredOneWithEveryRow() throws {
        let dir = try Coso.scratchDirectory()
        let old = dir + "/old.db"
        let dump = try Coso.shell("gzip", ["-dc", UpgradeTests.fixture])
        #expect(dump.status == 0 && dump.stdout.count > 100_000)
        let load = Coso.spawn(["sqlite3", old], stdin: dump.stdout, environment: ProcessInfo.processInfo.environment)
        #expect(load.status == 0, "\(load.stderr)")
        let tables = try Coso.shell("sqlite3", [old, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"]).stdout
            .split(separator: "\n").map(String.init)
        #expect(tables.count >= 30)
        var before: [String: (columns: [String], rows: String)] = [:]
        for table in tables {
            let cols = try columns(old, table)
            before[table] = (cols, try rows(old, table, cols))
        }
        // The rows as they were, in some of the columns.
        let copy = dir + "/before.db"
        try FileManager.default.copyItem(atPath: old, toPath: copy)
        func rowsOf(_ table: String, _ cols: [String]) throws -> String { try rows(copy, table, cols) }
        #expect(try schema(old).contains { $0.contains("CHECK (gender IN ('male', 'female'))") }, "the fixture is of the old schema")

        let opened = try Coso.run(["--db", old, "-c", "members | count"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout == "300\n")
        #expect(opened.stderr.contains("đã sao lưu cơ sở dữ liệu cũ"))

        let fresh = dir + "/fresh.db"
        #expect(try Coso.run(["demo", "district", "--db", fresh]).status == 0)
        let upgraded = try schema(old), made = try schema(fresh)
        #expect(upgraded == made)
        for (line, other) in zip(upgraded, made) where line != other {
            Issue.record("first difference:\n  upgraded: \(line)\n  new:      \(other)")
            break
        }
        // Every value of every row, in every column the table had, but the sort keys of people's
        // names: computed again (migration 10 of members: given name first).
        let personNames: Set<String> = ["members", "candidates"]
        for table in tables {
            var (cols, _) = before[table]!
            if personNames.contains(table) { cols.removeAll { $0 == "name_sort" } }
            let (now, then) = (try rows(old, table, cols), try rowsOf(table, cols))
            // (The steps done are kept, and the new one recorded after them.)
            #expect(table == "coso_migrations" ? now.hasPrefix(then) : now == then, "\(table)")
        }
        for table in personNames {
            #expect(try Coso.shell("sqlite3", [old, "SELECT count(*) FROM \(table) WHERE name_sort IS NULL OR name_sort = ''"]).stdout == "0\n")
        }
        let sorted = try Coso.run(["--db", old, "--format", "csv", "-c", "members | sort name | select name"])
        #expect(sorted.status == 0, "\(sorted.stderr)")
        let byGivenName = CSV.parse(sorted.stdout).dropFirst().map { $0[0].split(separator: " ").last.map(String.init) ?? "" }
        #expect(byGivenName.count == 300)
        #expect(byGivenName.first == byGivenName.min { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) < $1.lowercased().folding(options: .diacriticInsensitive, locale: nil) })
        // The searchable names' folded and sort columns still agree with the names.
        #expect(try Coso.run(["--db", old, "-c", #"members | where name =~ "do van huy" | count"#]).stdout == "1\n")
        // Nothing more to do the next time, and no second copy.
        let again = try Coso.run(["--db", old, "-c", "orgs | count"])
        #expect(again.status == 0 && again.stderr.isEmpty)
        let backups = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("old.db.backup-") }
        #expect(backups.count == 1)
        // The copy is the register as it was.
        #expect(try rows(dir + "/" + backups[0], "members", before["members"]!.columns) == before["members"]!.rows)
    }
}
