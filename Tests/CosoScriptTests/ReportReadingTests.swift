import CosoCore
import CosoDemo
import CosoReport
import CosoScript
import CosoTesting
import Testing

/// The report reads one state of the register, through one connection or two at once.
@Suite struct ReportReadingTests {
    /// Two connections share the report's queries out and give the report one gives.
    @Test func twoReadersWriteTheSameReportAsOne() throws {
        let db = try TemporaryDatabase()
        let s = try db.session(modules)
        _ = try DemoDistrict(seed: 2).build(into: s.store, user: "test")
        for kind in ReportBuilder.Kind.allCases {
            let alone = HTMLReport.render(try ReportBuilder(session: s).build(kind, year: 2022, org: nil))
            let helper = try s.reader()
            let shared = HTMLReport.render(try ReportBuilder(session: s, helper: helper).build(kind, year: 2022, org: nil))
            #expect(shared == alone, "\(kind)")
            #expect(alone.contains("Chỉ tiêu của kế hoạch") && alone.count > 10_000)
            // For a part of the tree too (the organisation travels to the second session as a value).
            let part = HTMLReport.render(try ReportBuilder(session: s, helper: helper).build(kind, year: 2022, org: "Đảng bộ xã Gia Hiệp"))
            #expect(part == HTMLReport.render(try ReportBuilder(session: s).build(kind, year: 2022, org: "Đảng bộ xã Gia Hiệp")), "\(kind)")
        }
    }

    /// `targets` works its figures out through two connections, and gives what the one
    /// statement gives; inside the user's transaction it reads through its own connection, which
    /// sees what the transaction wrote.
    @Test func targetsReadTwoAtATimeOutsideATransactionOnly() throws {
        let db = try TemporaryDatabase()
        let s = try db.session(modules)
        _ = try DemoDistrict(seed: 4).build(into: s.store, user: "test")
        let query = "targets 2022 | select code, numerator, denominator, previous"
        let parallel = try PretallyTests.rows(s, query)
        #expect(s.readsTwoAtATime)
        #expect(parallel.count > 15 && parallel.contains { $0[1] != .null })
        _ = try s.output("begin")
        #expect(try PretallyTests.rows(s, query) == parallel)
        let t6 = { (rows: [[Value]]) in rows.first { $0[0] == .text("T6") }?[1] }
        let before = t6(parallel)?.intValue ?? -1
        _ = try s.output(#"admit "Lò Văn Thử" born: @1990-02-02 gender: male org: 5 on: @2022-06-01 introducers_on_file: true"#)
        #expect(t6(try PretallyTests.rows(s, query))?.intValue == before + 1)
        _ = try s.output("rollback")
        #expect(try PretallyTests.rows(s, query) == parallel)
    }

    /// What `beginReading` starts sees the register as it stood, whatever is written meanwhile;
    /// a reader started after the write names another state.
    @Test func aReadingKeepsItsStateAcrossAWrite() throws {
        let db = try TemporaryDatabase()
        let writer = try db.session(modules)
        _ = try writer.output(#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#)
        let reader = try writer.reader()
        let before = try reader.store.beginReading()
        _ = try writer.output(#"org add "Chi bộ thôn 1" kind: village_cell parent: 1"#)
        #expect(try reader.value("orgs | count") == .int(1))
        reader.store.endReading()
        #expect(try reader.value("orgs | count") == .int(2))
        let after = try reader.store.beginReading()
        reader.store.endReading()
        #expect(after != before)
    }
}
