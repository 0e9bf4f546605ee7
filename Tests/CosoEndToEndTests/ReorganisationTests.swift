import Foundation
import Testing

/// `coso reorganise 2025` on the demo district (Di Linh's 19 commune-level units became 7 on
/// 1/7/2025): a preview that writes nothing, then one audited write after which the old structure
/// still reads as it was and the new one as it is.
@Suite struct ReorganisationTests {
    func value(_ db: String, _ statement: String) throws -> String {
        let r = try Coso.run(["--db", db, "--format", "csv", "-c", statement])
        #expect(r.status == 0, "\(statement): \(r.stderr)")
        return CSV.parse(r.stdout).last?.first ?? ""
    }

    @Test func theDemoDistrictIsCarriedThroughTheReform() throws {
        let db = try Coso.demoCopy()
        #expect(try value(db, #"check | where code == "D204" | count"#) == "1")
        let before = try ["members | count", "orgs | where dissolved == null | count", "audit | count"].map { try value(db, $0) }
        let preview = try Coso.run(["reorganise", "2025", "--dry-run", "--db", db])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("19 đảng bộ xã thành 7"))
        #expect(preview.stdout.contains("Đảng bộ thị trấn Di Linh → Đảng bộ xã Di Linh, nhận Đảng bộ xã Tân Châu, Đảng bộ xã Liên Đầm, Đảng bộ xã Gung Ré"))
        #expect(try ["members | count", "orgs | where dissolved == null | count", "audit | count"].map { try value(db, $0) } == before)

        let done = try Coso.run(["reorganise", "2025", "--mapping", Coso.root + "/data/admin-units-2025-mapping.csv", "--db", db])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.hasPrefix("Đã tổ chức lại từ 01/07/2025: 19 đảng bộ xã thành 7;"))
        // The issue's measures: the old structure as it stood, the new one as it is.
        #expect(try value(db, "orgs asof @2025-06-30 | where kind == commune_committee | count") == "19")
        #expect(try value(db, "orgs asof @2025-06-30 | where kind == commune_committee and dissolved == null | count") == "19")
        #expect(try value(db, "orgs | where kind == commune_committee and dissolved == null | count") == "7")
        #expect(try value(db, "orgs | where dissolved == null and parent.kind == district_committee | count") == "0")
        #expect(try value(db, "orgs | where dissolved == null and kind == district_committee | count") == "0")
        #expect(try value(db, "villages | where cell == null or cell.dissolved != null or commune.dissolved != null | count") == "0")
        #expect(try value(db, "members | count") == before[0])
        #expect(try value(db, #"orgs | where name == "Đảng bộ xã Di Linh" | select parent.name"#) == "Đảng bộ tỉnh Lâm Đồng")
        #expect(try value(db, #"orgs asof @2025-06-30 | where unit_code == "25000" | select name"#) == "Đảng bộ thị trấn Di Linh")
        #expect(try value(db, #"orgs asof @2025-06-30 | where unit_code == "25000" | select parent.name"#) == "Đảng bộ huyện Di Linh")
        // A village of a merged commune: its commune then and now.
        let village = try value(db, #"villages asof @2025-06-30 | where commune == "Đảng bộ xã Tân Châu" | sort id | first | select id"#)
        #expect(try value(db, "villages | where id == \(village) | select commune.name") == "Đảng bộ xã Di Linh")
        // One audit entry; the checks see nothing left to do; the 2022 figures unchanged.
        #expect(try value(db, #"audit | where source == "reorganise" | count"#) == "1")
        #expect(try value(db, #"check | where code in ["D201", "D203", "D204", "D205"] | count"#) == "0")
        #expect(try value(db, #"target T9 2022 | select figure"#) == "183 / 183 = 100,0%")
        #expect(try Coso.run(["verify", "--db", db]).status == 0)
        // Done once: again, it is refused and nothing is written.
        let again = try Coso.run(["reorganise", "2025", "--db", db])
        #expect(again.status == 65)
        #expect(again.stderr.contains("E1165"))
    }

    @Test func aMappingFileItCannotUseIsRefusedWithWhereAndWhat() throws {
        let db = try Coso.demoCopy()
        let dir = try Coso.scratchDirectory()
        try "code,new\n25000,25000\n".write(toFile: dir + "/admin-units-2025-mapping.csv", atomically: true, encoding: .utf8)
        try "province_code,province,ward_code,ward,ward_type\n".write(toFile: dir + "/admin-units-2025.csv", atomically: true, encoding: .utf8)
        let r = try Coso.run(["reorganise", "2025", "--mapping", dir + "/admin-units-2025-mapping.csv", "--db", db])
        #expect(r.status == 65)
        #expect(r.stderr.contains("E1164"))
        #expect(r.stderr.contains("admin-units-2025-mapping.csv:1: thiếu cột legacy_ward_code"))
        #expect(try value(db, "orgs | where kind == commune_committee and dissolved == null | count") == "19")
        let year = try Coso.run(["reorganise", "2024", "--db", db])
        #expect(year.status == 65)
        #expect(year.stderr.contains("E1163"))
    }

    /// `coso demo district --through 2026`: a register with history on both sides of the reform.
    @Test func theDemoCarriedThrough2026HasBothSidesOfTheReform() throws {
        let db = try Coso.scratchDirectory() + "/through.db"
        let r = try Coso.run(["demo", "district", "--through", "2026", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("19 đảng bộ xã thành 7; 209 tổ chức, 113 thôn, 0 đảng viên"))
        #expect(try value(db, "orgs asof @2025-06-30 | where kind == commune_committee | count") == "19")
        #expect(try value(db, "orgs | where kind == commune_committee and dissolved == null | count") == "7")
        #expect(try value(db, "orgs | where dissolved == null and parent.kind == district_committee | count") == "0")
        #expect(try value(db, "villages | where cell == null or cell.dissolved != null | count") == "0")
        #expect(try value(db, #"check | where code in ["D119", "D201", "D203", "D204", "D205"] | count"#) == "0")
        // Every year has its records: the yearly targets are measured in each, and 2022 is as it was.
        for year in 2023...2026 {
            #expect(try value(db, #"targets \#(year) | where code in ["T2", "T4", "T5b", "T6", "T11"] and status == no_data | count"#) == "0")
        }
        #expect(try value(db, #"target T10 2022 | select figure"#) == "97 / 183 = 53,0%")
        #expect(try value(db, #"members | where year(admitted) == 2026 | count"#) != "0")
        #expect(try Coso.run(["verify", "--db", db]).status == 0)
    }
}
