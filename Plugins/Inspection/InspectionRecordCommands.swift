import CosoCore

/// `inspect`: one inspection or supervision, of an organisation or a member.
enum InspectionRecordCommands {
    static let inspect = RecordCommand.make(
        "inspect", summary: Label(vi: "Ghi một cuộc kiểm tra, giám sát", en: "Record an inspection or supervision"), entity: "inspections",
        labelled: [Parameter("mode", .enumeration("oversight_mode"), vi: "kiểm tra hay giám sát", en: "inspection or supervision"),
                   Parameter("kind", .enumeration("inspection_kind"), vi: "loại", en: "kind"),
                   Parameter("by_org", .reference("orgs"), vi: "cấp tiến hành", en: "conducted by"),
                   Parameter("subject_org", .reference("orgs"), vi: "tổ chức được kiểm tra", en: "organisation inspected", required: false),
                   Parameter("subject_member", .reference("members"), vi: "đảng viên được kiểm tra", en: "member inspected", required: false),
                   Parameter("started", .date, vi: "ngày bắt đầu", en: "started"),
                   Parameter("ended", .date, vi: "ngày kết thúc", en: "ended", required: false),
                   Parameter("violation", .bool, vi: "có vi phạm", en: "violation found", required: false),
                   Parameter("conclusion", .text, vi: "kết luận", en: "conclusion", required: false),
                   Parameter("plan_year", .int, vi: "năm kế hoạch", en: "plan year", required: false)],
        example: CommandExample(setup: [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#,
                                        #"org add "Chi bộ thôn 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#],
                                #"inspect mode: supervision kind: thematic by_org: "Đảng bộ xã Gia Hiệp" subject_org: "Chi bộ thôn 5" started: @2024-04-01"#,
                                expected: "Đã ghi cuộc kiểm tra, giám sát (mã 1)."),
        defaults: ["violation": .bool(false)]
    )
}
