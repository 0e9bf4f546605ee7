import Foundation
import Testing

/// Each golden query of bench/queries.txt and bench/scale-queries.txt gives, through `coso -c`, exactly the rows its
/// hand-written SQL gives through the stock sqlite3 shell on the same demo database.
@Suite struct DifferentialTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        let name: String, coso: String, sql: String
        var testDescription: String { name }
    }

    static let pairs: [Pair] = {
        let text = ["queries.txt", "scale-queries.txt"].map {
            (try? String(contentsOfFile: Coso.root + "/bench/" + $0, encoding: .utf8)) ?? ""
        }.joined(separator: "\n")
        var pairs: [Pair] = []
        var name = "", coso = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# name: ") { name = String(line.dropFirst(8)) }
            if line.hasPrefix("coso: ") { coso = String(line.dropFirst(6)) }
            if line.hasPrefix("sql: ") { pairs.append(Pair(name: name, coso: coso, sql: String(line.dropFirst(5)))) }
        }
        return pairs
    }()

    @Test func thereAreGoldenQueries() {
        #expect(Self.pairs.count >= 22)
    }

    @Test(arguments: pairs)
    func cosoAgreesWithHandWrittenSQL(_ pair: Pair) throws {
        let db = Coso.sharedDemo
        let coso = try Coso.run(["--db", db, "--format", "csv", "-c", pair.coso])
        #expect(coso.status == 0, "\(coso.stderr)")
        var rows = CSV.parse(coso.stdout)
        // Rows come with a header line; a single value (count) comes alone.
        if !pair.coso.hasSuffix("| count") { rows.removeFirst() }
        let sql = try Coso.shell("sqlite3", ["-csv", db, pair.sql])
        #expect(sql.status == 0, "\(sql.stderr)")
        let expected = CSV.parse(sql.stdout)
        #expect(!expected.isEmpty)
        #expect(rows == expected)
    }

    /// `.sql` shows one statement with `?` placeholders and no literal of the query in its text.
    @Test(arguments: pairs)
    func thePlanIsOneStatementWithNoLiteralInIt(_ pair: Pair) throws {
        let explained = try Coso.run(["--db", Coso.sharedDemo, "-c", ".sql " + pair.coso])
        #expect(explained.status == 0, "\(explained.stderr)")
        let sql = explained.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(sql.hasPrefix("SELECT "))
        #expect(!sql.contains(";"))
        // (Enum identifiers may appear in the SQL as catalogue constants of an ordered comparison,
        // `CASE theory WHEN 'elementary' THEN 1 ...`, never as the query's own literal.)
        for literal in ["nguyen", "1970", "2018", "village_cell", "official", "co_ho", "30"] where pair.coso.contains(literal) {
            #expect(!sql.contains(literal), "\(literal) pasted into: \(sql)")
        }
    }
}

/// RFC 4180, enough for comparing outputs: quoted fields, doubled quotes, CRLF or LF.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// A grouping with more distinct values than tally() holds (COSO_TALLY_LIMIT lowers the limit
/// for the test) is grouped by sorting instead, with the same output: in a query, a saved file,
/// a statistic, the targets and their drill-down.
@Suite struct TallyLimitTests {
    @Test func tooManyGroupsFallsBackToSortingWithTheSameOutput() throws {
        let db = Coso.sharedDemo
        let dir = try Coso.scratchDirectory()
        for statement in ["members | summarize n: count(), a: min(admitted) by year(born), gender | sort -n, key1 | take 5",
                          "stats age 2022", "targets 2022 | select code, figure, shift", "target T5b 2022 | detail | take 5",
                          #"members | summarize n: count() by org | save "\#(dir)/LIMIT.csv""#] {
            func run(_ limit: String) throws -> String {
                let r = try Coso.run(["--db", db, "-c", statement.replacingOccurrences(of: "LIMIT", with: limit)],
                                     environment: ["COSO_TALLY_LIMIT": limit])
                #expect(r.status == 0, "\(statement): \(r.stderr)")
                return r.stdout.replacingOccurrences(of: "\(dir)/\(limit).csv", with: "FILE")
            }
            #expect(try run("3") == (try run("100000000")), "\(statement)")
        }
        let small = try String(contentsOfFile: dir + "/3.csv", encoding: .utf8)
        #expect(small == (try String(contentsOfFile: dir + "/100000000.csv", encoding: .utf8)))
        #expect(CSV.parse(small).count > 100)
    }
}
