import CosoCore
import CosoScript
import CosoTesting
import Testing

@Suite struct OrganisationRuleTests {
    @Test func aTreeOfAnyDepth() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output("""
            org add "Đảng bộ tỉnh Lâm Đồng" kind: provincial_committee
            org move "Đảng bộ xã Gia Hiệp" to: "Đảng bộ tỉnh Lâm Đồng" on: @2025-07-01
            """)
        #expect(try s.output(#"orgs | where name == "Chi bộ thôn 8" | select parent.parent.name"#) == "Đảng bộ tỉnh Lâm Đồng")
    }

    @Test func anOrganisationCannotMoveUnderItsOwnUnit() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        #expect(failure(s, #"org move "Đảng bộ xã Gia Hiệp" to: "Chi bộ thôn 8" on: @2025-07-01"#) == "E1006")
        #expect(failure(s, #"org move "Chi bộ thôn 8" to: "Chi bộ thôn Cũ" on: @2025-07-01"#) == "E1003")
    }

    @Test func dissolvingRefusesWhileMembersRemain() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"admit "Vũ Văn Tâm" born: @1980-01-01 gender: male org: "Chi bộ thôn 9" on: @2020-01-10 introducers_on_file: true"#)
        #expect(failure(s, #"org dissolve "Chi bộ thôn 9" on: @2025-01-01"#) == "E1002")
        #expect(failure(s, #"org dissolve "Đảng bộ xã Gia Hiệp" on: @2025-01-01"#) == "E1002")  // live cells below
        _ = try s.output(#"transfer 1 to: "Chi bộ thôn 8" on: @2024-12-01"#)
        #expect(failure(s, #"org dissolve "Chi bộ thôn 9" on: @2025-01-01"#) == nil)
        #expect(failure(s, #"org dissolve "Chi bộ thôn 9" on: @2025-01-02"#) == "E1001")
    }

    @Test func ambiguousNamesAskForTheID() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"org add "Chi bộ thôn 8" kind: village_cell"#)
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#) == "E0302")
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: 2 on: @2024-05-19 introducers_on_file: true"#) == nil)
    }
}
