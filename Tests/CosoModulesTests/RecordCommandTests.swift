import CosoCore
import CosoScript
import CosoTesting
import Testing

/// The commands that record entities as entered: each refusal seen once, and what lands.
@Suite struct RecordCommandTests {
    @Test func recordsLandAndTheirRulesRefuse() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2000-03-01 introducers_on_file: true"#)
        let before = try auditCount(s)
        #expect(failure(s, #"village add "Thôn 9" kind: village commune: "Đảng bộ xã Gia Hiệp" cell: "Chi bộ thôn Cũ""#) == "E1003")
        #expect(failure(s, #"village add "Thôn 9" kind: village commune: "Đảng bộ xã Gia Hiệp" cell: "Đảng bộ xã Gia Hiệp""#) == "E1004")
        #expect(failure(s, #"term "Chi bộ thôn 8" started: @2025-07-15 ends: @2020-07-14"#) == "E0513")
        #expect(failure(s, #"meeting "Chi bộ thôn Cũ" held: @2024-05-05 kind: regular"#) == "E1003")
        #expect(failure(s, #"meeting "Chi bộ thôn 8" held: @2027-05-05 kind: regular"#) == "E0305")
        #expect(failure(s, #"inspect mode: inspection kind: regular by_org: "Đảng bộ xã Gia Hiệp" started: @2024-04-01"#) == "E0514")
        #expect(failure(s, #"study "Chi bộ thôn 8" resolution: "NQ 21" held_on: @2022-09-10 invited: 5 attended: 6"#) == "E0513")
        #expect(try auditCount(s) == before)

        _ = try s.output("""
            village add "Thôn 9" kind: village commune: "Đảng bộ xã Gia Hiệp" cell: "Chi bộ thôn 9"
            village heads "Thôn 9" head_is_member: true front_head_is_member: false
            recognise "Chi bộ thôn 8" year: 2024 kind: four_good
            comment 1 year: 2024 cell: "Chi bộ thôn 9"
            study "Chi bộ thôn 8" resolution: "Nghị quyết 21-NQ/TW" held_on: @2022-09-10
            attend 1 member: 1
            """)
        #expect(failure(s, #"recognise "Chi bộ thôn 8" year: 2024 kind: four_good"#) == "E0517")
        #expect(failure(s, #"comment 1 year: 2024 cell: "Chi bộ thôn 9""#) == "E0517")
        #expect(failure(s, "attend 1 member: 1") == "E0517")
        #expect(try s.output("villages | where head_is_member and not front_head_is_member | select name, cell.name") == "Thôn 9 | Chi bộ thôn 9")
        #expect(try s.value("members | where id == 1 | select residence_cell.name") == .text("Chi bộ thôn 9"))
        #expect(try s.value("attendance | where present | count") == .int(1))
    }
}
