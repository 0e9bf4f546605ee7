import CosoCore
import CosoScript
import Testing

/// The exact SQL and binds of each construct: one statement, `?` for every literal.
@Suite struct PlannerTests {
    @Test func countWithAnEnumAndABoolean() throws {
        let q = try plan("orgs | where kind == village_cell and has_committee | count")
        #expect(q.sql == "SELECT count(*) FROM orgs AS t0 WHERE (t0.kind = ? AND t0.has_committee)")
        #expect(q.binds == [.text("village_cell")])
    }

    @Test func pathsBecomeJoinsOncePerPath() throws {
        let q = try plan(#"members | where org.parent.name == "X" and org.name != "Y" | select name, org.parent.name"#)
        #expect(q.sql == "SELECT t0.name AS c0, t2.name AS c1 FROM members AS t0 LEFT JOIN orgs AS t1 ON t1.id = t0.org_id"
                + " LEFT JOIN orgs AS t2 ON t2.id = t1.parent_id WHERE ((t2.name_folded = ? AND t2.name = ?) AND t1.name != ?)")
        #expect(q.binds == [.text("x"), .text("X"), .text("Y")])
    }

    /// A searchable name compared for equality is also compared folded, so that the folded
    /// column's index finds it (members keep no index of their names as written).
    @Test func nameEqualityAlsoComparesTheFoldedName() throws {
        let one = try plan(#"members | where name == "Đặng Văn An" | count"#)
        #expect(one.sql == "SELECT count(*) FROM members AS t0 WHERE (t0.name_folded = ? AND t0.name = ?)")
        #expect(one.binds == [.text("dang van an"), .text("Đặng Văn An")])
        let list = try plan(#"members | where name in ["Đặng Văn An", "Lê Thị Bé"] | count"#)
        #expect(list.sql == "SELECT count(*) FROM members AS t0 WHERE (t0.name_folded IN (?, ?) AND t0.name IN (?, ?))")
        #expect(list.binds == [.text("dang van an"), .text("le thi be"), .text("Đặng Văn An"), .text("Lê Thị Bé")])
        // Not on a field without a folded column, nor against another column.
        #expect(try plan(#"members | where national_id == "1" | count"#).sql == "SELECT count(*) FROM members AS t0 WHERE t0.national_id = ?")
        #expect(try plan("members | where name == org.name | count").sql.contains("name_folded") == false)
    }

    /// `members asof D` asks of each member whether any event precedes D; a filter that needs a
    /// status or a cell at D implies it, and the question is left out (one look-up per row less).
    @Test func aFilterThatImpliesPresenceAtTheDateDropsItsCondition() throws {
        let presence = "EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.happened <= ? AND e.status IS NOT NULL)"
        for (filter, implied) in [("", false), ("| where status == official", true), ("| where org == 5 and born < @1980-01-01", true),
                                  ("| where status in [official, probationary]", true), ("| where status != official", false),
                                  ("| where status == null", false), ("| where status == official or born < @1960-01-01", false),
                                  ("| take 5 | where status == official", false), ("| where name == \"An\"", false)] {
            let q = try plan("members asof @2020-12-31 \(filter) | count")
            #expect(q.sql.contains(presence) == !implied, "\(filter)")
            // Every `?` has its value: the date as often as the source names it.
            #expect(q.binds.count == q.sql.filter { $0 == "?" }.count, "\(filter)")
        }
    }

    /// `year(d) OP n` is the range of dates it means, which an index on `d` answers; an
    /// expression inside `year()` keeps the substring.
    @Test func aYearComparisonIsARangeOfDates() throws {
        let q = try plan("member_events | where year(happened) == 2021 | count")
        #expect(q.sql == "SELECT count(*) FROM member_events AS t0 WHERE (t0.happened >= ? AND t0.happened <= ?)")
        #expect(q.binds == [.date(LocalDate(year: 2021, month: 1, day: 1)!), .date(LocalDate(year: 2021, month: 12, day: 31)!)])
        for (op, sql, day) in [("<", "t0.happened < ?", "2021-01-01"), ("<=", "t0.happened <= ?", "2021-12-31"),
                               (">", "t0.happened > ?", "2021-12-31"), (">=", "t0.happened >= ?", "2021-01-01")] {
            let q = try plan("member_events | where year(happened) \(op) 2021 | count")
            #expect(q.sql == "SELECT count(*) FROM member_events AS t0 WHERE \(sql)", "\(op)")
            #expect(q.binds.map(\.description) == [day], "\(op)")
        }
        #expect(try plan("member_events | where year(happened + 1) == 2021 | count").sql.contains("substr"))
        #expect(try plan("member_events | where year(happened) != 2021 | count").sql.contains("substr"))
    }

    @Test func enumOrderComparesByDeclaredOrder() throws {
        let q = try plan("members | where theory >= intermediate | count")
        // (Counted from the members' rollup by theory: see RollupTests.)
        #expect(q.sql.hasSuffix(" AS t0 WHERE (CASE t0.theory WHEN 'none' THEN 0 WHEN 'elementary' THEN 1"
                + " WHEN 'intermediate' THEN 2 WHEN 'advanced' THEN 3 WHEN 'bachelor' THEN 4 END) >= ?"), "\(q.sql)")
        #expect(q.binds == [.int(2)])
        // The Vietnamese label names the same case.
        #expect(try plan(#"members | where theory >= "trung cấp" | count"#).binds == [.int(2)])
    }

    @Test func containsUsesTheFoldedColumn() throws {
        let q = try plan(#"members | where name =~ "Đặng 100%" | count"#)
        #expect(q.sql == #"SELECT count(*) FROM members AS t0 WHERE t0.name_folded LIKE ? ESCAPE '\'"#)
        #expect(q.binds == [.text(#"%dang 100\%%"#)])
    }

    @Test func nullComparisonsAndLists() throws {
        let q = try plan("members | where confirmed == null or status in [official, exempted] | count")
        #expect(q.sql == "SELECT count(*) FROM members AS t0 WHERE ((t0.confirmed) IS NULL OR t0.status IN (?, ?))")
        #expect(q.binds == [.text("official"), .text("exempted")])
    }

    @Test func sortPutsNullsLastAndUsesTheVietnameseKey() throws {
        // `take 10 | skip 2` is rows 3 to 10: one LIMIT and OFFSET, no subquery.
        let folded = try plan("members | sort -confirmed, name | select name | take 10 | skip 2")
        #expect(folded.sql == "SELECT t0.name AS c0 FROM members AS t0 ORDER BY (t0.confirmed) IS NULL, t0.confirmed DESC,"
                + " (t0.name_sort) IS NULL, t0.name_sort, +t0.id LIMIT ? OFFSET ?")
        #expect(folded.binds == [.int(8), .int(2)])
        // (A take whose count is a variable is bound at planning and folds the same way.)
        #expect(try plan("members | sort -confirmed, name | select name | take $n | skip 2", variables: ["n": .int(10)]).sql == folded.sql)
    }

    @Test func stagesAfterSelectUseItsNamesWithoutASubquery() throws {
        let q = try plan(#"members | select n: name, c: org.name | where n =~ "an" | sort -c, n"#)
        #expect(q.sql == "SELECT t0.name AS c0, t1.name AS c1 FROM members AS t0 LEFT JOIN orgs AS t1 ON t1.id = t0.org_id"
                + #" WHERE t0.name_folded LIKE ? ESCAPE '\' ORDER BY (t1.name_sort) IS NULL, t1.name_sort DESC,"#
                + " (t0.name_sort) IS NULL, t0.name_sort")
        #expect(q.binds == [.text("%an%")])
    }

    @Test func computedColumnsAreReadFromASubqueryNotRepeated() throws {
        let q = try plan("orgs | select name, n: count(members) | where n >= 30 | sort -n, name")
        #expect(q.sql == "SELECT s1.c0 AS c0, s1.c1 AS c1 FROM (SELECT t0.name AS c0, (SELECT count(*) FROM members AS t1"
                + " WHERE t1.org_id = t0.id) AS c1, t0.name_sort AS c0_sort FROM orgs AS t0) AS s1 WHERE s1.c1 >= ?"
                + " ORDER BY s1.c1 DESC, (s1.c0_sort) IS NULL, s1.c0_sort")  // a count is never null
        #expect(q.binds == [.int(30)])
    }

    @Test func whereAfterTakeWrapsASubquery() throws {
        let q = try plan("orgs | take 5 | where has_committee | count")
        // (The parent is shown by name, with its own parent where other organisations share it.)
        #expect(q.sql == "SELECT count(*) FROM (SELECT t0.id AS c0, t0.name AS c1, t0.kind AS c2, t0.sector AS c3,"
                + " CASE WHEN t1.name IN (SELECT t2.name FROM orgs AS t2 GROUP BY t2.name HAVING count(*) > 1)"
                + " THEN t1.name || coalesce(' (' || (SELECT CASE WHEN t3.name LIKE 'Đảng bộ %' THEN substr(t3.name, 9) ELSE t3.name END"
                + " FROM orgs AS t3 WHERE t3.id = t1.parent_id) || ')', '') ELSE t1.name END AS c4,"
                + " t0.unit_code AS c5, t0.founded AS c6, t0.dissolved AS c7, t0.dissolved_how AS c8, t0.has_committee AS c9,"
                + " t0.authorised_to_admit AS c10, t0.name_sort AS c1_sort, t1.name_sort AS c4_sort, t0.id AS o0"
                + " FROM orgs AS t0 LEFT JOIN orgs AS t1 ON t1.id = t0.parent_id ORDER BY t0.id LIMIT ?) AS s1 WHERE s1.c9")
        #expect(q.binds == [.int(5)])
    }

    @Test func datesAndAgesAreBound() throws {
        let q = try plan("members | where born < @1970-01-01 and age(born) >= 18 | count")
        #expect(q.sql == "SELECT count(*) FROM members AS t0 WHERE (t0.born < ? AND (CAST(substr(?, 1, 4) AS INTEGER)"
                + " - CAST(substr(t0.born, 1, 4) AS INTEGER) - (substr(t0.born, 6, 5) > substr(?, 6, 5))) >= ?)")
        #expect(q.binds == [.date(LocalDate(iso: "1970-01-01")!), .date(LocalDate(iso: "2026-01-15")!),
                            .date(LocalDate(iso: "2026-01-15")!), .int(18)])
    }

    /// Different literal values give byte-identical SQL text: nothing from the query is pasted in.
    @Test(arguments: [
        (#"members | where name == "A" and born < @1970-01-01 | take 3"#, #"members | where name == "Robert'); DROP TABLE members;--" and born < @2001-12-31 | take 99"#),
        ("orgs | where kind == village_cell | count", "orgs | where kind == grassroots_cell | count"),
        (#"members | where name =~ "an" | count"#, #"members | where name =~ "'%_\\" | count"#),
    ])
    func literalsNeverChangeTheSQLText(_ pair: (String, String)) throws {
        let a = try plan(pair.0), b = try plan(pair.1)
        #expect(a.sql == b.sql)
        #expect(a.binds != b.binds)
        #expect(!b.sql.contains("DROP"))
    }
}

/// A filter that hides every organisation but one, and the members of the others.
struct OneOrganisation: RowFilter {
    let id: Int64
    func condition(for entity: Entity, alias: String) -> (sql: String, binds: [Value])? {
        switch entity.name {
        case "orgs": return ("\(alias).id = ?", [.int(id)])
        case "members": return ("\(alias).org_id = ?", [.int(id)])
        default: return nil
        }
    }
}

@Suite struct RowFilterTests {
    @Test func theFilterReachesTheSourceEveryJoinAndEveryBackReference() throws {
        let statements = try Parser.parse(#"members | where org.parent.name != "x" | select name, n: count(trainings), o: org.name"#)
        guard case .pipeline(let p) = statements[0],
              case .query(let q) = try Planner(catalog: try catalog(), today: LocalDate(year: 2026, month: 1, day: 1)!,
                                                rowFilter: OneOrganisation(id: 7)).plan(p) else { Issue.record("no query"); return }
        #expect(q.sql == "SELECT t0.name AS c0, (SELECT count(*) FROM trainings AS t3 WHERE t3.member_id = t0.id) AS c1, t1.name AS c2"
                + " FROM members AS t0 LEFT JOIN orgs AS t1 ON t1.id = t0.org_id AND (t1.id = ?)"
                + " LEFT JOIN orgs AS t2 ON t2.id = t1.parent_id AND (t2.id = ?) WHERE (t0.org_id = ?) AND t2.name != ?")
        #expect(q.binds == [.int(7), .int(7), .int(7), .text("x")])
    }

    @Test func aSessionSeesOnlyWhatTheFilterLetsThrough() throws {
        let (db, s) = try village()
        defer { db.remove() }
        s.rowFilter = OneOrganisation(id: 2)
        #expect(try s.value("members | count") == .int(2))
        #expect(try s.value("orgs | count") == .int(1))
        #expect(try s.output("orgs | select name, n: count(members)") == "Chi bộ thôn 8 | 2")
        // The commune above is hidden: its name reads as nothing.
        #expect(try s.output("orgs | select parent.name") == "")
    }
}
