import CosoCore

/// Commands that record the organisations module's other entities as they are entered.
enum OrgRecordCommands {
    static let org = Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation")
    static let year = Parameter("year", .int, vi: "năm", en: "year")
    static let commune = [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#,
                          #"org add "Chi bộ thôn 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#]

    static let villageAdd = RecordCommand.make(
        "village add", summary: Label(vi: "Thêm thôn, tổ dân phố và chi bộ phụ trách (T9, T13)", en: "Add a village or residential group and its cell (T9, T13)"),
        entity: "villages", positional: [Parameter("name", .text, vi: "tên thôn", en: "name")],
        labelled: [Parameter("kind", .enumeration("village_kind"), vi: "loại", en: "kind"),
                   Parameter("commune", .reference("orgs"), vi: "đảng bộ xã", en: "commune committee"),
                   Parameter("cell", .reference("orgs"), vi: "chi bộ phụ trách", en: "the cell", required: false),
                   Parameter("head_is_member", .bool, vi: "trưởng thôn là đảng viên", en: "head is a member", required: false),
                   Parameter("front_head_is_member", .bool, vi: "trưởng ban công tác Mặt trận là đảng viên", en: "Front team head is a member", required: false)],
        example: CommandExample(setup: commune, #"village add "Thôn 5" kind: village commune: "Đảng bộ xã Gia Hiệp" cell: "Chi bộ thôn 5" head_is_member: true"#,
                                expected: "Đã ghi thôn, tổ dân phố (mã 1)."),
        defaults: ["head_is_member": .bool(false), "front_head_is_member": .bool(false)]
    ) { call, tx in
        if let cell = call.id("cell") {
            try OrgRules.requireLive(cell, tx, argument: "cell", on: call.today)
            try OrgRules.requireCell(cell, tx, argument: "cell")
        }
    }

    static let villageHeads = Command(
        "village heads", summary: Label(vi: "Ghi trưởng thôn, trưởng ban công tác Mặt trận có là đảng viên không (T13)",
                                        en: "Record whether the village head and Front team head are members (T13)"),
        positional: [Parameter("village", .reference("villages"), vi: "thôn", en: "village")],
        labelled: [Parameter("head_is_member", .bool, vi: "trưởng thôn là đảng viên", en: "head is a member"),
                   Parameter("front_head_is_member", .bool, vi: "trưởng ban công tác Mặt trận là đảng viên", en: "Front team head is a member"),
                   Parameter("on", .date, vi: "từ ngày (mặc định: hôm nay; ngày trước đó vẫn đọc được bằng villages asof)",
                             en: "from the date (default: today; earlier dates still read through villages asof)", required: false)],
        input: "villages",
        examples: [CommandExample(setup: commune + [#"village add "Thôn 5" kind: village commune: "Đảng bộ xã Gia Hiệp""#],
                                  #"village heads "Thôn 5" head_is_member: true front_head_is_member: false"#, expected: "Đã cập nhật 1 thôn.")]
    ) { call, tx in
        let subjects = CommonChecks.subjects(call, "village")
        let on = call.date("on") ?? call.today
        try CommonChecks.notInFuture(on, call, argument: "on")
        for id in subjects {
            try tx.update(Villages.entity, id: id, [Villages.headIsMember: call["head_is_member"], Villages.frontHeadIsMember: call["front_head_is_member"]],
                          from: on)
        }
        return Label(vi: "Đã cập nhật \(subjects.count) thôn.", en: "Updated \(subjects.count) village(s).")
    }

    static let term = RecordCommand.make(
        "term", summary: Label(vi: "Ghi nhiệm kỳ cấp ủy", en: "Record a committee term"), entity: "committee_terms", positional: [org],
        labelled: [Parameter("started", .date, vi: "từ ngày", en: "from"), Parameter("ends", .date, vi: "đến ngày", en: "until"),
                   Parameter("seats", .int, vi: "số cấp ủy viên", en: "seats", required: false),
                   Parameter("committee", .bool, vi: "có bầu cấp ủy (mặc định: có; không khi chỉ bầu bí thư)",
                             en: "a committee was elected (default: yes; no when only a secretary was)", required: false)],
        example: CommandExample(setup: commune, #"term "Chi bộ thôn 5" started: @2025-07-15 ends: @2030-07-14 seats: 3"#, expected: "Đã ghi nhiệm kỳ (mã 1)."),
        future: ["ends"],
        after: { _, call, tx in try CommitteeHistory.settle(try call.requireID("org"), tx) }
    )

    static let recognise = RecordCommand.make(
        "recognise", summary: Label(vi: "Ghi danh hiệu của tổ chức đảng (\"bốn tốt\", xuất sắc tiêu biểu)", en: "Record a recognition (\"four good\", excellent)"),
        entity: "recognitions", positional: [org],
        labelled: [year, Parameter("kind", .enumeration("recognition_kind"), vi: "danh hiệu", en: "recognition"),
                   Parameter("granted_by", .reference("orgs"), vi: "cấp công nhận", en: "granted by", required: false)],
        example: CommandExample(setup: commune, #"recognise "Chi bộ thôn 5" year: 2024 kind: four_good"#, expected: "Đã ghi danh hiệu (mã 1).")
    )

    static let innovation = RecordCommand.make(
        "innovation", summary: Label(vi: "Ghi mô hình mới, cách làm sáng tạo (T3)", en: "Record a creative model (T3)"), entity: "innovations",
        positional: [org],
        labelled: [year, Parameter("title", .text, vi: "tên mô hình", en: "title"),
                   Parameter("product", .text, vi: "sản phẩm cụ thể", en: "concrete product", required: false),
                   Parameter("rated_high", .bool, vi: "được đánh giá cao", en: "rated highly", required: false)],
        example: CommandExample(setup: commune, #"innovation "Chi bộ thôn 5" year: 2024 title: "Dân vận khéo" rated_high: true"#,
                                expected: "Đã ghi mô hình (mã 1)."),
        defaults: ["rated_high": .bool(false)])

    static let meeting = RecordCommand.make(
        "meeting", summary: Label(vi: "Ghi buổi sinh hoạt chi bộ (R9)", en: "Record a meeting (R9)"), entity: "meetings", positional: [org],
        labelled: [Parameter("held", .date, vi: "ngày", en: "date"), Parameter("kind", .enumeration("meeting_kind"), vi: "loại", en: "kind"),
                   Parameter("present", .int, vi: "số có mặt", en: "present", required: false),
                   Parameter("excused", .int, vi: "số vắng có lý do", en: "excused", required: false)],
        example: CommandExample(setup: commune, #"meeting "Chi bộ thôn 5" held: @2024-05-05 kind: regular present: 12 excused: 1"#,
                                expected: "Đã ghi buổi sinh hoạt (mã 1).")
    ) { call, tx in
        let org = try call.requireID("org"); let held = try call.requireDate("held")
        try OrgRules.requireLive(org, tx, argument: "org", on: held)
    }
}
