import CosoCore
import CosoMembers
import CosoOrganisations
import CosoScript
import CosoTesting
import Testing

/// Each rule the member commands enforce, broken once and seen refused, with nothing written.
@Suite struct MemberRuleTests {
    @Test func admissionAtExactly18IsAccepted() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        #expect(failure(s, #"admit "Lê Thị Hoa" born: @2006-05-19 gender: female org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#) == nil)
        #expect(try s.value("members | where status == probationary | count") == .int(1))
    }

    @Test func admissionAt17IsRefusedAndWritesNothing() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        let before = try auditCount(s)
        #expect(failure(s, #"admit "Lê Thị Hoa" born: @2006-05-20 gender: female org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#) == "E1102")
        #expect(try auditCount(s) == before)
        #expect(try s.value("members | count") == .int(0))
    }

    @Test func admissionAbove60IsRefused() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        #expect(failure(s, #"admit "Lê Văn Thọ" born: @1963-05-18 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#) == "E1103")
        // 60 years and 364 days is still 60: accepted.
        #expect(failure(s, #"admit "Lê Văn Thọ" born: @1963-05-20 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#) == nil)
    }

    @Test func admissionIntoUnknownOrDissolvedOrNonCellIsRefused() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        let before = try auditCount(s)
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Chi bộ thôn 99" on: @2024-05-19 introducers_on_file: true"#) == "E0301")
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Chi bộ thôn Cũ" on: @2024-05-19 introducers_on_file: true"#) == "E1003")
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Đảng bộ xã Gia Hiệp" on: @2024-05-19 introducers_on_file: true"#) == "E1004")
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: 999 on: @2024-05-19 introducers_on_file: true"#) == "E0301")
        #expect(try auditCount(s) == before)
    }

    @Test func admissionInTheFutureOrWithBadNationalIDIsRefused() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2026-02-01 introducers_on_file: true"#) == "E0305")
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 national_id: "12345" introducers_on_file: true"#) == "E0507")
        #expect(failure(s, #"admit "A" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 national_id: "068090001234" introducers_on_file: true"#) == nil)
        #expect(failure(s, #"admit "B" born: @1991-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 national_id: "068090001234" introducers_on_file: true"#) == "E0512")
    }

    @Test func confirmationNeedsTwelveMonthsAndDatesFromThem() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"admit "Trần Văn Nam" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-03-10 introducers_on_file: true"#)
        #expect(failure(s, "confirm 1 on: @2025-03-09") == "E1105")
        #expect(try s.value("members | where status == official | count") == .int(0))
        // Decided late: official from the 12-month date all the same (R5).
        #expect(failure(s, "confirm 1 on: @2025-05-02") == nil)
        #expect(try s.output("members | select status, confirmed") == "official | 2025-03-10")
        #expect(failure(s, "confirm 1 on: @2025-06-01") == "E1104")
    }

    @Test func transferExemptAndRemoveFollowTheStatus() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"admit "Phạm Thị Lan" born: @1980-01-01 gender: female org: "Chi bộ thôn 8" on: @2020-01-10 introducers_on_file: true"#)
        #expect(failure(s, #"exempt 1 on: @2024-01-01 reason: ill_health"#) == "E1107")  // still probationary
        _ = try s.output("confirm 1 on: @2021-01-20")
        #expect(failure(s, #"transfer 1 to: "Chi bộ thôn Cũ" on: @2024-01-01"#) == "E1003")
        #expect(failure(s, #"transfer 1 to: "Chi bộ thôn 8" on: @2024-01-01"#) == "E1108")
        #expect(failure(s, #"members | where name =~ "pham thi lan" | transfer to: "Chi bộ thôn 9" on: @2024-01-01"#) == nil)
        #expect(try s.output("members | select org") == "Chi bộ thôn 9")
        #expect(failure(s, #"exempt 1 on: @2024-02-01 reason: ill_health"#) == nil)
        #expect(failure(s, #"transfer 1 to: "Chi bộ thôn 8" on: @2024-03-01"#) == "E1106")
        #expect(failure(s, #"remove 1 on: @2024-04-01 reason: absent"#) == nil)
        #expect(failure(s, #"remove 1 on: @2024-05-01 reason: absent"#) == "E1109")
        #expect(try s.output("members | select status, ended, removal_reason") == "removed | 2024-04-01 | absent")
    }

    @Test func aValidAdmissionIsAuditedWithItsRow() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        let before = try auditCount(s).intValue ?? 0
        _ = try s.output(#"admit "Nguyễn Văn An" born: @1998-04-12 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#)
        #expect(try auditCount(s) == .int(before + 1))
        let row = try s.output("audit | sort -id | take 1 | select user, source, statement")
        #expect(row == #"test | test | admit "Nguyễn Văn An" born: @1998-04-12 gender: male org: "Chi bộ thôn 8" on: @2024-05-19 introducers_on_file: true"#)
        // One audit entry covers the row and its history event.
        let changes = try s.output("audit_changes | where audit.id == \(before + 1) | sort id | select entity, op, before")
        #expect(changes == "members | insert | \nmember_events | insert | ")
        let after = try s.store.scalar("SELECT after FROM audit_changes WHERE entity = 'members' ORDER BY id DESC LIMIT 1").textValue ?? ""
        #expect(after.contains(#""status":"probationary""#) && after.contains(#""admitted":"2024-05-19""#))
        #expect(try s.output("member_events | select kind, happened, status, org") == "admitted | 2024-05-19 | probationary | Chi bộ thôn 8")
    }

    @Test func updatesRecordBeforeAndAfter() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"admit "Đỗ Văn Hải" born: @1980-01-01 gender: male org: "Chi bộ thôn 8" on: @2020-01-10 introducers_on_file: true"#)
        _ = try s.output("confirm 1 on: @2021-01-20")
        let before = try s.store.scalar("SELECT before FROM audit_changes WHERE entity = 'members' ORDER BY id DESC LIMIT 1").textValue ?? ""
        let after = try s.store.scalar("SELECT after FROM audit_changes WHERE entity = 'members' ORDER BY id DESC LIMIT 1").textValue ?? ""
        #expect(before.contains(#""status":"probationary""#) && before.contains(#""confirmed":null"#))
        #expect(after.contains(#""status":"official""#) && after.contains(#""confirmed":"2021-01-10""#))
    }

    @Test func theAuditTrailCannotBeRewritten() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        #expect(throws: (any Error).self) {
            try s.store.write(WriteOrigin(user: "x", statement: "x", source: "x")) { tx in
                try tx.update(AuditTrail.entries, id: 1, [AuditTrail.user: .text("someone else")])
            }
        }
    }
}
