import CosoCore
import CosoOrganisations

/// What the members module checks of an imported member (beyond types), and the history it
/// writes for one: the same rules as `admit` and `card`, as problems to report rather than
/// refusals, so that every bad row of a file is listed at once.
enum MemberImport {
    static func check(_ v: inout [String: Value], _ tx: WriteTransaction) throws -> [ImportProblem] {
        var problems: [ImportProblem] = []
        func problem(_ column: String, _ code: String, _ vi: String, _ en: String) {
            problems.append(ImportProblem(column: column, code, vi: vi, en: en))
        }
        // Each field looked up once (a million-row file asks for every one of them).
        let born = v["born"]?.dateValue, admitted = v["admitted"]?.dateValue, confirmed = v["confirmed"]?.dateValue
        var status = v["status"]?.textValue
        if status == nil, admitted != nil {
            status = confirmed != nil ? "official" : "probationary"
            v["status"] = .text(status!)
        }
        // A person's name is letters, spaces, apostrophes (K'Ho names), hyphens and dots: nothing
        // else, so that a cell holding a formula or a piece of SQL is caught, not stored.
        if let name = v["name"]?.textValue, !name.unicodeScalars.allSatisfy(MemberImport.mayBeInAName) {
            problem("name", "E0425", "họ tên chỉ gồm chữ cái, dấu cách, dấu nháy đơn, gạch nối và dấu chấm",
                    "a name has only letters, spaces, apostrophes, hyphens and dots")
        }
        // Digits 0-9 only, counted as bytes: each is one byte and one character.
        if let nid = v["national_id"]?.textValue, nid.utf8.count != 12 || !nid.utf8.allSatisfy({ (48...57).contains($0) }) {
            problem("national_id", "E0416", "số CCCD phải gồm đúng 12 chữ số", "a national ID has exactly 12 digits")
        }
        let card = v["card_no"]?.textValue
        if let card, card.utf8.count != 8 || !card.utf8.allSatisfy({ (48...57).contains($0) }) {
            problem("card_no", "E0417", "số thẻ đảng viên gồm đúng 8 chữ số (R23)", "a card number has exactly 8 digits (R23)")
        }
        // Once per import, not per row.
        let today = tx.cached("today") { .date(LocalDate.today()) }.dateValue ?? LocalDate.today()
        func notFuture(_ field: String, _ date: LocalDate?) {
            if let date, date > today { problem(field, "E0421", "ngày ở tương lai", "a date in the future") }
        }
        notFuture("born", born); notFuture("admitted", admitted); notFuture("confirmed", confirmed)
        notFuture("exempted", v["exempted"]?.dateValue); notFuture("ended", v["ended"]?.dateValue)
        if let born, let admitted {
            if born.wholeYears(until: admitted) < MemberRules.minimumAdmissionAge {
                problem("admitted", "E0418", "vào Đảng khi chưa đủ 18 tuổi (R1)", "admitted before the age of 18 (R1)")
            }
        }
        if let admitted, let confirmed, confirmed <= admitted {
            problem("confirmed", "E0419", "ngày chính thức phải sau ngày vào Đảng (R5)", "full membership follows admission (R5)")
        }
        if status == "probationary", card != nil {
            problem("card_no", "E0422", "đảng viên dự bị chưa có thẻ (R23)", "a probationary member holds no card (R23)")
        }
        if let org = v["org"]?.intValue {
            // The organisation's kind, and whether it has ended, in one look-up per organisation.
            let known = try tx.cached("orgs.cell-live.\(org)") {
                let kind = try tx.scalar("SELECT kind FROM orgs WHERE id = ?", [.int(org)]).textValue
                let dissolved = try tx.scalar("SELECT dissolved FROM orgs WHERE id = ?", [.int(org)])
                return .int((kind.map(OrgEnums.cellKinds.contains) == false ? 1 : 0) | (dissolved != .null ? 2 : 0))
            }.intValue ?? 0
            if known & 1 != 0 {
                problem("org", "E0420", "đảng viên sinh hoạt ở chi bộ; tổ chức này không phải chi bộ", "members belong to cells; this is not a cell")
            }
            if let status, MemberEnums.onRoll.contains(status), known & 2 != 0 {
                problem("org", "E0423", "tổ chức đã kết thúc: đảng viên còn sinh hoạt phải ở chi bộ đang hoạt động",
                        "the organisation has ended: a member on the roll belongs to a live cell")
            }
        }
        return problems
    }

    /// A letter (of any script), a combining mark, a space, an apostrophe, a hyphen or a dot.
    /// ASCII and the Vietnamese letters are answered without looking up Unicode properties.
    static func mayBeInAName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x20, 0x27, 0x2D, 0x2E, 0x2019: return true
        case 0x1EA0...0x1EF9: return true
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// The history an imported member's dates imply, as if entered through the commands.
    static func history(_ id: Int64, _ v: [String: Value], _ tx: WriteTransaction) throws {
        if let admitted = v["admitted"]?.dateValue {
            try MemberRules.record(tx, member: id, "admitted", on: admitted, org: v["org"]?.intValue, status: "probationary",
                                   extra: ["note": .text("nhập từ tệp")])
        }
        if let confirmed = v["confirmed"]?.dateValue { try MemberRules.record(tx, member: id, "confirmed", on: confirmed, status: "official") }
        if let exempted = v["exempted"]?.dateValue { try MemberRules.record(tx, member: id, "exempted", on: exempted, status: "exempted") }
        if let ended = v["ended"]?.dateValue, let status = v["status"]?.textValue, !MemberEnums.onRoll.contains(status) {
            let kind = ["removed": "removed", "expelled": "expelled", "withdrew": "withdrew", "deceased": "died",
                        "transferred_out": "transfer_out"][status] ?? "removed"
            try MemberRules.record(tx, member: id, kind, on: ended, status: status)
        }
    }
}
