import CosoCore

enum MemberEntities {
    /// The core fields of the member record (2-HSĐV) that this version keeps.
    static let members = Entity(
        name: "members", label: Label(vi: "Đảng viên", en: "Members"), singular: Label(vi: "đảng viên", en: "member"),
        fields: [
            Field("name", .text, vi: "Họ và tên", en: "Name", required: true, personal: true, searchable: true),
            Field("gender", .enumeration("gender"), vi: "Giới tính", en: "Gender", required: true),
            Field("born", .date, vi: "Ngày sinh", en: "Born", required: true, personal: true),
            Field("ethnicity", .enumeration("ethnicity"), vi: "Dân tộc", en: "Ethnicity"),
            Field("religion", .enumeration("religion"), vi: "Tôn giáo", en: "Religion"),
            Field("national_id", .text, vi: "Số CCCD", en: "National ID", personal: true, secret: true, unique: true),
            Field("card_no", .text, vi: "Số thẻ đảng viên", en: "Party card number", personal: true, unique: true),
            Field("occupation", .enumeration("occupation"), vi: "Nghề nghiệp", en: "Occupation"),
            Field("education", .enumeration("general_education"), vi: "Giáo dục phổ thông", en: "General education"),
            Field("qualification", .enumeration("qualification"), vi: "Chuyên môn", en: "Qualification"),
            Field("theory", .enumeration("theory_level"), vi: "Lý luận chính trị", en: "Political theory"),
            Field("status", .enumeration("member_status"), vi: "Tình trạng", en: "Status", required: true),
            Field("org", .reference("orgs"), vi: "Chi bộ", en: "Cell", required: true),
            Field("admitted", .date, vi: "Ngày vào Đảng", en: "Admitted"),
            Field("confirmed", .date, vi: "Ngày chính thức", en: "Confirmed"),
            Field("exempted", .date, vi: "Ngày miễn sinh hoạt", en: "Exempted"),
            Field("exemption_reason", .enumeration("exemption_reason"), vi: "Lý do miễn", en: "Exemption reason"),
            Field("ended", .date, vi: "Ngày ra khỏi danh sách", en: "Left the roll"),
            Field("removal_reason", .enumeration("removal_reason"), vi: "Lý do xóa tên", en: "Reason struck off"),
            Field("work_status", .enumeration("work_status"), vi: "Tình trạng công tác", en: "Work status"),
            Field("residence_cell", .reference("orgs"), vi: "Chi bộ nơi cư trú", en: "Residence cell"),
            Field("file_no", .text, vi: "Số lý lịch", en: "File number", personal: true, unique: true),
        ] + MemberRecord2HSDV.fields,
        liveCondition: "status IN ('probationary', 'official', 'exempted', 'suspended')",
        dated: DatedSource(presence: asOfPresence, impliedBy: ["status", "org_id"]) { asOfSelect })

    /// The roll as it stood at a date (`members asof @2023-12-31`), derived from the events: a
    /// member appears once admitted (or transferred in) by then (`asOfPresence`), with the status
    /// and cell of their latest event up to that date, and only the dates that had happened.
    static let asOfPresence = "EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.happened <= ?)"

    static let asOfSelect: String = {
        let latest = { (column: String) in
            "(SELECT e.\(column) FROM member_events e WHERE e.member_id = m.id AND e.\(column) IS NOT NULL AND e.happened <= ? "
                + "ORDER BY e.happened DESC, e.id DESC LIMIT 1)"
        }
        let derived: [String: String] = [
            "status": latest("status"), "org_id": latest("org_id"),
            "confirmed": "CASE WHEN m.confirmed <= ? THEN m.confirmed END",
            "exempted": "CASE WHEN m.exempted <= ? THEN m.exempted END",
            "exemption_reason": "CASE WHEN m.exempted <= ? THEN m.exemption_reason END",
            "ended": "CASE WHEN m.ended <= ? THEN m.ended END",
            "removal_reason": "CASE WHEN m.ended <= ? THEN m.removal_reason END",
            "card_no": "CASE WHEN m.confirmed <= ? THEN m.card_no END",
        ]
        let columns = ["id", "name", "name_folded", "name_sort", "gender", "born", "ethnicity", "religion", "national_id", "card_no",
                       "occupation", "education", "qualification", "theory", "status", "org_id", "admitted", "confirmed", "exempted",
                       "exemption_reason", "ended", "removal_reason", "work_status", "residence_cell_id", "file_no"]
            + MemberRecord2HSDV.fields.map(\.column)
        let list = columns.map { c in derived[c].map { "\($0) AS \(c)" } ?? "m.\(c)" }.joined(separator: ", ")
        return "SELECT \(list) FROM members m"
    }()
}
