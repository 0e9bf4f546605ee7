import CosoCore
import Foundation
import Testing

/// `targets` on the demo district, whose history ends on the plan's date (22/12/2022): the plan's
/// own figures, every figure against hand-written SQL through the sqlite3 shell, the drill-down,
/// a part of the tree, earlier years, and targets staff add.
@Suite struct TargetTests {
    /// Each target's numerator and denominator, written by hand in bench/targets.sql, at a date.
    static func handWritten(_ db: String, date: String, year: Int) throws -> [[String]] {
        let r = try Coso.shell("sqlite3", ["-csv", "-cmd", ".parameter set @date \"'\(date)'\"", "-cmd", ".parameter set @year \(year)",
                                           "-cmd", ".parameter set @year_start \"'\(year)-01-01'\"", db, ".read \(Coso.root)/bench/targets.sql"])
        #expect(r.status == 0, "\(r.stderr)")
        return CSV.parse(r.stdout)
    }

    func csv(_ db: String, _ statement: String, lang: String = "vi") throws -> [[String]] {
        let r = try Coso.run(["--db", db, "--lang", lang, "--format", "csv", "-c", statement])
        #expect(r.status == 0, "\(r.stderr)")
        return CSV.parse(r.stdout)
    }

    func sqlite(_ db: String, _ sql: String) throws -> [[String]] {
        let r = try Coso.shell("sqlite3", ["-csv", db, sql])
        #expect(r.status == 0, "\(r.stderr)")
        return CSV.parse(r.stdout)
    }

    @Test func everyFigureEqualsHandWrittenSQL() throws {
        let db = Coso.sharedDemo
        // (A target without records for the year has no numerator on either side: T14 on the demo.)
        let expected = try Self.handWritten(db, date: "2022-12-31", year: 2022).filter { $0.count > 1 && !$0[1].isEmpty }
        let rows = try csv(db, "targets 2022 | where numerator != null | select code, numerator, denominator")
        #expect(rows.first == ["code", "numerator", "denominator"])
        #expect(Array(rows.dropFirst()) == expected)
        // Every target the register can measure is in the hand-written list; T1 it cannot.
        #expect(expected.count == 18)
        let t1 = try csv(db, #"targets | where code == "T1" | select figure, status"#)
        #expect(t1.last == ["", "no_data"])
    }

    /// `target` spares last year's figures when what follows does not read them, as `targets` does.
    @Test func oneTargetComputesLastYearOnlyWhenAsked() throws {
        let db = Coso.sharedDemo
        let all = try csv(db, #"targets 2022 | where code == "T6" | select code, numerator, denominator, previous"#)
        #expect(all.count == 2 && all[1][3] != "")
        #expect(try csv(db, "target T6 2022 | select code, numerator, denominator, previous") == all)
        #expect(try csv(db, "target T6 2022 | select code, numerator, denominator") == all.map { Array($0.prefix(3)) })
        func plan(_ statement: String) throws -> String { try Coso.run(["--db", db, "-c", ".sql " + statement]).stdout }
        #expect(try plan("target T6 2022").contains("\"2021-12-31\""))
        #expect(try !plan("target T6 2022 | select code, numerator, denominator").contains("\"2021-12-31\""))
    }

    @Test func thePlansOwnFiguresOnTheDemo() throws {
        let db = Coso.sharedDemo
        let rows = try csv(db, "targets | select code, year, figure, target, status")
        func row(_ code: String) -> [String]? { rows.first { $0.first == code } }
        // Each target at its own latest year: one made of yearly records at the last year that has
        // them (2022, the demo's last), one read from the structure today.
        let thisYear = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        #expect(row("T2")?.prefix(3) == ["T2", "2022", "630 / 1618 = 38,9%"])
        #expect(row("T10") == ["T10", thisYear, "97 / 183 = 53,0%", "> 65%", "unmet"])
        #expect(row("T13a")?.prefix(3) == ["T13a", thisYear, "84 / 183 = 45,9%"])
        #expect(row("T13b")?.prefix(3) == ["T13b", thisYear, "62 / 183 = 33,9%"])
        // T6: the 2022 admissions against the members at the start of 2022.
        let admitted = try sqlite(db, "SELECT count(*) FROM member_events WHERE kind = 'admitted' AND strftime('%Y', happened) = '2022'")[0][0]
        let atStart = try sqlite(db, "SELECT count(*) FROM members WHERE admitted < '2022-01-01' AND (ended IS NULL OR ended >= '2022-01-01')")[0][0]
        #expect(row("T6")?[2].hasPrefix("\(admitted) / \(atStart) = ") == true)
        #expect(rows.count == 21)
        // The same in English.
        let en = try csv(db, #"targets | where code == "T10" | select title, status"#, lang: "en")
        #expect(en.last == ["Village and residential-group cells with a committee", "unmet"])
        // Tables show the status in words.
        let table = try Coso.run(["--db", db, "-c", #"targets | where code == "T10" | select status"#])
        #expect(table.stdout.contains("chưa đạt"))
    }

    @Test func theDrillDownAddsUpAndPutsTheWorstFirst() throws {
        let db = Coso.sharedDemo
        let rows = Array(try csv(db, "target T10 | detail | select org.name, numerator, denominator, shortfall").dropFirst())
        #expect(rows.map { Int($0[1])! }.reduce(0, +) == 97)
        #expect(rows.map { Int($0[2])! }.reduce(0, +) == 183)
        let shortfalls = rows.map { Int($0[3])! }
        #expect(shortfalls == shortfalls.sorted(by: >))
        #expect(shortfalls[0] > 0)
        // A commune's shortfall is what it lacks of 65% of its cells on its own.
        for r in rows {
            let n = Int(r[1])!, d = Int(r[2])!
            #expect(Int(r[3])! == max(0, Int((0.65 * Double(d)).rounded(.down)) + 1 - n))
        }
    }

    /// A drill-down whose counted rows are its base's rows meeting one more condition counts both
    /// in one pass; each cell's figures equal hand-written SQL.
    @Test func aDrillDownCountedInOnePassEqualsHandWrittenSQL() throws {
        let db = Coso.sharedDemo
        for year in [2021, 2022] {
            let rows = Array(try csv(db, "target T5b \(year) | detail | sort id | select id, denominator, numerator").dropFirst())
            let expected = try sqlite(db, "SELECT m.org_id, count(*), count(CASE WHEN r.level IN ('excellent', 'good') THEN 1 END) "
                                      + "FROM ratings r JOIN members m ON m.id = r.member_id WHERE r.year = \(year) GROUP BY m.org_id ORDER BY m.org_id")
            #expect(rows == expected, "\(year)")
            #expect(rows.count > 100)
        }
        // One pass, over the ratings counted by year, level and the members' cells (`Rollup`).
        let sql = try Coso.run(["--db", db, "-c", ".sql target T5b 2022 | detail"]).stdout
        #expect(sql.components(separatedBy: "FROM rollup_ratings_cell").count == 2 && !sql.contains("FROM ratings"), "\(sql)")
    }

    @Test func aPartOfTheTreeCountsOnlyWhatIsUnderIt() throws {
        let db = Coso.sharedDemo
        let commune = "Đảng bộ xã Gia Hiệp"
        let cells = try sqlite(db, "SELECT count(*), sum(has_committee) FROM orgs WHERE kind = 'village_cell' AND parent_id = (SELECT id FROM orgs WHERE name = '\(commune)')")[0]
        let rows = try csv(db, #"targets for "\#(commune)" | where code == "T10" | select numerator, denominator"#)
        #expect(rows.last == [cells[1], cells[0]])
        // Folded names work too; an unknown one is an error that points at it.
        let folded = try csv(db, #"target T10 for "dang bo xa gia hiep" | select denominator"#)
        #expect(folded.last == [cells[0]])
        let unknown = try Coso.run(["--db", db, "-c", #"targets for "Xã Không Có""#])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("E0805"))
    }

    @Test func earlierYearsHaveTheirOwnFiguresAndNoneWithoutRecords() throws {
        let db = Coso.sharedDemo
        let rows = try csv(db, "targets 2021 | select code, figure, status")
        func row(_ code: String) -> [String]? { rows.first { $0.first == code } }
        let admitted = try sqlite(db, "SELECT count(*) FROM member_events WHERE kind = 'admitted' AND strftime('%Y', happened) = '2021'")[0][0]
        #expect(row("T6")?[1].hasPrefix("\(admitted) / ") == true)
        // Whether a cell had a committee then follows from its committee terms (from 2020 on the demo).
        #expect(row("T10") == ["T10", "97 / 183 = 53,0%", "unmet"])
        // Villages as they stood then (no dated change recorded on the demo: as now).
        #expect(row("T13a")?[1] == "84 / 183 = 45,9%")
        // A year with no records of a yearly target has no figure for it, never 0; the structure
        // still has one.
        let later = try csv(db, #"targets 2024 | where status != no_data | select code"#).dropFirst().map { $0[0] }
        #expect(later == ["T7", "T8", "T9", "T10", "T12", "T13a", "T13b", "T15", "T16"])
        // No residence comment was recorded for 2019: T2 has no figure for it (not 0 / 1351).
        let t2 = try csv(db, #"targets 2019 | where code == "T2" | select figure, status"#)
        #expect(t2.last == ["", "no_data"])
        let nextYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        #expect(try csv(db, "targets \(nextYear) | where status != no_data | count") == [["0"]])
        // The change is this year's value less last year's.
        let change = try csv(db, #"targets | where code == "T6" | select value, previous, change"#).last!.map { Double($0)! }
        #expect(abs(change[0] - change[1] - change[2]) < 0.11)
        // As staff read it: percentage points, signed, in the language's decimals.
        let shift = SpreadsheetText.restored(try csv(db, #"targets | where code == "T6" | select shift"#).last![0])
        #expect(shift == (change[2] > 0 ? "+" : "") + DisplayFormat.decimal(change[2], .vi, places: 1, fixed: true) + " điểm %", "\(shift)")
    }

    @Test func aCommitteeTermMovesT10FromItsDateOnly() throws {
        let db = try Coso.demoCopy()
        let cell = try csv(db, "orgs | where kind == village_cell and not has_committee | sort id | first | select id").last![0]
        // A congress in March 2026 elects the cell's first committee.
        let r = try Coso.run(["--db", db, "-c", "term \(cell) started: @2026-03-01 ends: @2031-02-28 seats: 3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try csv(db, "orgs | where id == \(cell) | select has_committee").last == ["1"])
        #expect(try csv(db, #"targets | where code == "T10" | select year, figure"#).last == ["2026", "98 / 183 = 53,6%"])
        #expect(try csv(db, #"targets 2022 | where code == "T10" | select figure"#).last == ["97 / 183 = 53,0%"])
        // The tree as it stood: no committee before the congress, one after.
        #expect(try csv(db, "orgs asof @2025-12-31 | where id == \(cell) | select has_committee").last == ["0"])
        #expect(try csv(db, "orgs asof @2026-03-01 | where id == \(cell) | select has_committee").last == ["1"])
        // A term entered by mistake, voided: back to no committee, and T10 with it.
        let void = try Coso.run(["--db", db, "-c", #"committee_terms | where org == \#(cell) | void reason: "nhập nhầm tổ chức""#])
        #expect(void.status == 0, "\(void.stderr)")
        #expect(try csv(db, #"targets | where code == "T10" | select figure"#).last == ["97 / 183 = 53,0%"])
        #expect(try csv(db, "orgs | where id == \(cell) | select has_committee").last == ["0"])
        // A has_committee flag is not corrected by hand: it follows the terms.
        let refused = try Coso.run(["--db", db, "-c", #"orgs | where id == \#(cell) | update has_committee: true reason: "x""#])
        #expect(refused.status == 65 && refused.stderr.contains("E0242") && refused.stderr.contains("term"))
    }

    @Test func staffAddTheirOwnTargetsAndBadQueriesAreRefused() throws {
        let db = try Coso.demoCopy()
        let bad = try Coso.run(["--db", db, "-c", #"target add X1 title: "Sai" counted: "orgs | where kindd == village_cell" goal: at_least value: 1"#])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("E0238"))
        #expect(bad.stderr.contains("kind"))
        #expect(try sqlite(db, "SELECT count(*) FROM custom_targets") == [["0"]])
        let add = try Coso.run(["--db", db, "-c", #"target add X1 title: "Chi bộ thôn có chi ủy" counted: "orgs | where kind == village_cell and has_committee" of: "orgs | where kind == village_cell" goal: more_than value: 50 by: "parent""#])
        #expect(add.status == 0, "\(add.stderr)")
        let row = try csv(db, #"targets | where code == "X1" | select figure, status"#)
        #expect(row.last == ["97 / 183 = 53,0%", "met"])
        let detail = try csv(db, "target X1 | detail | count")
        #expect(detail == [["19"]])
        // Recorded in the audit trail, and removable.
        #expect(try sqlite(db, "SELECT count(*) FROM audit WHERE statement LIKE 'target add X1%'") == [["1"]])
        let remove = try Coso.run(["--db", db, "-c", "target remove X1"])
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(try csv(db, #"targets | where code == "X1" | count"#) == [["0"]])
    }
}

/// `stats` against the same tables written by hand through the sqlite3 shell.
@Suite struct StatisticsTests {
    @Test func statisticsEqualHandWrittenSQL() throws {
        let db = Coso.sharedDemo
        let onRoll = "admitted <= '2022-12-22' AND (ended IS NULL OR ended > '2022-12-22')"
        let cases: [(String, String)] = [
            ("stats theory", "SELECT theory, count(*) FROM members WHERE \(onRoll) GROUP BY theory "
                + "ORDER BY theory IS NULL, CASE theory WHEN 'none' THEN 0 WHEN 'elementary' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'advanced' THEN 3 ELSE 4 END"),
            ("stats gender 2022", "SELECT gender, count(*) FROM members WHERE \(onRoll) GROUP BY gender ORDER BY gender DESC"),
            ("stats ratings 2021", "SELECT level, count(*) FROM ratings WHERE year = 2021 GROUP BY level "
                + "ORDER BY CASE level WHEN 'excellent' THEN 0 WHEN 'good' THEN 1 WHEN 'completed' THEN 2 ELSE 3 END"),
            // The Tăng/Giảm table: the roll at the start, each kind of change in the year, the roll at the end.
            // (A line beginning with "-" comes from CSV with the apostrophe that keeps it from being a formula.)
            ("stats changes 2022", """
                SELECT 'Đầu kỳ', (SELECT count(*) FROM members WHERE admitted <= '2021-12-31' AND (ended IS NULL OR ended > '2021-12-31'))
                UNION ALL SELECT 'Tăng', (SELECT count(*) FROM member_events WHERE kind IN ('admitted', 'transfer_in') AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- kết nạp mới', (SELECT count(*) FROM member_events WHERE kind = 'admitted' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- chuyển đến', (SELECT count(*) FROM member_events WHERE kind = 'transfer_in' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT 'Giảm', (SELECT count(*) FROM member_events WHERE kind IN ('died', 'removed', 'expelled', 'withdrew', 'transfer_out') AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- từ trần', (SELECT count(*) FROM member_events WHERE kind = 'died' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- xóa tên', (SELECT count(*) FROM member_events WHERE kind = 'removed' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- khai trừ', (SELECT count(*) FROM member_events WHERE kind = 'expelled' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- xin ra khỏi Đảng', (SELECT count(*) FROM member_events WHERE kind = 'withdrew' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT '''- chuyển đi', (SELECT count(*) FROM member_events WHERE kind = 'transfer_out' AND happened BETWEEN '2022-01-01' AND '2022-12-31')
                UNION ALL SELECT 'Cuối kỳ', (SELECT count(*) FROM members WHERE admitted <= '2022-12-31' AND (ended IS NULL OR ended > '2022-12-31'))
                """),
        ]
        for (statement, sql) in cases {
            let r = try Coso.run(["--db", db, "--format", "csv", "-c", statement + " | select key, n"])
            #expect(r.status == 0, "\(r.stderr)")
            let rows = Array(CSV.parse(r.stdout).dropFirst())
            let expected = CSV.parse(try Coso.shell("sqlite3", ["-csv", db, sql]).stdout)
            #expect(rows == expected, "\(statement)")
            if statement.hasPrefix("stats changes") {
                // The start, plus what was added, less what was taken, is the end.
                let n = rows.map { Int($0[1])! }
                #expect(n.count == 11 && n[0] + n[1] - n[4] == n[10])
            }
        }
        // Shares add up to about 100.
        let shares = Array(CSV.parse(try Coso.run(["--db", db, "--format", "csv", "-c", "stats age | select percent"]).stdout).dropFirst())
        #expect(abs(shares.map { Double($0[0])! }.reduce(0, +) - 100) < 0.5)
    }
}
