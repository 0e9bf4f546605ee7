import CosoCore

enum OrgEntities {
    static let orgs = Entity(
        name: "orgs", label: Label(vi: "Tổ chức đảng", en: "Organisations"),
        singular: Label(vi: "tổ chức", en: "organisation"),
        fields: [
            Field("name", .text, vi: "Tên", en: "Name", required: true, searchable: true),
            Field("kind", .enumeration("org_kind"), vi: "Loại", en: "Kind", required: true),
            Field("sector", .enumeration("org_sector"), vi: "Loại hình", en: "Sector"),
            Field("parent", .reference("orgs"), vi: "Cấp trên", en: "Parent"),
            Field("unit_code", .text, vi: "Mã đơn vị hành chính", en: "Administrative unit code"),
            Field("founded", .date, vi: "Ngày thành lập", en: "Founded"),
            Field("dissolved", .date, vi: "Ngày kết thúc", en: "Dissolved"),
            Field("dissolved_how", .enumeration("org_ending"), vi: "Hình thức kết thúc", en: "How it ended"),
            Field("has_committee", .bool, vi: "Có cấp ủy", en: "Has a committee", required: true),
            Field("authorised_to_admit", .bool, vi: "Được ủy quyền kết nạp đảng viên", en: "Authorised to admit members", required: true),
        ],
        liveCondition: "dissolved IS NULL")
}
