import CosoCore

/// A member's history: every change of state, with its date, organisation and status after it
/// (`members asof` reads the roll at a date from it).
public enum MemberEvents {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
        .changedBy("void")
    public static let kind = Field("kind", .enumeration("member_event"), vi: "Sự kiện", en: "Event", required: true).changedBy("void")
    public static let happened = Field("happened", .date, vi: "Ngày", en: "Date", required: true).notInFuture()
    public static let org = Field("org", .reference("orgs"), vi: "Chi bộ", en: "Cell").changedBy("void")
    public static let status = Field("status", .enumeration("member_status"), vi: "Tình trạng sau sự kiện", en: "Status after")
        .changedBy("void")
    public static let decisionNo = Field("decision_no", .text, vi: "Số quyết định", en: "Decision number").maxLength(50)
    public static let decidedBy = Field("decided_by", .reference("orgs"), vi: "Cấp quyết định", en: "Decided by")
    public static let votesFor = Field("votes_for", .int, vi: "Số phiếu tán thành", en: "Votes for").range(0...)
    public static let votesTotal = Field("votes_total", .int, vi: "Tổng số phiếu", en: "Votes cast").range(0...)
    public static let introducer1 = Field("introducer1", .reference("members"), vi: "Người giới thiệu 1", en: "Introducer 1")
    public static let introducer2 = Field("introducer2", .reference("members"), vi: "Người giới thiệu 2", en: "Introducer 2")
    public static let note = Field("note", .text, vi: "Ghi chú", en: "Note").maxLength(1000).multilineText()

    public static let entity = Entity(
        name: "member_events", label: Label(vi: "Quá trình sinh hoạt đảng", en: "Member events"),
        singular: Label(vi: "sự kiện", en: "event"),
        fields: [member, kind, happened, org, status, decisionNo, decidedBy, votesFor, votesTotal, introducer1, introducer2, note],
        displayField: nil,
        constraints: [.ordered(votesFor, then: votesTotal)],
        indexes: [
            Index("member_events_kind", on: [kind, happened]),
            // A member's status and organisation at a date, read from the index alone (`members asof D`
            // looks up each member's latest event by D; `id` is named so that "latest, then highest
            // id" is the index's own order).
            Index("member_events_member", on: [member, happened, Field.id, status, org]),
        ])
}

/// Positions in committees, with the offices held with them ("nhất thể hóa").
public enum Positions {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let role = Field("role", .enumeration("position_role"), vi: "Chức vụ", en: "Role", required: true)
    public static let elected = Field("elected", .bool, vi: "Do bầu cử", en: "Elected", required: true).defaulting(.bool(true))
    public static let started = Field("started", .date, vi: "Từ ngày", en: "From", required: true)
    public static let ended = Field("ended", .date, vi: "Đến ngày", en: "Until")
    public static let villageHead = Field("village_head", .bool, vi: "Kiêm trưởng thôn", en: "Also village head", required: true)
        .defaulting(.bool(false))
    public static let frontHead = Field("front_head", .bool, vi: "Kiêm trưởng ban công tác Mặt trận", en: "Also Front team head",
                                        required: true).defaulting(.bool(false))
    public static let councilChair = Field("council_chair", .bool, vi: "Kiêm chủ tịch HĐND", en: "Also People's Council chair",
                                           required: true).defaulting(.bool(false))
    public static let committeeChair = Field("committee_chair", .bool, vi: "Kiêm chủ tịch UBND", en: "Also People's Committee chair",
                                             required: true).defaulting(.bool(false))
    public static let unitHead = Field("unit_head", .bool, vi: "Kiêm thủ trưởng đơn vị", en: "Also head of the unit", required: true)
        .defaulting(.bool(false))

    public static let entity = Entity(
        name: "positions", label: Label(vi: "Chức vụ trong cấp ủy", en: "Positions"),
        singular: Label(vi: "chức vụ", en: "position"),
        fields: [member, org, role, elected, started, ended, villageHead, frontHead, councilChair, committeeChair, unitHead],
        displayField: nil,
        // Held now: an organisation that ends or merges hands it on (`org dissolve` refuses, `reorganise` carries it).
        liveCondition: "ended IS NULL",
        constraints: [.ordered(started, then: ended)],
        indexes: [Index("positions_org", on: [org, role]), Index("positions_member", on: [member])])
}

/// Yearly ratings of organisations.
public enum OrgRatings {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let year = Field.year()
    public static let level = Field("level", .enumeration("rating_level"), vi: "Mức", en: "Level", required: true)
    public static let score = Field("score", .int, vi: "Điểm", en: "Score").range(0...100)
    public static let rulebook = Field("rulebook", .text, vi: "Quy định áp dụng", en: "Rulebook", required: true).maxLength(50)

    public static let entity = Entity(
        name: "org_ratings", label: Label(vi: "Xếp loại tổ chức đảng", en: "Organisation ratings"),
        singular: Label(vi: "xếp loại", en: "rating"), fields: [org, year, level, score, rulebook], displayField: nil,
        constraints: [.unique(org, year)],
        // A year's ratings with whose they are (T5a, the ratings table): not every year's read.
        indexes: [Index("org_ratings_year", on: [year, level, org])])
}

/// Quarterly ratings of members (T14).
public enum QuarterRatings {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let year = Field.year()
    public static let quarter = Field("quarter", .int, vi: "Quý", en: "Quarter", required: true).range(1...4)
    public static let level = Field("level", .enumeration("rating_level"), vi: "Mức", en: "Level", required: true)
    public static let score = Field("score", .int, vi: "Điểm", en: "Score").range(0...100)

    public static let entity = Entity(
        name: "quarter_ratings", label: Label(vi: "Xếp loại đảng viên hằng quý", en: "Quarterly member ratings"),
        singular: Label(vi: "xếp loại quý", en: "quarterly rating"), fields: [member, year, quarter, level, score], displayField: nil,
        constraints: [.unique(member, year, quarter)])
}

/// What the cell where a member lives says of them each year (T2).
public enum ResidenceComments {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let year = Field.year()
    public static let cell = Field("cell", .reference("orgs"), vi: "Chi bộ nơi cư trú", en: "Residence cell", required: true)
    public static let favourable = Field("favourable", .bool, vi: "Nhận xét tốt", en: "Favourable", required: true).defaulting(.bool(true))

    public static let entity = Entity(
        name: "residence_comments", label: Label(vi: "Nhận xét của chi bộ nơi cư trú", en: "Residence-cell comments"),
        singular: Label(vi: "nhận xét", en: "comment"), fields: [member, year, cell, favourable], displayField: nil,
        constraints: [.unique(member, year)])
}

/// Yearly commitments of members (T4).
public enum Commitments {
    public static let member = Field("member", .reference("members"), vi: "Đảng viên", en: "Member", required: true)
    public static let year = Field.year()
    public static let kind = Field("kind", .enumeration("commitment_kind"), vi: "Loại", en: "Kind", required: true)

    public static let entity = Entity(
        name: "commitments", label: Label(vi: "Đăng ký, cam kết", en: "Commitments"),
        singular: Label(vi: "cam kết", en: "commitment"), fields: [member, year, kind], displayField: nil,
        constraints: [.unique(member, year, kind)])
}

/// The pre-admission list: candidates (quần chúng ưu tú) and the steps they have taken.
public enum Candidates {
    public static let name = Field("name", .text, vi: "Họ và tên", en: "Name", required: true, personal: true, searchable: true)
        .personName().maxLength(100)
    public static let gender = Field("gender", .enumeration("gender"), vi: "Giới tính", en: "Gender", required: true)
    public static let born = Field("born", .date, vi: "Ngày sinh", en: "Born", required: true, personal: true).notInFuture()
    public static let org = Field("org", .reference("orgs"), vi: "Chi bộ", en: "Cell", required: true)
    public static let stage = Field("stage", .enumeration("candidate_stage"), vi: "Bước", en: "Stage", required: true)
    public static let listed = Field("listed", .date, vi: "Ngày đưa vào danh sách", en: "Listed", required: true)
    public static let awarenessCourse = Field("awareness_course", .date, vi: "Ngày học lớp nhận thức", en: "Awareness course")
    public static let applied = Field("applied", .date, vi: "Ngày làm đơn", en: "Applied")
    public static let member = Field("member", .reference("members"), vi: "Đảng viên (khi đã kết nạp)", en: "Member (once admitted)")

    public static let entity = Entity(
        name: "candidates", label: Label(vi: "Quần chúng ưu tú (nguồn kết nạp)", en: "Candidates"),
        singular: Label(vi: "quần chúng", en: "candidate"),
        fields: [name, gender, born, org, stage, listed, awarenessCourse, applied, member],
        indexes: [Index("candidates_org", on: [org, stage])])
}

/// How many members each grassroots organisation planned to admit in a year (its admission plan):
/// T18 sets the admissions against them.
public enum AdmissionPlans {
    public static let org = Field("org", .reference("orgs"), vi: "Tổ chức", en: "Organisation", required: true)
    public static let year = Field.year()
    public static let planned = Field("planned", .int, vi: "Số kết nạp theo kế hoạch", en: "Admissions planned", required: true).range(0...100_000)

    public static let entity = Entity(
        name: "admission_plans", label: Label(vi: "Kế hoạch kết nạp đảng viên", en: "Admission plans"),
        singular: Label(vi: "kế hoạch kết nạp", en: "admission plan"), fields: [org, year, planned], displayField: nil,
        constraints: [.unique(org, year)], indexes: [Index("admission_plans_year", on: [year])])
}
