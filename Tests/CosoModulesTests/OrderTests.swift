import CosoCore
import CosoDemo
import CosoScript
import CosoTesting
import Foundation
import GRDB
import Testing

/// Every source has a natural order (its id; a computed source its own; grouped rows their keys),
/// and `take`, `skip` and `first` take from it when no `sort` comes first: the same rows on every
/// run, after `ANALYZE`, after the indexes are dropped and made again. No LIMIT without an ORDER
/// BY in its own SELECT.
@Suite(.serialized) struct OrderTests {
    /// A demo district of its own: the test rebuilds its indexes.
    static let demo: (TemporaryDatabase, Session) = {
        let db = try! TemporaryDatabase()
        let s = try! db.session(allModules)
        _ = try! DemoDistrict(seed: 3).build(into: s.store, user: "test")
        return (db, s)
    }()

    static let sources = ["members", "orgs", "member_events", "ratings", "positions", "members asof @2020-12-31", "check",
                          "targets 2022", "stats theory 2022"]
    static let middles = ["", #"| where name =~ "th""#, "| where id > 100", "| select name", "| select gender | distinct",
                          "| summarize n: count() by org", "| sort born", "| take 50 | where id > 10", "| skip 5"]

    /// Whether every LIMIT in `sql` has an ORDER BY in its own SELECT (same parenthesis depth).
    static func everyLimitIsOrdered(_ sql: String) -> Bool {
        var ordered: [Bool] = [false]
        var quoted = false
        let chars = Array(sql.utf8)
        var i = 0
        func at(_ word: String) -> Bool {
            let w = Array(word.utf8)
            return i + w.count <= chars.count && Array(chars[i..<i + w.count]) == w
        }
        while i < chars.count {
            let c = chars[i]
            if c == UInt8(ascii: "'") { quoted.toggle() }
            if !quoted {
                if c == UInt8(ascii: "(") { ordered.append(false) }
                if c == UInt8(ascii: ")") { ordered.removeLast() }
                // A new SELECT of a UNION at this depth starts without an order.
                if at("UNION ALL ") { ordered[ordered.count - 1] = false }
                if at("ORDER BY ") { ordered[ordered.count - 1] = true }
                if at("LIMIT "), !ordered[ordered.count - 1] { return false }
            }
            i += 1
        }
        return true
    }

    @Test func theCheckerSeesALimitWithoutAnOrder() {
        #expect(!Self.everyLimitIsOrdered("SELECT a FROM t LIMIT 5"))
        #expect(!Self.everyLimitIsOrdered("SELECT a FROM (SELECT a FROM t LIMIT 5) ORDER BY a"))
        #expect(Self.everyLimitIsOrdered("SELECT a FROM (SELECT a FROM t ORDER BY id LIMIT 5) ORDER BY a LIMIT 2"))
    }

    @Test func everyLimitHasAnOrderBehindIt() throws {
        let s = Self.demo.1
        var planned = 0
        for source in Self.sources {
            for middle in Self.middles {
                for end in ["| take 5", "| first", "| skip 3", "| take 5 | sort id", "| skip 2 | take 3", "| take 4 | count"] {
                    guard let sql = try? s.explain(SourceFile(name: "t", text: "\(source) \(middle) \(end)")) else { continue }
                    planned += 1
                    #expect(Self.everyLimitIsOrdered(sql), "\(source) \(middle) \(end)")
                }
            }
        }
        #expect(planned > 150)
        // The golden queries of the benchmarks too.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("bench/queries.txt")
        let golden = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("coso: ") }
        #expect(golden.count >= 10)
        for line in golden {
            let sql = try s.explain(SourceFile(name: "q", text: String(line.dropFirst("coso: ".count))))
            #expect(Self.everyLimitIsOrdered(sql), "\(line)")
        }
    }

    /// The rows of each pipeline, as text.
    func results(_ s: Session, _ pipelines: [String]) throws -> [String] {
        try pipelines.map { try s.output($0) }
    }

    @Test func theSameRowsOnEveryRunAfterAnalyzeAndIndexRebuilds() throws {
        let s = Self.demo.1
        let pipelines = ["members | take 5 | select id", "members | where status == official | take 7 | select id, name",
                         #"members | where name =~ "nguyen" | skip 3 | take 4 | select id"#, "orgs | take 3 | select name",
                         "member_events | where kind == admitted | take 5 | select member, happened",
                         "members | summarize n: count() by org | take 3", "members | select gender | distinct | first",
                         "members | take 20 | sort born | take 3 | select id", "members asof @2020-12-31 | take 5 | select id"]
        let first = try results(s, pipelines)
        #expect(try results(s, pipelines) == first)
        // ANALYZE changes what the planner knows; dropping and making each index again changes
        // the order an index scan meets rows in.
        let other = try DatabaseQueue(path: Self.demo.0.path)
        let indexes = try other.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('members', 'orgs', 'member_events')")
                .map { ($0[0] as String, $0[1] as String) }
        }
        try other.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
        #expect(try results(s, pipelines) == first)
        try other.writeWithoutTransaction { db in
            for (name, sql) in indexes { try db.execute(sql: "DROP INDEX \(name)"); try db.execute(sql: sql) }
        }
        #expect(indexes.count >= 5)
        #expect(try results(s, pipelines) == first)
    }

    @Test func takeThenSortIsTheFirstRowsByIdSorted() throws {
        let s = Self.demo.1
        for (n, key) in [(1, "born"), (7, "name"), (13, "-admitted"), (29, "org"), (60, "theory"), (3, "-id")] {
            let taken = try s.output("members | take \(n) | sort \(key) | select id")
            let ids = try s.output("members | sort id | take \(n) | select id").split(separator: "\n").joined(separator: ", ")
            let expected = try s.output("members | where id in [\(ids)] | sort \(key) | select id")
            #expect(taken == expected, "take \(n) | sort \(key)")
        }
    }
}
