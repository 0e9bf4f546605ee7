import Foundation
import Testing

/// Excel workbooks: `save "file.xlsx"` writes typed cells that LibreOffice reads as dates and
/// numbers, `coso import ENTITY file.xlsx` reads them back to the same rows, and a workbook made
/// by another program (LibreOffice, with shared strings) is read too, its problems placed as
/// `file.xlsx:Sheet!C3`.
@Suite struct SpreadsheetTests {
    static let setup = """
        org add "Đảng bộ xã A" kind: commune_committee founded: @1980-01-01
        org add "Đảng bộ xã B" kind: commune_committee founded: @1980-01-01
        org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ xã A"
        org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ xã B"
        admit "Hoàng Thị Lan" born: @1980-01-01 gender: female org: 3 on: @2000-01-01 national_id: "068180000001" ethnicity: kinh introducers_on_file: true
        admit "K'Brỏh" born: @1982-01-01 gender: male org: 4 on: @2001-01-01 national_id: "068082000002" ethnicity: co_ho introducers_on_file: true
        confirm 1 on: @2001-01-02
        members | where id == 1 | update home_town: "=2+3" reason: "thử"
        members | where id == 2 | update home_town: "xã B, 'huyện' <C> & D" reason: "thử"
        """

    @Test func aWorkbookImportsBackToTheSameRows() throws {
        let dir = try Coso.scratchDirectory()
        let source = dir + "/source.db", target = dir + "/target.db"
        #expect(try Coso.run(["init", source]).status == 0)
        let made = try Coso.run(["--db", source], stdin: Self.setup)
        #expect(made.status == 0, "\(made.stderr)")
        for entity in ["orgs", "members"] {
            let saved = try Coso.run(["--db", source, "-c", "\(entity) | sort id | save \"\(dir)/\(entity).xlsx\""])
            #expect(saved.status == 0, "\(saved.stderr)")
            let imported = try Coso.run(["import", entity, "\(dir)/\(entity).xlsx", "--db", target, "--create"])
            #expect(imported.status == 0, "\(imported.stderr)")
            for (db, name) in [(source, "a"), (target, "b")] {
                #expect(try Coso.run(["--db", db, "-c", "\(entity) | sort id | save \"\(dir)/\(entity)-\(name).csv\""]).status == 0)
            }
            let a = try String(contentsOfFile: "\(dir)/\(entity)-a.csv", encoding: .utf8)
            #expect(a == (try String(contentsOfFile: "\(dir)/\(entity)-b.csv", encoding: .utf8)))
            #expect(a.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == (entity == "orgs" ? 5 : 3))
        }
        // Text a spreadsheet would run is a string cell, never a formula, marked to stay text.
        let sheet = try Coso.shell("unzip", ["-p", "\(dir)/members.xlsx", "xl/worksheets/sheet1.xml"]).stdout
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains(#"t="inlineStr" s="3"><is><t xml:space="preserve">=2+3</t>"#))
        #expect(try Coso.shell("sqlite3", [target, "select home_town from members order by id"]).stdout
                == "=2+3\nxã B, 'huyện' <C> & D\n")
        // The demo's 359 organisations, too.
        let demoOrgs = dir + "/demo-orgs.xlsx", fresh = dir + "/fresh.db"
        #expect(try Coso.run(["--db", Coso.sharedDemo, "-c", "orgs | sort id | save \"\(demoOrgs)\""]).status == 0)
        let again = try Coso.run(["import", "orgs", demoOrgs, "--db", fresh, "--create"])
        #expect(again.status == 0 && again.stdout.contains("359"), "\(again.stderr)")
        let before = try Coso.run(["--db", Coso.sharedDemo, "--format", "csv", "-c", "orgs | sort id"]).stdout
        #expect(try Coso.run(["--db", fresh, "--format", "csv", "-c", "orgs | sort id"]).stdout == before)
    }

    /// LibreOffice opens the workbook: dates are dates (an ODF date value, shown dd/mm/yyyy),
    /// counts are numbers, names read as coso has them.
    @Test func libreOfficeReadsDatesAsDates() throws {
        let dir = try Coso.scratchDirectory()
        let book = dir + "/m.xlsx"
        let saved = try Coso.run(["--db", Coso.sharedDemo, "-c", "members | sort id | take 40 | select id, name, born, status, admitted | save \"\(book)\""])
        #expect(saved.status == 0, "\(saved.stderr)")
        let flat = try LibreOffice.convert(book, to: "fods", in: dir)
        let expected = CSV.parse(try Coso.run(["--db", Coso.sharedDemo, "--format", "csv", "-c",
                                               "members | sort id | take 40 | select id, name, born, status, admitted"]).stdout).dropFirst()
        #expect(expected.count == 40)
        for row in expected {
            #expect(flat.contains(#"office:value-type="date" office:date-value="\#(row[2])""#), "\(row[2])")
            #expect(flat.contains(#"office:value-type="float" office:value="\#(row[0])""#), "\(row[0])")
            #expect(flat.contains("<text:p>\(row[1])</text:p>"))
        }
        // The header in Vietnamese, the dates in the format staff write.
        #expect(flat.contains("<text:p>Ngày sinh</text:p>"))
        #expect(flat.contains("<number:day number:style=\"long\"/><number:text>/</number:text><number:month number:style=\"long\"/>")
                || flat.contains("<number:day number:style=\"long\"/>\n"), "dd/mm/yyyy")
    }

    /// A workbook another program made (LibreOffice: shared strings, its own styles) imports; a
    /// bad cell is reported by sheet and cell.
    @Test func aWorkbookFromLibreOfficeAndItsProblemsByCell() throws {
        let dir = try Coso.scratchDirectory()
        let db = dir + "/r.db"
        #expect(try Coso.run(["init", db]).status == 0)
        #expect(try Coso.run(["--db", db], stdin: Self.setup.split(separator: "\n").prefix(4).joined(separator: "\n")).status == 0)
        let good = "name,gender,born,ethnicity,org,admitted,national_id\n"
            + "Trần Văn Bình,nam,12/03/1985,Kinh,3,2010-05-19,068085000003\n"
            + "Lê Thị Cúc,nữ,1990-07-01,kinh,4,2015-01-02,068190000004\n"
        try good.write(toFile: dir + "/good.csv", atomically: true, encoding: .utf8)
        // Text but for the organisation (a number) and the admission (an ISO date: a date cell).
        _ = try LibreOffice.convert(dir + "/good.csv", to: "xlsx", in: dir, columns: "1/2/2/2/3/2/4/2/5/1/6/1/7/2")
        let sharedStrings = try Coso.shell("unzip", ["-l", dir + "/good.xlsx"]).stdout
        #expect(sharedStrings.contains("xl/sharedStrings.xml"))
        let imported = try Coso.run(["import", "members", dir + "/good.xlsx", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rows = try Coso.shell("sqlite3", [db, "select name, born, admitted, national_id from members order by id"]).stdout
        #expect(rows == "Trần Văn Bình|1985-03-12|2010-05-19|068085000003\nLê Thị Cúc|1990-07-01|2015-01-02|068190000004\n")

        let bad = "name,gender,born,ethnicity,org,admitted\nPhạm Văn Dũng,nam,không rõ,kinh,3,2010-05-19\n"
        try bad.write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        _ = try LibreOffice.convert(dir + "/bad.csv", to: "xlsx", in: dir, columns: "1/2/2/2/3/2/4/2/5/1/6/1")
        let refused = try Coso.run(["import", "members", dir + "/bad.xlsx", "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.xlsx:bad!C2: lỗi[E0409]"), "\(refused.stderr)")
        // Not a workbook at all: said once, with what to do.
        try "name\nAn\n".write(toFile: dir + "/fake.xlsx", atomically: true, encoding: .utf8)
        let fake = try Coso.run(["import", "members", dir + "/fake.xlsx", "--db", db])
        #expect(fake.status == 65 && fake.stderr.contains("E0407"), "\(fake.stderr)")
    }
}

/// LibreOffice without a window, on a profile of its own (tests run side by side).
enum LibreOffice {
    static func convert(_ file: String, to format: String, in dir: String, columns: String = "") throws -> String {
        let profile = "file://" + dir + "/lo-profile"
        let filter = format == "csv" ? "csv:Text - txt - csv (StarCalc):44,34,76,1" : format
        // A CSV file read as UTF-8, its columns as `columns` says (2 text, 1 as LibreOffice guesses:
        // an ISO date becomes a date).
        let input = file.hasSuffix(".csv") ? ["--infilter=CSV:44,34,76,1,\(columns)"] : []
        let r = try Coso.shell("soffice", ["-env:UserInstallation=" + profile, "--headless"] + input + ["--convert-to", filter, "--outdir", dir, file])
        let out = dir + "/" + ((file as NSString).lastPathComponent as NSString).deletingPathExtension + "." + format
        guard r.status == 0, FileManager.default.fileExists(atPath: out) else {
            Issue.record("soffice failed: \(r.stderr)")
            return ""
        }
        // A workbook is binary: only text formats are read back.
        return format == "xlsx" ? out : try String(contentsOfFile: out, encoding: .utf8)
    }
}
