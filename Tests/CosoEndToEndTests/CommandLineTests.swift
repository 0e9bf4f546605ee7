import Foundation
import Testing

/// `coso` run as users run it: flags, -c, stdin, scripts, exit codes, and the stock sqlite3 shell.
@Suite(.serialized) struct CommandLineTests {
    @Test func theDemoHasThePlansVillageCells() throws {
        let db = Coso.sharedDemo
        let all = try Coso.run(["--db", db, "-c", "orgs | where kind == village_cell | count"])
        #expect(all.status == 0)
        #expect(all.stdout == "183\n")
        let withCommittee = try Coso.run(["--db", db, "-c", "orgs | where kind == village_cell and has_committee | count"])
        #expect(withCommittee.stdout == "97\n")
    }

    @Test func theStockShellAgreesAndReadsEveryTable() throws {
        let db = Coso.sharedDemo
        let coso = try Coso.run(["--db", db, "-c", "members | count"])
        let shell = try Coso.shell("sqlite3", [db, "select count(*) from members"])
        #expect(shell.status == 0)
        #expect(coso.stdout == shell.stdout)
        let tables = try Coso.shell("sqlite3", [db, "select name from sqlite_master where type = 'table' order by name"])
        let names = tables.stdout.split(separator: "\n").map(String.init)
        #expect(names.contains("orgs") && names.contains("members") && names.contains("audit") && names.contains("audit_changes"))
        for name in names {
            let r = try Coso.shell("sqlite3", [db, "select * from \(name) limit 3; select count(*) from \(name)"])
            #expect(r.status == 0, "sqlite3 cannot read \(name): \(r.stderr)")
        }
        // The schema needs nothing the stock shell lacks.
        let check = try Coso.shell("sqlite3", [db, "PRAGMA integrity_check; PRAGMA foreign_key_check"])
        #expect(check.stdout == "ok\n")
    }

    @Test(arguments: [
        (#"members | where nme == "x""#, "E0202", "1:17"),
        (#"admti "X""#, "E0201", "1:1"),
        ("orgs | where kind == vilage_cell | count", "E0205", "1:22"),
        (#"admit "Nguyễn Văn Bé" born: @2023-02-30 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-05-19 introducers_on_file: true"#, "E0103", "1:29"),
        (#"admit "Nguyễn Văn Bé" born: @2007-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-05-19 introducers_on_file: true"#, "E1102", "1:29"),
        (#"admit "Nguyễn Văn Bé" born: @1990-01-01 gender: male org: "Chi bộ thôn 99" on: @2024-05-19 introducers_on_file: true"#, "E0301", "1:59"),
        // What the fields declare, refused through commands (every such bound: WriteRefusalTests).
        (#"admit "=HYPERLINK(1)" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-05-19 introducers_on_file: true"#, "E0508", "1:7"),
        (#"admit "Nguyễn Văn Bé" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-05-19 national_id: "123" introducers_on_file: true"#, "E0507", "1:111"),
        (#"fee 1 month: @2025-11-01 amount: -5000"#, "E0504", "1:34"),
        (#"fee 1 month: @2025-11-01 amount: 5000 reduction: 40"#, "E0505", "1:50"),
        (#"recognise 1 year: 1929 kind: four_good"#, "E0504", "1:19"),
        (#"bulletin 1 issued: @2024-03-15 title: "Bản tin" copies: -5"#, "E0504", "1:57"),
        (#"org add "Chi bộ mới" kind: village_cell founded: @2999-01-01"#, "E0305", "1:50"),
    ])
    func eachMistakeGivesOneClearMessageAndChangesNothing(_ c: (String, String, String)) throws {
        let db = try Coso.demoCopy()
        let before = try Coso.shell("sqlite3", [db, "select count(*) from audit; select count(*) from members"]).stdout
        let r = try Coso.run(["--db", db, "-c", c.0])
        #expect(r.status == 65)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("lỗi[\(c.1)]"))
        #expect(r.stderr.contains("--> <-c>:\(c.2)\n"))
        #expect(r.stderr.contains("^"))
        #expect(r.stderr.components(separatedBy: "lỗi[").count == 2, "one message only")
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from audit; select count(*) from members"]).stdout == before)
    }

    @Test func aValidAdmissionIsRecordedWithItsAuditEntry() throws {
        let db = try Coso.demoCopy()
        let r = try Coso.run(["--db", db, "--user", "ban-to-chuc", "-c",
                              #"admit "Nguyễn Văn Bé" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-05-19 introducers_on_file: true"#])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Đã kết nạp Nguyễn Văn Bé (mã "))
        let audit = try Coso.shell("sqlite3", [db, "select user, source from audit order by id desc limit 1"])
        #expect(audit.stdout == "ban-to-chuc|-c\n")
        // The new row and its history event, both under that one audit entry.
        let change = try Coso.shell("sqlite3", [db, "select entity, op from audit_changes where audit_id = (select max(id) from audit) order by id"])
        #expect(change.stdout == "members|insert\nmember_events|insert\n")
    }

    @Test func theDataCheckIsAWorklistThatSavesAsCSV() throws {
        let db = try Coso.demoCopy()
        let dir = (db as NSString).deletingLastPathComponent
        let r = try Coso.run(["--db", db, "-c", #"check asof @2022-12-22 | where code == "D101" | select code, subject, org.name | save "\#(dir)/todo.csv""#])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: dir + "/todo.csv", encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "code,subject,org.name")
        #expect(lines.count == 4 && lines.dropFirst().allSatisfy { $0.hasPrefix("D101,") }, "\(csv)")
        // The same rows the hand-written SQL finds through the stock shell.
        let shell = try Coso.shell("sqlite3", [db, "select count(*) from members where status in ('probationary','official','exempted','suspended') and (national_id is null or national_id = '')"])
        #expect(shell.stdout == "3\n")
    }

    @Test func theDataCheckSpeaksTheSessionsLanguage() throws {
        let db = Coso.sharedDemo
        let q = #"check asof @2022-12-22 | where code == "D101" | first | select code, problem"#
        let en = try Coso.run(["--db", db, "--lang", "en", "--format", "csv", "-c", q])
        #expect(en.stdout == "code,problem\r\nD101,a member without a national ID\r\n", "\(en.stderr)")
        let vi = try Coso.run(["--db", db, "--format", "csv", "-c", q])
        #expect(vi.stdout == "code,problem\r\nD101,đảng viên chưa có số CCCD\r\n")
    }

    @Test func aReferenceBrokenOutsideCosoIsReported() throws {
        let db = try Coso.demoCopy()
        _ = try Coso.shell("sqlite3", [db, "PRAGMA foreign_keys = OFF; UPDATE members SET org_id = 99999 WHERE id = 5;"])
        let r = try Coso.run(["--db", db, "--format", "csv", "-c", #"check | where code == "D001" | select entity, subject"#])
        #expect(r.stdout == "entity,subject\r\nreferences,members 5\r\n", "\(r.stderr)")
    }

    @Test func statementsFromStandardInputAndScripts() throws {
        let db = Coso.sharedDemo
        let piped = try Coso.run(["--db", db, "--format", "csv"], stdin: "orgs | where kind == district_committee | select name, unit_code\n")
        #expect(piped.status == 0)
        #expect(piped.stdout == "name,unit_code\r\nĐảng bộ huyện Di Linh,679\r\n")
        let dir = try Coso.scratchDirectory()
        let script = dir + "/report.coso"
        try """
            # Village cells without a committee
            orgs | where kind == village_cell and not has_committee
                 | count
            members | where theory >= intermediate and nme == 1
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let r = try Coso.run(["run", script, "--db", db])
        #expect(r.status == 65)
        #expect(r.stdout == "86\n")
        #expect(r.stderr.contains("--> \(script):4:44\n"))
    }

    @Test func jsonAndEnglish() throws {
        let db = Coso.sharedDemo
        let r = try Coso.run(["--db", db, "--format", "json", "-c", "orgs | where kind == district_committee | select name, has_committee"])
        #expect(r.stdout == "[\n {\"name\":\"Đảng bộ huyện Di Linh\",\"has_committee\":true}\n]\n")
        let en = try Coso.run(["--db", db, "--lang", "en", "-c", "members | where nme == 1"])
        #expect(en.stderr.hasPrefix("error[E0202]: members has no field 'nme'"))
    }

    @Test func usageErrorsExit64AndHelpWorksEverywhere() throws {
        #expect(try Coso.run(["--no-such-flag"]).status == 64)
        #expect(try Coso.run(["--format", "yaml", "-c", "orgs | count"]).status == 64)
        for args in [["--help"], ["run", "--help"], ["demo", "district", "--help"], ["modules", "--help"]] {
            let r = try Coso.run(args)
            #expect(r.status == 0)
            #expect(r.stdout.contains("CÁCH DÙNG"))
        }
    }

    @Test func modulesListsTheFiveModules() throws {
        let r = try Coso.run(["modules"])
        #expect(r.status == 0)
        let ids = r.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ")[0] }
        #expect(ids == ["organisations", "members", "inspection", "propaganda", "targets"])
        #expect(r.stdout.contains("lệnh: admit, confirm, transfer, exempt, remove"))
    }

    @Test func theDatabasePathComesFromTheEnvironmentThenXDG() throws {
        let dir = try Coso.scratchDirectory()
        // Only `coso init` (or a demo, or an import with --create) makes a register where there is none.
        let missing = try Coso.run(["-c", "orgs | count"], environment: ["COSO_DB": dir + "/env.db"])
        #expect(missing.status == 66 && missing.stderr.contains("không có tệp \(dir)/env.db") && missing.stderr.contains("coso init"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/env.db"))
        #expect(try Coso.run(["init"], environment: ["COSO_DB": dir + "/env.db"]).status == 0)
        let viaEnv = try Coso.run(["-c", "orgs | count"], environment: ["COSO_DB": dir + "/env.db"])
        #expect(viaEnv.stdout == "0\n")
        #expect(try Coso.run(["init"], environment: ["XDG_DATA_HOME": dir + "/data"]).status == 0)
        let viaXDG = try Coso.run(["-c", "orgs | count"], environment: ["XDG_DATA_HOME": dir + "/data"])
        #expect(viaXDG.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/data/coso/coso.db"))
    }

    @Test func theCountryDemoIsBuiltIntoANewFileOnly() throws {
        let dir = NSTemporaryDirectory() + "coso-country-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/country.db"
        let r = try Coso.run(["demo", "country", "--provinces", "1", "--districts", "1", "--db", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("đảng viên"))
        // Off a terminal: no progress bar.
        #expect(r.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(try Coso.shell("sqlite3", [path, "PRAGMA journal_mode; PRAGMA quick_check"]).stdout == "wal\nok\n")
        #expect(try Coso.run(["--db", path, "-c", "check asof @2022-12-22 | count"]).stdout == "0\n")
        // A second build would overwrite data: refused, the file untouched.
        let before = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        let again = try Coso.run(["demo", "country", "--provinces", "1", "--districts", "1", "--db", path])
        #expect(again.status == 65)
        #expect(again.stderr.contains("đã có"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == before)
    }

    @Test func theDemoRefusesADatabaseThatHoldsData() throws {
        let r = try Coso.run(["demo", "district", "--db", Coso.sharedDemo])
        #expect(r.status == 65)
        #expect(r.stderr.contains("already holds data"))
    }
}

@Suite struct SaveAndParameterTests {
    @Test func saveWritesTheFormatItsExtensionNamesAndParametersBind() throws {
        let dir = try Coso.scratchDirectory()
        let r = try Coso.run(["--db", Coso.sharedDemo, "--set", "commune=Đảng bộ xã Sơn Điền", "--set", "born=@1960-01-01", "-c", """
            members | where org.parent.name == $commune and born < $born | sort name | select name, org.name | save "\(dir)/old.csv"
            orgs | where kind == district_committee | select name, kind, has_committee | save "\(dir)/d.json"
            orgs | where kind == district_committee | select name | save "\(dir)/d.md"
            """])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Đã lưu "))
        let csv = try String(contentsOfFile: dir + "/old.csv", encoding: .utf8)
        #expect(csv.hasPrefix("name,org.name\r\n"))
        let count = try Coso.run(["--db", Coso.sharedDemo, "-c",
                                  #"members | where org.parent.name == "Đảng bộ xã Sơn Điền" and born < @1960-01-01 | count"#])
        #expect(csv.split(separator: "\r\n").count == Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)
        #expect(try String(contentsOfFile: dir + "/d.json", encoding: .utf8)
                == "[\n {\"name\":\"Đảng bộ huyện Di Linh\",\"kind\":\"district_committee\",\"has_committee\":true}\n]\n")
        #expect(try String(contentsOfFile: dir + "/d.md", encoding: .utf8) == "| Tên |\n| --- |\n| Đảng bộ huyện Di Linh |\n\n")
    }

    @Test func anUnknownFormatWritesNothing() throws {
        let dir = try Coso.scratchDirectory()
        let r = try Coso.run(["--db", Coso.sharedDemo, "-c", #"orgs | save "\#(dir)/x.ods""#])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("lỗi[E0228]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test func excelGetsABOM() throws {
        let dir = try Coso.scratchDirectory()
        _ = try Coso.run(["--db", Coso.sharedDemo, "--bom", "-c", #"orgs | take 1 | select name | save "\#(dir)/x.csv""#])
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/x.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}

@Suite struct AtomicScriptTests {
    @Test func atomicScriptsLandWholeOrNotAtAll() throws {
        let db = try Coso.demoCopy()
        let dir = try Coso.scratchDirectory()
        let bad = dir + "/bad.coso", good = dir + "/good.coso"
        try """
            admit "Một Hai" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-01-01 introducers_on_file: true
            admit "Ba Bốn" born: @2010-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-01-01 introducers_on_file: true
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let before = try Coso.shell("sqlite3", [db, "select count(*) from members; select count(*) from audit"]).stdout
        let r = try Coso.run(["run", bad, "--atomic", "--db", db])
        #expect(r.status == 65)
        #expect(r.stderr.contains("--> \(bad):2:22"))
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from members; select count(*) from audit"]).stdout == before)
        try """
            admit "Một Hai" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-01-01 introducers_on_file: true
            admit "Ba Bốn" born: @1991-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-01-01 introducers_on_file: true
            """.write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try Coso.run(["run", good, "--atomic", "--db", db]).status == 0)
        #expect(try Coso.run(["--db", db, "-c", #"members | where name =~ "mot hai" or name =~ "ba bon" | count"#]).stdout == "2\n")
    }

    @Test func anErrorInAFileReadByTheScriptStopsTheAtomicRunAndWritesNothing() throws {
        let db = try Coso.demoCopy()
        let dir = try Coso.scratchDirectory()
        try """
            org add "Chi bộ thôn Thử 1" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
            org add "Chi bộ thôn Thử 2" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
            org add "Chi bộ thôn Thử 3" kind: no_such_kind
            org add "Chi bộ thôn Thử 4" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
            """.write(toFile: dir + "/inner.coso", atomically: true, encoding: .utf8)
        try """
            org add "Chi bộ thôn Thử 0" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
            .read inner.coso
            org add "Chi bộ thôn Thử 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
            """.write(toFile: dir + "/outer.coso", atomically: true, encoding: .utf8)
        let before = try Coso.shell("sqlite3", [db, "select count(*) from orgs; select count(*) from audit"]).stdout
        let r = try Coso.run(["run", dir + "/outer.coso", "--atomic", "--db", db])
        #expect(r.status == 65)
        #expect(r.stderr.contains("--> \(dir)/inner.coso:3:"), "\(r.stderr)")
        #expect(r.stderr.contains("không thay đổi nào được ghi"))
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from orgs; select count(*) from audit"]).stdout == before)
        // Without --atomic the error still stops the run at the inner file, exit 65.
        let plain = try Coso.run(["run", dir + "/outer.coso", "--db", db])
        #expect(plain.status == 65)
        #expect(!plain.stdout.contains("Thử 5"))
    }

    @Test func aWriteFromAPipelineNamesEveryRowItChanged() throws {
        let db = try Coso.demoCopy()
        let subjects = #"members | where org.parent.name == "Đảng bộ xã Gia Hiệp" and status == probationary and admitted <= @2025-10-01"#
        var expected: [String] = []
        let listed = try Coso.run(["--db", db, "--format", "csv", "-c", subjects + " | select id, name, org.name"]).stdout
        for line in listed.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            expected.append("  - \(cells[1]) (\(cells[2]), mã \(cells[0]))")
        }
        #expect(expected.count == 2)
        let r = try Coso.run(["--db", db, "-c", subjects + " | confirm on: @2026-11-30"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Đã công nhận chính thức 2 đảng viên.\n" + expected.sorted().joined(separator: "\n") + "\n"
                || r.stdout == "Đã công nhận chính thức 2 đảng viên.\n" + expected.joined(separator: "\n") + "\n", "\(r.stdout)")
        // Never a national ID.
        #expect(r.stdout.range(of: #"\d{12}"#, options: .regularExpression) == nil)
    }

    @Test func correctionsOnTheDemoAreAuditedAndRefusedWhereTheyMustBe() throws {
        let db = try Coso.demoCopy()
        let member = try Coso.run(["--db", db, "--format", "csv", "-c", "members | where status == official and confirmed > @2022-01-01 | sort id | first | select id"])
            .stdout.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let update = try Coso.run(["--db", db, "-c", #"members | where id == \#(member) | update national_id: "079099000001" reason: "sai số CCCD""#])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.hasPrefix("Đã sửa số CCCD của 1 đảng viên"))
        #expect(try Coso.shell("sqlite3", [db, "select reason from audit order by id desc limit 1"]).stdout == "sai số CCCD\n")
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from audit_changes where audit_id = (select max(id) from audit)"]).stdout == "1\n")
        let status = try Coso.run(["--db", db, "-c", #"members | where id == \#(member) | update status: removed reason: "x""#])
        #expect(status.status == 65 && status.stderr.contains("E0242") && status.stderr.contains("remove"))
        // The confirmation and the card that followed it, voided: probationary again.
        let void = try Coso.run(["--db", db, "-c", #"member_events | where member == \#(member) and (kind == confirmed or kind == card_issued) | void reason: "nhập nhầm""#])
        #expect(void.status == 0, "\(void.stderr)")
        #expect(try Coso.run(["--db", db, "--format", "csv", "-c", "members | where id == \(member) | select status, confirmed"]).stdout
                .hasSuffix("probationary,\r\n"))
    }

    @Test func aDryRunSaysWhatWouldChangeAndWritesNothing() throws {
        let db = try Coso.demoCopy()
        let dir = try Coso.scratchDirectory()
        try #"members | where org.parent.name == "Đảng bộ xã Gia Hiệp" and status == official | take 1 | suspend on: @2026-11-02"#
            .write(toFile: dir + "/s.coso", atomically: true, encoding: .utf8)
        let before = try Coso.shell("sqlite3", [db, "select count(*) from audit; select count(*) from members where status = 'suspended'"]).stdout
        let r = try Coso.run(["run", dir + "/s.coso", "--dry-run", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("(chạy thử, không ghi gì) Đã đình chỉ sinh hoạt 1 đảng viên.\n  - "), "\(r.stdout)")
        #expect(try Coso.shell("sqlite3", [db, "select count(*) from audit; select count(*) from members where status = 'suspended'"]).stdout == before)
    }

    @Test func commitAndRollbackAreRefusedInsideAnAtomicRun() throws {
        let db = try Coso.demoCopy()
        let dir = try Coso.scratchDirectory()
        for word in ["commit", "rollback", "begin"] {
            try """
                org add "Chi bộ thôn Thử" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
                \(word)
                org add "Chi bộ thôn Thử khác" kind: village_cell parent: "Đảng bộ xã Gia Hiệp"
                """.write(toFile: dir + "/s.coso", atomically: true, encoding: .utf8)
            let r = try Coso.run(["run", dir + "/s.coso", "--atomic", "--db", db])
            #expect(r.status == 65)
            #expect(r.stderr.contains("E0605") && r.stderr.contains("s.coso:2:1"), "\(r.stderr)")
            #expect(try Coso.run(["--db", db, "-c", #"orgs | where name =~ "chi bo thon thu" | count"#]).stdout == "0\n")
        }
    }

    @Test func aScriptThatLeavesATransactionOpenIsRolledBack() throws {
        let db = try Coso.demoCopy()
        let r = try Coso.run(["--db", db, "-c", """
            begin
            admit "Năm Sáu" born: @1990-01-01 gender: male org: "Chi bộ thôn Đăng Cao" on: @2024-01-01 introducers_on_file: true
            """])
        #expect(r.status == 65)
        #expect(r.stderr.contains("E0603"))
        #expect(try Coso.run(["--db", db, "-c", #"members | where name =~ "nam sau" | count"#]).stdout == "0\n")
    }
}

@Suite struct UseTests {
    @Test func useRunsAnotherScriptRelativeToThisOne() throws {
        let dir = try Coso.scratchDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/lib", withIntermediateDirectories: true)
        try #"def cells_of(commune) = orgs | where parent.name == $commune and kind == village_cell"#
            .write(toFile: dir + "/lib/cells.coso", atomically: true, encoding: .utf8)
        try "use \"lib/cells.coso\"\ncells_of(\"Đảng bộ xã Sơn Điền\") | count\n"
            .write(toFile: dir + "/report.coso", atomically: true, encoding: .utf8)
        let expected = try Coso.run(["--db", Coso.sharedDemo, "-c",
                                     #"orgs | where parent.name == "Đảng bộ xã Sơn Điền" and kind == village_cell | count"#]).stdout
        let r = try Coso.run(["run", dir + "/report.coso", "--db", Coso.sharedDemo])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == expected)
        try "use \"loop.coso\"\n".write(toFile: dir + "/loop.coso", atomically: true, encoding: .utf8)
        let loop = try Coso.run(["run", dir + "/loop.coso", "--db", Coso.sharedDemo])
        #expect(loop.status == 65)
        #expect(loop.stderr.contains("E0232"))
    }
}

@Suite struct DesignExampleTests {
    /// The command example of DESIGN.md's language section, on the demo.
    @Test func membersOfACellAreRatedForAYear() throws {
        let db = try Coso.demoCopy()
        // A village cell whose members can all be rated (R12: none exempt or suspended), named once.
        let cell = try Coso.shell("sqlite3", [db, """
            select o.name from orgs o where o.kind = 'village_cell' and (select count(*) from orgs x where x.name = o.name) = 1
            and not exists (select 1 from members m where m.org_id = o.id and m.status not in ('probationary', 'official'))
            order by o.id limit 1
            """]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!cell.isEmpty)
        let r = try Coso.run(["--db", db, "-c", "members | where org.name == \"\(cell)\" | rate 2024 level: good"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Đã xếp loại "))
        let n = try Coso.shell("sqlite3", [db, "select count(*) from ratings r join members m on m.id = r.member_id join orgs o on o.id = m.org_id where o.name = '\(cell)' and r.year = 2024 and r.level = 'good'"])
        #expect(r.stdout.contains(" \(n.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) đảng viên năm 2024"))
    }
}
