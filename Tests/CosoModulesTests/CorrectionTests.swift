import CosoCore
import CosoScript
import CosoTesting
import Foundation
import Testing

/// A cell with a full member (id 1, card issued), a probationary member (id 2), and a member
/// confirmed by mistake (id 3), all entered through the commands.
private func register() throws -> (TemporaryDatabase, Session) {
    let (db, s) = try smallDistrict()
    _ = try s.output("""
        admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2010-03-01 national_id: "079070000001" introducers_on_file: true
        confirm 1 on: @2011-03-05
        card 1 number: "12345678" on: @2011-06-01
        admit "Trần Thị Bình" born: @1995-02-02 gender: female org: "Chi bộ thôn 8" on: @2025-06-01 introducers_on_file: true
        admit "Lê Văn Cường" born: @1990-03-03 gender: male org: "Chi bộ thôn 9" on: @2023-05-01 introducers_on_file: true
        confirm 3 on: @2024-05-02
        """)
    return (db, s)
}

/// `update` and `void`: each write path of a correction checked by the declaration and the
/// module's rules, recorded with before, after and reason; refusals write nothing.
@Suite struct CorrectionTests {
    @Test func updateChangesTheRowsPipedInAndRecordsBeforeAfterAndReason() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let out = try s.output(#"members | where id == 1 | update national_id: "079070000009" reason: "sai số CCCD khi nhập""#)
        #expect(out == "Đã sửa số CCCD của 1 đảng viên (lý do ghi trong nhật ký).\n  - Nguyễn Văn An (Chi bộ thôn 8, mã 1)")
        #expect(try s.value("members | where national_id == \"079070000009\" | count") == .int(1))
        #expect(try s.value("members | where national_id == \"079070000001\" | count") == .int(0))
        let audit = try s.store.scalar("SELECT reason FROM audit ORDER BY id DESC LIMIT 1")
        #expect(audit == .text("sai số CCCD khi nhập"))
        let before = try s.store.scalar("SELECT before FROM audit_changes ORDER BY id DESC LIMIT 1").textValue ?? ""
        let after = try s.store.scalar("SELECT after FROM audit_changes ORDER BY id DESC LIMIT 1").textValue ?? ""
        #expect(before.contains("079070000001") && after.contains("079070000009"))
        // Only the one row changed.
        #expect(try s.store.scalar("SELECT count(*) FROM audit_changes WHERE audit_id = (SELECT max(id) FROM audit)") == .int(1))
    }

    @Test func refusalsNameWhatIsWrongAndWriteNothing() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let before = try auditCount(s)
        // A field that follows from events names the commands that change it.
        #expect(failure(s, #"members | where id == 1 | update status: removed reason: "x""#) == "E0242")
        #expect(failure(s, #"members | where id == 1 | update org: "Chi bộ thôn 9" reason: "x""#) == "E0242")
        #expect(failure(s, #"members | where id == 1 | update confirmed: @2011-01-01 reason: "x""#) == "E0242")
        // The declaration: twelve digits, held by no one else.
        #expect(failure(s, #"members | where id == 1 | update national_id: "123" reason: "x""#) == "E0507")
        #expect(failure(s, #"members | where id == 2 | update national_id: "079070000001" reason: "x""#) == "E0512")
        // The module's rules: a birth date that makes the admission under 18 (R1).
        #expect(failure(s, #"members | where id == 1 | update born: @1995-01-01 reason: "x""#) == "E1102")
        // The form: a reason, known fields, nothing after.
        #expect(failure(s, #"members | where id == 1 | update national_id: "079070000009""#) == "E0243")
        #expect(failure(s, #"members | where id == 1 | update nationl_id: "079070000009" reason: "x""#) == "E0241")
        #expect(failure(s, #"members | where id == 1 | void national_id: "1" reason: "x""#) == "E0241")
        #expect(failure(s, #"audit | void reason: "x""#) == "E0240")
        #expect(failure(s, #"members | select name | update national_id: "079070000009" reason: "x""#) == "E0240")
        // Rows still referred to.
        #expect(failure(s, #"orgs | where name == "Chi bộ thôn 8" | void reason: "x""#) == "E0244")
        #expect(try auditCount(s) == before)
    }

    @Test func voidingAWrongConfirmationMakesTheMemberProbationaryAgain() throws {
        let (db, s) = try register()
        defer { db.remove() }
        #expect(try s.output("members | where id == 3 | select status, confirmed") == "official | 2024-05-01")
        let out = try s.output(#"member_events | where member == 3 and kind == confirmed | void reason: "chi bộ chưa họp xét""#)
        #expect(out.hasPrefix("Đã hủy 1 sự kiện ghi nhầm"))
        #expect(out.contains("Lê Văn Cường: công nhận chính thức 2024-05-01 (Chi bộ thôn 9, mã "))
        #expect(try s.output("members | where id == 3 | select status, confirmed") == "probationary | ")
        // The event is gone from the register and kept in the audit trail.
        #expect(try s.value("member_events | where member == 3 and kind == confirmed | count") == .int(0))
        #expect(try s.store.scalar("SELECT count(*) FROM audit_changes WHERE entity = 'member_events' AND op = 'delete'") == .int(1))
        // A confirmation followed by a card cannot go alone: the card would belong to a probationer.
        #expect(failure(s, #"member_events | where member == 1 and kind == confirmed | void reason: "x""#) == "E1154")
        #expect(try s.output("members | where id == 1 | select status") == "official")
        _ = try s.output(#"member_events | where member == 1 and (kind == confirmed or kind == card_issued) | void reason: "nhập nhầm""#)
        #expect(try s.output("members | where id == 1 | select status, card_no") == "probationary | ")
    }

    @Test func correctingAnEventsDateIsJudgedAgainstTheWholeHistory() throws {
        let (db, s) = try register()
        defer { db.remove() }
        // Moving the confirmation before twelve months of probation is refused (R5).
        #expect(failure(s, #"member_events | where member == 3 and kind == confirmed | update happened: @2023-12-01 reason: "x""#) == "E1105")
        // Moving the admission earlier moves the member's admission date.
        _ = try s.output(#"member_events | where member == 3 and kind == admitted | update happened: @2023-04-20 reason: "ngày quyết định đúng""#)
        #expect(try s.output("members | where id == 3 | select admitted") == "2023-04-20")
    }

    @Test func aMemberEnteredByMistakeGoesWithTheirOwnHistory() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let out = try s.output(#"members | where id == 2 | void reason: "nhập trùng""#)
        #expect(out == "Đã hủy 1 đảng viên ghi nhầm (dòng cũ giữ trong nhật ký).\n  - Trần Thị Bình (Chi bộ thôn 8, mã 2)")
        #expect(try s.value("members | where id == 2 | count") == .int(0))
        #expect(try s.value("member_events | where member == 2 | count") == .int(0))
        #expect(try s.store.scalar("SELECT count(*) FROM audit_changes WHERE op = 'delete'") == .int(2))
    }

    @Test func aCorrectedRatingOrFeeIsJudgedAsItsCommandJudgesOne() throws {
        let db = try TemporaryDatabase()
        let s = try db.session(allModules, today: LocalDate(year: 2026, month: 4, day: 1)!)
        defer { db.remove() }
        _ = try s.output("""
            org add "Chi bộ thôn 8" kind: village_cell
            admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2010-03-01 work_status: civil_servant introducers_on_file: true
            confirm 1 on: @2011-03-05
            members | where id == 1 | rate 2024 level: good
            fee 1 month: @2026-03-01 amount: 90000 base: 9000000
            """)
        let before = try auditCount(s)
        // A rating moved to a year before the admission, a score under a rulebook without scores.
        #expect(failure(s, #"ratings | where member == 1 | update year: 2009 reason: "x""#) == "E1121")
        #expect(failure(s, #"ratings | where member == 1 | update score: 80 reason: "x""#) == "E1124")
        // A fee whose amount no longer matches 01-QĐ/TW.
        #expect(failure(s, #"fees | where member == 1 | update amount: 80000 reason: "x""#) == "E1140")
        #expect(try auditCount(s) == before)
        // Moved to 2025, the rating takes that year's rulebook.
        _ = try s.output(#"ratings | where member == 1 | update year: 2025 reason: "năm ghi nhầm""#)
        #expect(try s.output("ratings | where member == 1 | select year, rulebook") == "2025 | 366-QĐ/TW")
        #expect(failure(s, #"fees | where member == 1 | update amount: 80000 base: 8000000 reason: "lương ghi nhầm""#) == nil)
    }

    @Test func aPipelineThatMatchesNothingCorrectsNothing() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let before = try auditCount(s)
        #expect(try s.output(#"members | where id == 99 | update national_id: "079070000009" reason: "x""#)
                == "Không có dòng nào khớp: không sửa gì.")
        #expect(try auditCount(s) == before)
    }
}
