import CosoCore
import CosoOrganisations

/// What the members module checks of an imported member (beyond types), and the history it
/// writes for one: the same rules as `admit` and `card`, as problems to report rather than
/// refusals, so that every bad row of a file is listed at once.
enum MemberImport {
    static func check(_ v: inout [Field: Value], _ tx: WriteTransaction) throws -> [ImportProblem] {
        var problems: [ImportProblem] = []
        func problem(_ column: String, _ code: String, _ vi: String, _ en: String) {
            problems.append(ImportProblem(column: column, code, vi: vi, en: en))
        }
        // Each field looked up once (a million-row file asks for every one of them).
        let born = v[Members.born]?.dateValue, admitted = v[Members.admitted]?.dateValue, confirmed = v[Members.confirmed]?.dateValue
        var status = v[Members.status]?.textValue
        if status == nil, admitted != nil {
            status = confirmed != nil ? "official" : "probationary"
            v[Members.status] = .text(status!)
        }
        // Formats (the name, the national ID and card numbers, dates ahead of today, admission before
        // confirmation) are the declaration's, checked by the importer for every field; what follows
        // are the members module's rules.
        let card = v[Members.cardNo]?.textValue
        if let born, let admitted {
            if born.wholeMonths(until: admitted) / 12 < MemberRules.minimumAdmissionAge {
                problem("admitted", "E1147", "vào Đảng khi chưa đủ 18 tuổi (R1)", "admitted before the age of 18 (R1)")
            }
        }
        if status == "probationary", card != nil {
            problem("card_no", "E1149", "đảng viên dự bị chưa có thẻ (R23)", "a probationary member holds no card (R23)")
        }
        if let org = v[Members.org]?.intValue {
            // The organisation's kind, and whether it has ended, in one look-up per organisation.
            let known = try tx.cached("orgs.cell-live.\(org)") {
                let kind = try tx.scalar("SELECT kind FROM orgs WHERE id = ?", [.int(org)]).textValue
                let dissolved = try tx.scalar("SELECT dissolved FROM orgs WHERE id = ?", [.int(org)])
                return .int((kind.map(OrgEnums.cellKinds.contains) == false ? 1 : 0) | (dissolved != .null ? 2 : 0))
            }.intValue ?? 0
            if known & 1 != 0 {
                problem("org", "E1148", "đảng viên sinh hoạt ở chi bộ; tổ chức này không phải chi bộ", "members belong to cells; this is not a cell")
            }
            if let status, MemberEnums.onRoll.contains(status), known & 2 != 0 {
                problem("org", "E1150", "tổ chức đã kết thúc: đảng viên còn sinh hoạt phải ở chi bộ đang hoạt động",
                        "the organisation has ended: a member on the roll belongs to a live cell")
            }
        }
        return problems
    }

    /// The history an imported member's dates imply, as if entered through the commands.
    static func history(_ id: Int64, _ v: [Field: Value], _ tx: WriteTransaction) throws {
        if let admitted = v[Members.admitted]?.dateValue {
            try MemberRules.record(tx, member: id, "admitted", on: admitted, org: v[Members.org]?.intValue, status: "probationary",
                                   extra: [MemberEvents.note: .text("nhập từ tệp")])
        }
        if let confirmed = v[Members.confirmed]?.dateValue { try MemberRules.record(tx, member: id, "confirmed", on: confirmed, status: "official") }
        if let exempted = v[Members.exempted]?.dateValue { try MemberRules.record(tx, member: id, "exempted", on: exempted, status: "exempted") }
        // A suspension the file gives without its date: recorded as known on the day of the import,
        // so that the history, which gives the member's status, says it too.
        if v[Members.status]?.textValue == "suspended" {
            try MemberRules.record(tx, member: id, "suspended", on: tx.today, status: "suspended",
                                   extra: [MemberEvents.note: .text("nhập từ tệp: đang đình chỉ, chưa rõ ngày")])
        }
        if let ended = v[Members.ended]?.dateValue, let status = v[Members.status]?.textValue, !MemberEnums.onRoll.contains(status) {
            let kind = ["removed": "removed", "expelled": "expelled", "withdrew": "withdrew", "deceased": "died",
                        "transferred_out": "transfer_out"][status] ?? "removed"
            try MemberRules.record(tx, member: id, kind, on: ended, status: status)
        }
    }
}
