import Foundation
@testable import CosoCore
import CosoTesting
import Testing

/// Parents and their children: a foreign key, a date CHECK, a column with a default, an index and
/// a partial one.
struct Families: CosoModule {
    static let parentName = Field("name", .text, vi: "Tên", en: "Name")
    static let parent = Field("parent", .reference("parents"), vi: "Cha mẹ", en: "Parent", required: true)
    static let name = Field("name", .text, vi: "Tên", en: "Name")
    static let born = Field("born", .date, vi: "Ngày sinh", en: "Born")
    static let twin = Field("twin", .bool, vi: "Sinh đôi", en: "Twin", required: true).defaulting(.bool(false))

    let manifest = Manifest(id: "families", version: Version(1, 0, 0), summary: Label(vi: "f", en: "f"))
    var entities: [Entity] {
        [Entity(name: "parents", label: Label(vi: "p", en: "p"), singular: Label(vi: "p", en: "p"), fields: [Families.parentName]),
         Entity(name: "children", label: Label(vi: "c", en: "c"), singular: Label(vi: "c", en: "c"),
                fields: [Families.parent, Families.name, Families.born, Families.twin],
                indexes: [Index("children_name", on: [Families.name]), Index("children_born", on: [Families.born], whereGiven: Families.born)])]
    }
}

/// Rows inserted inside `bulk` wait and reach SQLite several hundred per statement; these tests hold
/// it to what single inserts guarantee: ids, visibility to reads, references, all or nothing.
@Suite struct BulkWriteTests {
    let origin = WriteOrigin(user: "u", statement: "s", source: "t")

    /// A fresh database with the families' tables.
    private func families() throws -> (TemporaryDatabase, Store) {
        let db = try TemporaryDatabase()
        return (db, try Store(path: db.path, registry: Registry([Families()])))
    }

    /// Parent, child, child, parent, ...: more rows than one flush, in two tables.
    private func family(_ tx: WriteTransaction, count: Int, born: String = "2001-02-03") throws -> [Int64] {
        var childIDs: [Int64] = []
        for i in 0..<count {
            let parent = try tx.insert("parents", ["name": .text("P\(i)")])
            for j in 0..<2 {
                var values: [String: Value] = ["parent": .int(parent), "name": .text("C\(i).\(j)"), "born": .text(born)]
                if j == 1 { values["twin"] = .bool(true) }  // two column sets in one table
                childIDs.append(try tx.insert("children", values))
            }
            if i == count / 2 {
                // A read in the middle sees every row inserted so far.
                #expect(try tx.scalar("SELECT count(*) FROM children") == .int(Int64(childIDs.count)))
            }
        }
        return childIDs
    }

    @Test(arguments: [false, true]) func bulkRowsGetTheirIdsAndReadsSeeThem(checkingReferences: Bool) throws {
        let (db, store) = try families()
        defer { db.remove() }
        let ids = checkingReferences
            ? try store.bulkWrite(origin) { tx in try family(tx, count: 1_500) }
            : try store.write(origin) { tx in try tx.bulk { try family(tx, count: 1_500) } }
        #expect(ids == Array(1...3_000))
        // Each child points at the parent inserted just before it, under the id `insert` returned.
        #expect(try store.scalar("""
            SELECT count(*) FROM children c JOIN parents p ON p.id = c.parent_id
            WHERE c.name = 'C' || substr(p.name, 2) || '.' || ((c.id - 1) % 2)
            """) == .int(3_000))
        #expect(try store.scalar("SELECT count(*) FROM children WHERE twin = 0") == .int(1_500))
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'children'")
                == .text("{\"bulk\":true,\"first_id\":1,\"last_id\":3000,\"count\":3000}"))
        #expect(try store.scalar("PRAGMA foreign_keys") == .int(1))
    }

    @Test func aBulkWriteTakesALargerPageCacheAndGivesItBack() throws {
        let (db, store) = try families()
        defer { db.remove() }
        // Reads keep SQLite's own cache (2 MB): a larger one only costs a scan fresh memory.
        #expect(try store.scalar("PRAGMA cache_size") == .int(-2000))
        let during = try store.bulkWrite(origin) { tx in
            _ = try family(tx, count: 10)
            return try tx.scalar("PRAGMA cache_size")
        }
        #expect(during == .int(-65536))
        #expect(try store.scalar("PRAGMA cache_size") == .int(-2000))
    }

    @Test func preparedInsertsAndWaitingRowsShareIdsAndTheAuditRange() throws {
        let (db, store) = try families()
        defer { db.remove() }
        let ids = try store.write(origin) { tx in
            try tx.bulk { () throws -> [Int64] in
                let prepared = try tx.bulkInsert("parents", columns: ["name"])
                var ids: [Int64] = []
                for i in 0..<3 {
                    prepared.bind(1, "P\(i)"); try prepared.step(); ids.append(try tx.scalar("SELECT max(id) FROM parents").intValue!)
                    // A row `insert` keeps waiting takes the next id; the prepared one after it, the one after.
                    ids.append(try tx.insert("parents", ["name": .text("W\(i)")]))
                }
                prepared.bind(1, "P3"); try prepared.step(); ids.append(try tx.scalar("SELECT max(id) FROM parents").intValue!)
                return ids
            }
        }
        #expect(ids == Array(1...7))
        #expect(try store.scalar("SELECT group_concat(name, ' ') FROM (SELECT name FROM parents ORDER BY id)")
                == .text("P0 W0 P1 W1 P2 W2 P3"))
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'parents'")
                == .text("{\"bulk\":true,\"first_id\":1,\"last_id\":7,\"count\":7}"))
    }

    @Test func preparedInsertsWriteManyRowsPerStatementInTheOrderBound() throws {
        let (db, store) = try families()
        defer { db.remove() }
        try store.write(origin) { tx in
            try tx.bulk {
                // Ids given (not consecutive), then ids given by SQLite: two full statements and a remainder.
                let parents = try tx.bulkInsert("parents", columns: ["id", "name"])
                for i in 1...3 { parents.bind(1, Int64(i * 10)); parents.bind(2, "P\(i)"); try parents.step() }
                let children = try tx.bulkInsert("children", columns: ["parent_id", "name", "born", "twin"])
                #expect(children.rowsPerStatement > 1)
                for i in 0..<(2 * children.rowsPerStatement + 5) {
                    children.bind(1, Int64(i % 3 * 10 + 10)); children.bind(2, "C\(i)")
                    children.bind(3, i % 2 == 0 ? nil : LocalDate(year: 2000, month: 1, day: i % 28 + 1))
                    children.bind(4, i % 5 == 0)
                    try children.step()
                }
            }
        }
        let n = try store.scalar("SELECT count(*) FROM children").intValue!
        #expect(n == 133)
        // Row i has id i + 1, its own values, nothing carried over from the row bound before it.
        #expect(try store.scalar("""
            SELECT count(*) FROM children WHERE name = 'C' || (id - 1) AND parent_id = (id - 1) % 3 * 10 + 10
            AND twin = ((id - 1) % 5 = 0) AND (born IS NULL) = ((id - 1) % 2 = 0)
            """) == .int(n))
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'parents'")
                == .text("{\"bulk\":true,\"first_id\":10,\"last_id\":30,\"count\":3}"))
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'children'")
                == .text("{\"bulk\":true,\"first_id\":1,\"last_id\":133,\"count\":133}"))
    }

    /// Rows made ready on another thread (`BulkRows`) reach their columns as bound one by one
    /// would: ids given and their range audited, NULLs, integers, booleans, dates, empty text,
    /// text of many blocks; a table of no rows writes nothing; rows bound one by one before and
    /// after go on from where those left off.
    @Test func rowsMadeReadyElsewhereAreWrittenAsBound() async throws {
        let (db, store) = try families()
        defer { db.remove() }
        @Sendable func name(_ i: Int) -> String { i % 7 == 0 ? "" : String(repeating: "Nguyễn ", count: i % 50) + "\(i)" }
        // Made on another thread, as the country demo's generator does.
        let made = await Task.detached {
            var parents = BulkRows(width: 2)
            for i in 1...3 { parents.append(Int64(i * 10)); parents.append("P\(i)") }
            var children = BulkRows(width: 4)
            for i in 0..<300 {
                children.append(Int64(i % 3 * 10 + 10)); children.append(name(i))
                children.append(i % 2 == 0 ? nil : LocalDate(year: 1950 + i % 60, month: i % 12 + 1, day: i % 28 + 1))
                children.append(i % 5 == 0)
            }
            return (parents, children)
        }.value
        try store.write(origin) { tx in
            try tx.bulk {
                let parents = try tx.bulkInsert("parents", columns: ["id", "name"])
                try parents.write(made.0)
                try parents.write(BulkRows(width: 2))
                let children = try tx.bulkInsert("children", columns: ["parent_id", "name", "born", "twin"])
                children.bind(1, Int64(10)); children.bind(2, "first"); children.bind(3, nil as LocalDate?); children.bind(4, false)
                try children.step()
                try children.write(made.1)
                children.bind(1, Int64(30)); children.bind(2, "last"); children.bind(3, LocalDate(year: 2001, month: 2, day: 3)); children.bind(4, true)
                try children.step()
            }
        }
        #expect(try store.scalar("SELECT group_concat(id || name) FROM parents") == .text("10P1,20P2,30P3"))
        #expect(try store.scalar("SELECT count(*) FROM children") == .int(302))
        #expect(try store.scalar("SELECT name || parent_id || twin FROM children WHERE id = 1") == .text("first100"))
        #expect(try store.scalar("SELECT name || parent_id || born || twin FROM children WHERE id = 302") == .text("last302001-02-031"))
        for i in [0, 1, 2, 7, 63, 64, 65, 128, 299] {
            let born = i % 2 == 0 ? "-" : LocalDate(year: 1950 + i % 60, month: i % 12 + 1, day: i % 28 + 1)!.iso
            #expect(try store.scalar("SELECT name || '|' || parent_id || '|' || coalesce(born, '-') || '|' || twin FROM children WHERE id = ?",
                                     [.int(Int64(i + 2))])
                    == .text("\(name(i))|\(i % 3 * 10 + 10)|\(born)|\(i % 5 == 0 ? 1 : 0)"), "row \(i)")
        }
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'parents'")
                == .text("{\"bulk\":true,\"first_id\":10,\"last_id\":30,\"count\":3}"))
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'children'")
                == .text("{\"bulk\":true,\"first_id\":1,\"last_id\":302,\"count\":302}"))
    }

    @Test func preparedInsertsKeepTheTextOfEveryRowUntilItIsWritten() throws {
        let (db, store) = try families()
        defer { db.remove() }
        // Names from empty to 100,000 letters: the rows of one statement take several blocks of text,
        // one value takes a block of its own.
        func name(_ i: Int) -> String { i == 0 ? "" : i == 77 ? String(repeating: "đ", count: 50_000) : String(repeating: "ă", count: i * 37) + "\(i)" }
        try store.write(origin) { tx in
            try tx.bulk {
                let parents = try tx.bulkInsert("parents", columns: ["name"])
                for i in 0..<150 { parents.bind(1, name(i)); try parents.step() }
            }
        }
        for i in [0, 1, 63, 64, 76, 77, 78, 127, 128, 149] {
            #expect(try store.scalar("SELECT name FROM parents WHERE id = ?", [.int(Int64(i + 1))]) == .text(name(i)), "row \(i)")
        }
        let total = (0..<150).map { name($0).utf8.count }.reduce(0, +)
        #expect(try store.scalar("SELECT sum(length(CAST(name AS BLOB))) FROM parents") == .int(Int64(total)))
    }

    @Test func aRowAPreparedInsertIsRefusedFailsTheWholeWriteEvenIfTheErrorIsCaught() throws {
        let (db, store) = try families()
        defer { db.remove() }
        var caught = 0
        #expect(throws: StoreError.self) {
            try store.write(origin) { tx in
                try tx.bulk {
                    let parent = try tx.insert("parents", ["name": .text("P")])
                    let children = try tx.bulkInsert("children", columns: ["parent_id", "name"])
                    for i in 0..<(3 * children.rowsPerStatement) {
                        children.bind(1, i == 10 ? nil : parent)  // NOT NULL, in the first statement's rows
                        children.bind(2, "C\(i)")
                        do { try children.step() } catch { caught += 1 }
                    }
                }
            }
        }
        // The statement failed when its last row was bound, and every row after it was refused too.
        #expect(caught > 1)
        #expect(try store.scalar("SELECT count(*) FROM parents") == .int(0))
        #expect(try store.scalar("SELECT count(*) FROM audit") == .int(0))
    }

    @Test(arguments: [false, true]) func updatesInsideBulkSeeTheRowsStillWaiting(withTrigger: Bool) throws {
        let (db, store) = try families()
        defer { db.remove() }
        if withTrigger {
            // A trigger of a module's own: every update then writes everything waiting first.
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            shell.arguments = [db.path, "CREATE TRIGGER children_touch AFTER UPDATE ON children BEGIN SELECT 1; END"]
            try shell.run()
            shell.waitUntilExit()
            #expect(try store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'children_touch'") == .int(1))
        }
        try store.write(origin) { tx in
            try tx.bulk {
                for i in 0..<3 {
                    let parent = try tx.insert("parents", ["name": .text("P\(i)")])
                    let child = try tx.insert("children", ["parent": .int(parent), "name": .text("C\(i)")])
                    // Both rows still wait; each update finds its row.
                    try tx.update("parents", id: parent, ["name": .text("P\(i)!")])
                    try tx.update("children", id: child, ["name": .text("C\(i)!")])
                    #expect(try tx.record("children", id: child)?["name"] == .text("C\(i)!"))
                }
            }
        }
        #expect(try store.scalar("SELECT group_concat(name, ' ') FROM (SELECT name FROM parents ORDER BY id)") == .text("P0! P1! P2!"))
        #expect(try store.scalar("SELECT group_concat(name, ' ') FROM (SELECT name FROM children ORDER BY id)") == .text("C0! C1! C2!"))
        #expect(try store.scalar("SELECT count(*) FROM audit_changes WHERE op = 'update'") == .int(6))
    }

    @Test func indexesDroppedForALoadAreBuiltAgainAndTheSorterSettingsPutBack() throws {
        let (db, store) = try families()
        defer { db.remove() }
        let (inside, after) = try store.write(origin) { tx in
            let inside = try tx.withoutIndexes(on: ["children"]) { () throws -> Value in
                _ = try family(tx, count: 50)
                return try tx.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'children_name'")
            }
            return (inside, [try tx.scalar("PRAGMA threads"), try tx.scalar("PRAGMA cache_size")])
        }
        #expect(inside == .int(0))
        #expect(after == [.int(0), .int(-2000)])
        #expect(try store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'children_name'") == .int(1))
        #expect(try store.scalar("SELECT count(*) FROM children INDEXED BY children_name WHERE name >= 'C'") == .int(100))
    }

    /// Each row's values reach their own columns whatever order its dictionary iterates in (the
    /// transaction reuses the last row's key positions only when every key matches), and a write
    /// naming a field the entity lacks, or an update naming `id`, is refused.
    @Test func valuesReachTheirColumnsWhateverTheKeyOrder() throws {
        let (db, store) = try families()
        defer { db.remove() }
        let ids = try store.write(origin) { tx -> [Int64] in
            let parent = try tx.insert("parents", ["name": .text("P")])
            var ids: [Int64] = []
            for i in 0..<40 {
                // Same keys, built in different orders and capacities, some rows with one key more.
                var values: [String: Value] = [:]
                values.reserveCapacity(i % 3 == 0 ? 64 : 4)
                let pairs: [(String, Value)] = [("name", .text("C\(i)")), ("parent", .int(parent)), ("born", .text("20\(10 + i % 10)-01-0\(1 + i % 9)"))]
                for (k, v) in i % 2 == 0 ? pairs : pairs.reversed() { values[k] = v }
                if i % 5 == 0 { values["twin"] = .bool(true) }
                ids.append(try tx.insert("children", values))
            }
            #expect(throws: RuleViolation.self) { try tx.insert("children", ["parent": .int(parent), "name": .text("x"), "nme": .text("y")]) }
            #expect(throws: RuleViolation.self) { try tx.update("children", id: ids[0], ["id": .int(999), "name": .text("z")]) }
            try tx.update("children", id: ids[1], ["name": .text("renamed"), "born": .text("1999-12-31")])
            return ids
        }
        for (i, id) in ids.enumerated() {
            let row = try store.scalar("SELECT name || '|' || parent_id || '|' || born || '|' || twin FROM children WHERE id = ?", [.int(id)])
            let name = i == 1 ? "renamed" : "C\(i)", born = i == 1 ? "1999-12-31" : "20\(10 + i % 10)-01-0\(1 + i % 9)"
            #expect(row == .text("\(name)|1|\(born)|\(i % 5 == 0 ? 1 : 0)"), "row \(i)")
        }
    }

    /// In bulk (rows waiting, written by the second thread in statements of 128 rows and the rest
    /// by halves), rows of two dozen shapes in turn, more than the transaction keeps, reach their
    /// own columns, whatever the row count, and the audit counts every one.
    @Test(arguments: [1, 127, 128, 129, 1_000, 4_001, 9_003]) func rowsOfManyShapesKeepTheirValuesInBulk(count: Int) throws {
        let (db, store) = try families()
        defer { db.remove() }
        var expected: [Int64: String] = [:]
        try store.bulkWrite(origin) { tx in
            let parent = try tx.insert("parents", ["name": .text("P")])
            for i in 0..<count {
                // Twenty-four shapes: two orders and three capacities of the same keys, with or
                // without a birth date and a twin flag.
                let shape = i % 24
                var pairs: [(String, Value)] = [("name", .text("C\(i)")), ("parent", .int(parent))]
                let born = shape / 6 % 2 == 0 ? "20\(10 + i % 10)-0\(1 + i % 9)-1\(i % 10)" : nil
                let twin = shape / 12 == 0
                if let born { pairs.append(("born", .text(born))) }
                if twin { pairs.append(("twin", .bool(true))) }
                if shape % 2 == 0 { pairs.reverse() }
                var values: [String: Value] = [:]
                values.reserveCapacity([2, 8, 40][shape / 2 % 3])
                for (k, v) in pairs { values[k] = v }
                let id = try tx.insert("children", values)
                expected[id] = "C\(i)|\(parent)|\(born ?? "-")|\(twin ? 1 : 0)"
            }
        }
        #expect(expected.count == count)
        var seen = 0
        try store.query("SELECT id, name || '|' || parent_id || '|' || coalesce(born, '-') || '|' || twin FROM children", []) { row in
            seen += 1
            #expect(expected[row[0].intValue ?? 0] == row[1].textValue, "row \(row[0])")
        }
        #expect(seen == count)
        #expect(try store.scalar("SELECT substr(after, 1, instr(after, char(44, 34, 100)) - 1) || '}' FROM audit_changes WHERE entity = 'children'")
                == .text("{\"bulk\":true,\"first_id\":1,\"last_id\":\(count),\"count\":\(count)}"))
        // The rows as the blocks of their digest hold them: verify finds them as written.
        let report = try store.verifyAudit()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(try store.scalar("SELECT sum(row_count) FROM audit_blocks WHERE entity = 'children'") == .int(Int64(count)))
    }

    @Test func anIndexTheLoadKeepsStaysInPlaceAndHoldsItsRows() throws {
        let (db, store) = try families()
        defer { db.remove() }
        let inside = try store.write(origin) { tx in
            try tx.withoutIndexes(on: ["children"], keeping: ["children_born"]) { () throws -> [Value] in
                _ = try family(tx, count: 50)
                _ = try tx.insert("children", ["parent": .int(1), "name": .text("T"), "born": .text("2002-02-02"), "twin": .bool(true)])
                return [try tx.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'children_name'"),
                        try tx.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'children_born'")]
            }
        }
        #expect(inside == [.int(0), .int(1)])
        #expect(try store.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('children_name', 'children_born')") == .int(2))
        #expect(try store.scalar("SELECT count(*) FROM children INDEXED BY children_born WHERE born IS NOT NULL AND born = '2002-02-02'") == .int(1))
        #expect(try store.scalar("SELECT count(*) FROM children INDEXED BY children_born WHERE born IS NOT NULL AND born > '2000-01-01'") == .int(101))
        #expect(try store.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    @Test(arguments: [false, true]) func aBrokenReferenceUndoesTheWholeWrite(checkingReferences: Bool) throws {
        let (db, store) = try families()
        defer { db.remove() }
        let body = { (tx: WriteTransaction) throws in
            _ = try family(tx, count: 400)
            _ = try tx.insert("children", ["parent": .int(9_999), "name": .text("orphan")])
        }
        let error = #expect(throws: StoreError.self) {
            if checkingReferences { try store.bulkWrite(origin, body) } else { try store.write(origin) { tx in try tx.bulk { try body(tx) } } }
        }
        if checkingReferences {
            // coso's own check names the key at fault (SQLite's deferred check says only that one failed).
            #expect("\(error.map { "\($0)" } ?? "")".contains("1 rows of children.parent_id name no row of parents"))
        }
        #expect(try store.scalar("SELECT count(*) FROM children") == .int(0))
        #expect(try store.scalar("SELECT count(*) FROM parents") == .int(0))
        #expect(try store.scalar("SELECT count(*) FROM audit") == .int(0))
        #expect(try store.scalar("PRAGMA foreign_keys") == .int(1))
    }

    @Test func aBrokenCheckStopsTheWriteEvenIfTheErrorIsCaught() throws {
        let (db, store) = try families()
        defer { db.remove() }
        #expect(throws: StoreError.self) {
            try store.bulkWrite(origin) { tx in
                // The bad date reaches SQLite with its batch, some rows of which may be written.
                do { _ = try family(tx, count: 300, born: "3/2/2001") } catch {}
                _ = try tx.insert("parents", ["name": .text("after")])
            }
        }
        #expect(try store.scalar("SELECT count(*) FROM parents") == .int(0))
    }

    /// In `bulkWrite` a second thread writes the rows while the first goes on: a row SQLite
    /// refuses there, several batches in and with no read to wait on, still undoes everything.
    @Test func aRowRefusedOnTheWritingThreadUndoesTheWholeWrite() throws {
        let (db, store) = try families()
        defer { db.remove() }
        #expect(throws: StoreError.self) {
            try store.bulkWrite(origin) { tx in
                for i in 0..<12_000 {
                    let parent = try tx.insert("parents", ["name": .text("P\(i)")])
                    _ = try tx.insert("children", ["parent": .int(parent), "name": .text("C\(i)"),
                                                   "born": .text(i == 7_000 ? "7/3/2001" : "2001-03-07")])
                }
            }
        }
        #expect(try store.scalar("SELECT count(*) FROM parents") == .int(0))
        #expect(try store.scalar("SELECT count(*) FROM children") == .int(0))
        // The connection is usable afterwards, by this store and through a new one.
        _ = try store.bulkWrite(origin) { tx in try family(tx, count: 3_000) }
        #expect(try Store(path: db.path, registry: Registry([Families()])).scalar("SELECT count(*) FROM children") == .int(6_000))
    }

    /// What was stored before a bulk write, asked while the write goes on: the rows the write adds
    /// do not count, written or waiting.
    @Test func storedRowsAreReadFromTheLastCommit() throws {
        let (db, store) = try families()
        defer { db.remove() }
        _ = try store.bulkWrite(origin) { tx in try family(tx, count: 10) }
        let seen = try store.bulkWrite(origin) { tx in
            for i in 0..<3_000 {  // more than one hand-over: some are written already
                let parent = try tx.insert("parents", ["name": .text("Q\(i)")])
                _ = try tx.insert("children", ["parent": .int(parent), "name": .text("D\(i).0")])
                _ = try tx.insert("children", ["parent": .int(parent), "name": .text("D\(i).1")])
            }
            return try tx.storedScalar("SELECT count(*) FROM children")
        }
        #expect(seen == .int(20))
        #expect(try store.scalar("SELECT count(*) FROM children") == .int(6_020))
    }

    @Test func updatesAreRefusedWhereReferencesAreCheckedAtTheEnd() throws {
        let (db, store) = try families()
        defer { db.remove() }
        #expect(throws: RuleViolation.self) {
            try store.bulkWrite(origin) { tx in
                let id = try tx.insert("parents", ["name": .text("P")])
                try tx.update("parents", id: id, ["name": .text("Q")])
            }
        }
        #expect(try store.scalar("SELECT count(*) FROM parents") == .int(0))
    }
}

extension Store {
    /// The overlapped load (an import's), through the transaction underneath: these tests drive the
    /// machinery `BulkLoad` stands in front of.
    func bulkWrite<T>(_ origin: WriteOrigin, _ body: (WriteTransaction) throws -> T) throws -> T {
        try load(origin, overlapped: true) { try body($0.transaction) }
    }
}
