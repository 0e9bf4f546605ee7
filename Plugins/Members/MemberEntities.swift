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
            Field("national_id", .text, vi: "Số CCCD", en: "National ID", personal: true, secret: true),
            Field("card_no", .text, vi: "Số thẻ đảng viên", en: "Party card number", personal: true),
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
        ],
        liveCondition: "status IN ('probationary', 'official', 'exempted', 'suspended')")
}
