import Foundation
import Testing

/// The counts the register keeps of members and ratings (`Rollup`, read by `RollupRead`) stay
/// true through every way of writing, and figures read from them equal hand-written SQL over the
/// rows.
@Suite struct RollupTests {
    /// The figures read from the rollups (their SQL says so) and the same over the rows.
    static let figures: [(pipeline: String, sql: String)] = [
        ("members | where on_roll(@2026-11-30) | summarize n: count() by gender | sort gender",
         "SELECT gender, count(*) FROM members WHERE admitted <= '2026-11-30' AND (ended IS NULL OR ended > '2026-11-30') GROUP BY gender ORDER BY CASE gender WHEN 'male' THEN 0 ELSE 1 END"),
        ("members | where on_roll(@2026-11-30) and (exempted == null or exempted > @2026-11-30) and work_status in [civil_servant, enterprise] | count",
         "SELECT count(*) FROM members WHERE admitted <= '2026-11-30' AND (ended IS NULL OR ended > '2026-11-30') AND (exempted IS NULL OR exempted > '2026-11-30') AND work_status IN ('civil_servant', 'enterprise')"),
        ("members | where on_roll(@2026-02-28) | summarize n: count() by theory | sort theory",
         "SELECT theory, count(*) FROM members WHERE admitted <= '2026-02-28' AND (ended IS NULL OR ended > '2026-02-28') GROUP BY theory ORDER BY CASE theory WHEN 'none' THEN 0 WHEN 'elementary' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'advanced' THEN 3 WHEN 'bachelor' THEN 4 END"),
        ("ratings | where year >= 2022 | summarize n: count() by year, level | sort year, level",
         "SELECT year, level, count(*) FROM ratings WHERE year >= 2022 GROUP BY year, level ORDER BY year, CASE level WHEN 'excellent' THEN 0 WHEN 'good' THEN 1 WHEN 'completed' THEN 2 WHEN 'failed' THEN 3 END"),
        ("orgs | where kind in [grassroots_cell, village_cell] and (founded == null or founded <= @2026-11-30) and (dissolved == null or dissolved > @2026-11-30) | count",
         "SELECT count(*) FROM orgs WHERE kind IN ('grassroots_cell', 'village_cell') AND (founded IS NULL OR founded <= '2026-11-30') AND (dissolved IS NULL OR dissolved > '2026-11-30')"),
        // Through a reference to the same table: the cells under grassroots committees (T11's basis).
        ("orgs | where (kind in [commune_committee, grassroots_committee, grassroots_cell] or (kind in [village_cell, subordinate_cell] and parent.kind in [commune_committee, grassroots_committee])) and (founded == null or founded <= @2026-11-30) and (dissolved == null or dissolved > @2026-11-30) | count",
         "SELECT count(*) FROM orgs o WHERE (o.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell') OR (o.kind IN ('village_cell', 'subordinate_cell') AND (SELECT p.kind FROM orgs p WHERE p.id = o.parent_id) IN ('commune_committee', 'grassroots_committee'))) AND (o.founded IS NULL OR o.founded <= '2026-11-30') AND (o.dissolved IS NULL OR o.dissolved > '2026-11-30')"),
        // Through a reference: ratings by their members' cells, each cell's count.
        ("target T5b 2022 | detail | sort id | select id, numerator",
         "SELECT m.org_id, count(CASE WHEN r.level IN ('excellent', 'good') THEN 1 END) FROM ratings r JOIN members m ON m.id = r.member_id WHERE r.year = 2022 GROUP BY m.org_id ORDER BY m.org_id"),
    ]

    /// `coso verify` recounts the eleven rollups and finds them true, and each figure equals its SQL.
    static func expectTrue(_ db: String, after step: String) throws {
        let v = try Coso.run(["verify", "--db", db])
        #expect(v.status == 0 && v.stdout.contains("11 bảng tổng hợp đếm lại"), "\(step): \(v.stdout) \(v.stderr)")
        for (pipeline, sql) in figures {
            let plan = try Coso.run(["--db", db, "-c", ".sql " + pipeline])
            #expect(plan.stdout.contains("FROM rollup_"), "\(pipeline)")
            let r = try Coso.run(["--db", db, "--format", "csv", "-c", pipeline])
            #expect(r.status == 0, "\(step): \(r.stderr)")
            // (A count is printed alone, a table with its header.)
            let got = pipeline.hasSuffix("| count") ? [r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)]
                : CSV.parse(r.stdout).dropFirst().map { $0.last ?? "" }
            let want = try Coso.shell("sqlite3", ["-csv", db, sql]).stdout.split(separator: "\n").map { String($0.split(separator: ",").last ?? "") }
            #expect(got == want, "\(step): \(pipeline)")
        }
    }

    static func scalar(_ db: String, _ sql: String) throws -> String {
        try Coso.shell("sqlite3", [db, sql]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func everyWayOfWritingKeepsTheCountsTrue() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        try Self.expectTrue(db, after: "the demo")
        let steps: [(String, String)] = [
            ("admit", #"admit "Lê Thị Hoa" born: @1995-03-02 gender: female org: "Chi bộ thôn Đăng Cao" on: @2026-03-10 introducers_on_file: true"#),
            ("correction", #"members | where id == 5 | update gender: female theory: advanced reason: "sai khi nhập""#),
            ("exempt", "exempt 7 on: @2026-04-01 reason: old_age"),
            ("remove", "remove 6 on: @2026-05-01 reason: other"),
            ("rate", #"members | where name == "Lê Thị Hoa" | rate 2026 level: excellent"#),
            ("org add", #"org add "Chi bộ thôn Mới" kind: village_cell parent: "Đảng bộ xã Tân Thượng" founded: @2026-02-01"#),
            ("org dissolve", #"org dissolve "Chi bộ thôn Mới" on: @2026-09-30 how: merged"#),
            // A cell moved; its new parent's kind corrected: the cells' counts move with it.
            ("org move", #"org move "Chi bộ thôn 2 (Đảng bộ xã Sơn Điền)" to: "Đảng bộ xã Tân Thượng" on: @2026-10-01"#),
            ("org kind", #"orgs | where name == "Đảng bộ xã Tân Thượng" | update kind: district_committee reason: "thử""#),
        ]
        for (step, statement) in steps {
            let r = try Coso.run(["--db", db, "-c", statement])
            #expect(r.status == 0, "\(step): \(r.stderr)")
            try Self.expectTrue(db, after: step)
        }
        // A transaction rolled back leaves the counts as they were; inside it, they count its rows.
        let before = try Coso.run(["--db", db, "-c", "members | where on_roll | count"]).stdout
        let inside = try Coso.run(["--db", db, "-c", """
            begin
            admit "Lê Văn Tạm" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2026-03-10 introducers_on_file: true
            members | where on_roll | count
            rollback
            """])
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(inside.stdout.contains("\(Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)"), "\(inside.stdout)")
        try Self.expectTrue(db, after: "rollback")
        // An import, refused whole then written.
        try ImportTests.write(ImportTests.rows(bad: true), to: dir + "/bad.csv")
        #expect(try Coso.run(["import", "members", dir + "/bad.csv", "--db", db]).status == 65)
        try Self.expectTrue(db, after: "a refused import")
        try ImportTests.write(ImportTests.rows(bad: false), to: dir + "/good.csv")
        let imported = try Coso.run(["import", "members", dir + "/good.csv", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        try Self.expectTrue(db, after: "an import")
        // Members change cell: their ratings' counts by cell move with them.
        let merged = try Coso.run(["--db", db, "-c", #"org merge "Chi bộ thôn Đăng Cao" into: "Chi bộ thôn 1 (Đảng bộ xã Sơn Điền)" on: @2026-10-01"#])
        #expect(merged.status == 0, "\(merged.stderr)")
        try Self.expectTrue(db, after: "a merger")
    }

    /// A register without rollups (made before them) gets them counted when it is opened; a
    /// rollup changed behind coso's back is found by `coso verify` and counted again by
    /// `--recount`.
    @Test func anOlderRegisterIsCountedAndADamagedCountIsFound() throws {
        let db = try Coso.demoCopy()
        var drop = "UPDATE coso_schema SET digest = 'older';"
        for t in try Self.scalar(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollup_%'").split(separator: "\n") {
            drop += "DROP TABLE \(t);"
        }
        for t in try Self.scalar(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'").split(separator: "\n") {
            drop += "DROP TRIGGER \(t);"
        }
        try Coso.shell("sqlite3", [db, drop])
        #expect(try Self.scalar(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'rollup_%'") == "0")
        try Self.expectTrue(db, after: "the upgrade")
        #expect(try Self.scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'") == "35")

        try Coso.shell("sqlite3", [db, "UPDATE rollup_members_gender SET rollup_count = rollup_count + 1 WHERE rowid = (SELECT min(rowid) FROM rollup_members_gender)"])
        let v = try Coso.run(["verify", "--db", db])
        #expect(v.status == 65 && v.stderr.contains("rollup_members_gender lệch 1 tổ hợp"), "\(v.stderr)")
        let fixed = try Coso.run(["verify", "--recount", "--db", db])
        #expect(fixed.status == 0 && fixed.stdout.contains("Đã đếm lại 11 bảng tổng hợp."), "\(fixed.stdout) \(fixed.stderr)")
        try Self.expectTrue(db, after: "the recount")
    }
}
