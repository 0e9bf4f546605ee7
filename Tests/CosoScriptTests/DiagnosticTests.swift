import CosoCore
import CosoScript
import CosoTesting
import Testing

/// Diagnostics are compared whole, as rendered: code, message, location, line, caret, help.
@Suite struct DiagnosticTests {
    @Test func unknownFieldPointsAtItAndSuggests() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, #"members | where nme == "x""#) == """
            lỗi[E0202]: members không có trường 'nme'
              --> <input>:1:17
              |
            1 | members | where nme == "x"
              |                 ^^^
              = gợi ý: có phải ý bạn là 'name'?

            """)
    }

    @Test func sqlHabitsGetTheCosoWayToSayIt() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, "members | where born between @1970-01-01 and @1980-01-01") == """
            lỗi[E0110]: cần hết câu lệnh hoặc |, gặp 'between'
              --> <input>:1:22
              |
            1 | members | where born between @1970-01-01 and @1980-01-01
              |                      ^^^^^^^
              = gợi ý: coso viết: x >= a and x <= b

            """)
        for (statement, hint) in [("members | group by org", "summarize n: count() by"), ("members | order by name", "sort"),
                                  ("members | limit 5", "take N"), (#"members | where name like "%an%""#, "=~"),
                                  ("members | where status in (official, probationary)", "[official, probationary]"),
                                  ("members | where confirmed is null", "== null"),
                                  ("members | select x: case when gender == male then 1 else 2 end", "if ĐIỀU_KIỆN then A")] {
            let r = rendered(s, statement)
            #expect(r.contains("= gợi ý: coso viết") && r.contains(hint), "\(statement): \(r)")
        }
    }

    @Test func englishOnRequest() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, "orgs | where kind == vilage_cell", language: .en) == """
            error[E0205]: 'vilage_cell' is not a case of Organisation kind
              --> <input>:1:22
              |
            1 | orgs | where kind == vilage_cell
              |                      ^^^^^^^^^^^
              = help: did you mean village_cell (village cell)?

            """)
    }

    @Test func impossibleDateOnTheSecondLine() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, "orgs | count\nmembers | where born < @2023-02-30") == """
            lỗi[E0103]: ngày không tồn tại: tháng 2/2023 chỉ có 28 ngày
              --> <input>:2:24
              |
            2 | members | where born < @2023-02-30
              |                        ^^^^^^^^^^^

            """)
    }

    @Test func caretsAlignUnderVietnameseText() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, #"admit "Đỗ Thị Hà" born: @2010-01-01 gender: female org: 2 on: @2024-05-19 introducers_on_file: true"#) == """
            lỗi[E1102]: người vào Đảng phải đủ 18 tuổi vào ngày kết nạp (quy định R1)
              --> <input>:1:25
              |
            1 | admit "Đỗ Thị Hà" born: @2010-01-01 gender: female org: 2 on: @2024-05-19 introducers_on_file: true
              |                         ^^^^^^^^^^^
              = gợi ý: kiểm tra lại ngày sinh hoặc ngày kết nạp

            """)
    }

    @Test(arguments: [
        ("admti \"X\"", "E0201"), ("members | wher x", "E0215"), ("members | where name = \"x\"", "E0102"),
        ("members | where name == \"x", "E0101"), ("members | where born < \"1970-01-01\"", "E0208"),
        ("members | where name =~ 5", "E0208"), ("admit \"X\" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 colour: red", "E0220"),
        ("admit \"X\" born: @1990-01-01", "E0223"), ("members | count | take 1", "E0213"), ("orgs | admit \"x\"", "E0214"),
        ("members | where theory >= intermedate | count", "E0205"), ("members | take -1", "E0210"),
    ])
    func eachMistakeHasItsCode(_ pair: (String, String)) throws {
        let (db, s) = try village()
        defer { db.remove() }
        let text = rendered(s, pair.0)
        #expect(text.hasPrefix("lỗi[\(pair.1)]"), "\(text)")
        #expect(text.contains("-->"))
    }

    @Test func errorsDoNotEchoBoundPersonalData() throws {
        let (db, s) = try village()
        defer { db.remove() }
        #expect(rendered(s, #"admit "Trần Văn Tư" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 national_id: "068090009999" introducers_on_file: true"#)
                == "(no error)")
        let text = rendered(s, #"admit "Lê Văn Năm" born: @1991-01-01 gender: male org: 2 on: @2024-01-01 national_id: "068090009999" introducers_on_file: true"#)
        // The message names the problem, not the number; only the source line (the user's own text) shows it.
        let message = text.split(separator: "\n").filter { $0.hasPrefix("lỗi") || $0.contains("gợi ý") }.joined()
        #expect(message.contains("E0512"))
        #expect(!message.contains("068090009999"))
    }
}

@Suite struct RecoveryTests {
    @Test func everySyntaxErrorOfAScriptIsReportedAndNothingRuns() throws {
        let (db, s) = try village()
        defer { db.remove() }
        let before = try s.value("members | count")
        let script = """
            admit "Một" born: @1990-01-01 gender: male org: 2 on: @2024-01-01 introducers_on_file: true
            members | where name = "x"
            members | where born < @2023-02-30 | count
            for y in [1] {
              orgs | take
            }
            members | sort
            orgs | where § == 1
            """
        do {
            _ = try s.output(script)
            Issue.record("the script ran")
        } catch let e as SourceError {
            #expect(e.all.map(\.code) == ["E0102", "E0103", "E0110", "E0110", "E0102"])
            #expect(e.all.compactMap(\.span).map { DiagnosticRenderer.locate($0.start, in: script).line } == [2, 3, 5, 7, 8])
        }
        #expect(try s.value("members | count") == before)
    }
}
