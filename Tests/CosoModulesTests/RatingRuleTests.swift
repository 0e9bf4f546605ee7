import CosoCore
import CosoScript
import CosoTesting
import Testing

/// Ratings follow the rulebook in force for the year rated (R12, R18).
@Suite struct RatingRuleTests {
    func rated() throws -> (TemporaryDatabase, Session) {
        let (db, s) = try smallDistrict()
        _ = try s.output("""
            admit "Lê Văn Một" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2015-01-10 introducers_on_file: true
            confirm 1 on: @2016-01-20
            admit "Lê Thị Hai" born: @1950-01-01 gender: female org: "Chi bộ thôn 8" on: @1980-01-10 introducers_on_file: true
            confirm 2 on: @1981-01-20
            exempt 2 on: @2020-01-01 reason: old_age
            """)
        return (db, s)
    }

    @Test func exemptMembersAreNotRated() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        #expect(failure(s, "members | rate 2024 level: good") == "E1120")
        #expect(try s.value("ratings | count") == .int(0))
        #expect(failure(s, "members | where status == official | rate 2024 level: good") == nil)
        #expect(failure(s, "members | where status == official | rate 2024 level: excellent") == "E1122")
    }

    @Test func theHundredPointScaleAppliesFrom2025Only() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        // 2024 is rated under 124-QĐ/TW: four levels, no score.
        #expect(failure(s, "members | where id == 1 | rate 2024 level: good score: 80") == "E1124")
        // 2025 under 366-QĐ/TW: the score's band must agree with the level.
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 95") == "E1126")
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 75") == nil)
        #expect(try s.output("ratings | select year, level, score, rulebook") == "2025 | good | 75 | 366-QĐ/TW")
    }

    @Test func yearsBeforeAdmissionOrInTheFutureAreRefused() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        #expect(failure(s, "members | where id == 1 | rate 2014 level: good") == "E1121")
        #expect(failure(s, "members | where id == 1 | rate 2027 level: good") == "E1123")
    }

    @Test func aCellRatedGoodNeededEveryMemberCompletedUntil2022() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        _ = try s.output("""
            members | where id == 1 | rate 2022 level: failed
            members | where id == 1 | rate 2023 level: failed
            """)
        // The same command under two rulebooks: refused for 2022 (21-HD/BTCTW, R19), accepted for 2023.
        #expect(failure(s, #"rate org "Chi bộ thôn 8" 2022 level: good"#) == "E1136")
        #expect(failure(s, #"rate org "Chi bộ thôn 8" 2022 level: completed"#) == nil)
        #expect(failure(s, #"rate org "Chi bộ thôn 8" 2023 level: good"#) == nil)
        #expect(failure(s, #"rate org "Chi bộ thôn 8" 2023 level: good"#) == "E1122")
        #expect(failure(s, #"rate org "Chi bộ thôn 9" 2025 level: good score: 95"#) == "E1126")
        #expect(try s.output("org_ratings | sort year | select year, level, rulebook") == "2022 | completed | 132-QĐ/TW\n2023 | good | 124-QĐ/TW")
    }

    @Test func quarterlyRatingsAreKeptApart() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 80 quarter: 5") == "E0504")
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 80 quarter: 1") == nil)
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 85 quarter: 1") == "E1122")
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 80") == nil)
        #expect(try s.value("quarter_ratings | count") == .int(1))
        #expect(try s.value("ratings | count") == .int(1))
    }
}
