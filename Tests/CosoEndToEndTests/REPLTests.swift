import Foundation
import Testing

/// The REPL in a real terminal (tmux), typed into as a person would: keys, Tab, Up, Ctrl-C.
@Suite(.serialized) struct REPLTests {
    /// A result taller than the terminal opens the pager (less, as no PAGER is set); q comes back
    /// to the prompt, and `.pager off` prints results straight again.
    @Test func tallResultsOpenThePagerAndQComesBack() throws {
        let t = try TmuxSession(database: Coso.sharedDemo, environment: ["PAGER": ""])
        defer { t.kill() }
        t.type("members")
        t.send("Enter")
        // less shows its prompt on the last line; coso's prompt is not on the screen meanwhile.
        #expect(t.waitFor("Họ và tên"), "\(t.screen)")
        #expect(t.lines.last.map { $0.hasPrefix(":") || $0.contains("(END)") } == true, "\(t.screen)")
        #expect(!t.screen.contains("coso>"), "\(t.screen)")
        t.send("q")
        #expect(t.waitFor("coso>"), "\(t.screen)")
        t.type("orgs | count")
        t.send("Enter")
        #expect(t.waitFor("\n359\n"), "\(t.screen)")
        t.type(".pager off")
        t.send("Enter")
        #expect(t.waitFor("tắt"), "\(t.screen)")
        t.type("orgs | take 60 | select id, name")
        t.send("Enter")
        #expect(t.waitFor("(60 dòng)"), "\(t.screen)")
        #expect(t.lines.last?.hasPrefix("coso>") == true, "\(t.screen)")
    }

    @Test func tabCompletesEntitiesAndOrganisationNames() throws {
        let t = try TmuxSession(database: Coso.sharedDemo)
        defer { t.kill() }
        t.type("quar")
        t.send("Tab")
        #expect(t.waitFor("coso> quarter_ratings"), "\(t.screen)")
        t.send("C-u")
        // Ambiguous: readline completes the common part and lists the choices.
        t.type("mem")
        t.send("Tab")
        #expect(t.waitFor("coso> member"), "\(t.screen)")
        t.send("Tab")
        #expect(t.waitFor("member_events"), "\(t.screen)")
        t.send("C-u")
        t.type(#"orgs | where name == "Chi bộ thôn Đăng"#)
        t.send("Tab")
        #expect(t.waitFor(#"coso> orgs | where name == "Chi bộ thôn Đăng Cao""#), "\(t.screen)")
        t.type(" | count")
        t.send("Enter")
        #expect(t.waitFor("\n1\n"), "\(t.screen)")
        // Tab lists the organisations that match a prefix typed without diacritics.
        t.type(#"orgs | where name == "chi bo truong thpt"#)
        t.send("Tab")
        #expect(t.waitFor("Chi bộ Trường THPT Di Linh"), "\(t.screen)")
        #expect(t.screen.contains("Chi bộ Trường THPT Phan Bội Châu"))
    }

    @Test func tabCompletesFieldsAfterADotAndEnumCases() throws {
        let t = try TmuxSession(database: Coso.sharedDemo)
        defer { t.kill() }
        t.type("members | where org.pare")
        t.send("Tab")
        #expect(t.waitFor("coso> members | where org.parent"), "\(t.screen)")
        t.send("C-u")
        t.type("orgs | where kind == vill")
        t.send("Tab")
        #expect(t.waitFor("coso> orgs | where kind == village_cell"), "\(t.screen)")
    }

    @Test func aTransactionLeftOpenIsNamedToOtherWritersAndWarnedAbout() throws {
        let db = try Coso.demoCopy()
        let t = try TmuxSession(database: db, environment: ["COSO_IDLE_WARNING": "1"])
        defer { t.kill() }
        t.type("begin")
        t.send("Enter")
        #expect(t.waitFor("coso*>"), "\(t.screen)")
        // Another writer waits its 10 seconds, then is told who holds the register: exit 75.
        let other = try Coso.run(["--db", db, "-c", #"org add "Chi bộ thôn Thử" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#])
        #expect(other.status == 75)
        #expect(other.stderr.contains("E0604") && other.stderr.contains("repl"), "\(other.stderr)")
        #expect(!other.stderr.contains("lỗi nội bộ"))
        // An import waits and is told the same (not the import's own name).
        let dir = try Coso.scratchDirectory()
        try "name,kind\nChi bộ thôn Nhập,village_cell\n".write(toFile: dir + "/o.csv", atomically: true, encoding: .utf8)
        let imported = try Coso.run(["import", "orgs", dir + "/o.csv", "--db", db])
        #expect(imported.status == 75)
        #expect(imported.stderr.contains("E0604") && imported.stderr.contains("repl"), "\(imported.stderr)")
        // Back at the REPL after more than a second idle: a warning before the next statement.
        t.type("orgs | count")
        t.send("Enter")
        #expect(t.waitFor("cảnh báo: giao dịch (begin) đã mở"), "\(t.screen)")
        t.type("rollback")
        t.send("Enter")
        #expect(t.waitFor("Đã hủy các thay đổi"), "\(t.screen)")
        #expect(try Coso.run(["--db", db, "-c", #"org add "Chi bộ thôn Thử" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#]).status == 0)
    }

    @Test func aWriteThatMatchesSeveralRowsListsThemAndAsksFirst() throws {
        let db = try Coso.demoCopy()
        let t = try TmuxSession(database: db)
        defer { t.kill() }
        let subjects = #"members | where org.parent.name == "Đảng bộ xã Gia Hiệp" and status == probationary and admitted <= @2025-10-01"#
        let before = try Coso.run(["--db", db, "-c", subjects + " | count"]).stdout
        #expect(before == "2\n")
        t.type(subjects + " | confirm on: @2026-11-30")
        t.send("Enter")
        #expect(t.waitFor("Ghi? (c/K)"), "\(t.screen)")
        #expect(t.screen.contains("Câu lệnh này ghi vào 2 dòng:"))
        // Enter alone is no.
        t.send("Enter")
        #expect(t.waitFor("Không ghi gì."), "\(t.screen)")
        #expect(try Coso.run(["--db", db, "-c", subjects + " | count"]).stdout == "2\n")
        t.send("Up")
        t.send("Enter")
        #expect(t.waitFor("Ghi? (c/K)"), "\(t.screen)")
        t.type("c")
        t.send("Enter")
        #expect(t.waitFor("Đã công nhận chính thức 2 đảng viên."), "\(t.screen)")
        #expect(try Coso.run(["--db", db, "-c", subjects + " | count"]).stdout == "0\n")
    }

    @Test func ctrlCClearsTheLineAndNeverLeaves() throws {
        let t = try TmuxSession(database: Coso.sharedDemo)
        defer { t.kill() }
        t.type(#"orgs | where name == "Chi b"#)
        t.send("C-c")
        usleep(300_000)
        #expect(t.isRunning)
        t.type("orgs | where kind == village_cell | count")
        t.send("Enter")
        #expect(t.waitFor("183"), "\(t.screen)")
        // A continuation line is dropped as a whole.
        t.type("members |")
        t.send("Enter")
        #expect(t.waitFor("...>"), "\(t.screen)")
        t.send("C-c")
        t.type("orgs | where kind == district_committee | count")
        t.send("Enter")
        #expect(t.waitFor("\n1\n"), "\(t.screen)")
        #expect(t.isRunning)
        t.send("C-d")
        usleep(500_000)
        #expect(!t.isRunning)
    }

    @Test func historySurvivesARestartAndSkipsSpaceLines() throws {
        let db = Coso.sharedDemo
        let t = try TmuxSession(database: db)
        t.type("orgs | where kind == commune_committee |")
        t.send("Enter")
        t.type("count")
        t.send("Enter")
        #expect(t.waitFor("19"), "\(t.screen)")
        t.type(" members | count")
        t.send("Enter")
        t.send("C-d")
        usleep(500_000)
        t.kill()
        let history = try String(contentsOfFile: t.stateHome + "/coso/history", encoding: .utf8)
        #expect(history == "orgs | where kind == commune_committee | count\n")
        let again = try TmuxSession(database: db, stateHome: t.stateHome)
        defer { again.kill() }
        again.send("Up")
        #expect(again.waitFor("coso> orgs | where kind == commune_committee | count"), "\(again.screen)")
        again.send("Enter")
        #expect(again.waitFor("\n19\n"), "\(again.screen)")
    }

    @Test func outputModesAndDotCommands() throws {
        let t = try TmuxSession(database: Coso.sharedDemo)
        defer { t.kill() }
        t.type("orgs | where kind == district_committee | select name, kind")
        t.send("Enter")
        #expect(t.waitFor("Đảng bộ huyện Di Linh │ Đảng bộ huyện"), "\(t.screen)")
        t.type(".mode csv")
        t.send("Enter")
        t.type("orgs | where kind == district_committee | select name, kind")
        t.send("Enter")
        #expect(t.waitFor("Đảng bộ huyện Di Linh,district_committee"), "\(t.screen)")
        t.type(".schema orgs")
        t.send("Enter")
        #expect(t.waitFor("has_committee"), "\(t.screen)")
        t.type(".sql orgs | where kind == village_cell | count")
        t.send("Enter")
        // (Counted from the organisations' rollup: RollupTests.)
        #expect(t.waitFor("FROM rollup_orgs_live AS t0 WHERE t0.kind = ?"), "\(t.screen)")
        t.type(".quit")
        t.send("Enter")
        usleep(500_000)
        #expect(!t.isRunning)
    }
}
