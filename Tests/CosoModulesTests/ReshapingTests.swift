import CosoCore
import CosoMembers
import CosoOrganisations
import CosoScript
import CosoTesting
import Testing

/// Merging and splitting organisations, temporary transfers and the candidate pipeline.
@Suite struct ReshapingTests {
    private func district() throws -> (TemporaryDatabase, Session) {
        let (db, s) = try smallDistrict()
        _ = try s.output("""
            admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 9" on: @2000-03-01 introducers_on_file: true
            admit "Trần Thị Bình" born: @1975-02-02 gender: female org: "Chi bộ thôn 9" on: @2001-04-01 introducers_on_file: true
            confirm 1 on: @2001-03-05
            appoint 1 role: secretary org: "Chi bộ thôn 9" on: @2020-07-01
            """)
        try s.store.write(WriteOrigin(user: "t", statement: "fixture", source: "test")) { tx in
            _ = try tx.insert(Villages.entity, [Villages.name: .text("Thôn 9"), Villages.kind: .text("village"), Villages.commune: .int(1), Villages.cell: .int(3),
                                           Villages.headIsMember: .bool(true), Villages.frontHeadIsMember: .bool(true)])
        }
        return (db, s)
    }

    /// `orgs asof D | where kind == ...` reads only the organisations of that kind now or whose
    /// kind changed (`DatedSource.narrowing`): one of another kind then is still counted as it was.
    @Test func anOrganisationIsCountedByTheKindItHadThen() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        let id = try #require(try s.value(#"orgs | where name == "Chi bộ thôn 9" | select id"#).intValue)
        try s.store.write(WriteOrigin(user: "t", statement: "fixture", source: "test")) { tx in
            try tx.update(Orgs.entity, id: id, [Orgs.kind: .text("subordinate_cell")], from: LocalDate(year: 2024, month: 1, day: 1)!)
        }
        for (date, cells) in [("@2023-06-30", 3), ("@2024-06-30", 2)] {
            let narrowed = "orgs asof \(date) | where kind == village_cell | count"
            #expect(try s.explain(SourceFile(name: "t", text: narrowed)).contains("o.kind IN ('village_cell') OR o.id IN (SELECT h.item FROM past_values"))
            #expect(try s.value(narrowed) == .int(Int64(cells)), "\(date)")
            // (An `or` is not narrowed: the same question asked of every organisation.)
            let whole = "orgs asof \(date) | where kind == village_cell or kind == village_cell | count"
            #expect(try !s.explain(SourceFile(name: "t", text: whole)).contains("o.kind IN"))
            #expect(try s.value(whole) == .int(Int64(cells)), "\(date)")
            #expect(try s.value("orgs asof \(date) | where kind in [subordinate_cell, village_cell] and dissolved == null | count")
                    == .int(2))
        }
    }

    @Test func mergingMovesMembersVillagesAndKeepsTheirHistory() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"org merge "Chi bộ thôn 9" into: "Chi bộ thôn 9" on: @2025-07-01"#) == "E1127")
        #expect(failure(s, #"org merge "Chi bộ thôn 9" into: "Chi bộ thôn Cũ" on: @2025-07-01"#) == "E1003")
        #expect(failure(s, #"org merge "Chi bộ thôn 9" into: "Đảng bộ xã Gia Hiệp" on: @2025-07-01"#) == "E1004")
        #expect(try s.output(#"org merge "Chi bộ thôn 9" into: "Chi bộ thôn 8" on: @2025-07-01"#)
                == "Đã sáp nhập Chi bộ thôn 9 vào Chi bộ thôn 8: 2 đảng viên, 0 tổ chức, 1 thôn.")
        #expect(try s.output("members | sort id | select org.name") == "Chi bộ thôn 8\nChi bộ thôn 8")
        #expect(try s.value("villages | select cell.name") == .text("Chi bộ thôn 8"))
        #expect(try s.value(#"orgs | where name == "Chi bộ thôn 9" | select dissolved_how"#) == .text("merged"))
        #expect(try s.value("positions | where ended == null | count") == .int(0))
        // Before the merger the members were in the old cell.
        #expect(try s.output("members asof @2025-06-30 | sort id | select org.name") == "Chi bộ thôn 9\nChi bộ thôn 9")
        #expect(try s.value(#"check | where code in ["D108", "D203"] | count"#) == .int(0))
        // So was the village: its cell is a dated fact (past_values), read as it stood.
        #expect(try s.value("villages asof @2025-06-30 | select cell.name") == .text("Chi bộ thôn 9"))
        #expect(try s.value("villages asof @2025-07-01 | select cell.name") == .text("Chi bộ thôn 8"))
        #expect(try s.value(#"past_values | where entity == "villages" | select until"#) == .text("2025-06-30"))
    }

    @Test func movesAndHeadsAreDatedFactsRecordedInOrder() throws {
        let (db, s) = try district()
        defer { db.remove() }
        _ = try s.output(#"org add "Đảng bộ xã Mới" kind: commune_committee founded: @2000-01-01"#)
        #expect(try s.output(#"org move "Chi bộ thôn 8" to: "Đảng bộ xã Mới" on: @2025-07-01"#) == "Đã chuyển 1 tổ chức sang Đảng bộ xã Mới.")
        #expect(try s.value(#"orgs asof @2025-06-30 | where name == "Chi bộ thôn 8" | select parent.name"#) == .text("Đảng bộ xã Gia Hiệp"))
        #expect(try s.value(#"orgs asof @2025-07-01 | where name == "Chi bộ thôn 8" | select parent.name"#) == .text("Đảng bộ xã Mới"))
        #expect(try s.value(#"orgs | where name == "Chi bộ thôn 8" | select parent.name"#) == .text("Đảng bộ xã Mới"))
        // A change dated before one already recorded for the same field is refused.
        #expect(failure(s, #"org move "Chi bộ thôn 8" to: "Đảng bộ xã Gia Hiệp" on: @2025-03-01"#) == "E0521")
        #expect(failure(s, #"org move "Chi bộ thôn 8" to: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#) == nil)
        #expect(try s.value(#"orgs asof @2025-08-01 | where name == "Chi bộ thôn 8" | select parent.name"#) == .text("Đảng bộ xã Mới"))
        #expect(try s.value(#"orgs asof @2025-06-01 | where name == "Chi bộ thôn 8" | select parent.name"#) == .text("Đảng bộ xã Gia Hiệp"))
        // A village head from a date: T13 reads each year as it stood.
        #expect(failure(s, #"village heads "Thôn 9" head_is_member: false front_head_is_member: true on: @2024-01-15"#) == nil)
        #expect(try s.value("villages asof @2024-01-14 | select head_is_member") == .int(1))
        #expect(try s.value("villages asof @2024-01-15 | select head_is_member") == .int(0))
        // The same heads again: nothing changed, no earlier value kept (a boolean read back as 0/1 is still false).
        #expect(failure(s, #"village heads "Thôn 9" head_is_member: false front_head_is_member: true on: @2024-06-01"#) == nil)
        #expect(try s.value(#"past_values | where entity == "villages" | count"#) == .int(1))
        #expect(try s.value(#"target T13a 2023 | select numerator"#) == .int(0))
        #expect(try s.value(#"target T13a 2024 | select numerator"#) == .int(1))
    }

    @Test func splittingFoundsACellBesideTheOldOne() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"members | org split name: "Chi bộ thôn 9B" on: @2025-07-01"#) == nil)
        _ = try s.output(#"admit "Lê Văn Cường" born: @1980-03-03 gender: male org: "Chi bộ thôn 8" on: @2002-05-01 introducers_on_file: true"#)
        #expect(failure(s, #"members | org split name: "Chi bộ hỗn hợp" on: @2025-07-02"#) == "E1128")
        #expect(try s.value(#"orgs | where name == "Chi bộ thôn 9B" | select parent.name"#) == .text("Đảng bộ xã Gia Hiệp"))
        #expect(try s.value(#"members | where org.name == "Chi bộ thôn 9B" | count"#) == .int(2))
    }

    @Test func temporaryTransfersLastThreeMonthsToUnderAYear() throws {
        let (db, s) = try district()
        defer { db.remove() }
        let base = #"transfer temp 1 to: "Chi bộ thôn 8" on: @2024-03-01"#
        #expect(failure(s, base + " until: @2024-05-31") == "E1129")
        #expect(failure(s, base + " until: @2025-03-01") == "E1129")
        #expect(failure(s, "transfer return 1 on: @2024-04-01") == "E1130")
        #expect(failure(s, base + " until: @2025-03-01 study: true") == nil)
        #expect(failure(s, "transfer return 1 on: @2025-03-01") == nil)
        // The home cell keeps the member on its roll throughout.
        #expect(try s.value("members | where id == 1 | select org.name") == .text("Chi bộ thôn 9"))
    }

    @Test func candidatesMoveStepByStepAndAdmissionClosesThePipeline() throws {
        let (db, s) = try district()
        defer { db.remove() }
        _ = try s.output(#"candidate add "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 9" on: @2019-01-10"#)
        #expect(failure(s, "candidate step 1 stage: applied on: @2019-02-01") == "E1133")  // R25: the course first
        _ = try s.output("candidate step 1 stage: trained on: @2019-03-15")
        _ = try s.output("candidate step 1 stage: applied on: @2019-04-15")
        let admit = #"admit "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 9" on: @2024-06-01 candidate: 1 introducers_on_file: true"#
        #expect(failure(s, admit) == "E1134")  // the cell has not resolved
        _ = try s.output("candidate step 1 stage: resolved on: @2024-05-01")
        #expect(failure(s, admit) == "E1135")  // the certificate of 15/3/2019 expired after five years
        #expect(failure(s, admit.replacingOccurrences(of: "@2024-06-01", with: "@2024-03-01")) == nil)
        #expect(try s.output("candidates | select stage, member.name") == "admitted | Lê Thị Mai")
        #expect(failure(s, "candidate step 1 stage: dropped on: @2024-04-01") == "E1132")
    }

    @Test func unverifiedFiguresAreSettingsStaffCanChange() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"setting "R99.years" value: "3""#) == "E0306")
        #expect(failure(s, #"setting "R25.years" value: "ba""#) == "E0307")
        #expect(failure(s, #"setting "R15.expulsion" value: "3/2""#) == "E0307")
        // R15: with the default two thirds, 6 of 10 cannot expel; a province that uses 3/5 can.
        _ = try s.output(#"org add "Chi bộ khác" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#)
        let expel = #"discipline member: 1 measure: expulsion by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01 votes: 6 of: 10"#
        #expect(failure(s, expel) == "E1211")
        #expect(try s.output(#"setting "R15.expulsion" value: "3/5""#) == "R15.expulsion = 3/5 (mặc định 2/3).")
        #expect(failure(s, expel) == nil)
        // R25: the certificate's validity, five years by default.
        _ = try s.output("""
            candidate add "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 9" on: @2021-01-10
            candidate step 1 stage: trained on: @2021-03-15
            candidate step 1 stage: applied on: @2021-04-15
            candidate step 1 stage: resolved on: @2024-05-01
            setting "R25.years" value: "3"
            """)
        #expect(failure(s, #"admit "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 9" on: @2024-06-01 candidate: 1 introducers_on_file: true"#) == "E1135")
        #expect(try s.value(#"settings | where key == "R25.years" | select value"#) == .text("3"))
        // Every change of a setting is in the audit trail.
        #expect(try s.value(#"audit_changes | where entity == "settings" | count"#) == .int(2))
    }
}
