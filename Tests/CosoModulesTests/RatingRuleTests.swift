import CosoCore
import CosoScript
import CosoTesting
import Testing

/// Ratings follow the rulebook in force for the year rated (R12, R18).
@Suite struct RatingRuleTests {
    func rated() throws -> (TemporaryDatabase, Session) {
        let (db, s) = try smallDistrict()
        _ = try s.output("""
            admit "Lê Văn Một" born: @1970-01-01 gender: male org: "Chi bộ thôn 8" on: @2015-01-10
            confirm 1 on: @2016-01-20
            admit "Lê Thị Hai" born: @1950-01-01 gender: female org: "Chi bộ thôn 8" on: @1980-01-10
            confirm 2 on: @1981-01-20
            exempt 2 on: @2020-01-01 reason: old_age
            """)
        return (db, s)
    }

    @Test func exemptMembersAreNotRated() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        #expect(failure(s, "members | rate 2024 level: good") == "E0340")
        #expect(try s.value("ratings | count") == .int(0))
        #expect(failure(s, "members | where status == official | rate 2024 level: good") == nil)
        #expect(failure(s, "members | where status == official | rate 2024 level: excellent") == "E0342")
    }

    @Test func theHundredPointScaleAppliesFrom2025Only() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        // 2024 is rated under 124-QĐ/TW: four levels, no score.
        #expect(failure(s, "members | where id == 1 | rate 2024 level: good score: 80") == "E0344")
        // 2025 under 366-QĐ/TW: the score's band must agree with the level.
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 95") == "E0346")
        #expect(failure(s, "members | where id == 1 | rate 2025 level: good score: 75") == nil)
        #expect(try s.output("ratings | select year, level, score, rulebook") == "2025 | good | 75 | 366-QĐ/TW")
    }

    @Test func yearsBeforeAdmissionOrInTheFutureAreRefused() throws {
        let (db, s) = try rated()
        defer { db.remove() }
        #expect(failure(s, "members | where id == 1 | rate 2014 level: good") == "E0341")
        #expect(failure(s, "members | where id == 1 | rate 2027 level: good") == "E0343")
    }
}
