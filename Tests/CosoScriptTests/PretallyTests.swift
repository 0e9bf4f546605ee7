import CosoCore
import CosoDemo
import CosoScript
import CosoTesting
import PropertyBased
import Testing

/// Grouped counts counted in a hash table first (`tally()` and the planner's `Pretally`) give
/// exactly the rows of a plain GROUP BY.
@Suite struct PretallyTests {
    /// A demo district, built once.
    static let demo: TemporaryDatabase = {
        let db = try! TemporaryDatabase()
        _ = try! DemoDistrict(seed: 3).build(into: try! db.session(modules).store, user: "test")
        return db
    }()

    /// Two sessions on the demo, of the test's own (a session is used by one thread at a time, and
    /// the cases run at once): one plans grouped counts with tally() and the rollups, the other
    /// with GROUP BY over the rows alone.
    static func sessions() throws -> (Session, Session) {
        let s = try demo.session(modules)
        let plain = try demo.session(modules)
        plain.pretally = false
        plain.rollups = false
        return (s, plain)
    }

    static func rows(_ s: Session, _ pipeline: String) throws -> [[Value]] {
        let sink = TextSink()
        try s.run(pipeline, sink: sink)
        return sink.rows
    }

    /// The rows, in their order when the pipeline sorts them; else in any order (the order of
    /// GROUP BY's output is SQLite's choice: it may follow an index over other columns).
    static func same(_ a: [[Value]]?, _ b: [[Value]]?, _ pipeline: String) -> Bool {
        guard let a, let b else { return false }
        if pipeline.contains("sort") || pipeline.contains("stats") || pipeline.contains("detail") { return a == b }
        return a.map(\.description).sorted() == b.map(\.description).sorted()
    }

    static func sql(_ s: Session, _ pipeline: String) throws -> String {
        try s.explain(SourceFile(name: "<test>", text: pipeline))
    }

    /// tally() against GROUP BY on awkward values: text that JSON must escape, Vietnamese, nulls,
    /// integers, reals, two keys; and a blob is refused, not miscounted.
    @Test func tallyCountsLikeGroupBy() throws {
        let s = try Self.sessions().0
        let values = """
            SELECT 'a"b' AS a, 1 AS b UNION ALL SELECT 'a"b', 1 UNION ALL SELECT 'back\\slash', 2 UNION ALL SELECT char(1) || 'x', 2
            UNION ALL SELECT 'Đặng', NULL UNION ALL SELECT 'Đặng', NULL UNION ALL SELECT NULL, 2.5 UNION ALL SELECT NULL, 2.5
            UNION ALL SELECT NULL, -7 UNION ALL SELECT '', 9223372036854775807 UNION ALL SELECT 'Đặng', 0.1
            """
        let tallied = """
            SELECT json_extract(j.value, '$[0]') AS a, json_extract(j.value, '$[1]') AS b, json_extract(j.value, '$[2]') AS n
            FROM json_each((SELECT tally(a, b) FROM (\(values)))) AS j ORDER BY a, b
            """
        var got: [[Value]] = [], want: [[Value]] = []
        try s.store.query(tallied, []) { got.append($0) }
        try s.store.query("SELECT a, b, count(*) FROM (\(values)) GROUP BY a, b ORDER BY a, b", []) { want.append($0) }
        #expect(got == want)
        #expect(got.count == 8)
        var none: [[Value]] = []
        try s.store.query("SELECT tally(a) FROM (SELECT 1 AS a WHERE 0)", []) { none.append($0) }
        #expect(none == [[.text("[]")]])
        #expect(throws: (any Error).self) { try s.store.query("SELECT tally(x'00')", []) { _ in } }
    }

    /// Each of these plans through tally() (or reads a rollup, or, the last ones, neither) and
    /// gives the rows a plain GROUP BY over the rows gives.
    @Test(arguments: [
        ("members | where on_roll | summarize n: count() by gender", "rollup"),
        ("members | summarize n: count() by theory, gender | sort -n", "tally"),
        ("members | summarize n: count(), youngest: max(born), oldest: min(born) by status", "tally"),
        ("members | summarize n: count() by age: band(age(born, @2022-12-31), [30, 40, 50, 60, 70], \"tuổi\", 18)", "tally"),
        ("members | summarize n: count(), cells: count_distinct(org) by ethnicity, religion", "tally"),
        ("members | summarize n: count() by year(admitted) | where n > 50", "rollup"),
        ("members | summarize n: count() by exempted", "rollup"),
        ("members | where org.kind == village_cell | summarize n: count() by gender, theory", "tally"),
        ("member_events | summarize n: count() by kind, year(happened)", "tally"),
        ("positions | summarize n: count() by role, village_head", "tally"),
        ("members asof @2020-12-31 | where on_roll | summarize n: count() by status", "tally"),
        ("members | summarize total: sum(year(born)), women: count(gender == female) by work_status", "tally"),
        ("members | summarize n: count(), known: count(confirmed) by gender | sort -known", "tally"),
        ("ratings | summarize n: count(), good: count(level in [excellent, good]) by year | sort -good", "rollup"),
        ("stats theory 2022", "rollup"),
        ("stats age 2021", "tally"),
        ("stats org_ratings 2021", "tally"),
        // Read from the rollups: organisations by kind, ratings by their members' cells (the
        // join to members replaced, the joins beyond it kept).
        ("orgs | summarize n: count() by kind", "rollup"),
        ("ratings | where year == 2021 | summarize n: count() by member.org.parent", "rollup"),
        ("target T5b 2022 | detail | sort value | take 10", "rollup"),
        ("ratings | summarize n: count(), good: count(level in [excellent, good]) by member.org, year", "rollup"),
        // A name takes as many values as there are members; an average of decimals adds up
        // differently when weighted; an organisation's name shown makes as many combinations as
        // cells; two dates may make millions; a member's field other than the cell.
        ("members | summarize n: count() by name | sort -n, name | take 3", "rows"),
        ("members | summarize a: avg(year(born)) by gender", "rows"),
        ("members | where on_roll | summarize n: count(), women: count(gender == female) by org | sort -women, org | take 8", "rows"),
        ("members | summarize n: count() by year(born), year(admitted)", "rows"),
        ("ratings | where year == 2021 | summarize n: count() by member.gender", "rows"),
        ("ratings | where year == 2021 and member.org.kind == village_cell | summarize n: count() by member.org", "rollup"),
    ])
    func sameRowsAsGroupBy(_ pipeline: String, _ reads: String) throws {
        let (s, plain) = try Self.sessions()
        let sql = try Self.sql(s, pipeline)
        #expect((sql.contains("tally(") ? "tally" : sql.contains("FROM rollup_") ? "rollup" : "rows") == reads, "\(pipeline)")
        #expect(try !Self.sql(plain, pipeline).contains("tally("))
        #expect(try !Self.sql(plain, pipeline).contains("rollup_"))
        let rows = try Self.rows(s, pipeline)
        #expect(!rows.isEmpty, "\(pipeline)")
        #expect(Self.same(rows, try Self.rows(plain, pipeline), pipeline), "\(pipeline)")
    }

    /// Random filters, keys and aggregates: the same rows either way.
    @Test func randomGroupingsAgree() async throws {
        let (s, plain) = try Self.sessions()
        let keys = Gen.element(of: ["gender", "theory", "org.parent.name", "year(born)", "org, status", "work_status, occupation",
                                    "age: band(age(born), [40, 60])", "confirmed == null"])
        let aggregates = Gen.element(of: ["n: count()", "n: count(), a: min(admitted)", "n: count(), b: max(born), c: count_distinct(org)",
                                          "w: count(gender == female), s: sum(year(admitted))", "k: count(exempted), n: count()"])
        await propertyCheck(count: 40, input: PropertyTests.predicates, keys, aggregates) { p, key, aggregate in
            let pipeline = "members | where \(p) | summarize \(aggregate!) by \(key!)"
            #expect(Self.same(try? Self.rows(s, pipeline), try? Self.rows(plain, pipeline), pipeline), "\(pipeline)")
        }
    }
}
