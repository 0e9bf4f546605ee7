import CosoCore

public enum OrgEnums {
    static let kind = EnumType(id: "org_kind", label: Label(vi: "Loại tổ chức", en: "Organisation kind"), cases: [
        .init("provincial_committee", vi: "Đảng bộ tỉnh", en: "provincial committee"),
        .init("district_committee", vi: "Đảng bộ huyện", en: "district committee"),
        .init("commune_committee", vi: "Đảng bộ xã, phường, thị trấn", en: "commune committee"),
        .init("grassroots_committee", vi: "Đảng bộ cơ sở", en: "grassroots committee"),
        .init("grassroots_cell", vi: "Chi bộ cơ sở", en: "grassroots cell"),
        .init("sub_committee", vi: "Đảng bộ bộ phận", en: "sub-committee"),
        .init("village_cell", vi: "Chi bộ thôn, tổ dân phố", en: "village cell"),
        .init("subordinate_cell", vi: "Chi bộ trực thuộc", en: "subordinate cell"),
        .init("party_group", vi: "Tổ đảng", en: "party group"),
    ])

    /// Kinds whose members are held directly (a member belongs to a cell).
    public static let cellKinds: Set<String> = ["grassroots_cell", "village_cell", "subordinate_cell", "party_group"]

    static let sector = EnumType(id: "org_sector", label: Label(vi: "Loại hình", en: "Sector"), cases: [
        .init("village", vi: "thôn, buôn", en: "village"),
        .init("residential_group", vi: "tổ dân phố", en: "residential group"),
        .init("commune_office", vi: "cơ quan xã", en: "commune office"),
        .init("school", vi: "trường học", en: "school"),
        .init("health", vi: "y tế", en: "health"),
        .init("military", vi: "quân sự", en: "military"),
        .init("police", vi: "công an", en: "police"),
        .init("state_agency", vi: "cơ quan nhà nước", en: "state agency"),
        .init("public_service", vi: "đơn vị sự nghiệp", en: "public service unit"),
        .init("state_enterprise", vi: "doanh nghiệp nhà nước", en: "state enterprise"),
        .init("private_enterprise", vi: "doanh nghiệp tư nhân", en: "private enterprise"),
        .init("fdi", vi: "doanh nghiệp vốn nước ngoài", en: "foreign-invested enterprise"),
        .init("coop", vi: "hợp tác xã", en: "cooperative"),
        .init("credit_fund", vi: "quỹ tín dụng nhân dân", en: "people's credit fund"),
        .init("party_agency", vi: "cơ quan đảng, đoàn thể", en: "party and mass organisations"),
        .init("other", vi: "khác", en: "other"),
    ])

    static let ending = EnumType(id: "org_ending", label: Label(vi: "Hình thức kết thúc", en: "How it ended"), cases: [
        .init("dissolved", vi: "giải thể", en: "dissolved"),
        .init("merged", vi: "sáp nhập", en: "merged"),
        .init("disbanded", vi: "giải tán (kỷ luật)", en: "disbanded (discipline)"),
    ])
}
