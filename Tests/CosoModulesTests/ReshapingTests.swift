import CosoCore
import CosoScript
import CosoTesting
import Testing

/// Merging and splitting organisations, temporary transfers and the candidate pipeline.
@Suite struct ReshapingTests {
    private func district() throws -> (TemporaryDatabase, Session) {
        let (db, s) = try smallDistrict()
        _ = try s.output("""
            admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 9" on: @2000-03-01
            admit "Trần Thị Bình" born: @1975-02-02 gender: female org: "Chi bộ thôn 9" on: @2001-04-01
            confirm 1 on: @2001-03-05
            appoint 1 role: secretary org: "Chi bộ thôn 9" on: @2020-07-01
            """)
        try s.store.write(WriteOrigin(user: "t", statement: "fixture", source: "test")) { tx in
            _ = try tx.insert("villages", ["name": .text("Thôn 9"), "kind": .text("village"), "commune": .int(1), "cell": .int(3),
                                           "head_is_member": .bool(true), "front_head_is_member": .bool(true)])
        }
        return (db, s)
    }

    @Test func mergingMovesMembersVillagesAndKeepsTheirHistory() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"org merge "Chi bộ thôn 9" into: "Chi bộ thôn 9" on: @2025-07-01"#) == "E0362")
        #expect(failure(s, #"org merge "Chi bộ thôn 9" into: "Chi bộ thôn Cũ" on: @2025-07-01"#) == "E0324")
        #expect(failure(s, #"org merge "Chi bộ thôn 9" into: "Đảng bộ xã Gia Hiệp" on: @2025-07-01"#) == "E0325")
        #expect(try s.output(#"org merge "Chi bộ thôn 9" into: "Chi bộ thôn 8" on: @2025-07-01"#)
                == "Đã sáp nhập Chi bộ thôn 9 vào Chi bộ thôn 8: 2 đảng viên, 0 tổ chức, 1 thôn.")
        #expect(try s.output("members | sort id | select org.name") == "Chi bộ thôn 8\nChi bộ thôn 8")
        #expect(try s.value("villages | select cell.name") == .text("Chi bộ thôn 8"))
        #expect(try s.value(#"orgs | where name == "Chi bộ thôn 9" | select dissolved_how"#) == .text("merged"))
        #expect(try s.value("positions | where ended == null | count") == .int(0))
        // Before the merger the members were in the old cell.
        #expect(try s.output("members asof @2025-06-30 | sort id | select org.name") == "Chi bộ thôn 9\nChi bộ thôn 9")
        #expect(try s.value(#"check | where code in ["D108", "D203"] | count"#) == .int(0))
    }

    @Test func splittingFoundsACellBesideTheOldOne() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"members | org split name: "Chi bộ thôn 9B" on: @2025-07-01"#) == nil)
        _ = try s.output(#"admit "Lê Văn Cường" born: @1980-03-03 gender: male org: "Chi bộ thôn 8" on: @2002-05-01"#)
        #expect(failure(s, #"members | org split name: "Chi bộ hỗn hợp" on: @2025-07-02"#) == "E0363")
        #expect(try s.value(#"orgs | where name == "Chi bộ thôn 9B" | select parent.name"#) == .text("Đảng bộ xã Gia Hiệp"))
        #expect(try s.value(#"members | where org.name == "Chi bộ thôn 9B" | count"#) == .int(2))
    }

    @Test func temporaryTransfersLastThreeMonthsToUnderAYear() throws {
        let (db, s) = try district()
        defer { db.remove() }
        let base = #"transfer temp 1 to: "Chi bộ thôn 8" on: @2024-03-01"#
        #expect(failure(s, base + " until: @2024-05-31") == "E0364")
        #expect(failure(s, base + " until: @2025-03-01") == "E0364")
        #expect(failure(s, "transfer return 1 on: @2024-04-01") == "E0365")
        #expect(failure(s, base + " until: @2025-03-01 study: true") == nil)
        #expect(failure(s, "transfer return 1 on: @2025-03-01") == nil)
        // The home cell keeps the member on its roll throughout.
        #expect(try s.value("members | where id == 1 | select org.name") == .text("Chi bộ thôn 9"))
    }

    @Test func candidatesMoveStepByStepAndAdmissionClosesThePipeline() throws {
        let (db, s) = try district()
        defer { db.remove() }
        _ = try s.output(#"candidate add "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 9" on: @2019-01-10"#)
        #expect(failure(s, "candidate step 1 stage: applied on: @2019-02-01") == "E0368")  // R25: the course first
        _ = try s.output("candidate step 1 stage: trained on: @2019-03-15")
        _ = try s.output("candidate step 1 stage: applied on: @2019-04-15")
        let admit = #"admit "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 9" on: @2024-06-01 candidate: 1"#
        #expect(failure(s, admit) == "E0369")  // the cell has not resolved
        _ = try s.output("candidate step 1 stage: resolved on: @2024-05-01")
        #expect(failure(s, admit) == "E0370")  // the certificate of 15/3/2019 expired after five years
        #expect(failure(s, admit.replacingOccurrences(of: "@2024-06-01", with: "@2024-03-01")) == nil)
        #expect(try s.output("candidates | select stage, member.name") == "admitted | Lê Thị Mai")
        #expect(failure(s, "candidate step 1 stage: dropped on: @2024-04-01") == "E0367")
    }
}
