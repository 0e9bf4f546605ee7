import CosoCore

/// The assignments, declared once: the store makes the table from this (with its CHECK
/// constraints and indexes), every write is checked against it, and `.help assignments`,
/// `.schema` and completion read it. Module code names the fields through these constants.
public enum Assignments {
    public static let role = EnumType(id: "assignment_role", label: Label(vi: "Nhiệm vụ", en: "Role"), cases: [
        .init("in_charge", vi: "phụ trách", en: "in charge"),
        .init("support", vi: "theo dõi, giúp đỡ", en: "support"),
    ])

    public static let member = Field("member", .reference("members"), vi: "Cấp ủy viên", en: "Committee member", required: true)
    public static let org = Field("org", .reference("orgs"), vi: "Chi bộ phụ trách", en: "Cell in charge of", required: true)
        .help(vi: "chi bộ thôn, tổ dân phố (hoặc tổ chức) mà cấp ủy viên phụ trách", en: "the village cell (or organisation) assigned")
    public static let village = Field("village", .reference("villages"), vi: "Thôn, tổ dân phố", en: "Village")
    public static let kind = Field("role", .enumeration("assignment_role"), vi: "Nhiệm vụ", en: "Role", required: true)
        .defaulting(.text("in_charge"))
    public static let started = Field("started", .date, vi: "Từ ngày", en: "From", required: true).notInFuture()
    public static let ended = Field("ended", .date, vi: "Đến ngày", en: "Until").notInFuture()
    public static let decision = Field("decision_no", .text, vi: "Số quyết định phân công", en: "Decision number").maxLength(50)

    public static let entity = Entity(
        name: "assignments", label: Label(vi: "Phân công cấp ủy viên phụ trách", en: "Committee assignments"),
        singular: Label(vi: "phân công", en: "assignment"),
        fields: [member, org, village, kind, started, ended, decision], displayField: nil,
        constraints: [.ordered(started, then: ended)],
        indexes: [Index("assignments_org", on: [org, started]), Index("assignments_member", on: [member])],
        placedBy: org)
}
