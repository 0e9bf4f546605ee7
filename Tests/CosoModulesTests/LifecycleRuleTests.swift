import CosoCore
import CosoMembers
import CosoOrganisations
import CosoScript
import CosoTesting
import Testing

/// A small district with three full members in Chi bộ thôn 8 (ids 1-3) and one probationary
/// member (id 4), admitted through the commands so that their history is recorded.
private func withMembers() throws -> (TemporaryDatabase, Session) {
    let (db, s) = try smallDistrict()
    _ = try s.output("""
        admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2000-03-01 introducers_on_file: true
        admit "Trần Thị Bình" born: @1975-02-02 gender: female org: "Chi bộ thôn 8" on: @2001-04-01 introducers_on_file: true
        admit "Lê Văn Cường" born: @1980-03-03 gender: male org: "Chi bộ thôn 8" on: @2002-05-01 introducers_on_file: true
        confirm 1 on: @2001-03-05
        confirm 2 on: @2002-04-05
        confirm 3 on: @2003-05-05
        admit "Phạm Thị Dung" born: @2000-04-04 gender: female org: "Chi bộ thôn 8" on: @2025-06-01 introducers_on_file: true
        """)
    return (db, s)
}

/// The rules of the lifecycle, discipline, training and organisation commands, each broken once
/// and seen refused with nothing written; and the date-dependent ones under both rulebooks.
@Suite struct LifecycleRuleTests {
    @Test func introducersMustBeTwoDifferentFullMembers() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        let base = #"admit "Hồ Văn Em" born: @1995-01-01 gender: male org: "Chi bộ thôn 8" on: @2025-09-01 introducers_on_file: true"#
        let before = try auditCount(s)
        #expect(failure(s, base + " introducer1: 1 introducer2: 1") == "E1111")
        #expect(failure(s, base + " introducer1: 1 introducer2: 4") == "E1112")  // 4 is probationary
        // On 1/3/2001 member 2 was not yet a full member.
        #expect(failure(s, #"admit "Hồ Văn Em" born: @1980-01-01 gender: male org: "Chi bộ thôn 8" on: @2001-03-10 introducer1: 1 introducer2: 2"#) == "E1112")
        #expect(try auditCount(s) == before)
        #expect(failure(s, base + " introducer1: 1 introducer2: 2") == nil)
        #expect(try s.output("member_events | where kind == admitted | sort -id | first | select introducer1, introducer2")
                == "Nguyễn Văn An | Trần Thị Bình")
    }

    @Test func theCellResolutionNeedsTwoThirdsOfItsFullMembers() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        let base = #"admit "Hồ Văn Em" born: @1995-01-01 gender: male org: "Chi bộ thôn 8" on: @2025-09-01 introducers_on_file: true"#
        #expect(failure(s, base + " votes: 1") == "E1141")  // 1 of 3 full members
        #expect(failure(s, base + " votes: 4") == "E1141")  // more votes than full members
        #expect(failure(s, base + " votes: 2") == nil)
        #expect(try s.output("member_events | sort -id | first | select votes_for, votes_total") == "2 | 3")
    }

    @Test func cardsHaveEightDigitsAndGoToFullMembersOnly() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        #expect(failure(s, #"card 1 number: "1234567" on: @2002-01-01"#) == "E0507")
        #expect(failure(s, #"card 4 number: "12345678" on: @2025-07-01"#) == "E1115")
        #expect(failure(s, #"card 1 number: "12345678" on: @2000-06-01"#) == "E1115")  // before full membership
        #expect(failure(s, #"card 1 number: "12345678" on: @2002-01-01"#) == nil)
        #expect(failure(s, #"card 2 number: "12345678" on: @2003-01-01"#) == "E0512")
    }

    @Test func suspensionReinstatementWithdrawalAndDeathFollowTheStatus() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        #expect(failure(s, "reinstate 1 on: @2024-01-01") == "E1114")
        #expect(failure(s, "suspend 1 on: @2024-01-01") == nil)
        #expect(failure(s, "suspend 1 on: @2024-02-01") == "E1113")
        #expect(failure(s, "reinstate 1 on: @2024-06-01") == nil)
        #expect(try s.value("members | where id == 1 | select status") == .text("official"))
        #expect(failure(s, "death 2 on: @2024-07-01") == nil)
        #expect(failure(s, "withdraw 2 on: @2024-08-01") == "E1109")
        // The history reads back at any date.
        #expect(try s.value("members asof @2024-03-01 | where id == 1 | select status") == .text("suspended"))
        #expect(try s.value("members asof @2024-07-01 | where id == 1 | select status") == .text("official"))
        #expect(try s.value("members asof @2024-06-30 | where id == 2 | select status") == .text("official"))
        #expect(try s.value("members asof @2024-07-01 | where id == 2 | select status") == .text("deceased"))
        #expect(try s.value("members asof @2001-12-31 | count") == .int(2))
    }

    @Test func aTransferOutWithoutArrivalIsFlaggedAfterThirtyWorkingDays() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        #expect(failure(s, #"transfer out 3 on: @2025-09-01 to: "Chi bộ thôn 9""#) == nil)
        #expect(try s.value(#"check asof @2025-10-01 | where code == "D109" | count"#) == .int(0))
        #expect(try s.value(#"check asof @2025-10-20 | where code == "D109" | count"#) == .int(1))
        #expect(failure(s, #"transfer in 3 to: "Chi bộ thôn Cũ" on: @2025-10-21"#) == "E1003")
        #expect(failure(s, #"transfer in 3 to: "Chi bộ thôn 9" on: @2025-10-21"#) == nil)
        #expect(try s.value(#"check asof @2025-10-22 | where code == "D109" | count"#) == .int(0))
        #expect(try s.value("members | where id == 3 | select org.name") == .text("Chi bộ thôn 9"))
        #expect(try s.value("members asof @2025-10-01 | where id == 3 | select status") == .text("transferred_out"))
    }

    @Test func disciplineMeasuresDecidersVotesAndLimitation() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        // R15: an agency's grassroots committee not authorised to admit cannot expel.
        _ = try s.output(#"org add "Đảng bộ Cơ quan huyện" kind: grassroots_committee"#)
        #expect(failure(s, #"discipline member: 1 measure: expulsion by: "Đảng bộ Cơ quan huyện" on: @2025-09-01"#) == "E1212")
        #expect(failure(s, #"discipline member: 1 measure: removal_from_post by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#) == "E1205")
        _ = try s.output(#"appoint 1 role: secretary org: "Chi bộ thôn 8" on: @2020-01-01"#)
        let before = try auditCount(s)
        // R14: a probationary member is only reprimanded or warned; removal needs a post.
        #expect(failure(s, #"discipline member: 4 measure: expulsion by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#) == "E1204")
        // R15: a cell reprimands or warns its own members only.
        #expect(failure(s, #"discipline member: 1 measure: expulsion by: "Chi bộ thôn 8" on: @2025-09-01"#) == "E1212")
        #expect(failure(s, #"discipline member: 1 measure: removal_from_post by: "Chi bộ thôn 8" on: @2025-09-01"#) == "E1206")
        #expect(failure(s, #"discipline member: 1 measure: warning by: "Chi bộ thôn 9" on: @2025-09-01"#) == "E1207")
        #expect(failure(s, #"discipline member: 1 measure: expulsion by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01 votes: 6 of: 10"#) == "E1211")
        #expect(failure(s, #"discipline member: 1 measure: warning by: "Chi bộ thôn 8" on: @2025-09-01 votes: 5 of: 10"#) == "E1211")
        // R16: five years for a reprimand, none for expulsion.
        #expect(failure(s, #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 8" on: @2025-09-01 offence: @2020-08-31"#) == "E1209")
        #expect(failure(s, #"discipline org: "Chi bộ thôn 9" measure: expulsion by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#) == "E1204")
        #expect(try auditCount(s) == before)
        #expect(failure(s, #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 8" on: @2025-09-01 offence: @2020-09-02 votes: 6 of: 10"#) == nil)
        #expect(failure(s, #"discipline member: 2 measure: expulsion by: "Đảng bộ xã Gia Hiệp" on: @2025-09-01 offence: @1999-01-01 votes: 7 of: 10"#) == nil)
        #expect(try s.value("members | where id == 2 | select status") == .text("expelled"))
        // R17: the member reprimanded in 2025 is rated failed that year.
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 80") == "E1142")
        #expect(failure(s, "members | where id == 1 | rate 2025 level: failed score: 40") == nil)
        #expect(try s.value(#"check | where code == "D301" | count"#) == .int(0))
    }

    @Test func aCompletedTheoryCourseRaisesTheLevelAndNeverLowersIt() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        #expect(failure(s, "train 1 course: intermediate ended: @2023-06-30") == nil)
        #expect(try s.value("members | where id == 1 | select theory") == .text("intermediate"))
        #expect(failure(s, "train 1 course: elementary ended: @2024-06-30") == nil)
        #expect(try s.value("members | where id == 1 | select theory") == .text("intermediate"))
        #expect(failure(s, "train 4 course: new_member ended: @2025-01-01") == "E1301")
        #expect(try s.value("trainings | count") == .int(2))
    }

    @Test func positionsGoToFullMembersOfTheOrganisationOneSecretaryAtATime() throws {
        let (db, s) = try withMembers()
        defer { db.remove() }
        #expect(failure(s, #"appoint 4 role: deputy org: "Chi bộ thôn 8" on: @2025-09-01"#) == "E1117")
        #expect(failure(s, #"appoint 1 role: secretary org: "Chi bộ thôn 9" on: @2025-09-01"#) == "E1118")
        #expect(failure(s, #"appoint 1 role: secretary org: "Đảng bộ xã Gia Hiệp" on: @2025-09-01"#) == nil)  // a cell beneath it
        #expect(failure(s, #"appoint 2 role: secretary org: "Đảng bộ xã Gia Hiệp" on: @2025-09-02"#) == "E1119")
        // T12: a commune secretary below intermediate theory is reported.
        #expect(try s.value(#"check | where code == "D111" | count"#) == .int(1))
    }

    @Test func noDistrictCommitteeIsFoundedUnder294() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        // The same command under the two rulebooks: accepted under 24-QĐ/TW, refused under 294-QĐ/TW.
        #expect(failure(s, #"org add "Đảng bộ huyện Mới" kind: district_committee founded: @2025-06-30"#) == nil)
        #expect(failure(s, #"org add "Đảng bộ huyện Mới 2" kind: district_committee founded: @2025-07-01"#) == "E1005")
        #expect(failure(s, #"org add "Đảng bộ huyện Mới 3" kind: district_committee"#) == "E1005")
        #expect(try s.value(#"rules asof @2025-06-30 | where code == "ORG-294" and in_force | count"#) == .int(0))
        #expect(try s.value(#"rules asof @2025-07-01 | where code == "ORG-294" and in_force | count"#) == .int(1))
        #expect(try s.value(#"rules asof @2025-07-01 | where code == "ORG-24" and in_force | count"#) == .int(0))
    }

    @Test func organisationChecksFindLiveChildrenOfEndedParentsAndVillagesWithoutCells() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"org add "Tổ đảng 1" kind: party_group parent: "Chi bộ thôn 8""#)
        try s.store.write(WriteOrigin(user: "t", statement: "fixture", source: "test")) { tx in
            _ = try tx.insert(Villages.entity, [Villages.name: .text("Thôn 10"), Villages.kind: .text("village"), Villages.commune: .int(1),
                                           Villages.headIsMember: .bool(true), Villages.frontHeadIsMember: .bool(false)])
            _ = try tx.insert(Villages.entity, [Villages.name: .text("Thôn Cũ"), Villages.kind: .text("village"), Villages.commune: .int(1), Villages.cell: .int(4),
                                           Villages.headIsMember: .bool(true), Villages.frontHeadIsMember: .bool(false)])
            try tx.update(Orgs.entity, id: 2, [Orgs.dissolved: .date(LocalDate(year: 2024, month: 1, day: 1)!)])
        }
        #expect(try s.output(#"check | where code in ["D201", "D202", "D203"] | sort code | select code, subject"#)
                == "D201 | Tổ đảng 1\nD202 | Thôn 10\nD203 | Thôn Cũ")
        #expect(try s.value(#"check asof @2023-12-31 | where code == "D201" | count"#) == .int(0))
    }
}

@Suite struct CeremonyTests {
    @Test func theCeremonyComesWithinThirtyWorkingDaysOrWithConsent() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"admit "Phạm Thị Dung" born: @2000-04-04 gender: female org: "Chi bộ thôn 8" on: @2025-06-01 introducers_on_file: true"#)
        #expect(failure(s, "ceremony 1 on: @2025-05-30") == "E1145")
        #expect(failure(s, "ceremony 1 on: @2025-08-01") == "E1143")
        #expect(try s.value(#"check asof @2025-08-01 | where code == "D119" | count"#) == .int(1))
        #expect(failure(s, "ceremony 1 on: @2025-08-01 consent: true") == nil)
        #expect(failure(s, "ceremony 1 on: @2025-08-02 consent: true") == "E1146")
        #expect(try s.value(#"check asof @2025-08-02 | where code == "D119" | count"#) == .int(0))
    }
}
