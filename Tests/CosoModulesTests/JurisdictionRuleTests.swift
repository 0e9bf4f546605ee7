import CosoCore
import CosoScript
import CosoTesting
import Testing

/// A district with two communes, a cell in each, and a full member in each cell (ids 1, 2).
private func district() throws -> (TemporaryDatabase, Session) {
    let db = try TemporaryDatabase()
    let s = try db.session(allModules)
    _ = try s.output("""
        org add "Đảng bộ huyện Di Linh" kind: district_committee founded: @1976-01-01
        org add "Đảng bộ xã Gia Hiệp" kind: commune_committee parent: "Đảng bộ huyện Di Linh" founded: @1980-01-01
        org add "Đảng bộ xã Gia Bắc" kind: commune_committee parent: "Đảng bộ huyện Di Linh" founded: @1980-01-01
        org add "Chi bộ thôn 8" kind: village_cell parent: "Đảng bộ xã Gia Hiệp" founded: @1990-01-01
        org add "Chi bộ thôn Đăng Gia" kind: village_cell parent: "Đảng bộ xã Gia Bắc" founded: @1990-01-01
        admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2000-03-01 introducers_on_file: true
        confirm 1 on: @2001-03-05
        admit "K'Brăk" born: @1975-02-02 gender: male org: "Chi bộ thôn Đăng Gia" on: @2001-04-01 introducers_on_file: true
        confirm 2 on: @2002-04-05
        """)
    return (db, s)
}

/// Who may decide and what a structure may hold (DOMAIN.md §3 R8, R15, R20, R26; 294-QĐ/TW):
/// each rule broken where it applies (refused, nothing written) and kept where it does not.
@Suite struct JurisdictionRuleTests {
    @Test func aCommitteeDecidesOnlyWithinItsOwnSubtree() throws {
        let (db, s) = try district()
        defer { db.remove() }
        let before = try auditCount(s)
        #expect(failure(s, #"discipline member: 2 measure: warning by: "Đảng bộ xã Gia Hiệp" on: @2024-03-01"#) == "E1009")
        // A commune disciplining its own superior.
        #expect(failure(s, #"discipline org: "Đảng bộ huyện Di Linh" measure: reprimand by: "Đảng bộ xã Gia Hiệp" on: @2024-03-01"#) == "E1009")
        #expect(try auditCount(s) == before)
        #expect(failure(s, #"discipline member: 1 measure: warning by: "Đảng bộ xã Gia Hiệp" on: @2024-03-01"#) == nil)
        #expect(failure(s, #"discipline org: "Chi bộ thôn 8" measure: reprimand by: "Đảng bộ xã Gia Hiệp" on: @2024-03-01"#) == nil)
    }

    @Test func admissionsConfirmationsAndRemovalsAreDecidedByACompetentCommittee() throws {
        let (db, s) = try district()
        defer { db.remove() }
        let admit = #"admit "Hồ Văn Em" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-03-01 introducers_on_file: true by: "#
        #expect(failure(s, admit + #""Chi bộ thôn 8""#) == "E1161")          // a cell does not admit
        #expect(failure(s, admit + #""Đảng bộ xã Gia Bắc""#) == "E1009")     // another commune's cell
        #expect(failure(s, admit + #""Đảng bộ xã Gia Hiệp""#) == nil)
        #expect(try s.output("member_events | where member == 3 and kind == admitted | select decided_by.name") == "Đảng bộ xã Gia Hiệp")
        #expect(failure(s, #"remove 2 on: @2025-03-01 reason: other by: "Đảng bộ xã Gia Hiệp""#) == "E1009")
        #expect(failure(s, #"remove 2 on: @2025-08-01 reason: other by: "Đảng bộ huyện Di Linh""#) == "E1010")
        #expect(failure(s, #"remove 2 on: @2025-03-01 reason: other by: "Đảng bộ huyện Di Linh""#) == nil)
    }

    @Test func theDistrictDecidesNothingFromJuly2025() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"discipline member: 1 measure: expulsion by: "Đảng bộ huyện Di Linh" on: @2025-08-01"#) == "E1010")
        #expect(try s.output("members | where id == 1 | select status") == "official")
        #expect(failure(s, #"discipline member: 1 measure: expulsion by: "Đảng bộ huyện Di Linh" on: @2025-06-01"#) == nil)
        #expect(try s.output("members | where id == 1 | select status, ended") == "expelled | 2025-06-01")
    }

    @Test func aDecisionIsJudgedOnTheCellTheMemberWasInThen() throws {
        let (db, s) = try district()
        defer { db.remove() }
        // Member 1 moved to Gia Bắc in 2024; Gia Hiệp's decision on a 2023 case was within its
        // subtree then, Gia Bắc's was not.
        _ = try s.output(#"members | where id == 1 | transfer to: "Chi bộ thôn Đăng Gia" on: @2024-01-10"#)
        #expect(failure(s, #"discipline member: 1 measure: warning by: "Đảng bộ xã Gia Bắc" on: @2023-06-01"#) == "E1009")
        #expect(failure(s, #"discipline member: 1 measure: warning by: "Đảng bộ xã Gia Hiệp" on: @2023-06-01"#) == nil)
    }

    @Test func rolesFitTheOrganisationsKindAndCommittee() throws {
        let (db, s) = try district()
        defer { db.remove() }
        // A cell without a committee: a secretary, no committee member, never a standing member or an inspection chair.
        #expect(failure(s, #"appoint 1 role: member org: "Chi bộ thôn 8" on: @2022-06-01"#) == "E1156")
        #expect(failure(s, #"appoint 1 role: standing org: "Chi bộ thôn 8" on: @2022-06-01"#) == "E1156")
        #expect(failure(s, #"appoint 1 role: inspection_chair org: "Chi bộ thôn 8" on: @2022-06-01"#) == "E1156")
        #expect(failure(s, #"appoint 1 role: group_leader org: "Chi bộ thôn 8" on: @2022-06-01"#) == "E1156")
        #expect(failure(s, #"appoint 1 role: secretary org: "Chi bộ thôn 8" on: @2022-06-01"#) == nil)
        // Corrected into a role the cell does not have: refused as appoint refuses it.
        #expect(failure(s, #"positions | where member == 1 | update role: member reason: "x""#) == "E1156")
        // Once the cell elected a committee (from its term), a committee member is possible.
        _ = try s.output(#"term "Chi bộ thôn 8" started: @2023-01-10 ends: @2028-01-09 seats: 3"#)
        #expect(failure(s, #"appoint 1 role: member org: "Chi bộ thôn 8" on: @2022-12-01"#) == "E1156")
        #expect(failure(s, #"appoint 1 role: member org: "Chi bộ thôn 8" on: @2023-02-01"#) == nil)
        // A commune committee with its committee: a standing member and an inspection chair.
        _ = try s.output(#"term "Đảng bộ xã Gia Hiệp" started: @2020-07-15 ends: @2025-07-14 seats: 15"#)
        #expect(failure(s, #"appoint 1 role: inspection_chair org: "Đảng bộ xã Gia Hiệp" on: @2023-02-01"#) == nil)
    }

    @Test func theTreeKeepsItsShape() throws {
        let (db, s) = try district()
        defer { db.remove() }
        #expect(failure(s, #"org add "Chi bộ thôn 9" kind: village_cell parent: "Chi bộ thôn 8""#) == "E1007")
        #expect(failure(s, #"org add "Đảng bộ xã Mới" kind: commune_committee parent: "Chi bộ thôn 8""#) == "E1007")
        #expect(failure(s, #"org move "Chi bộ thôn 8" to: "Chi bộ thôn Đăng Gia" on: @2024-01-01"#) == "E1007")
        // From 1/7/2025 nothing new under the district; before, a new commune committee was.
        #expect(failure(s, #"org add "Đảng bộ xã Tân Lâm" kind: commune_committee parent: "Đảng bộ huyện Di Linh" founded: @2025-07-01"#) == "E1008")
        #expect(failure(s, #"org move "Chi bộ thôn 8" to: "Đảng bộ huyện Di Linh" on: @2025-08-01"#) == "E1007")
        #expect(failure(s, #"org add "Đảng bộ xã Tân Lâm" kind: commune_committee parent: "Đảng bộ huyện Di Linh" founded: @2024-07-01"#) == nil)
        #expect(failure(s, #"org add "Tổ đảng số 1" kind: party_group parent: "Chi bộ thôn 8""#) == nil)
    }

    @Test func aFeeComputedFromTheSalaryNeedsTheSalary() throws {
        let db = try TemporaryDatabase()
        let s = try db.session(allModules, today: LocalDate(year: 2026, month: 4, day: 1)!)
        defer { db.remove() }
        _ = try s.output("""
            org add "Chi bộ thôn 8" kind: village_cell
            admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2000-03-01 work_status: civil_servant introducers_on_file: true
            confirm 1 on: @2001-03-05
            """)
        #expect(failure(s, "fee 1 month: @2026-03-01 amount: 1000") == "E1157")
        #expect(failure(s, "fee 1 month: @2026-03-01 amount: 1000 base: 9000000") == "E1140")
        #expect(failure(s, "fee 1 month: @2026-03-01 amount: 90000 base: 9000000") == nil)
        // Before 01-QĐ/TW the amount was not computed from a base.
        #expect(failure(s, "fee 1 month: @2025-12-01 amount: 30000") == nil)
    }

    @Test func theAgeAtAdmissionIsCountedInMonths() throws {
        let (db, s) = try district()
        defer { db.remove() }
        // Born 29/2/2008: eighteen on 28/2/2026 as the months count.
        let admit = #"admit "Hồ Văn Em" born: @2008-02-29 gender: male org: "Chi bộ thôn 8" introducers_on_file: true on: "#
        #expect(failure(s, admit + "@2026-01-14") == "E1102")
    }
}

/// Keeping structure true: positions end (by command, on leaving the roll, on removal from post),
/// and badges follow seniority (R24).
@Suite struct PositionAndAwardTests {
    @Test func positionsEndByCommandAndWhenTheHolderLeaves() throws {
        let (db, s) = try district()
        defer { db.remove() }
        _ = try s.output(#"appoint 1 role: secretary org: "Chi bộ thôn 8" on: @2020-06-01"#)
        _ = try s.output(#"appoint 2 role: secretary org: "Chi bộ thôn Đăng Gia" on: @2020-06-01"#)
        // A new secretary needs the old one's end first; then it follows.
        #expect(failure(s, "position end 1 on: @2020-05-01") == "E1159")
        #expect(failure(s, #"positions | where member == 1 | position end on: @2024-06-30"#) == nil)
        #expect(try s.output("positions | where member == 1 | select ended") == "2024-06-30")
        #expect(failure(s, "position end 1 on: @2024-07-30") == "E1158")
        // Struck off: the position ends with the roll (D117 cannot arise from a command).
        _ = try s.output("remove 2 on: @2025-03-01 reason: other")
        #expect(try s.output("positions | where member == 2 | select ended") == "2025-03-01")
    }

    @Test func removalFromPostEndsThePosts() throws {
        let (db, s) = try district()
        defer { db.remove() }
        _ = try s.output(#"appoint 1 role: secretary org: "Chi bộ thôn 8" on: @2020-06-01"#)
        _ = try s.output(#"discipline member: 1 measure: removal_from_post by: "Đảng bộ xã Gia Hiệp" on: @2024-03-01"#)
        #expect(try s.output("positions | where member == 1 | select ended") == "2024-03-01")
    }

    @Test func badgesFollowSeniority() throws {
        let (db, s) = try district()
        defer { db.remove() }
        // Admitted in 2000: thirty years in 2030, not in 2025.
        #expect(failure(s, "award 1 year: 2025 kind: badge badge: 30") == "E1160")
        #expect(failure(s, "award 1 year: 2025 kind: badge") == "E0515")
        #expect(failure(s, "award 1 year: 2025 kind: badge badge: 25") == "E0505")
        #expect(failure(s, "award 1 year: 2025 kind: excellent_year") == nil)
        #expect(try s.value("awards | where member == 1 | count") == .int(1))
        // Corrected into a badge the member had not reached: refused as award refuses it.
        #expect(failure(s, #"awards | where member == 1 | update kind: badge badge_years: 30 reason: "x""#) == "E1160")
    }
}

/// A renaming is dated: the tree as it stood shows the name of the date, the old one stays searchable.
@Suite struct OrgRenameTests {
    @Test func aRenamedOrganisationReadsAsItWasBeforeTheDate() throws {
        let (db, s) = try district()
        defer { db.remove() }
        _ = try s.output(#"org rename "Chi bộ thôn 8" to: "Chi bộ thôn Tám" on: @2025-07-01"#)
        #expect(try s.output(#"orgs | where id == 4 | select name"#) == "Chi bộ thôn Tám")
        #expect(try s.output(#"orgs asof @2025-06-30 | where id == 4 | select name"#) == "Chi bộ thôn 8")
        #expect(try s.output(#"orgs asof @2025-07-01 | where id == 4 | select name"#) == "Chi bộ thôn Tám")
        #expect(try s.value(#"orgs asof @2024-01-01 | where name =~ "chi bo thon 8" | count"#) == .int(1))
        #expect(try s.output(#"org_names | where name =~ "chi bo thon 8" | select org.name, until"#) == "Chi bộ thôn Tám | 2025-06-30")
        // A second renaming: each date reads its own name.
        #expect(failure(s, #"org rename "Chi bộ thôn Tám" to: "Chi bộ thôn 8A" on: @2025-06-01"#) == "E1012")
        _ = try s.output(#"org rename "Chi bộ thôn Tám" to: "Chi bộ thôn 8A" on: @2025-09-01"#)
        #expect(try s.output(#"orgs asof @2025-08-01 | where id == 4 | select name"#) == "Chi bộ thôn Tám")
        #expect(try s.output(#"orgs asof @2020-08-01 | where id == 4 | select name"#) == "Chi bộ thôn 8")
        #expect(failure(s, #"org rename "Chi bộ thôn 8A" to: "Chi bộ thôn 8A" on: @2025-10-01"#) == "E1011")
    }
}
