import CosoCore
import CosoScript
import Testing

/// The language pieces the statistics need, and a part of the tree as a row filter.
@Suite struct ReportPlannerTests {
    @Test func ageAtADateAndBandsBindEveryLiteral() throws {
        let q = try plan("members | summarize n: count() by age: band(age(born, @2022-12-31), [30, 60])")
        #expect(q.sql.contains("CASE WHEN"))
        #expect(!q.sql.contains("2022") && !q.sql.contains("30") && !q.sql.contains("≤"))
        // Labels as Vietnamese writes them (English: "≤ 30", "31-60", "> 60").
        #expect(q.binds.contains(.text("Đến 30")) && q.binds.contains(.text("Từ 31 đến 60")) && q.binds.contains(.text("Trên 60")))
        let aged = try plan(#"members | summarize n: count() by age: band(age(born), [30, 60], "tuổi", 18)"#)
        #expect(aged.binds.contains(.text("Từ 18 đến 30 tuổi")) && aged.binds.contains(.text("Trên 60 tuổi")))
        #expect(q.binds.contains(.date(LocalDate(year: 2022, month: 12, day: 31)!)))
        // Different bounds, the same SQL text.
        #expect(try plan("members | summarize n: count() by age: band(age(born, @2021-01-01), [25, 55])").sql == q.sql)
    }

    @Test func bandRefusesBoundsOutOfOrder() throws {
        let (db, session) = try village()
        _ = db
        let shown = rendered(session, "members | summarize n: count() by band(age(born), [60, 30])")
        #expect(shown.contains("E0237"))
        #expect(shown.contains("^^"))
    }

    @Test func aPartOfTheTreeRestrictsTheSourceAndEveryJoin() throws {
        let part = SubtreeFilter(root: 7, catalog: try catalog())
        let statements = try Parser.parse("ratings | where member.org.kind == village_cell | count")
        guard case .pipeline(let p) = statements[0],
              case .query(let q) = try Planner(catalog: try catalog(), today: LocalDate(year: 2026, month: 1, day: 15)!, rowFilter: part).plan(p) else {
            Issue.record("not a query"); return
        }
        // The ratings through their member's cell, the member and the organisation joined through the tree.
        #expect(q.sql.contains("t0.member_id IN (SELECT p0.id FROM members p0 WHERE p0.org_id IN (WITH RECURSIVE sub(id)"))
        #expect(q.sql.contains("LEFT JOIN members AS t1 ON t1.id = t0.member_id AND (t1.org_id IN (WITH RECURSIVE"))
        #expect(q.binds.filter { $0 == .int(7) }.count == 3)
    }
}
