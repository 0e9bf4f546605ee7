import CosoCore

/// Villages and residential groups with the cell that covers each (T9, T13).
public enum Villages {
    public static let name = Field("name", .text, vi: "Tên", en: "Name", required: true, searchable: true).maxLength(200)
    public static let kind = Field("kind", .enumeration("village_kind"), vi: "Loại", en: "Kind", required: true)
    public static let commune = Field("commune", .reference("orgs"), vi: "Đảng bộ xã", en: "Commune committee", required: true)
    public static let cell = Field("cell", .reference("orgs"), vi: "Chi bộ", en: "Cell")
    public static let headIsMember = Field("head_is_member", .bool, vi: "Trưởng thôn là đảng viên", en: "Head is a member",
                                           required: true).defaulting(.bool(false))
    public static let frontHeadIsMember = Field("front_head_is_member", .bool, vi: "Trưởng ban công tác Mặt trận là đảng viên",
                                                en: "Front team head is a member", required: true).defaulting(.bool(false))

    public static let entity = Entity(
        name: "villages", label: Label(vi: "Thôn, tổ dân phố", en: "Villages and residential groups"),
        singular: Label(vi: "thôn, tổ dân phố", en: "village"),
        fields: [name, kind, commune, cell, headIsMember, frontHeadIsMember],
        dated: DatedSource(presence: "1", impliedBy: []) { asOfSelect },
        indexes: [Index("villages_commune", on: [commune]), Index("villages_cell", on: [cell])])

    /// The villages as they stood at a date (`villages asof @2025-06-30`): their commune and cell,
    /// and whether their heads were members, before any later dated change (`PastValues`).
    static let asOfSelect: String = {
        let dated: Set<String> = [commune.name, cell.name, headIsMember.name, frontHeadIsMember.name]
        let columns = entity.fields.flatMap { f in [f.column] + [f.foldedColumn, f.sortColumn].compactMap { $0 } }
        let byColumn = Dictionary(entity.fields.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
        return "SELECT " + columns.map { c in
            guard let f = byColumn[c], dated.contains(f.name) else { return "v.\(c)" }
            return PastValues.asOf(entity, f, row: "v.id", table: "v") + " AS \(c)"
        }.joined(separator: ", ") + " FROM villages v"
    }()
}

/// A committee's term of office (nhiệm kỳ cấp ủy).
public enum CommitteeTerms {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let started = Field("started", .date, vi: "Từ", en: "From", required: true)
    public static let ends = Field("ends", .date, vi: "Đến", en: "To", required: true)
    public static let seats = Field("seats", .int, vi: "Số cấp ủy viên", en: "Seats").range(1...99)
    /// Whether the congress elected a committee (a small cell elects only a secretary).
    public static let committee = Field("committee", .bool, vi: "Có bầu cấp ủy", en: "Elected a committee", required: true)
        .defaulting(.bool(true))
        .help(vi: "không (false) khi đại hội chỉ bầu bí thư, phó bí thư, không bầu cấp ủy", en: "false when the congress elected only a secretary and deputy, no committee")

    public static let entity = Entity(
        name: "committee_terms", label: Label(vi: "Nhiệm kỳ cấp ủy", en: "Committee terms"),
        singular: Label(vi: "nhiệm kỳ", en: "term"), fields: [org, started, ends, seats, committee], displayField: nil,
        constraints: [.ordered(started, then: ends, strictly: true)],
        indexes: [Index("committee_terms_org", on: [org])])
}

/// "Four good" and other recognitions of an organisation in a year.
public enum Recognitions {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let year = Field.year()
    public static let kind = Field("kind", .enumeration("recognition_kind"), vi: "Danh hiệu", en: "Recognition", required: true)
    public static let grantedBy = Field("granted_by", .reference("orgs"), vi: "Cấp công nhận", en: "Granted by")

    public static let entity = Entity(
        name: "recognitions", label: Label(vi: "Danh hiệu tổ chức đảng", en: "Recognitions"),
        singular: Label(vi: "danh hiệu", en: "recognition"), fields: [org, year, kind, grantedBy], displayField: nil,
        constraints: [.unique(org, year, kind)])
}

/// Creative models and new ways of working (T3).
public enum Innovations {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let year = Field.year()
    public static let title = Field("title", .text, vi: "Tên mô hình", en: "Title", required: true).maxLength(500)
    public static let product = Field("product", .text, vi: "Sản phẩm cụ thể", en: "Concrete product").maxLength(1000).multilineText()
    public static let ratedHigh = Field("rated_high", .bool, vi: "Được đánh giá cao", en: "Rated highly", required: true)
        .defaulting(.bool(false))

    public static let entity = Entity(
        name: "innovations", label: Label(vi: "Mô hình mới, cách làm sáng tạo", en: "Creative models"),
        singular: Label(vi: "mô hình", en: "creative model"), fields: [org, year, title, product, ratedHigh], displayField: "title",
        indexes: [Index("innovations_org", on: [org, year])])
}

/// Cell meetings (R9).
public enum Meetings {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let held = Field("held", .date, vi: "Ngày", en: "Date", required: true)
    public static let kind = Field("kind", .enumeration("meeting_kind"), vi: "Loại", en: "Kind", required: true)
    public static let present = Field("present", .int, vi: "Có mặt", en: "Present").range(0...)
    public static let excused = Field("excused", .int, vi: "Vắng có lý do", en: "Excused").range(0...)

    public static let entity = Entity(
        name: "meetings", label: Label(vi: "Sinh hoạt chi bộ", en: "Meetings"),
        singular: Label(vi: "buổi sinh hoạt", en: "meeting"), fields: [org, held, kind, present, excused], displayField: nil,
        indexes: [Index("meetings_org", on: [org, held])])
}

/// The names an organisation bore before it was renamed (`org rename`), each with its last day:
/// `orgs asof D` shows the name of that date, and an old name stays searchable here.
public enum OrgNames {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let name = Field("name", .text, vi: "Tên cũ", en: "Former name", required: true, searchable: true).maxLength(200)
    public static let until = Field("until", .date, vi: "Mang tên này đến ngày", en: "Bore this name until", required: true)

    public static let entity = Entity(
        name: "org_names", label: Label(vi: "Tên cũ của tổ chức đảng", en: "Former names of organisations"),
        singular: Label(vi: "tên cũ", en: "former name"), fields: [org, name, until],
        constraints: [.unique(org, until)],
        indexes: [Index("org_names_org", on: [org, until])])
}
