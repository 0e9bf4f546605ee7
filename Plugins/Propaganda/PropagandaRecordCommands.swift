import CosoCore

/// Resolution study sessions and attendance, exemplars and bulletins, recorded as entered.
enum PropagandaRecordCommands {
    static let org = Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation")
    static let setup = [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                        #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#]

    static let study = RecordCommand.make(
        "study", summary: Label(vi: "Ghi buổi học tập, quán triệt nghị quyết", en: "Record a resolution study session"), entity: "study_sessions",
        positional: [org],
        labelled: [Parameter("resolution", .text, vi: "nghị quyết", en: "resolution"), Parameter("held_on", .date, vi: "ngày", en: "date"),
                   Parameter("invited", .int, vi: "số được triệu tập", en: "invited", required: false),
                   Parameter("attended", .int, vi: "số tham dự", en: "attended", required: false)],
        example: CommandExample(setup: setup, #"study "Chi bộ thôn 5" resolution: "Nghị quyết 21-NQ/TW" held_on: @2022-09-10 invited: 20 attended: 19"#,
                                expected: "Đã ghi buổi học tập nghị quyết (mã 1).")
    )

    static let attend = RecordCommand.make(
        "attend", summary: Label(vi: "Ghi đảng viên tham dự buổi học tập nghị quyết", en: "Record a member's attendance at a study session"),
        entity: "attendance", positional: [Parameter("session", .reference("study_sessions"), vi: "buổi học tập", en: "session")],
        labelled: [Parameter("member", .reference("members"), vi: "đảng viên", en: "member"),
                   Parameter("present", .bool, vi: "có mặt (mặc định: có)", en: "present (default: yes)", required: false),
                   Parameter("essay", .bool, vi: "có bài thu hoạch", en: "wrote an essay", required: false)],
        example: CommandExample(setup: setup + [#"study "Chi bộ thôn 5" resolution: "Nghị quyết 21-NQ/TW" held_on: @2022-09-10"#],
                                "attend 1 member: 1 essay: true", expected: "Đã ghi lượt tham dự (mã 1)."),
        defaults: ["present": .bool(true), "essay": .bool(false)]
    )

    static let exemplar = RecordCommand.make(
        "exemplar", summary: Label(vi: "Ghi gương điển hình và nơi tuyên truyền", en: "Record an exemplar and where it was published"),
        entity: "exemplars",
        labelled: [Parameter("year", .int, vi: "năm", en: "year"), Parameter("title", .text, vi: "nội dung", en: "title"),
                   Parameter("member", .reference("members"), vi: "đảng viên", en: "member", required: false),
                   Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation", required: false),
                   Parameter("published_in", .enumeration("publication"), vi: "nơi tuyên truyền", en: "published in", required: false)],
        example: CommandExample(setup: setup, #"exemplar year: 2024 title: "Giúp dân làm giàu" member: 1 published_in: bulletin"#,
                                expected: "Đã ghi gương điển hình (mã 1).")
    )

    static let bulletin = RecordCommand.make(
        "bulletin", summary: Label(vi: "Ghi số bản tin nội bộ", en: "Record an internal bulletin"), entity: "bulletins", positional: [org],
        labelled: [Parameter("issued", .date, vi: "ngày phát hành", en: "issued"), Parameter("title", .text, vi: "tiêu đề", en: "title"),
                   Parameter("copies", .int, vi: "số bản", en: "copies", required: false)],
        example: CommandExample(setup: setup, #"bulletin "Chi bộ thôn 5" issued: @2024-03-15 title: "Bản tin tháng 3" copies: 200"#,
                                expected: "Đã ghi bản tin (mã 1).")
    )
}
