import Foundation
import Testing

/// `coso import`: a file with bad rows is refused whole with one precise report per row and
/// nothing written; the corrected file imports; exports import back unchanged.
@Suite struct ImportTests {
    static let header = "Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số CCCD,Chi bộ,Ngày vào Đảng,Ngày chính thức,Lý luận chính trị"
    static let cell = "Chi bộ thôn Đăng Cao"

    /// 20 good rows, then the same rows with one thing wrong in each, as bytes (one is TCVN3).
    static func rows(bad: Bool) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for i in 0..<20 {
            let nid = "0680900\(String(format: "%05d", 70000 + i))"
            var f = ["Lê Văn Nhập \(["An", "Bình", "Cường", "Dũng", "Em"][i % 5])", "Nam", "12/03/1985", "Kinh", nid, cell,
                     "2010-05-19", "2011-05-19", "sơ cấp"]
            if bad {
                switch i {
                case 0: f[2] = "30/02/1985"                              // impossible date
                case 1: f[6] = "2030-01-01"; f[7] = ""                   // admission in the future
                case 2: f[5] = "Chi bộ thôn Không Có"                    // unknown organisation
                case 3: f[4] = "068090070000"                            // the national ID of the first row again
                case 4: f[3] = "Kinhh"                                   // unknown enum value
                case 5: f[0] = ""                                        // empty required field
                case 6: f[0] = "Robert'); DROP TABLE members;--"         // text that looks like SQL
                case 7: f[4] = "06809007"                                // a national ID too short
                case 8: f[1] = "Nam nữ"                                  // unknown gender
                case 9: f[2] = "2000-01-01"                              // admitted at 10
                case 10: f[7] = "2009-05-19"                             // confirmed before admission
                case 11: f[8] = "tiến sĩ"                                // unknown theory level
                case 12: f[5] = "Đảng bộ xã Gia Hiệp"                    // a committee, not a cell
                case 13: f[6] = "19.05.2010"                             // a date in no accepted form
                case 14: f[4] = "068090079999"                           // already in the database (planted below)
                case 15: f[2] = ""                                       // empty birth date
                case 16: f[1] = "=cmd|' /C calc'!A0"                     // a spreadsheet formula
                case 17: f[0] = "Nguy\u{00D4}n V\u{00A8}n Th\u{00B8}i"   // TCVN3 read as Latin-1
                case 19: f[8] = "12"                                     // a number where a level goes
                default: break
                }
            }
            let line = f.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
            var bytes = Array(line.utf8)
            if bad, i == 18 {
                // A name still in TCVN3: bytes that are not UTF-8.
                bytes = Array("Lª V¨n".utf8.prefix(0)) + [0x4C, 0xAA, 0x20, 0x56, 0xA8, 0x6E] + Array(line.utf8.drop(while: { $0 != UInt8(ascii: ",") }))
            }
            out.append(bytes)
        }
        return out
    }

    static func write(_ rows: [[UInt8]], to path: String, bom: Bool = false) throws {
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(contentsOf: Array((header + "\r\n").utf8))
        for r in rows { data.append(contentsOf: r + Array("\r\n".utf8)) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func twentyBadRowsAreRefusedWholeThenTheCorrectedFileImports() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        let count = "select count(*) from members; select count(*) from audit"
        // Row 15's national ID is already on the roll.
        _ = try Coso.run(["--db", db, "-c", #"admit "Trần Văn Có" born: @1980-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2005-01-01 national_id: "068090079999" introducers_on_file: true"#])
        let before = try Coso.shell("sqlite3", [db, count]).stdout
        try Self.write(Self.rows(bad: true), to: dir + "/bad.csv", bom: true)
        let r = try Coso.run(["import", "members", dir + "/bad.csv", "--db", db])
        #expect(r.status == 65)
        let reports = r.stderr.split(separator: "\n").filter { $0.contains("lỗi[") }
        #expect(reports.count == 20, "\(r.stderr)")
        // Each report names its line (the header is line 1) and the column.
        for (i, line) in reports.enumerated() {
            #expect(["E04", "E05", "E11"].contains { line.hasPrefix(dir + "/bad.csv:\(i + 2): lỗi[\($0)") }, "\(line)")
            #expect(line.contains("(cột "), "\(line)")
        }
        #expect(reports[2].contains("Chi bộ thôn Không Có"))           // an organisation's name may be shown
        #expect(!r.stderr.contains("068090070000") && !r.stderr.contains("Robert"))  // personal data is not
        #expect(r.stderr.contains("TCVN3"))
        #expect(r.stderr.contains("20 lỗi trong 20 dòng đã đọc: không ghi dòng nào."))
        #expect(try Coso.shell("sqlite3", [db, count]).stdout == before)

        // The corrected file: a dry run writes nothing, the real run everything, with the history.
        try Self.write(Self.rows(bad: false), to: dir + "/good.csv")
        let dry = try Coso.run(["import", "members", dir + "/good.csv", "--db", db, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try Coso.shell("sqlite3", [db, count]).stdout == before)
        let ok = try Coso.run(["import", "members", dir + "/good.csv", "--db", db, "--user", "ban-to-chuc"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "Đã nhập 20 dòng vào members.\n")
        #expect(!ok.stderr.contains("\r["))  // no progress bar when standard error is not a terminal
        let imported = try Coso.run(["--db", db, "--format", "csv", "-c",
                                     #"members | where name =~ "le van nhap" | summarize n: count(), s: count_distinct(status), c: count_distinct(org)"#])
        #expect(imported.stdout == "n,s,c\r\n20,1,1\r\n")
        #expect(try Coso.shell("sqlite3", [db, "select user, source from audit order by id desc limit 1"]).stdout
                == "ban-to-chuc|import:\(dir)/good.csv\n")
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from member_events e join members m on m.id = e.member_id where m.name like 'Lê Văn Nhập%'"]).stdout
                == "40\n")  // admitted and confirmed, for each
        // The import's audit entry names the rows it added, one id range per table.
        let changes = try Coso.shell("sqlite3", [db, """
            select entity, json_extract(after, '$.count'), json_extract(after, '$.last_id') - json_extract(after, '$.first_id') + 1
            from audit_changes where audit_id = (select max(id) from audit) order by entity
            """]).stdout
        #expect(changes == "member_events|40|40\nmembers|20|20\n")
    }

    /// Rows wait in memory before SQLite sees them: ids a file gives are still checked against
    /// each other and against the rows already stored.
    @Test func idsGivenByTheFileNeverCollide() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        let next = Int(try Coso.shell("sqlite3", [db, "select max(id) + 1 from members"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines))!
        func row(_ id: Int, _ i: Int) -> String {
            "\(id),Lê Văn Mã,Nam,12/03/1985,Kinh,06809008000\(i),\(Self.cell),2010-05-19,2011-05-19,sơ cấp"
        }
        let text = "id," + Self.header + "\r\n" + [row(next, 1), row(next, 2), row(1, 3), row(next + 5, 4)]
            .joined(separator: "\r\n") + "\r\n"
        try text.write(toFile: dir + "/ids.csv", atomically: true, encoding: .utf8)
        let count = "select count(*) from members"
        let before = try Coso.shell("sqlite3", [db, count]).stdout
        let r = try Coso.run(["import", "members", dir + "/ids.csv", "--db", db])
        #expect(r.status == 65)
        let reports = r.stderr.split(separator: "\n").filter { $0.contains("lỗi[") }
        #expect(reports.count == 2, "\(r.stderr)")
        #expect(reports.first?.hasPrefix(dir + "/ids.csv:3: lỗi[E0424]") == true, "\(r.stderr)")  // line 2's id again
        #expect(reports.last?.hasPrefix(dir + "/ids.csv:4: lỗi[E0424]") == true, "\(r.stderr)")   // already stored
        #expect(try Coso.shell("sqlite3", [db, count]).stdout == before)
        // Without the repeats the file imports under its own ids.
        try ("id," + Self.header + "\r\n" + row(next + 7, 1) + "\r\n").write(toFile: dir + "/ids.csv", atomically: true, encoding: .utf8)
        #expect(try Coso.run(["import", "members", dir + "/ids.csv", "--db", db]).status == 0)
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from members where id = \(next + 7)"]).stdout == "1\n")
    }

    /// On a terminal the bar fills as the file is read, then says that the rows are being written
    /// (for a large file the indexes and the commit take a while after the last row), and is erased.
    @Test func onATerminalTheBarSaysWhenTheRowsAreBeingWritten() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        try Self.write(Self.rows(bad: false), to: dir + "/good.csv")
        let log = dir + "/terminal.log"
        let t = try TmuxSession(arguments: ["import", "members", dir + "/good.csv", "--db", db], log: log)
        defer { t.kill() }
        #expect(t.waitFor("Đã nhập 20 dòng vào members.", timeout: 20))
        let shown = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(shown.contains("] 100% đang ghi vào cơ sở dữ liệu…"), "\(shown)")
        #expect(shown.contains("\r\u{1B}[K"))  // erased before the last line
    }

    /// Duplicates within a file are found by value, digits included: "0012" and "12" differ.
    @Test func duplicatesWithinTheFileAreExactValues() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        func file(_ numbers: [String]) -> String {
            "file_no," + Self.header + "\r\n" + numbers.enumerated().map { i, n in
                "\(n),Lê Văn Số,Nam,12/03/1985,Kinh,06809009000\(i),\(Self.cell),2010-05-19,2011-05-19,sơ cấp"
            }.joined(separator: "\r\n") + "\r\n"
        }
        try file(["12", "12"]).write(toFile: dir + "/same.csv", atomically: true, encoding: .utf8)
        let same = try Coso.run(["import", "members", dir + "/same.csv", "--db", db])
        #expect(same.status == 65)
        #expect(same.stderr.contains("same.csv:3: lỗi[E0414] (cột file_no)"), "\(same.stderr)")
        try file(["0012", "12", "A12", "012"]).write(toFile: dir + "/different.csv", atomically: true, encoding: .utf8)
        let different = try Coso.run(["import", "members", dir + "/different.csv", "--db", db])
        #expect(different.status == 0, "\(different.stderr)")
        #expect(try Coso.shell("sqlite3", [db, "select group_concat(file_no, ' ') from (select file_no from members where name = 'Lê Văn Số' order by id)"]).stdout
                == "0012 12 A12 012\n")
    }

    @Test func namesInDecomposedFormComeOutComposed() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        let nfd = "Nguyễn Thị Ánh Nhập".decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array("Nguyễn Thị Ánh Nhập".utf8))
        let row = Array("\(nfd),Nữ,1990-01-01,Kinh,,\(Self.cell),2015-01-01,2016-01-01,".utf8)
        try Self.write([row], to: dir + "/nfd.csv")
        let r = try Coso.run(["import", "members", dir + "/nfd.csv", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let stored = try Coso.shell("sqlite3", [db, "select hex(name) from members where name_folded = 'nguyen thi anh nhap'"]).stdout
        let composed = "Nguyễn Thị Ánh Nhập".utf8.map { String(format: "%02X", $0) }.joined()
        #expect(stored == composed + "\n")
    }

    @Test func anExportImportsBackUnchanged() throws {
        let source = try Coso.scratchDirectory() + "/source.db"
        let target = try Coso.scratchDirectory() + "/target.db"
        let dir = (source as NSString).deletingLastPathComponent
        // Two cells of the same name in different communes: the export writes "name #id" for them.
        let setup = """
            org add "Đảng bộ xã A" kind: commune_committee founded: @1980-01-01
            org add "Đảng bộ xã B" kind: commune_committee founded: @1980-01-01
            org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ xã A"
            org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ xã B"
            admit "Hoàng Thị Lan" born: @1980-01-01 gender: female org: 3 on: @2000-01-01 national_id: "068180000001" ethnicity: kinh introducers_on_file: true
            admit "K'Brỏh" born: @1982-01-01 gender: male org: 4 on: @2001-01-01 national_id: "068082000002" ethnicity: co_ho introducers_on_file: true
            confirm 1 on: @2001-01-02
            """
        #expect(try Coso.run(["init", source]).status == 0)
        let made = try Coso.run(["--db", source], stdin: setup)
        #expect(made.status == 0, "\(made.stderr)")
        for entity in ["orgs", "members"] {
            let saved = try Coso.run(["--db", source, "-c", "\(entity) | sort id | save \"\(dir)/\(entity).csv\""])
            #expect(saved.status == 0, "\(saved.stderr)")
            let imported = try Coso.run(["import", entity, "\(dir)/\(entity).csv", "--db", target, "--create"])
            #expect(imported.status == 0, "\(imported.stderr)")
            let again = try Coso.run(["--db", target, "-c", "\(entity) | sort id | save \"\(dir)/\(entity)-again.csv\""])
            #expect(again.status == 0)
            let a = try String(contentsOfFile: "\(dir)/\(entity).csv", encoding: .utf8)
            let b = try String(contentsOfFile: "\(dir)/\(entity)-again.csv", encoding: .utf8)
            #expect(a == b)
            #expect(a.contains("Chi bộ thôn 1 #") == (entity == "members"))
        }
        #expect(try Coso.shell("sqlite3", [target, "select national_id from members order by id"]).stdout == "068180000001\n068082000002\n")
        // Into empty tables the import drops their secondary indexes and builds them again at the
        // end; a refused file leaves them as they were too.
        let indexes = "select name, sql from sqlite_master where type = 'index' order by name"
        let built = try Coso.shell("sqlite3", [source, indexes]).stdout
        #expect(built.contains("members_name_folded"))
        #expect(try Coso.shell("sqlite3", [target, indexes]).stdout == built)
        let fresh = try Coso.scratchDirectory() + "/fresh.db"
        // Without --create, a mistyped register is not made.
        let typo = try Coso.run(["import", "orgs", "\(dir)/orgs.csv", "--db", fresh])
        #expect(typo.status == 66 && !FileManager.default.fileExists(atPath: fresh))
        #expect(try Coso.run(["import", "orgs", "\(dir)/orgs.csv", "--db", fresh, "--create"]).status == 0)
        var members = try String(contentsOfFile: "\(dir)/members.csv", encoding: .utf8)
        members = members.replacingOccurrences(of: "068082000002", with: "068180000001")  // a duplicate national ID
        try members.write(toFile: "\(dir)/duplicate.csv", atomically: true, encoding: .utf8)
        #expect(try Coso.run(["import", "members", "\(dir)/duplicate.csv", "--db", fresh]).status == 65)
        #expect(try Coso.shell("sqlite3", [fresh, "select count(*) from members"]).stdout == "0\n")
        #expect(try Coso.shell("sqlite3", [fresh, indexes]).stdout == built)
    }

    /// A file with more rows than the register holds goes in without the secondary indexes once
    /// its first 2,000 rows are read; they are built again at the end, and a file refused after
    /// that point leaves them as they were.
    @Test func aLargeFileIntoARegisterThatHoldsRowsKeepsItsIndexes() throws {
        let dir = try Coso.scratchDirectory()
        let setup = """
            org add "Đảng bộ xã A" kind: commune_committee founded: @1980-01-01
            org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ xã A"
            admit "Hoàng Thị Lan" born: @1980-01-01 gender: female org: 2 on: @2000-01-01 national_id: "068180000001" introducers_on_file: true
            admit "Vũ Văn Hải" born: @1981-01-01 gender: male org: 2 on: @2001-01-01 national_id: "068081000002" introducers_on_file: true
            """
        let indexes = "select name, sql from sqlite_master where type = 'index' order by name"
        func register(_ name: String) throws -> (path: String, indexes: String) {
            let db = dir + "/\(name).db"
            #expect(try Coso.run(["init", db]).status == 0)
            let made = try Coso.run(["--db", db], stdin: setup)
            #expect(made.status == 0, "\(made.stderr)")
            return (db, try Coso.shell("sqlite3", [db, indexes]).stdout)
        }
        func file(_ name: String, duplicateAt: Int? = nil) throws -> String {
            // After the first 2,000 rows, 3,000 more to come against 2,002 held: members goes on without its indexes.
            let rows = (0..<5_000).map { i in
                let nid = i == duplicateAt ? "068180000001" : "0680900" + String(format: "%05d", i)
                return Array("Lê Văn Nhiều,Nam,12/03/1985,Kinh,\(nid),Chi bộ thôn 1,2010-05-19,2011-05-19,sơ cấp".utf8)
            }
            let path = dir + "/\(name).csv"
            try Self.write(rows, to: path)
            return path
        }
        let good = try register("good")
        #expect(good.indexes.contains("members_name_folded") && good.indexes.contains("member_events_member"))
        let ok = try Coso.run(["import", "members", try file("large"), "--db", good.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try Coso.shell("sqlite3", [good.path, "select count(*) from members; select count(*) from member_events"]).stdout == "5002\n10002\n")
        #expect(try Coso.shell("sqlite3", [good.path, indexes]).stdout == good.indexes)
        #expect(try Coso.shell("sqlite3", [good.path, "pragma integrity_check"]).stdout == "ok\n")
        // Found through the index on the folded name, rebuilt over the old rows and the new.
        #expect(try Coso.shell("sqlite3", [good.path, """
            select count(*) from members indexed by members_name_folded where name_folded = 'hoang thi lan'
            union all select count(*) from members indexed by members_name_folded where name_folded = 'le van nhieu'
            """]).stdout == "1\n5000\n")

        let refused = try register("refused")
        let bad = try Coso.run(["import", "members", try file("duplicate", duplicateAt: 4_500), "--db", refused.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains(":4502: lỗi[E04"), "\(bad.stderr)")
        #expect(try Coso.shell("sqlite3", [refused.path, "select count(*) from members"]).stdout == "2\n")
        #expect(try Coso.shell("sqlite3", [refused.path, indexes]).stdout == refused.indexes)
    }
}

