import CosoCore
import Foundation
import Testing

/// `coso print`: a member's record, a transfer letter, the badges due, a cell's fee ledger, each
/// an A4 page whose figures are the register's (checked here against hand-written SQL), which
/// headless Chromium prints to an A4 PDF.
@Suite(.serialized) struct DocumentTests {
    /// A copy of the demo with a transfer out and a quarter's fees recorded.
    static let register: (dir: String, db: String) = {
        let dir = try! Coso.scratchDirectory()
        let db = dir + "/d.db"
        _ = try! Coso.shell("sqlite3", [Coso.sharedDemo, ".backup \(db)"])
        let r = try! Coso.run(["--db", db], stdin: """
            transfer out 13 on: @2026-03-02 to: "Chi bộ thôn Đăng Cao"
            fee 7 month: @2026-03-01 amount: 25000 base: 5000000
            fee 10 month: @2026-02-01 amount: 30000 base: 6000000
            fee 10 month: @2026-03-01 amount: 30000 base: 6000000
            fee 5 month: @2026-03-01 amount: 10000 channel: cash
            """)
        precondition(r.status == 0, "setup failed: \(r.stderr)")
        return (dir, db)
    }()

    func page(_ args: [String]) throws -> String {
        let html = Self.register.dir + "/" + args.joined(separator: "-").replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "/", with: "_") + ".html"
        let r = try Coso.run(["print"] + args + ["--db", Self.register.db, "--html", html])
        #expect(r.status == 0, "\(r.stderr)")
        return (try? String(contentsOfFile: html, encoding: .utf8)) ?? ""
    }

    func sql(_ query: String) throws -> String {
        try Coso.shell("sqlite3", [Self.register.db, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aMembersRecordHasTheRegistersFacts() throws {
        let html = try page(["member", "5"])
        let born = try sql("select born from members where id = 5")
        let parts = born.split(separator: "-")
        #expect(html.contains("<b>" + "PHIẾU ĐẢNG VIÊN") || html.contains("Phiếu đảng viên"))
        #expect(html.contains(try sql("select name from members where id = 5")))
        #expect(html.contains("\(parts[2])/\(parts[1])/\(parts[0])"))
        // Every event of the member's history, one row each, and no national ID (the form has none).
        let events = Int(try sql("select count(*) from member_events where member_id = 5"))!
        let history = html.components(separatedBy: "<h2>Quá trình sinh hoạt đảng</h2>")[1].components(separatedBy: "</table>")[0]
        #expect(history.components(separatedBy: "<tr>").count - 2 == events)
        let nationalID = try sql("select national_id from members where id = 5")
        #expect(!nationalID.isEmpty && !html.contains(nationalID))
        let ratings = Int(try sql("select count(*) from ratings where member_id = 5"))!
        let rated = html.components(separatedBy: "<h2>Đánh giá, xếp loại hằng năm</h2>")[1].components(separatedBy: "</table>")[0]
        #expect(rated.components(separatedBy: "<tr>").count - 2 == ratings)
        for outside in ["<script", "http://", "https://", "<link"] { #expect(!html.contains(outside)) }
    }

    @Test func aTransferLetterNamesTheReceivingCellAndTheDeadline() throws {
        let html = try page(["transfer", "13"])
        #expect(html.contains("Giấy giới thiệu sinh hoạt đảng"))
        #expect(html.contains("Kính gửi: <b>Chi bộ thôn Đăng Cao</b>"))
        #expect(html.contains(try sql("select name from members where id = 13")))
        // R10: presented within 30 working days (six weeks) of 02/03/2026.
        #expect(html.contains("trước ngày 13/04/2026"))
        let event = try sql("select id from member_events where member_id = 13 and kind = 'transfer_out'")
        #expect(html.contains("Số \(event)-GGT"))
        let none = try Coso.run(["print", "transfer", "5", "--db", Self.register.db])
        #expect(none.status == 65 && none.stderr.contains("transfer out"), "\(none.stderr)")
        let unknown = try Coso.run(["print", "member", "999999", "--db", Self.register.db])
        #expect(unknown.status == 65 && unknown.stderr.contains("999999"))
    }

    @Test func theBadgesDueAreThoseTheRegisterHasNotGiven() throws {
        let html = try page(["badges", "2023"])
        let expected = try sql("""
            select count(*) from members m, (select value as mark from json_each('[30,40,45,50,55,60,65,70,75,80,85,90]')) b
            where m.admitted <= '2023-12-31' and (m.ended is null or m.ended > '2023-12-31')
              and cast(substr(m.admitted, 1, 4) as integer) = 2023 - b.mark
              and not exists (select 1 from awards a where a.member_id = m.id and a.kind = 'badge' and a.badge_years = b.mark)
            """)
        #expect(Int(expected)! > 0)
        #expect(html.contains("Tổng số: <b>\(expected)</b> đồng chí"), "\(expected)")
        let listed = html.components(separatedBy: "<tr><td class=\"num\">").count - 1
        #expect(listed == Int(expected)!)
        // 2022's badges were all given.
        #expect(try page(["badges", "2022"]).contains("Không có đảng viên nào đến mốc nhận huy hiệu"))
    }

    @Test func aFeeLedgerAddsUpTheRegistersPayments() throws {
        let html = try page(["fees", "Chi bộ tổ dân phố 5", "2026-Q1"])
        let paid = Int64(try sql("""
            select sum(f.amount) from fees f join members m on m.id = f.member_id join orgs o on o.id = m.org_id
            where o.name = 'Chi bộ tổ dân phố 5' and f.month between '2026-01-01' and '2026-03-31'
            """))!
        #expect(paid == 95_000)
        #expect(html.contains("Tổng đã thu</th><td>\(DisplayFormat.money(paid, .vi))"))
        // The cell keeps 30%; of the 70% sent up, the grassroots committee keeps half.
        #expect(html.contains(DisplayFormat.money(paid * 30 / 100, .vi)))
        #expect(html.contains(DisplayFormat.money((paid - paid * 30 / 100) / 2, .vi)))
        // A pensioner at 0,5% of 6.000.000 đồng: 30.000 a month, 60.000 for February and March.
        #expect(html.contains("6.000.000 đồng</td><td>0,5%</td><td class=\"num\">60.000 đồng (1 tháng chưa có mức)"))
        let month = try page(["fees", "Chi bộ tổ dân phố 5", "03/2026"])
        #expect(month.contains("tháng 03/2026") && month.contains("Tổng đã thu</th><td>65.000 đồng"))
        let bad = try Coso.run(["print", "fees", "Chi bộ tổ dân phố 5", "2026-13", "--db", Self.register.db])
        #expect(bad.status == 64)
    }

    /// Each document prints on A4 through headless Chromium, as `--pdf` does it.
    @Test func chromiumPrintsEachDocumentOnA4() throws {
        for (name, args) in [("member", ["member", "5"]), ("transfer", ["transfer", "13"]), ("badges", ["badges", "2023"]),
                             ("fees", ["fees", "Chi bộ tổ dân phố 5", "2026-Q1"])] {
            let pdf = Self.register.dir + "/\(name).pdf"
            let r = try Coso.run(["print"] + args + ["--db", Self.register.db, "--pdf", pdf])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let document = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: pdf))) ?? Data(), as: UTF8.self)
            #expect(document.hasPrefix("%PDF"), "\(name)")
            #expect(document.contains("/MediaBox [0 0 594.9"), "\(name): not A4")
            #expect(!document.contains("/MediaBox [0 0 612"), "\(name): Letter")
        }
    }
}
