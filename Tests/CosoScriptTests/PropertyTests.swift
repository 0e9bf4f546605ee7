import CosoCore
import CosoDemo
import CosoScript
import CosoTesting
import PropertyBased
import Testing

/// Literal values never reach the SQL text, and the planner's algebra holds on the demo district.
@Suite struct PropertyTests {
    /// Text with Vietnamese letters, quotes, wildcards and backslashes.
    static let text = Gen.oneOf(Gen.letterOrNumber, Gen.always(Character("đ")), Gen.always(Character("Ư")), Gen.always(Character("'")),
                                Gen.always(Character("%")), Gen.always(Character("_")), Gen.always(Character("\\")),
                                Gen.always(Character("\"")), Gen.always(Character(" ")))
        .string(of: 0...12)
        // Written inside a coso string: escape its backslashes and quotes.
        .map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
    static let date = zip(Gen.int(in: 1900...2030), Gen.int(in: 1...12), Gen.int(in: 1...28))
        .map { y, m, d in LocalDate(year: y, month: m, day: d)! }

    static let templates: [@Sendable (String, String, Int64, LocalDate) -> String] = [
        { t, _, n, d in #"members | where name =~ "\#(t)" and born < @\#(d.iso) | take \#(n)"# },
        { t, _, n, _ in #"orgs | where name == "\#(t)" or unit_code == "\#(t)" | skip \#(n) | count"# },
        { _, t, n, d in #"members | where org.parent.name == "\#(t)" and age(born) > \#(n) and admitted > @\#(d.iso) | count"# },
        { t, _, n, _ in #"members | where starts_with(name, "\#(t)") | summarize k: count() by org.name | where k > \#(n)"# },
    ]

    @Test func differentLiteralsGiveByteIdenticalSQL() async throws {
        let baselines = try Self.templates.map { try plan($0("a", "b", 1, LocalDate(year: 2000, month: 1, day: 1)!)).sql }
        await propertyCheck(count: 200, input: Self.text, Self.text, Gen.int(in: 0...100_000), Self.date) { a, b, n, d in
            for (template, baseline) in zip(Self.templates, baselines) {
                let q = try? plan(template(a, b, Int64(n), d))
                #expect(q?.sql == baseline, "\(template(a, b, Int64(n), d))")
            }
        }
    }

    /// One demo district per test process, shared read-only by the metamorphic checks, each
    /// through a session of its own (a session is used by one thread at a time; the tests run at
    /// once).
    static let demo: TemporaryDatabase = {
        let db = try! TemporaryDatabase()
        _ = try! DemoDistrict(seed: 5).build(into: try! db.session(modules).store, user: "test")
        return db
    }()

    static func session() -> Session { try! demo.session(modules) }

    static let predicates = Gen.oneOf(
        Self.date.map { "confirmed > @\($0.iso)" },
        Self.date.map { "born < @\($0.iso)" },
        Gen.element(of: ["none", "elementary", "intermediate", "advanced", "bachelor"]).map { "theory >= \($0!)" },
        Gen.element(of: ["nguyen", "thi", "k'", "van a", "đ"]).map { #"name =~ "\#($0!)""# },
        Gen.int(in: 0...40).map { "org.parent.name == \"Đảng bộ xã Sơn Điền\" or age(born) < \($0 + 30)" },
        Gen.element(of: ["official", "probationary", "exempted"]).map { "status == \($0!) and exempted != null" }
    )

    func count(_ s: Session, _ pipeline: String) -> Int64 {
        (try? s.value(pipeline).intValue) ?? -1
    }

    @Test func whereSplitsRowsIntoTrueFalseAndNull() async {
        let s = Self.session()
        let all = count(s, "members | count")
        await propertyCheck(count: 60, input: Self.predicates) { p in
            let yes = count(s, "members | where \(p) | count")
            let no = count(s, "members | where not (\(p)) | count")
            let unknown = count(s, "members | where (\(p)) == null | count")
            #expect(yes + no + unknown == all, "\(p)")
        }
    }

    @Test func successiveWheresEqualAnd() async {
        let s = Self.session()
        await propertyCheck(count: 60, input: Self.predicates, Self.predicates) { a, b in
            #expect(count(s, "members | where \(a) | where \(b) | count") == count(s, "members | where (\(a)) and (\(b)) | count"), "\(a) / \(b)")
        }
    }

    @Test func groupedCountsSumToTheCount() async {
        let s = Self.session()
        await propertyCheck(count: 40, input: Self.predicates, Gen.element(of: ["gender", "theory", "org.parent.name", "year(born)"])) { p, key in
            let sink = TextSink()
            try? s.run("members | where \(p) | summarize n: count() by \(key!)", sink: sink)
            let sum = sink.rows.reduce(Int64(0)) { $0 + ($1.last?.intValue ?? 0) }
            #expect(sum == count(s, "members | where \(p) | count"), "\(p) by \(key!)")
        }
    }
}
