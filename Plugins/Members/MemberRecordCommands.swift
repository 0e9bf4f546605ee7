import CosoCore
import CosoOrganisations

/// Residence-cell comments (R21, T2) and yearly commitments (T4).
enum MemberRecordCommands {
    static let member = Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")
    static let year = Parameter("year", .int, vi: "năm", en: "year")
    static let setup = MemberLifecycle.setup + [#"org add "Chi bộ thôn 6" kind: village_cell"#]

    static let comment = RecordCommand.make(
        "comment", summary: Label(vi: "Ghi nhận xét hằng năm của chi bộ nơi cư trú (R21, T2)", en: "Record the residence cell's yearly comment (R21, T2)"),
        entity: "residence_comments", positional: [member],
        labelled: [year, Parameter("cell", .reference("orgs"), vi: "chi bộ nơi cư trú", en: "residence cell"),
                   Parameter("favourable", .bool, vi: "nhận xét tốt (mặc định: có)", en: "favourable (default: yes)", required: false)],
        example: CommandExample(setup: setup, #"comment 1 year: 2024 cell: "Chi bộ thôn 6""#, expected: "Đã ghi nhận xét (mã 1)."),
        defaults: ["favourable": .bool(true)]
    ) { call, tx in
        let cell = try call.requireID("cell"); let member = try call.requireID("member")
        try OrgRules.requireCell(cell, tx, argument: "cell")
        // The comment comes from where the member lives: record it as their residence cell.
        try tx.update(Members.entity, id: member, [Members.residenceCell: .int(cell)])
    }

    static let commitment = RecordCommand.make(
        "commitment", summary: Label(vi: "Ghi đăng ký, cam kết của đảng viên trong năm (T4)", en: "Record a member's yearly commitment (T4)"),
        entity: "commitments", positional: [member],
        labelled: [year, Parameter("kind", .enumeration("commitment_kind"), vi: "loại cam kết", en: "kind")],
        example: CommandExample(setup: setup, "commitment 1 year: 2024 kind: ct05", expected: "Đã ghi cam kết (mã 1).")
    )

    static let admissionPlan = RecordCommand.make(
        "admission plan", summary: Label(vi: "Ghi kế hoạch kết nạp đảng viên trong năm của một tổ chức (T18)", en: "Record an organisation's admission plan for a year (T18)"),
        entity: "admission_plans", positional: [Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation")],
        labelled: [year, Parameter("planned", .int, vi: "số đảng viên dự kiến kết nạp", en: "members to admit")],
        example: CommandExample(setup: setup, #"admission plan "Chi bộ thôn 6" year: 2026 planned: 3"#, expected: "Đã ghi kế hoạch kết nạp (mã 1).")
    )
}
