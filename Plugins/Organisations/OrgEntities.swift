import CosoCore

/// The organisation tree: one row per party organisation, of any depth (a district level until
/// 1/7/2025, none after: 294-QĐ/TW).
public enum Orgs {
    public static let name = Field("name", .text, vi: "Tên", en: "Name", required: true, searchable: true).maxLength(200)
        .help(vi: "tên đầy đủ, như trong quyết định thành lập", en: "the full name, as in the founding decision")
    public static let kind = Field("kind", .enumeration("org_kind"), vi: "Loại", en: "Kind", required: true)
    public static let sector = Field("sector", .enumeration("org_sector"), vi: "Loại hình", en: "Sector")
    public static let parent = Field("parent", .reference("orgs"), vi: "Cấp trên", en: "Parent").changedBy("org move", "org merge")
        .help(vi: "tổ chức cấp trên trực tiếp", en: "the organisation directly above")
    public static let unitCode = Field("unit_code", .text, vi: "Mã đơn vị hành chính", en: "Administrative unit code").maxLength(20)
    public static let founded = Field("founded", .date, vi: "Ngày thành lập", en: "Founded").notInFuture()
    public static let dissolved = Field("dissolved", .date, vi: "Ngày kết thúc", en: "Dissolved").notInFuture()
        .changedBy("org dissolve", "org merge")
    public static let dissolvedHow = Field("dissolved_how", .enumeration("org_ending"), vi: "Hình thức kết thúc", en: "How it ended")
    public static let hasCommittee = Field("has_committee", .bool, vi: "Có cấp ủy", en: "Has a committee", required: true)
        .defaulting(.bool(false)).changedBy("term")
        .help(vi: "theo nhiệm kỳ cấp ủy mới nhất đã bắt đầu (term); khi chưa ghi nhiệm kỳ nào: như lúc thêm tổ chức",
              en: "from the latest term that has begun (term); with no term recorded: as given when the organisation was added")
    public static let authorisedToAdmit = Field("authorised_to_admit", .bool, vi: "Được ủy quyền kết nạp đảng viên",
                                                en: "Authorised to admit members", required: true).defaulting(.bool(false))

    public static let entity = Entity(
        name: "orgs", label: Label(vi: "Tổ chức đảng", en: "Organisations"),
        singular: Label(vi: "tổ chức", en: "organisation"),
        fields: [name, kind, sector, parent, unitCode, founded, dissolved, dissolvedHow, hasCommittee, authorisedToAdmit],
        liveCondition: "dissolved IS NULL",
        dated: DatedSource(presence: asOfPresence, impliedBy: [],
                           narrowing: ["kind": PastValues.narrowing("orgs", kind, row: "o.id", table: "o")]) { asOfSelect },
        constraints: [.ordered(founded, then: dissolved), .notSelf(parent)],
        indexes: [Index("orgs_parent", on: [parent]), Index("orgs_name", on: [name]), Index("orgs_kind", on: [kind, hasCommittee])],
        // The organisations of some kinds alive at a date (T3, T17 and their like): 39,000
        // combinations at the country for 378,000 organisations.
        // With the parent's kind: the cells under grassroots committees (T11's basis).
        rollups: [Rollup("orgs_live", on: [kind, founded, dissolved]),
                  Rollup("orgs_under", on: [kind, founded, dissolved], through: parent, kind)],
        tree: .init(parent: parent))

    /// The tree as it stood at a date (`orgs asof @2022-12-31`): organisations founded by then (or
    /// of unknown founding), their end only if it had come, and whether they had a committee then:
    /// the latest committee term begun by the date says so; with no term recorded, the flag given
    /// when the organisation was added.
    static let asOfPresence = "(o.founded IS NULL OR o.founded <= ?)"

    static let asOfSelect: String = {
        let latestTerm = "(SELECT t.committee FROM committee_terms t WHERE t.org_id = o.id AND t.started <= ? "
            + "ORDER BY t.started DESC, t.id DESC LIMIT 1)"
        // The name it bore then: the earliest former name still borne on the date, else today's.
        let formerly = { (column: String) in
            "(SELECT n.\(column) FROM org_names n WHERE n.org_id = o.id AND n.until >= ? ORDER BY n.until LIMIT 1)"
        }
        let derived: [String: String] = [
            "name": "coalesce(\(formerly("name")), o.name)",
            "name_folded": "coalesce(\(formerly("name_folded")), o.name_folded)",
            "name_sort": "coalesce(\(formerly("name_sort")), o.name_sort)",
            // (Only an organisation with terms looks them up: the others are listed once a statement.)
            "has_committee": "CASE WHEN o.id IN (SELECT t.org_id FROM committee_terms t) THEN coalesce(\(latestTerm), 0) ELSE o.has_committee END",
            "dissolved": "CASE WHEN o.dissolved <= ? THEN o.dissolved END",
            "dissolved_how": "CASE WHEN o.dissolved <= ? THEN o.dissolved_how END",
            // Moved or made another kind since (`org move`, `coso reorganise`): as it stood then.
            "parent_id": PastValues.asOf(entity, parent, row: "o.id", table: "o"),
            "kind": PastValues.asOf(entity, kind, row: "o.id", table: "o"),
        ]
        let columns = ["id", "name", "name_folded", "name_sort"] + entity.fields.dropFirst(2).map(\.column)
        return "SELECT " + columns.map { c in derived[c].map { "\($0) AS \(c)" } ?? "o.\(c)" }.joined(separator: ", ") + " FROM orgs o"
    }()
}
