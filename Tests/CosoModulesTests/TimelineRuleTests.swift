import CosoCore
import CosoScript
import CosoTesting
import Testing

/// Two full members of Chi bộ thôn 8 admitted in 2010 (ids 1, 2) and one admitted in 2025 (id 3).
private func register() throws -> (TemporaryDatabase, Session) {
    let (db, s) = try smallDistrict()
    _ = try s.output("""
        admit "Nguyễn Văn An" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2010-03-01 introducers_on_file: true
        confirm 1 on: @2011-03-05
        admit "Trần Thị Bình" born: @1975-02-02 gender: female org: "Chi bộ thôn 8" on: @2010-04-01 introducers_on_file: true
        confirm 2 on: @2011-04-05
        admit "Lê Văn Cường" born: @1990-03-03 gender: male org: "Chi bộ thôn 8" on: @2025-05-01 introducers_on_file: true
        """)
    return (db, s)
}

/// Every event judged at its own date against the member's whole history: each rule broken at a
/// date where it applies (refused, nothing written) and kept at a date where it does not
/// (accepted), history entered years later among them.
@Suite struct TimelineRuleTests {
    @Test func anIntroducerIsJudgedAsTheyWereOnTheAdmissionDate() throws {
        let (db, s) = try register()
        defer { db.remove() }
        // Member 2 is struck off in 2025; in 2019 both were full members.
        _ = try s.output("remove 2 on: @2025-03-01 reason: other")
        #expect(failure(s, #"admit "Hồ Văn Em" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2025-09-01 introducer1: 1 introducer2: 2"#) == "E1112")
        #expect(failure(s, #"admit "Hồ Văn Em" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2019-09-01 introducer1: 1 introducer2: 2"#) == nil)
    }

    @Test func twoIntroducersUnlessTheExceptionIsRecorded() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let admit = #"admit "Hồ Văn Em" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-09-01"#
        let before = try auditCount(s)
        #expect(failure(s, admit) == "E1162")
        #expect(failure(s, admit + " introducer1: 1") == "E1162")
        #expect(try auditCount(s) == before)
        // The Youth Union's resolution stands for one introducer.
        #expect(failure(s, admit + " introducer1: 1 union_resolution: true") == nil)
        // Introducers not in this register, from the paper file: said so, and recorded.
        #expect(failure(s, #"admit "Hồ Thị Hoa" born: @1990-01-01 gender: female org: "Chi bộ thôn 8" on: @2024-09-01 introducers_on_file: true"#) == nil)
        #expect(try s.output(#"member_events | where member.name == "Hồ Thị Hoa" and kind == admitted | select note"#)
                == "người giới thiệu ghi trong hồ sơ, không có trong sổ")
        #expect(failure(s, #"admit "Hồ Văn Phúc" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-09-01 introducer1: 1 introducer2: 2"#) == nil)
    }

    @Test func aRatingIsJudgedByTheStatusAtTheYearsEnd() throws {
        let (db, s) = try register()
        defer { db.remove() }
        _ = try s.output("suspend 1 on: @2025-10-01")
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good") == "E1120")
        #expect(failure(s, "members | where id == 1 | rate 2024 level: good") == nil)
    }

    @Test func nothingBeforeTheAdmissionNothingAfterTheEnd() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let before = try auditCount(s)
        // A death in 2020 for a member admitted in 2025; an exemption before the admission.
        #expect(failure(s, "death 3 on: @2020-06-01") == "E1153")
        #expect(failure(s, "exempt 1 on: @2009-01-01 reason: old_age") == "E1153")
        #expect(failure(s, "suspend 3 on: @2025-04-30") == "E1153")
        // A death entered before a card issued later.
        _ = try s.output(#"card 1 number: "12345678" on: @2012-01-01"#)
        let withCard = try auditCount(s)
        #expect(failure(s, "death 1 on: @2011-12-01") == "E1152")
        #expect(try auditCount(s) == withCard)
        #expect(withCard == before.intValue.map { .int($0 + 1) })
        // Where the rule does not apply: a death after everything.
        #expect(failure(s, "death 1 on: @2025-12-01") == nil)
        #expect(try s.output("members | where id == 1 | select status, ended") == "deceased | 2025-12-01")
        #expect(failure(s, "suspend 1 on: @2025-12-20") == "E1113")
    }

    @Test func probationRunsTwelveMonthsFromTheCeremony() throws {
        let (db, s) = try register()
        defer { db.remove() }
        // The ceremony seven weeks after the decision (with the superior's consent).
        _ = try s.output(#"admit "Hồ Văn Em" born: @1990-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-01-10 introducers_on_file: true"#)
        _ = try s.output("ceremony 4 on: @2024-03-01 consent: true")
        #expect(failure(s, "confirm 4 on: @2025-01-15") == "E1105")
        #expect(try s.output("members | where id == 4 | select status") == "probationary")
        #expect(failure(s, "confirm 4 on: @2025-03-05") == nil)
        #expect(try s.output("members | where id == 4 | select status, confirmed") == "official | 2025-03-01")
        // Moving the ceremony later than the confirmation allows is refused.
        #expect(failure(s, #"member_events | where member == 4 and kind == ceremony | update happened: @2024-04-01 reason: "x""#) == "E1105")
    }

    @Test func historyEnteredYearsLaterIsAcceptedWhenItHolds() throws {
        let (db, s) = try register()
        defer { db.remove() }
        // A suspension in 2019 and the reinstatement, entered now.
        #expect(failure(s, "suspend 1 on: @2019-01-10") == nil)
        #expect(try s.output("members | where id == 1 | select status") == "suspended")
        #expect(failure(s, "reinstate 1 on: @2019-06-01") == nil)
        #expect(try s.output("members | where id == 1 | select status") == "official")
        // Suspended in 2015 and never reinstated: the card of 2012 stands, a transfer in 2016 does not.
        _ = try s.output(#"card 2 number: "12345679" on: @2012-01-01"#)
        #expect(failure(s, "suspend 2 on: @2015-01-10") == nil)
        #expect(failure(s, #"members | where id == 2 | transfer to: "Chi bộ thôn 9" on: @2016-01-01"#) == "E1106")
        // `members asof` lists nobody before their admission.
        #expect(try s.value("members asof @2024-12-31 | where id == 3 | count") == .int(0))
    }

    @Test func aTransferInComesAfterTheTransferOutAndTheRollFollows() throws {
        let (db, s) = try register()
        defer { db.remove() }
        _ = try s.output("transfer out 1 on: @2024-03-01")
        #expect(try s.output("members | where id == 1 | select status, ended") == "transferred_out | 2024-03-01")
        #expect(failure(s, #"transfer in 1 to: "Chi bộ thôn 9" on: @2024-02-01"#) == "E1116")
        #expect(failure(s, #"transfer in 1 to: "Chi bộ thôn 9" on: @2024-03-20"#) == nil)
        #expect(try s.output("members | where id == 1 | select status, ended, org.name") == "official |  | Chi bộ thôn 9")
    }

    @Test func candidateStepsComeInTheirOrder() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        _ = try s.output(#"candidate add "Hồ Văn Em" born: @1995-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-01-10"#)
        #expect(failure(s, "candidate step 1 stage: trained on: @2024-01-05") == "E1155")
        _ = try s.output("candidate step 1 stage: trained on: @2024-02-01")
        #expect(failure(s, "candidate step 1 stage: applied on: @2024-01-20") == "E1155")
        #expect(failure(s, "candidate step 1 stage: resolved on: @2024-03-01") == "E1133")
        _ = try s.output("candidate step 1 stage: applied on: @2024-02-20")
        _ = try s.output("candidate step 1 stage: resolved on: @2024-03-01")
        // The step after the resolution is the admission, not another step (this crashed before).
        #expect(failure(s, "candidate step 1 stage: trained on: @2024-03-05") == "E1133")
        #expect(failure(s, #"admit "Hồ Văn Em" born: @1995-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-02-10 candidate: 1 introducers_on_file: true"#) == "E1155")
        #expect(failure(s, #"admit "Hồ Văn Em" born: @1995-01-01 gender: male org: "Chi bộ thôn 8" on: @2024-03-10 candidate: 1 introducers_on_file: true"#) == nil)
    }
}

/// Events imported from a file are judged with each member's whole history, as commands are.
@Suite struct TimelineImportTests {
    func importEvents(_ csv: String, _ db: TemporaryDatabase, _ s: Session) throws -> ImportReport {
        let file = db.directory + "/events.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        return try Importer(store: s.store, entity: s.catalog.entity("member_events")!)
            .run(path: file, origin: WriteOrigin(user: "t", statement: "import", source: "test", today: s.today))
    }

    @Test func anImportedSuspensionIsPartOfTheHistory() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let file = db.directory + "/members.csv"
        try "name,gender,born,org,admitted,confirmed,status\nĐinh Văn Sơn,male,1970-01-01,Chi bộ thôn 8,2010-01-01,2011-01-01,suspended\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let report = try Importer(store: s.store, entity: s.catalog.entity("members")!)
            .run(path: file, origin: WriteOrigin(user: "t", statement: "import", source: "test", today: s.today))
        #expect(report.problems.isEmpty && report.written == 1, "\(report.problems.map(\.code))")
        // The history says suspended: a reinstatement is what follows, and gives official.
        #expect(failure(s, "reinstate 4 on: @2026-01-15") == nil)
        #expect(try s.output("members | where id == 4 | select status") == "official")
    }

    @Test func anImportedHistoryMustHoldAndGivesTheStatus() throws {
        let (db, s) = try register()
        defer { db.remove() }
        let before = try s.store.scalar("SELECT count(*) FROM member_events")
        // A death before the admission of member 3 (admitted 2025): refused, nothing written.
        let bad = try importEvents("member,kind,happened,status\n3,died,2020-06-01,deceased\n1,died,2024-06-01,deceased\n", db, s)
        #expect(bad.written == 0)
        #expect(bad.problems.contains { $0.code == "E1153" })
        #expect(try s.store.scalar("SELECT count(*) FROM member_events") == before)
        // A death in 2024 of member 1: accepted, and the member leaves the roll on that day.
        let good = try importEvents("member,kind,happened,status\n1,died,2024-06-01,deceased\n", db, s)
        #expect(good.problems.isEmpty, "\(good.problems.map(\.code))")
        #expect(try s.output("members | where id == 1 | select status, ended") == "deceased | 2024-06-01")
    }
}
