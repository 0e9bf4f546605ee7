import Foundation
import Testing

/// A name that stands for one row must identify it: in a query's comparison, in a command's
/// argument, in an imported file; results show a repeated name with the level above it, in the
/// form that may be typed back.
@Suite struct NameReferenceTests {
    let db = Coso.sharedDemo

    func count(_ query: String) throws -> Int? {
        let r = try Coso.run(["--db", db, "-c", query])
        return r.status == 0 ? Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
    }

    func sql(_ query: String) throws -> String {
        try Coso.shell("sqlite3", [db, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aSharedNameIsAnErrorListingTheCandidatesWithTheirParents() throws {
        let shared = try sql("SELECT count(*) FROM orgs WHERE name = 'Chi bộ thôn 1'")
        #expect(Int(shared)! > 1)
        let r = try Coso.run(["--db", db, "-c", #"members | where org == "Chi bộ thôn 1" | count"#])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("E0302"))
        #expect(r.stderr.contains("\(shared) tổ chức cùng tên \"Chi bộ thôn 1\""))
        // Each candidate with its parent and id, as many as are listed.
        let gia = try sql("SELECT o.id FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE o.name = 'Chi bộ thôn 1' AND p.name = 'Đảng bộ xã Gia Hiệp'")
        let listed = r.stderr.split(separator: "\n").filter { $0.contains("- Chi bộ thôn 1 (Đảng bộ xã ") }
        #expect(listed.count == min(Int(shared)!, 8))
        #expect(r.stderr.contains("(và \(Int(shared)! - 8) nữa)"))
        // The way out is shown, and it works.
        #expect(r.stderr.contains(#"như "Chi bộ thôn 1 (Đảng bộ xã "#))
        let direct = try sql("SELECT count(*) FROM members WHERE org_id = \(gia)")
        #expect(try count(#"members | where org == "Chi bộ thôn 1 (Đảng bộ xã Gia Hiệp)" | count"#) == Int(direct))
        #expect(try count(#"members | where org == "Chi bộ thôn 1 (xã Gia Hiệp)" | count"#) == Int(direct))
        #expect(try count(#"members | where org == "chi bo thon 1 (gia hiep)" | count"#) == Int(direct))
        #expect(try count(#"members | where org == "Chi bộ thôn 1 #\#(gia)" | count"#) == Int(direct))
        #expect(try count(#"members | where org != "Chi bộ thôn 1 (Gia Hiệp)" | count"#)
                == Int(try sql("SELECT count(*) FROM members WHERE org_id <> \(gia)")))
    }

    @Test func aMemberSharingANameIsToldApartByTheirCell() throws {
        // Two members of one name in different cells, one of them rated.
        let row = try sql("""
            SELECT m.name || '|' || o.name || '|' || m.id FROM members m JOIN orgs o ON o.id = m.org_id
            WHERE m.name IN (SELECT name FROM members GROUP BY name HAVING count(DISTINCT org_id) = count(*) AND count(*) > 1)
              AND o.name IN (SELECT name FROM orgs GROUP BY name HAVING count(*) = 1)
              AND EXISTS (SELECT 1 FROM ratings r WHERE r.member_id = m.id)
            ORDER BY m.id LIMIT 1
            """).split(separator: "|").map(String.init)
        #expect(row.count == 3)
        let (name, cell, id) = (row[0], row[1], row[2])
        let shared = try Coso.run(["--db", db, "-c", "ratings | where member == \"\(name)\" | count"])
        #expect(shared.status == 65 && shared.stderr.contains("E0302") && shared.stderr.contains("đảng viên cùng tên"), "\(shared.stderr)")
        let rated = try sql("SELECT count(*) FROM ratings WHERE member_id = \(id)")
        #expect(try count("ratings | where member == \"\(name) (\(cell))\" | count") == Int(rated))
        // Shown the same way, in the form just typed.
        let shown = try Coso.run(["--db", db, "--format", "csv", "-c", "ratings | where member == \(id) | select member | first"])
        #expect(CSV.parse(shown.stdout).last == ["\(name) (\(cell))"], "\(shown.stdout)")
    }

    @Test func anUnknownNameIsAnErrorWithTheNearestNames() throws {
        let r = try Coso.run(["--db", db, "-c", #"members | where org == "Chi bo thon Dang Caoo" | count"#])
        #expect(r.status == 65)
        #expect(r.stderr.contains("E0301"))
        #expect(r.stderr.contains(#"có phải ý bạn là "Chi bộ thôn Đăng Cao"?"#))
        // A qualifier naming no ancestor matches nothing.
        let q = try Coso.run(["--db", db, "-c", #"members | where org == "Chi bộ thôn 1 (xã Không Có)" | count"#])
        #expect(q.status == 65 && q.stderr.contains("E0301"))
    }

    @Test func aNameWithoutDiacriticsFindsTheOneRowItFolds() throws {
        let id = try sql("SELECT id FROM orgs WHERE name = 'Chi bộ thôn Đăng Cao'")
        let direct = Int(try sql("SELECT count(*) FROM members WHERE org_id = \(id)"))
        #expect(try count(#"members | where org == "Chi bộ thôn Đăng Cao" | count"#) == direct)
        #expect(try count(#"members | where org == "chi bo thon dang cao" | count"#) == direct)
        // A list of names: each must identify its row.
        let gia = try sql("SELECT o.id FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE o.name = 'Chi bộ thôn 1' AND p.name = 'Đảng bộ xã Gia Hiệp'")
        #expect(try count(#"members | where org in ["Chi bộ thôn Đăng Cao", "Chi bộ thôn 1 (Gia Hiệp)"] | count"#)
                == Int(try sql("SELECT count(*) FROM members WHERE org_id IN (\(id), \(gia))")))
        let bad = try Coso.run(["--db", db, "-c", #"members | where org in ["Chi bộ thôn Đăng Cao", "Chi bộ thôn 1"] | count"#])
        #expect(bad.status == 65 && bad.stderr.contains("E0302"))
        // A reference is searched by the name of the row it refers to.
        #expect(try count(#"members | where org =~ "dang cao" | count"#)
                == Int(try sql("SELECT count(*) FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.name_folded LIKE '%dang cao%'")))
    }

    @Test func resultsShowARepeatedNameWithTheLevelAbove() throws {
        let r = try Coso.run(["--db", db, "--format", "csv", "-c", #"members | where org =~ "thôn 1" | summarize n: count() by org"#])
        #expect(r.status == 0, "\(r.stderr)")
        let shown = CSV.parse(r.stdout).dropFirst().map { $0[0] }
        // Every row of the result is told apart, and what is shown may be typed back.
        #expect(Set(shown).count == shown.count)
        let expected = try Coso.shell("sqlite3", ["-csv", db, """
            SELECT o.name || CASE WHEN (SELECT count(*) FROM orgs x WHERE x.name = o.name) > 1 THEN ' (' || replace(p.name, 'Đảng bộ ', '') || ')' ELSE '' END, count(*)
            FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN orgs p ON p.id = o.parent_id
            WHERE o.name_folded LIKE '%thon 1%' GROUP BY o.id ORDER BY o.id
            """]).stdout
        #expect(Set(CSV.parse(r.stdout).dropFirst()) == Set(CSV.parse(expected)))
        // The committee above by its place, as people say it.
        #expect(shown.contains("Chi bộ thôn 1 (xã Gia Hiệp)"))
        let typedBack = try count(#"members | where org == "Chi bộ thôn 1 (xã Gia Hiệp)" | count"#)
        #expect(typedBack != nil)
        // A name no other row has is shown bare.
        let unique = try sql("SELECT name FROM orgs WHERE kind = 'village_cell' GROUP BY name HAVING count(*) = 1 LIMIT 1")
        let one = try Coso.run(["--db", db, "--format", "csv", "-c", "members | where org == \"\(unique)\" | select org | first"])
        #expect(CSV.parse(one.stdout).last == [unique])
    }

    @Test func aCommandArgumentMustNameOneRowAndNothingIsWritten() throws {
        let db = try Coso.demoCopy()
        let before = try Coso.shell("sqlite3", [db, "SELECT count(*) FROM orgs"]).stdout
        let r = try Coso.run(["--db", db, "-c", #"org add "Chi bộ thôn 99" kind: village_cell parent: "Chi bộ thôn 1""#])
        #expect(r.status == 65)
        #expect(r.stderr.contains("E0302") && r.stderr.contains("Chi bộ thôn 1 (Đảng bộ xã "))
        #expect(try Coso.shell("sqlite3", [db, "SELECT count(*) FROM orgs"]).stdout == before)
        let misspelt = try Coso.run(["--db", db, "-c", #"org add "Chi bộ thôn 99" kind: village_cell parent: "Dang bo xa Gia Hiep""#])
        #expect(misspelt.status == 0, "\(misspelt.stderr)")
        let near = try Coso.run(["--db", db, "-c", #"org add "Chi bộ thôn 98" kind: village_cell parent: "Đảng bộ xã Gia Hiepp""#])
        #expect(near.status == 65 && near.stderr.contains(#""Đảng bộ xã Gia Hiệp""#))
    }

    @Test func anEthnicGroupIsFoundByItsOtherNames() throws {
        let coHo = try count("members | where ethnicity == co_ho | count")
        #expect((coHo ?? 0) > 0)
        for name in ["K'Ho", "Kơ Ho", "Cơ Ho", "cơ-ho", "Koho"] {
            #expect(try count("members | where ethnicity == \"\(name)\" | count") == coHo, "\(name)")
        }
        // A misspelling is answered with the case it is nearest, not another people.
        let r = try Coso.run(["--db", db, "-c", #"members | where ethnicity == "K'Hoo" | count"#])
        #expect(r.status == 65 && r.stderr.contains("co_ho (Cơ-ho)"), "\(r.stderr)")
    }

    @Test func anImportedFileNamesACellThatSharesItsNameWithTheLevelAbove() throws {
        let db = try Coso.demoCopy()
        let dir = try Coso.scratchDirectory()
        func file(_ cell: String) throws -> String {
            let path = dir + "/cell-\(abs(cell.hashValue)).csv"
            let row = ["Lê Văn Thử", "Nam", "12/03/1985", "Kơ Ho", "068090071234", "\"\(cell)\"", "2010-05-19", "2011-05-19", "sơ cấp"]
            try (ImportTests.header + "\r\n" + row.joined(separator: ",") + "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let shared = try Coso.run(["import", "members", try file("Chi bộ thôn 1"), "--db", db])
        #expect(shared.status == 65 && shared.stderr.contains("E0413") && shared.stderr.contains("Tên (cấp trên)"), "\(shared.stderr)")
        let near = try Coso.run(["import", "members", try file("Chi bộ thôn Đăng Caoo"), "--db", db])
        #expect(near.status == 65 && near.stderr.contains(#"có phải ý bạn là "Chi bộ thôn Đăng Cao"?"#), "\(near.stderr)")
        let qualified = try Coso.run(["import", "members", try file("Chi bộ thôn 1 (xã Gia Hiệp)"), "--db", db])
        #expect(qualified.status == 0, "\(qualified.stderr)")
        let stored = try Coso.shell("sqlite3", [db, """
            SELECT p.name || '|' || m.ethnicity FROM members m JOIN orgs o ON o.id = m.org_id JOIN orgs p ON p.id = o.parent_id
            WHERE m.national_id = '068090071234'
            """]).stdout
        #expect(stored == "Đảng bộ xã Gia Hiệp|co_ho\n")
    }
}
