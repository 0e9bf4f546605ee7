import CosoCore
import CosoScript
import CosoTesting
import Testing

/// What queries return on a small database.
@Suite struct SessionTests {
    @Test func containsIgnoresCaseDiacriticsAndDWithNFDInput() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output(#"members | where name =~ "dang van duc" | select name"#) == "Đặng Văn Đức")
        #expect(try s.output("members | where name =~ \"ĐĂNG VA\u{0306}N\" | select name") == "Đặng Văn Đức")
        #expect(try s.value(#"members | where name =~ "thi" | count"#) == .int(2))
    }

    @Test func sortFollowsTheVietnameseAlphabetWithNullsLast() throws {
        let (db, s) = try village()
        defer { db.remove() }
        // A person's name sorts as class lists do: given name, then middle, then family name.
        #expect(try s.output("members | sort name | select name") == "Nguyễn Thị Ánh\nAn Văn Bình\nÂu Thị Cúc\nĐặng Văn Đức")
        // The whole name, family name first.
        #expect(try s.output("members | sort full(name) | select name") == "An Văn Bình\nÂu Thị Cúc\nĐặng Văn Đức\nNguyễn Thị Ánh")
        #expect(try s.output("members | sort -full(name) | select name") == "Nguyễn Thị Ánh\nĐặng Văn Đức\nÂu Thị Cúc\nAn Văn Bình")
        #expect(try s.output("members | sort -theory | select theory") == "advanced\nintermediate\nelementary\n")
    }

    @Test func conditionalValuesAndCounts() throws {
        let (db, s) = try village()
        defer { db.remove() }
        // A band of one's own: each member in the first band whose condition holds.
        #expect(try s.output(#"members | sort born | select name, g: if born < @1965-01-01 then "a" else if born < @1988-01-01 then "b" else "c""#)
                == "Âu Thị Cúc | a\nĐặng Văn Đức | b\nNguyễn Thị Ánh | b\nAn Văn Bình | c")
        // No else: null.
        #expect(try s.value(#"members | select g: if gender == male then "nam" | where g == null | count"#) == .int(2))
        // count(CONDITION) counts the rows where it holds, in each group.
        #expect(try s.output("members | summarize n: count(), women: count(gender == female), old: count(born < @1980-01-01) by org | sort org")
                == "Chi bộ thôn 8 | 2 | 1 | 1\nChi bộ thôn 9 | 2 | 1 | 1")
        #expect(try s.output("members | summarize s: sum(if gender == female then 1 else 0) by gender | sort gender") == "male | 0\nfemale | 2")
        // What is refused, with a located error.
        #expect(rendered(s, #"members | select x: if gender == male then 1 else "a""#).contains("E0208"))
        #expect(rendered(s, #"members | select x: if gender == male "a""#).contains("cần then"))
        #expect(rendered(s, "members | select x: if born then 1 else 2").contains("E0208"))
        #expect(rendered(s, "members | where count(gender == female) > 1").contains("E0216"))
        #expect(rendered(s, "orgs | sort full(name)").contains("full() cần tên người"))
    }

    @Test func referencesComparedWithTextUseTheName() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.value(#"members | where org == "Chi bộ thôn 9" | count"#) == .int(2))
        #expect(try s.value(#"members | where org.parent.name == "Đảng bộ xã Gia Hiệp" | count"#) == .int(4))
        #expect(try s.output(#"orgs | where name == "Chi bộ thôn 8" | select parent"#) == "Đảng bộ xã Gia Hiệp")
    }

    @Test func metamorphicIdentitiesHold() throws {
        let (db, s) = try village()
        defer { db.remove() }
        let all = try s.value("members | count").intValue!
        let p = "confirmed > @2000-01-01"
        let yes = try s.value("members | where \(p) | count").intValue!
        let no = try s.value("members | where not (\(p)) | count").intValue!
        let null = try s.value("members | where confirmed == null | count").intValue!
        #expect(yes + no + null == all)
        #expect(try s.value("members | where gender == female | where theory >= elementary | count")
                == s.value("members | where gender == female and theory >= elementary | count"))
    }

    @Test func takeSkipFirstDistinctAndBareExpressions() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("members | sort id | skip 1 | take 2 | select id") == "2\n3")
        #expect(try s.output("members | sort -id | first | select id") == "4")
        #expect(try s.output("members | select gender | distinct | sort gender") == "male\nfemale")  // declared order
        #expect(try s.output("1 + 2 * 3") == "7")
        #expect(try s.output("@2024-02-28 + 2") == "2024-03-01")
        #expect(try s.output("year(today())") == "2026")
    }

    @Test func commandsTakePipelineInput() throws {
        let (db, s) = try village()
        defer { db.remove() }
        // The message, then each member moved, by name, cell and id.
        let out = try s.output(#"members | where org.name == "Chi bộ thôn 8" | transfer to: 3 on: @2025-06-01"#).split(separator: "\n")
        #expect(out.first == "Đã chuyển 2 đảng viên sang Chi bộ thôn 9.")
        #expect(out.dropFirst().count == 2 && out.dropFirst().allSatisfy { $0.hasPrefix("  - ") && $0.hasSuffix(")") && $0.contains("Chi bộ thôn 9, mã ") })
        #expect(try s.value("members | where org == 3 | count") == .int(4))
    }

    @Test func aScriptStopsAtItsFirstError() throws {
        let (db, s) = try village()
        defer { db.remove() }
        let before = try s.value("members | count")
        #expect(throws: SourceError.self) {
            _ = try s.output("""
                admit "Một" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true
                admit "Hai" born: @2010-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true
                admit "Ba" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true
                """)
        }
        // The first statement ran in its own transaction; the third never ran.
        #expect(try s.value("members | count") == .int(before.intValue! + 1))
    }
}

@Suite struct LanguageStatementTests {
    @Test func summarizeGroupsAndSortsByItsNames() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("members | summarize n: count(), oldest: min(born) by org.name | sort -n, org.name")
                == "Chi bộ thôn 8 | 2 | 1970-03-01\nChi bộ thôn 9 | 2 | 1960-12-31")
        #expect(try s.output("members | summarize n: count_distinct(gender)") == "2")
        #expect(try s.value("members | summarize n: count() by gender | count") == .int(2))
        #expect(try s.output("members | summarize n: count() by gender | where n > 1 | select gender") == "male\nfemale"
                || s.output("members | summarize n: count() by gender | where n > 1 | select gender") == "female\nmale")
    }

    @Test func aggregatesOutsideSummarizeAreRefused() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, "members | select m: max(born)").hasPrefix("lỗi[E0216]"))
    }

    @Test func backReferenceCounts() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("orgs | where kind == village_cell | select name, n: count(members) | sort name")
                == "Chi bộ thôn 8 | 2\nChi bộ thôn 9 | 2")
        #expect(try s.output("orgs | select name, cells: count(orgs) | where cells > 0") == "Đảng bộ xã Gia Hiệp | 2")
    }

    @Test func startsWithIgnoresCaseAndDiacriticsOnNames() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.value(#"members | where starts_with(name, "dang") | count"#) == .int(1))
        #expect(try s.value(#"members | where starts_with(name, "van") | count"#) == .int(0))
    }

    @Test func letBindsValuesAndPipelines() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("""
            let cells = orgs | where kind == village_cell
            let n = cells | count
            $n * 10
            cells | where has_committee | select name
            let year = 1980
            members | where year(born) < $year | count
            """) == "20\nChi bộ thôn 8\n2")
        #expect(rendered(s, "let members = orgs | count").hasPrefix("lỗi[E0219]"))
        #expect(rendered(s, #"let x = admit "A" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true"#).hasPrefix("lỗi[E0218]"))
        #expect(rendered(s, "$nothing + 1").hasPrefix("lỗi[E0204]"))
    }

    @Test func aSyntaxErrorAnywhereStopsTheWholeScriptBeforeItRuns() throws {
        let (db, s) = try village()
        defer { db.remove() }
        let before = try s.value("members | count")
        #expect(rendered(s, "admit \"Một\" born: @1990-01-01 gender: male org: 2 on: @2024-01-01\nmembers | where name = \"x\"")
                .hasPrefix("lỗi[E0102]"))
        #expect(try s.value("members | count") == before)
    }
}

@Suite struct IndexUseTests {
    /// The plan SQLite makes for a pipeline's statement.
    func plan(_ s: Session, _ pipeline: String) throws -> String {
        let q = try CosoScriptTests.plan(pipeline)
        var details: [String] = []
        try s.store.query("EXPLAIN QUERY PLAN " + q.sql, q.binds) { row in details.append(row[3].textValue ?? "") }
        return details.joined(separator: "\n")
    }

    @Test func lookupsByFileNumberAndHistoryAtADateUseTheirIndexes() throws {
        let (db, s) = try village()
        defer { db.remove() }
        // Indexed only where there is a file number; an equality still finds it.
        #expect(try plan(s, #"members | where file_no == "LL-0001" | count"#).contains("INDEX members_file_no (file_no=?)"))
        // A member's status at a date from the history index alone.
        #expect(try plan(s, "members asof @2020-12-31 | where status == official | count")
                .contains("COVERING INDEX member_events_member (member_id=? AND happened<?)"))
    }
}

@Suite struct SessionUserTests {
    /// Counts how often the user is looked up.
    final class Lookups: @unchecked Sendable {
        var count = 0
        func next() -> String { count += 1; return "người dùng \(count)" }
    }

    @Test func theUserIsLookedUpOnlyWhenAWriteRecordsIt() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let lookups = Lookups()
        let s = Session(store: try Store(path: db.path, registry: try Registry(modules)), user: lookups.next(),
                        today: LocalDate(year: 2026, month: 1, day: 15)!, origin: "test")
        _ = try s.output("orgs | count")
        #expect(lookups.count == 0)
        _ = try s.output(#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#)
        _ = try s.output(#"org add "Chi bộ thôn 8" kind: village_cell parent: 1"#)
        #expect(lookups.count == 1)
        #expect(try s.output("audit | select user | distinct") == "người dùng 1")
        s.user = "cán bộ"
        _ = try s.output(#"org add "Chi bộ thôn 9" kind: village_cell parent: 1"#)
        #expect(try s.output("audit | sort id | select user | distinct") == "người dùng 1\ncán bộ")
    }
}

@Suite struct TransactionTests {
    @Test func rollbackDropsEverythingSinceBeginAndQueriesSeeUncommittedRows() throws {
        let (db, s) = try village()
        defer { db.remove() }
        let audits = try s.store.scalar("SELECT count(*) FROM audit")
        #expect(try s.output("""
            begin
            admit "Một" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true
            members | count
            rollback
            members | count
            """) == "Đã mở giao dịch: các thay đổi chỉ được ghi khi commit.\nĐã kết nạp Một (mã 5) vào Chi bộ thôn 8, dự bị từ 01/01/2024.\n5\nĐã hủy các thay đổi từ lúc begin.\n4")
        #expect(try s.store.scalar("SELECT count(*) FROM audit") == audits)
    }

    @Test func aRefusedCommandInsideATransactionLeavesTheRestStanding() throws {
        let (db, s) = try village()
        defer { db.remove() }
        _ = try s.output(#"begin; admit "Một" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true"#)
        #expect(throws: SourceError.self) { _ = try s.output(#"admit "Hai" born: @2010-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true"#) }
        #expect(s.store.inTransaction)
        _ = try s.output("commit")
        #expect(!s.store.inTransaction)
        #expect(try s.value("members | count") == .int(5))
    }

    @Test func transactionWordsOutOfPlaceAreRefused() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, "commit").hasPrefix("lỗi[E0602]: không có giao dịch nào đang mở"))
        _ = try s.output("begin")
        #expect(rendered(s, "begin").hasPrefix("lỗi[E0602]: đã có một giao dịch đang mở"))
        _ = try s.output("rollback")
    }
}

@Suite struct DefinitionTests {
    @Test func defDefinesAReusableQueryWithParameters() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("""
            def members_of(cell, level) = members | where org.name == $cell and theory >= $level
            members_of("Chi bộ thôn 8", "sơ cấp") | count
            members_of("Chi bộ thôn 8", intermediate) | select name
            members_of("Chi bộ thôn 9", elementary) | count
            """) == "2\nĐặng Văn Đức\n1")
    }

    @Test func defMistakesShowAtTheDefinitionAndCallsAreChecked() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, "def f(x) = orgs | where nme == $x").hasPrefix("lỗi[E0202]"))
        _ = try s.output("def g(x) = orgs | where name == $x")
        #expect(rendered(s, "g() | count").hasPrefix("lỗi[E0230]"))
        #expect(rendered(s, "def age(x) = orgs").hasPrefix("lỗi[E0219]"))
    }
}

@Suite struct ControlFlowTests {
    @Test func forRunsItsBlockForEachValue() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("""
            for g in [male, female] {
              members | where gender == $g | count
            }
            """) == "2\n2")
        #expect(try s.output("for y in [1960, 1970, 1990] { members | where year(born) >= $y | count }") == "4\n3\n1")
        #expect(rendered(s, "for y in 5 { 1 }").hasPrefix("lỗi[E0233]"))
    }

    @Test func ifChoosesABranch() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(try s.output("""
            let n = members | count
            if $n > 3 {
              "nhiều"
            } else {
              "ít"
            }
            if $n > 10 { "rất nhiều" } else if $n > 1 { "vài" }
            """) == "nhiều\nvài")
        #expect(rendered(s, #"if "x" { 1 }"#).hasPrefix("lỗi[E0234]"))
    }

    @Test func blocksArePrintedAndIncompleteUntilClosed() throws {
        #expect(try Parser.parse("for y in [1, 2] { y | count }").map(ASTPrinter.print)
                == ["(for y [1 2] (pipeline (call y) (count)))"])
        #expect(Lexer.isIncomplete("for y in [1, 2] {\n  members | count"))
        #expect(!Lexer.isIncomplete("if 1 > 0 { 1 }"))
    }
}

@Suite struct PipelineRunnerTests {
    @Test func modulesGetRowsThroughTheCoreProtocol() throws {
        let (db, s) = try village()
        defer { db.remove() }
        let runner: any PipelineRunner = s
        #expect(try runner.rows(of: "members | count") == [[.int(4)]])
        #expect(try runner.rows(of: "orgs | where kind == village_cell | sort name | select name")
                == [[.text("Chi bộ thôn 8")], [.text("Chi bộ thôn 9")]])
    }
}
