import Foundation
import Testing

/// Every script in Examples/ runs on the demo district (seed 1) and prints exactly its
/// `# expect:` lines.
@Suite struct ExampleScriptTests {
    static let scripts: [String] = {
        let dir = Coso.root + "/Examples"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".coso") }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(Self.scripts.count >= 2)
    }

    @Test(arguments: scripts)
    func exampleRunsAndPrintsWhatItExpects(_ name: String) throws {
        try Self.check(name, on: Coso.sharedDemo)
    }

    static func check(_ name: String, on db: String) throws {
        let path = Coso.root + "/Examples/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst("# expect: ".count)) }
        #expect(!expected.isEmpty, "\(name) has no # expect: lines")
        let r = try Coso.run(["run", path, "--db", db])
        #expect(r.status == 0, "\(name): \(r.stderr)")
        #expect(r.stdout == expected.joined(separator: "\n") + "\n", "\(name)")
    }

    /// What is recorded after the examples' dates changes none of their output, nor the 2022
    /// targets, nor the year a report is about: the README tour's confirmation in 2025, an
    /// admission, a cell's first committee and a new village head who is not a member, in 2026.
    @Test func examplesAndEarlierYearsKeepTheirOutputAfterLaterEvents() throws {
        let db = try Coso.demoCopy()
        let targets2022 = try Coso.run(["--db", db, "--format", "csv", "-c", "targets 2022"])
        #expect(targets2022.status == 0)
        for statement in [
            #"members | where name =~ "nguyen van an" and status == probationary | confirm on: @2025-05-20"#,
            #"admit "Lê Thị Hoa" born: @1995-03-02 gender: female org: "Chi bộ thôn 1 (xã Gia Hiệp)" on: @2026-03-10 introducers_on_file: true"#,
            #"term "Chi bộ thôn 1 (xã Gia Hiệp)" started: @2026-03-01 ends: @2031-02-28 seats: 3"#,
            #"villages | where cell == "Chi bộ thôn 1 (xã Gia Hiệp)" | village heads head_is_member: false front_head_is_member: true on: @2026-02-01"#,
        ] {
            let r = try Coso.run(["--db", db, "-c", statement])
            #expect(r.status == 0, "\(statement): \(r.stderr)")
        }
        for name in Self.scripts { try Self.check(name, on: db) }
        #expect(try Coso.run(["--db", db, "--format", "csv", "-c", "targets 2022"]).stdout == targets2022.stdout)
        let report = try Coso.run(["report", "targets", "--db", db])
        #expect(report.stdout.hasPrefix("# Báo cáo chỉ tiêu năm 2022\n"), "\(report.stderr)")
        // The 2026 figures are there for what has 2026 records, and only for that.
        let now = try Coso.run(["--db", db, "--format", "csv", "-c", #"targets | where code in ["T2", "T6"] | select code, year, numerator"#])
        #expect(CSV.parse(now.stdout) == [["code", "year", "numerator"], ["T2", "2022", "630"], ["T6", "2026", "1"]])
        // The village's head as recorded before and after the date given.
        let heads = try Coso.run(["--db", db, "--format", "csv", "-c",
                                  #"villages asof @2026-01-31 | where cell == "Chi bộ thôn 1 (xã Gia Hiệp)" | select head_is_member"#])
        let later = try Coso.run(["--db", db, "--format", "csv", "-c",
                                  #"villages asof @2026-02-01 | where cell == "Chi bộ thôn 1 (xã Gia Hiệp)" | select head_is_member"#])
        #expect(CSV.parse(heads.stdout) == [["head_is_member"], ["1"]])
        #expect(CSV.parse(later.stdout) == [["head_is_member"], ["0"]])
    }
}
