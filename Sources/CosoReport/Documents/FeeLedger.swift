import CosoCore
import CosoMembers

/// `coso print fees ORG MONTH|QUARTER`: a cell's party-fee ledger (sổ thu nộp đảng phí) for a
/// month or a quarter: each member on the roll, the base and rate the fee is computed from, what
/// is due under 01-QĐ/TW (R20), what was paid, and what the cell, the grassroots organisation
/// and the level above keep of what was collected (R20-SHARE, configurable, UNVERIFIED).
extension Documents {
    /// A month (`2026-03`, `03/2026`) or a quarter (`2026-Q1`, `Q1/2026`): its first day, its
    /// months, and how to name it.
    public struct FeePeriod: Sendable, Equatable {
        public let start: LocalDate
        public let months: Int

        public init?(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "QUÝ ", with: "Q")
            let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            guard parts.count == 2 else { return nil }
            let (a, b) = (parts[0], parts[1])
            let (yearText, rest) = a.count == 4 ? (a, b) : (b, a)
            guard let year = Int(yearText), (1930...2200).contains(year) else { return nil }
            if rest.hasPrefix("Q"), let q = Int(rest.dropFirst()), (1...4).contains(q) {
                start = LocalDate(year: year, month: 3 * q - 2, day: 1)!; months = 3
            } else if let m = Int(rest), (1...12).contains(m) {
                start = LocalDate(year: year, month: m, day: 1)!; months = 1
            } else { return nil }
        }

        public var monthStarts: [LocalDate] { (0..<months).map { start.adding(months: $0) } }
        public var last: LocalDate { start.adding(months: months).adding(days: -1) }

        func name(_ vi: Bool) -> String {
            if months == 3 { return vi ? "quý \((start.month + 2) / 3) năm \(start.year)" : "Q\((start.month + 2) / 3) \(start.year)" }
            return vi ? "tháng \(start.month < 10 ? "0" : "")\(start.month)/\(start.year)" : "\(start.month)/\(start.year)"
        }
    }

    public func feeLedger(org: Value, period: FeePeriod) throws -> String {
        let orgID = try session.organisationID(org)
        session.variables["doc_org"] = .int(orgID)
        session.variables["doc_start"] = .date(period.start)
        session.variables["doc_last"] = .date(period.last)
        defer { for k in ["doc_org", "doc_start", "doc_last"] { session.variables[k] = nil } }
        let o = try rows("orgs | where id == $doc_org | select name, kind, parent.name, parent.kind")
        guard let orgRow = o.raw.first else { throw Problem(vi: "không có tổ chức mã \(orgID)", en: "no organisation with id \(orgID)") }
        let orgName = o.text[0][0], parentName = o.text[0][2]
        let members = try rows("""
            members | where org == $doc_org and (on_roll($doc_start) or on_roll($doc_last)) | sort name \
            | select id, name, work_status
            """)
        let paid = try rows("""
            fees | where member.org == $doc_org and month >= $doc_start and month <= $doc_last | sort month, id \
            | select member.id, month, base, amount, reduction
            """)
        let earlier = try rows("fees | where member.org == $doc_org and month < $doc_start | sort month, id | select member.id, base")
        var lastBase: [Int64: Int64] = [:]
        for r in earlier.raw { if let m = r[0].intValue, let b = r[1].intValue { lastBase[m] = b } }
        struct Payment { let month: LocalDate; let base: Int64?; let amount: Int64; let reduction: Int64 }
        var payments: [Int64: [Payment]] = [:]
        for r in paid.raw {
            guard let m = r[0].intValue, let month = r[1].dateValue, let amount = r[3].intValue else { continue }
            payments[m, default: []].append(Payment(month: month, base: r[2].intValue, amount: amount, reduction: r[4].intValue ?? 0))
        }
        let studentFee = Int64(try setting("R20.student_fee")) ?? 5000
        let workColumn = members.column("work_status")!

        var rowsOut: [[String]] = []
        var totalDue: Int64 = 0, totalPaid: Int64 = 0, unknownDue = 0
        for (i, r) in members.raw.enumerated() {
            guard let id = r[0].intValue else { continue }
            let work = r[workColumn].textValue
            var base = lastBase[id]
            var due: Int64 = 0, unknownMonths = 0, paidSum: Int64 = 0
            var reduction: Int64 = 0
            for month in period.monthStarts {
                let p = payments[id]?.first { $0.month == month }
                if let b = p?.base { base = b }
                reduction = p?.reduction ?? 0
                paidSum += p?.amount ?? 0
                // Before 02/2026 (342-QĐ/TW, rates not verified) what was recorded is what was due.
                let monthDue = month < Fees.from01 ? p?.amount
                    : Fees.expected(workStatus: work, base: base, reduction: reduction, studentFee: studentFee)
                if let monthDue { due += monthDue } else { unknownMonths += 1 }
            }
            totalDue += due
            if unknownMonths > 0 { unknownDue += 1 }
            totalPaid += paidSum
            let dueText: String
            if unknownMonths == period.months { dueText = vi ? "chưa có mức" : "no rate" }
            else if unknownMonths > 0 { dueText = money(due) + (vi ? " (\(unknownMonths) tháng chưa có mức)" : " (\(unknownMonths) month(s) without a rate)") }
            else { dueText = money(due) }
            let shortfall = unknownMonths == 0 && due > paidSum ? money(due - paidSum) : ""
            rowsOut.append([String(i + 1), members.text[i][1], members.text[i][workColumn], base.map(money) ?? "",
                            rate(work, studentFee: studentFee, reduction: reduction), dueText, paidSum == 0 ? "" : money(paidSum), shortfall])
        }
        let headers = vi ? ["STT", "Họ và tên", "Tình trạng công tác", "Căn cứ tính", "Mức", "Phải nộp", "Đã nộp", "Còn thiếu"]
                         : ["No.", "Name", "Work status", "Base", "Rate", "Due", "Paid", "Short"]
        var body = DocumentPage.table(headers, rowsOut, numeric: [0, 3, 5, 6, 7], empty: vi ? "Chi bộ không có đảng viên trong kỳ." : "No members in the period.")
        body += DocumentPage.fields([
            (vi ? "Tổng số đảng viên" : "Members", String(rowsOut.count)),
            (vi ? "Tổng phải nộp" : "Total due", money(totalDue) + (unknownDue > 0 ? (vi ? " (chưa kể \(unknownDue) đồng chí chưa có mức đủ kỳ)" : " (besides \(unknownDue) without a rate for the whole period)") : "")),
            (vi ? "Tổng đã thu" : "Total collected", money(totalPaid)),
        ])
        // What each level keeps of what was collected (R20-SHARE).
        let cellShare = Int64(try setting("R20.cell_share")) ?? 30, grassrootsShare = Int64(try setting("R20.grassroots_share")) ?? 50
        let kind = orgRow[1].textValue ?? "", parentKind = orgRow[3].textValue ?? ""
        let underGrassroots = ["village_cell", "subordinate_cell"].contains(kind) && ["grassroots_committee", "commune_committee"].contains(parentKind)
        var shares: [(String, String)] = []
        if underGrassroots {
            let cell = totalPaid * cellShare / 100
            let grassroots = (totalPaid - cell) * grassrootsShare / 100
            shares = [((vi ? "Chi bộ giữ lại" : "Kept by the cell") + " (\(cellShare)%)", money(cell)),
                      ((vi ? "Nộp lên" : "Sent to") + " \(parentName)", money(totalPaid - cell)),
                      ((vi ? "trong đó cấp cơ sở giữ lại" : "of which the grassroots level keeps") + " (\(grassrootsShare)%)", money(grassroots)),
                      (vi ? "Nộp cấp trên cơ sở" : "Sent above the grassroots level", money(totalPaid - cell - grassroots))]
        } else {
            let kept = totalPaid * grassrootsShare / 100
            shares = [((vi ? "Tổ chức cơ sở đảng giữ lại" : "Kept by the grassroots organisation") + " (\(grassrootsShare)%)", money(kept)),
                      (vi ? "Nộp cấp trên" : "Sent to the level above", money(totalPaid - kept))]
        }
        body += "<h2>\(vi ? "Trích giữ lại và nộp cấp trên" : "Shares kept and sent up")</h2>\n" + DocumentPage.fields(shares)
        body += "<p>\(vi ? "Mức đảng phí theo 01-QĐ/TW (R20, từ 01/02/2026): có lương 1% tiền lương đóng bảo hiểm xã hội, nghỉ hưu 0,5% lương hưu, học sinh, sinh viên \(money(studentFee))/tháng. Tỷ lệ trích giữ lại theo R20-SHARE (mức của 342-QĐ/TW, chưa đối chiếu 01-QĐ/TW; sửa trong settings)." : "Fees under 01-QĐ/TW (R20, from 1/2/2026): 1% of the insured salary, 0.5% of a pension, \(money(studentFee)) a month for students. Shares kept as R20-SHARE gives them (342-QĐ/TW's rates, not checked against 01-QĐ/TW; change them in settings).")</p>\n"
        body += signatures([(vi ? "Người thu" : "Collected by", ""), (vi ? "T/M chi ủy" : "For the cell committee", "")])
        return page(org: orgName, parent: parentName, number: nil, title: vi ? "Sổ thu, nộp đảng phí" : "Party fee ledger",
                    subtitle: period.name(vi), body: body)
    }

    private func money(_ n: Int64) -> String { DisplayFormat.money(n, language) }

    private func rate(_ work: String?, studentFee: Int64, reduction: Int64) -> String {
        let r: String
        switch work {
        case "civil_servant", "public_employee", "armed_forces", "enterprise": r = "1%"
        case "retired": r = vi ? "0,5%" : "0.5%"
        case "student": r = money(studentFee)
        default: r = ""
        }
        return reduction > 0 && !r.isEmpty ? r + (vi ? ", giảm \(reduction)%" : ", \(reduction)% off") : r
    }

    /// A rule's setting: the register's own value, else the module's default.
    func setting(_ key: String) throws -> String {
        session.variables["doc_key"] = .text(key)
        defer { session.variables["doc_key"] = nil }
        let stored = try rows("settings | where key == $doc_key | select value").text.first?.first
        return stored ?? session.catalog.settings[key] ?? ""
    }
}
