import CosoCore
import CosoDemo
import CosoScript
import CosoTesting
import Testing

@Suite struct DemoTests {
    @Test func theDemoDistrictHasThePlansBaseline() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let s = try db.session(allModules)
        let summary = try DemoDistrict(seed: 7).build(into: s.store, user: "test")
        #expect(try s.value("orgs | where kind == village_cell | count") == .int(183))
        #expect(try s.value("orgs | where kind == village_cell and has_committee | count") == .int(97))
        #expect(try s.value("orgs | where kind == commune_committee | count") == .int(19))
        #expect(try s.value("orgs | where kind == district_committee | count") == .int(1))
        let members = try s.value("members | count").intValue ?? 0
        #expect((4_000...5_000).contains(members))
        #expect(summary.members == Int(members))
        // R8: every village cell with a committee has at least 9 full members.
        let thin = try s.store.scalar("""
            SELECT count(*) FROM orgs o WHERE o.kind = 'village_cell' AND o.has_committee = 1
            AND (SELECT count(*) FROM members m WHERE m.org_id = o.id AND m.status = 'official') < 9
            """)
        #expect(thin == .int(0))
        // Every member was at least 18 when admitted, and national IDs are unique.
        #expect(try s.store.scalar("SELECT count(*) FROM members WHERE date(born, '+18 years') > admitted") == .int(0))
        #expect(try s.store.scalar("SELECT count(*) - count(DISTINCT national_id) FROM members") == .int(0))
        // Both Kinh and K'Ho names.
        #expect(try s.value(#"members | where ethnicity == co_ho | count"#).intValue ?? 0 > 300)
        #expect(try s.value(#"members | where name =~ "k'" or name =~ "ka " | count"#).intValue ?? 0 > 300)
    }

    @Test func theSameSeedGivesTheSameDatabase() throws {
        func fingerprint(_ seed: UInt64) throws -> String {
            let db = try TemporaryDatabase()
            defer { db.remove() }
            let s = try db.session(allModules)
            _ = try DemoDistrict(seed: seed).build(into: s.store, user: "test")
            return try s.store.scalar("""
                SELECT group_concat(name || born || org_id || status || coalesce(national_id, ''), ',') FROM (SELECT * FROM members ORDER BY id)
                """).textValue ?? ""
        }
        let a = try fingerprint(3), b = try fingerprint(3), c = try fingerprint(4)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func theDemoRefusesADatabaseWithData() throws {
        let (db, s) = try smallDistrict()
        defer { db.remove() }
        #expect(throws: DemoError.self) { _ = try DemoDistrict(seed: 1).build(into: s.store, user: "test") }
    }
}
