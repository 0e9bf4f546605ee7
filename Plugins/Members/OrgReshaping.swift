import CosoCore
import CosoOrganisations

/// Merging and splitting organisations: the members move with a recorded event each, so every
/// member's history (and `members asof`) still shows where they were before.
enum OrgReshaping {
    static let setup = [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#,
                        #"org add "Chi bộ thôn 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#,
                        #"org add "Chi bộ thôn 6" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#,
                        #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#,
                        #"admit "Trần Văn Bình" born: @1985-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#]

    /// Moves one member to `to` on `date`, recording the move in their history.
    static func move(_ tx: WriteTransaction, member: Int64, from: Int64, to: Int64, on date: LocalDate, note: String) throws {
        try tx.update(Members.entity, id: member, [Members.org: .int(to)])
        try MemberRules.record(tx, member: member, "transfer_out", on: date, extra: [MemberEvents.note: .text("\(note) (từ tổ chức mã \(from))")])
        try MemberRules.record(tx, member: member, "transfer_in", on: date, org: to, extra: [MemberEvents.note: .text(note)])
    }

    static let merge = Command(
        "org merge", summary: Label(vi: "Sáp nhập một tổ chức vào tổ chức khác: chuyển đảng viên, tổ chức cấp dưới và thôn, rồi kết thúc tổ chức cũ",
                                    en: "Merge an organisation into another: move its members, units and villages, then end it"),
        positional: [Parameter("org", .reference("orgs"), vi: "tổ chức được sáp nhập", en: "the organisation merged")],
        labelled: [Parameter("into", .reference("orgs"), vi: "tổ chức nhận", en: "the organisation it joins"),
                   Parameter("on", .date, vi: "ngày sáp nhập", en: "date of the merger")],
        examples: [CommandExample(setup: setup, #"org merge "Chi bộ thôn 5" into: "Chi bộ thôn 6" on: @2025-07-01"#,
                                  expected: "Đã sáp nhập Chi bộ thôn 5 vào Chi bộ thôn 6: 2 đảng viên, 0 tổ chức, 0 thôn.")]
    ) { call, tx in
        let from = try call.requireID("org"); let into = try call.requireID("into"); let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        guard from != into else {
            throw RuleViolation("E1127", vi: "không sáp nhập một tổ chức vào chính nó", en: "an organisation cannot merge into itself", argument: "into")
        }
        try OrgRules.requireLive(from, tx, argument: "org", on: on)
        try OrgRules.requireLive(into, tx, argument: "into", on: on)
        let members = try tx.rowIDs("SELECT id FROM members WHERE org_id = ? AND status IN ('probationary', 'official', 'exempted', 'suspended')", [.int(from)])
        if !members.isEmpty { try OrgRules.requireCell(into, tx, argument: "into") }
        let inside = try tx.scalar("""
            WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT count(*) FROM sub WHERE id = ?
            """, [.int(from), .int(into)])
        guard inside == .int(0) else {
            throw RuleViolation("E1110", vi: "không sáp nhập vào một tổ chức cấp dưới của chính nó", en: "an organisation cannot merge into one of its own units",
                                argument: "into")
        }
        let fromName = try tx.record(Orgs.entity, id: from)?[Orgs.name].textValue ?? "", intoName = try tx.record(Orgs.entity, id: into)?[Orgs.name].textValue ?? ""
        for m in members { try move(tx, member: m, from: from, to: into, on: on, note: "sáp nhập \(fromName) vào \(intoName)") }
        let units = try tx.rowIDs("SELECT id FROM orgs WHERE parent_id = ? AND (dissolved IS NULL OR dissolved > ?)", [.int(from), .date(on)])
        for u in units { try tx.update(Orgs.entity, id: u, [Orgs.parent: .int(into)], from: on) }
        let villages = try tx.rowIDs("SELECT id FROM villages WHERE cell_id = ?", [.int(from)])
        for v in villages { try tx.update(Villages.entity, id: v, [Villages.cell: .int(into)], from: on) }
        for p in try tx.rowIDs("SELECT id FROM positions WHERE org_id = ? AND (ended IS NULL OR ended > ?)", [.int(from), .date(on)]) {
            try tx.update(Positions.entity, id: p, [Positions.ended: .date(on)])
        }
        try tx.update(Orgs.entity, id: from, [Orgs.dissolved: .date(on), Orgs.dissolvedHow: .text("merged")])
        return Label(vi: "Đã sáp nhập \(fromName) vào \(intoName): \(members.count) đảng viên, \(units.count) tổ chức, \(villages.count) thôn.",
                     en: "Merged \(fromName) into \(intoName): \(members.count) member(s), \(units.count) unit(s), \(villages.count) village(s).")
    }

    static let split = Command(
        "org split", summary: Label(vi: "Chia tách chi bộ: lập chi bộ mới cùng cấp trên và chuyển các đảng viên được chọn sang",
                                    en: "Split a cell: found a new one beside it and move the chosen members into it"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên chuyển sang (hoặc qua |)", en: "member moving (or through |)")],
        labelled: [Parameter("name", .text, vi: "tên chi bộ mới", en: "the new cell's name"),
                   Parameter("on", .date, vi: "ngày chia tách", en: "date of the split")],
        input: "members",
        examples: [CommandExample(setup: setup, #"members | where name =~ "binh" | org split name: "Chi bộ thôn 5B" on: @2025-07-01"#,
                                  expected: "Đã lập Chi bộ thôn 5B (mã 4) từ Chi bộ thôn 5 với 1 đảng viên.\n  - Trần Văn Bình (Chi bộ thôn 5B, mã 2)")]
    ) { call, tx in
        let on = try call.requireDate("on"); let name = try call.requireText("name")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let subjects = CommonChecks.subjects(call, "member")
        let cells = Set(try subjects.compactMap { try tx.record(Members.entity, id: $0)?[Members.org].intValue })
        guard cells.count == 1, let source = cells.first else {
            throw RuleViolation("E1128", vi: "các đảng viên chuyển sang phải cùng một chi bộ", en: "the members moving must come from one cell",
                                argument: call.input == nil ? "member" : nil)
        }
        try OrgRules.requireLive(source, tx, argument: "member", on: on)
        let org = try tx.require(Orgs.entity, id: source)
        let id = try tx.insert(Orgs.entity, [Orgs.name: .text(name), Orgs.kind: org[Orgs.kind], Orgs.sector: org[Orgs.sector], Orgs.parent: org[Orgs.parent],
                                        Orgs.founded: .date(on), Orgs.hasCommittee: .bool(false)])
        _ = try MemberRules.eachSubject(call, tx, allowed: ["probationary", "official", "exempted", "suspended"], refusal: (
            "E1109", "đảng viên này không còn trong danh sách", "this member is no longer on the roll")) { m, _ in
            try move(tx, member: m, from: source, to: id, on: on, note: "chia tách thành \(name)")
        }
        let sourceName = org[Orgs.name].textValue ?? ""
        return Label(vi: "Đã lập \(name) (mã \(id)) từ \(sourceName) với \(subjects.count) đảng viên.",
                     en: "Founded \(name) (id \(id)) from \(sourceName) with \(subjects.count) member(s).")
    }
}
