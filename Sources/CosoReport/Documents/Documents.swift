import CosoCore
import CosoMembers
import CosoScript

/// The documents an office prints (`coso print ...`), each read from the register through the
/// session (its scope and checks apply) and laid out as one A4 page (`DocumentPage`). Personal
/// fields appear only where the form has them: the member's record has no national ID (the form
/// does not ask for it), the lists have the year of birth only.
public struct Documents {
    let session: Session
    var language: Language { session.language }
    var vi: Bool { session.language == .vi }

    public init(session: Session) { self.session = session }

    public struct Problem: Error {
        public let message: Label
        init(vi: String, en: String) { message = Label(vi: vi, en: en) }
    }

    // MARK: The member's record (2-HSĐV)

    /// The member's record as 2-HSĐV summarises it: identity, party history, positions,
    /// trainings, ratings, awards and badges, disciplines.
    public func memberRecord(_ id: Int64) throws -> String {
        session.variables["doc_id"] = .int(id)
        defer { session.variables["doc_id"] = nil }
        let m = try rows("""
            members | where id == $doc_id | select name, gender, other_names, born, birth_place, home_town, permanent_address, \
            current_address, ethnicity, religion, family_background, occupation, admitted, confirmed, youth_union_joined, army_joined, \
            army_left, education, qualification, theory, foreign_language, it_level, health, exempted, status, org.name, file_no, card_no, \
            org.parent.name, org.id
            """)
        guard let row = m.text.first else { throw Problem(vi: "không có đảng viên mã \(id)", en: "no member with id \(id)") }
        func v(_ name: String) -> String { m.column(name).map { row[$0] } ?? "" }
        let fields: [(String, String)] = [
            ("01. Họ và tên đang dùng", v("name")), ("02. Giới tính", v("gender")), ("03. Họ và tên khai sinh, bí danh", v("other_names")),
            ("04. Sinh ngày", v("born")), ("05. Nơi đăng ký khai sinh", v("birth_place")), ("06. Quê quán", v("home_town")),
            ("07. Nơi thường trú", v("permanent_address")), ("Nơi ở hiện nay", v("current_address")), ("08. Dân tộc", v("ethnicity")),
            ("09. Tôn giáo", v("religion")), ("10. Thành phần gia đình", v("family_background")), ("11. Nghề nghiệp", v("occupation")),
            ("12. Ngày vào Đảng", v("admitted")), ("Ngày chính thức", v("confirmed")), ("14. Ngày vào Đoàn", v("youth_union_joined")),
            ("16. Ngày nhập ngũ", v("army_joined")), ("Ngày xuất ngũ", v("army_left")), ("17. Giáo dục phổ thông", v("education")),
            ("Chuyên môn, nghiệp vụ", v("qualification")), ("Lý luận chính trị", v("theory")), ("Ngoại ngữ", v("foreign_language")),
            ("Tin học", v("it_level")), ("18. Tình trạng sức khỏe", v("health")), ("20. Ngày miễn công tác và sinh hoạt đảng", v("exempted")),
            ("Tình trạng", v("status")), ("Chi bộ đang sinh hoạt", v("org.name")),
        ]
        var body = "<p class=\"subtitle\">Số lý lịch: <b>\(HTML.escape(v("file_no")))</b> · Số thẻ đảng viên: <b>\(HTML.escape(v("card_no")))</b></p>\n"
        body += DocumentPage.fields(fields.map { (vi ? $0.0 : english($0.0), $0.1) })
        let sections: [(String, String, String, String)] = [
            ("Quá trình sinh hoạt đảng", "Party history",
             "member_events | where member == $doc_id | sort happened, id | select happened, kind, org.name, decision_no, decided_by.name",
             "Chưa ghi sự kiện nào."),
            ("Chức vụ trong cấp ủy", "Positions",
             "positions | where member == $doc_id | sort started, id | select started, ended, role, org.name", "Không giữ chức vụ trong cấp ủy."),
            ("Bồi dưỡng, đào tạo", "Training",
             "trainings | where member == $doc_id | sort started, id | select started, ended, course, provider, completed", "Chưa ghi khóa học nào."),
            ("Đánh giá, xếp loại hằng năm", "Yearly ratings", "ratings | where member == $doc_id | sort year | select year, level, score",
             "Chưa có xếp loại."),
            ("Khen thưởng, huy hiệu Đảng", "Awards and badges",
             "awards | where member == $doc_id | sort year, id | select year, kind, badge_years, granted_by.name", "Chưa có khen thưởng."),
            ("Kỷ luật", "Disciplines",
             "disciplines | where subject_member == $doc_id | sort decided_on, id | select decided_on, measure, decided_by.name, offence_article",
             "Không có kỷ luật."),
        ]
        for (title, titleEN, query, none) in sections {
            let t = try rows(query)
            body += "<h2>\(HTML.escape(vi ? title : titleEN))</h2>\n"
            body += DocumentPage.table(t.headers, t.text, numeric: numericColumns(t), empty: vi ? none : "None recorded.")
        }
        body += signatures([(vi ? "Người lập phiếu" : "Prepared by", ""), (vi ? "T/M cấp ủy" : "For the committee", "")])
        return page(org: v("org.name"), parent: v("org.parent.name"), number: nil,
                    title: vi ? "Phiếu đảng viên" : "Member record", subtitle: vi ? "(Mẫu 2-HSĐV, tóm tắt từ sổ đảng viên)" : "(form 2-HSĐV, from the register)",
                    body: body)
    }

    /// The form's Vietnamese field names, in English for `--lang en`.
    private func english(_ label: String) -> String {
        let words: [String: String] = [
            "01. Họ và tên đang dùng": "01. Name", "02. Giới tính": "02. Gender", "03. Họ và tên khai sinh, bí danh": "03. Other names",
            "04. Sinh ngày": "04. Born", "05. Nơi đăng ký khai sinh": "05. Birth registered in", "06. Quê quán": "06. Home town",
            "07. Nơi thường trú": "07. Permanent address", "Nơi ở hiện nay": "Current address", "08. Dân tộc": "08. Ethnicity",
            "09. Tôn giáo": "09. Religion", "10. Thành phần gia đình": "10. Family background", "11. Nghề nghiệp": "11. Occupation",
            "12. Ngày vào Đảng": "12. Admitted", "Ngày chính thức": "Full member from", "14. Ngày vào Đoàn": "14. Joined the Youth Union",
            "16. Ngày nhập ngũ": "16. Joined the army", "Ngày xuất ngũ": "Left the army", "17. Giáo dục phổ thông": "17. General education",
            "Chuyên môn, nghiệp vụ": "Qualification", "Lý luận chính trị": "Political theory", "Ngoại ngữ": "Foreign language",
            "Tin học": "IT", "18. Tình trạng sức khỏe": "18. Health", "20. Ngày miễn công tác và sinh hoạt đảng": "20. Exempted from",
            "Tình trạng": "Status", "Chi bộ đang sinh hoạt": "Cell",
        ]
        return words[label] ?? label
    }

    // MARK: The transfer letter (R10)

    /// The letter a member transferred out takes to the receiving cell: numbered (the decision's
    /// number, else the event's), the receiving organisation, and the day by which it must be
    /// presented (R10: 30 working days, counted as six working weeks).
    public func transferLetter(_ member: Int64) throws -> String {
        session.variables["doc_id"] = .int(member)
        defer { session.variables["doc_id"] = nil }
        let e = try rows("""
            member_events | where member == $doc_id and kind == transfer_out | sort -happened, -id | first \
            | select id, happened, decision_no, org.name, member.name, member.born, member.home_town, member.admitted, member.confirmed, \
            member.card_no, member.status
            """)
        guard let row = e.raw.first, let happened = row[e.column("happened")!].dateValue else {
            throw Problem(vi: "đảng viên mã \(member) chưa có lần chuyển sinh hoạt đi nào (transfer out)",
                          en: "member \(member) has no recorded transfer out")
        }
        func v(_ name: String) -> String { e.column(name).map { e.text[0][$0] } ?? "" }
        // The cell the member left: their last cell before the transfer.
        let from = try rows("""
            member_events | where member == $doc_id and kind != transfer_out and org != null | sort -happened, -id | first \
            | select org.name, org.parent.name
            """)
        let fromCell = from.text.first?[0] ?? "", fromParent = from.text.first?[1] ?? ""
        let deadline = happened.adding(days: 42)
        let number = v("decision_no").isEmpty ? "Số \(v("id"))-GGT" : "Số \(v("decision_no"))"
        let to = v("org.name")
        let confirmed = !v("member.confirmed").isEmpty
        var body = "<p class=\"kinhgui\">\(vi ? "Kính gửi" : "To"): <b>\(to.isEmpty ? "<span class=\"blank\">&nbsp;</span>" : HTML.escape(to))</b></p>\n"
        body += DocumentPage.fields([
            (vi ? "Giới thiệu đồng chí" : "We introduce comrade", v("member.name")),
            (vi ? "Sinh ngày" : "Born", v("member.born")),
            (vi ? "Quê quán" : "Home town", v("member.home_town")),
            (vi ? "Vào Đảng ngày" : "Admitted", v("member.admitted")),
            (vi ? "Chính thức ngày" : "Full member from", v("member.confirmed")),
            (vi ? "Số thẻ đảng viên" : "Party card", v("member.card_no")),
            (vi ? "Là đảng viên" : "Standing", vi ? (confirmed ? "chính thức" : "dự bị") : (confirmed ? "full member" : "probationary")),
            (vi ? "Đang sinh hoạt tại" : "Member of", fromCell),
        ])
        body += vi ? "<p>Được chuyển sinh hoạt đảng chính thức đến <b>\(HTML.escape(to.isEmpty ? "…" : to))</b> kể từ ngày <b>\(DisplayFormat.date(happened, .vi))</b>. Đề nghị các đồng chí tiếp nhận và quản lý, giúp đỡ đồng chí sinh hoạt theo quy định.</p>\n"
                   + "<p>Đồng chí có trách nhiệm nộp giấy giới thiệu này cho chi bộ nơi đến <b>trước ngày \(DisplayFormat.date(deadline, .vi))</b> (trong 30 ngày làm việc, quy định R10: 24-QĐ/TW, 294-QĐ/TW mục 6.3.1); quá hạn không có lý do chính đáng thì báo cáo cấp ủy để xem xét, xử lý.</p>\n"
                   : "<p>Transferred permanently to <b>\(HTML.escape(to.isEmpty ? "…" : to))</b> from <b>\(DisplayFormat.date(happened, .en))</b>. Please receive the comrade and see to their party life.</p>\n"
                   + "<p>The comrade presents this letter to the receiving cell <b>by \(DisplayFormat.date(deadline, .en))</b> (within 30 working days, R10: 24-QĐ/TW, 294-QĐ/TW 6.3.1).</p>\n"
        body += signatures([(vi ? "Nơi nhận" : "Copies to", vi ? "Như trên; lưu hồ sơ." : "As above; the file."),
                            (vi ? "T/M cấp ủy" : "For the committee", "")])
        return page(org: fromParent.isEmpty ? fromCell : fromParent, parent: nil, number: number,
                    title: vi ? "Giấy giới thiệu sinh hoạt đảng" : "Letter of transfer", subtitle: vi ? "(chuyển sinh hoạt đảng chính thức)" : "(permanent transfer)",
                    body: body)
    }

    // MARK: Badges due (R24)

    /// The members on the roll at the end of `year` whose seniority reaches a badge's mark in that
    /// year (R24: 30, 40, 45, ... 90 years) and who do not hold that badge yet, by badge.
    public func badges(_ year: Int) throws -> String {
        session.variables["doc_year"] = .int(Int64(year))
        session.variables["doc_end"] = .date(LocalDate(year: year, month: 12, day: 31)!)
        defer { session.variables["doc_year"] = nil; session.variables["doc_end"] = nil }
        var body = ""
        var total = 0
        for mark in Awards.badgeMarks {
            session.variables["doc_admitted"] = .int(Int64(year - mark))
            session.variables["doc_mark"] = .int(Int64(mark))
            let given = Set(try rows("awards | where kind == badge and badge_years == $doc_mark | select member.id").raw.compactMap { $0[0].intValue })
            let due = try rows("""
                members | where on_roll($doc_end) and year(admitted) == $doc_admitted \
                | sort org.name, name | select id, name, born_year: year(born), admitted, org.name
                """)
            session.variables["doc_mark"] = nil; session.variables["doc_admitted"] = nil
            let kept = due.raw.indices.filter { !given.contains(due.raw[$0][0].intValue ?? -1) }
            let t = (raw: kept.map { due.raw[$0] }, text: kept.map { Array(due.text[$0].dropFirst()) })
            guard !t.raw.isEmpty else { continue }
            total += t.raw.count
            body += "<h2>\(vi ? "Huy hiệu \(mark) năm tuổi Đảng" : "\(mark)-year badge") (\(t.raw.count))</h2>\n"
            let headers = vi ? ["STT", "Họ và tên", "Năm sinh", "Ngày vào Đảng", "Chi bộ"] : ["No.", "Name", "Born", "Admitted", "Cell"]
            body += DocumentPage.table(headers, t.text.enumerated().map { [String($0 + 1)] + $1 }, numeric: [0, 2], empty: "")
        }
        if total == 0 { body += "<p class=\"empty\">\(vi ? "Không có đảng viên nào đến mốc nhận huy hiệu trong năm \(year)." : "No member reaches a badge in \(year).")</p>\n" }
        body += "<p>\(vi ? "Tổng số: <b>\(total)</b> đồng chí. Căn cứ: quy định R24 (mốc 30, 40, 45, ... 90 năm tuổi Đảng; chưa đối chiếu văn bản gốc)." : "In all: <b>\(total)</b>. Basis: R24 (30, 40, 45, ... 90 years; not verified against the source).")</p>\n"
        body += signatures([(vi ? "Người lập danh sách" : "Prepared by", ""), (vi ? "T/M cấp ủy" : "For the committee", "")])
        let root = try rows("orgs | where parent == null | sort id | first | select name").text.first?.first ?? ""
        return page(org: root, parent: nil, number: nil, title: vi ? "Danh sách đảng viên đề nghị tặng huy hiệu Đảng" : "Members due a party badge",
                    subtitle: vi ? "đợt năm \(year)" : "for \(year)", body: body)
    }

    // MARK: Helpers

    func rows(_ query: String) throws -> TableCollector {
        let sink = TableCollector(catalog: session.catalog, language: session.language)
        try session.run(query, name: "<document>", sink: sink)
        return sink
    }

    func numericColumns(_ t: TableCollector) -> Set<Int> {
        Set(t.columns.enumerated().compactMap { i, c in c.type == .int || c.type == .decimal ? i : nil })
    }

    func signatures(_ blocks: [(String, String)]) -> String {
        "<div class=\"signatures\">" + blocks.map { role, note in
            "<div><div class=\"role\">\(HTML.escape(role))</div><div class=\"sign\">\(HTML.escape(note))</div></div>"
        }.joined() + "</div>\n"
    }

    func page(org: String, parent: String?, number: String?, title: String, subtitle: String?, body: String) -> String {
        DocumentPage(issuer: org, issuerParent: parent?.isEmpty == false ? parent : nil, number: number, place: place(),
                     date: session.today, title: title, subtitle: subtitle, body: body, language: language).render()
    }

    /// Where the document is made: the register's top organisation's place, as its name gives it
    /// ("Đảng bộ huyện Di Linh" -> "Di Linh").
    func place() -> String {
        let root = (try? rows("orgs | where parent == null | sort id | first | select name").text.first?.first) ?? ""
        for prefix in ["Đảng bộ huyện ", "Đảng bộ tỉnh ", "Đảng bộ thành phố ", "Đảng bộ xã ", "Đảng bộ phường ", "Đảng bộ thị trấn "]
        where root.hasPrefix(prefix) { return String(root.dropFirst(prefix.count)) }
        return root
    }
}
