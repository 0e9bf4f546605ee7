import CosoCore

enum OrgCommands {
    static let add = Command(
        "org add",
        summary: Label(vi: "Thêm một tổ chức đảng vào cây tổ chức", en: "Add a party organisation to the tree"),
        positional: [Parameter("name", .text, vi: "tên tổ chức", en: "the organisation's name")],
        labelled: [
            Parameter("kind", .enumeration("org_kind"), vi: "loại tổ chức", en: "kind"),
            Parameter("parent", .reference("orgs"), vi: "tổ chức cấp trên", en: "parent organisation", required: false),
            Parameter("sector", .enumeration("org_sector"), vi: "loại hình", en: "sector", required: false),
            Parameter("founded", .date, vi: "ngày thành lập", en: "founding date", required: false),
            Parameter("committee", .bool, vi: "có cấp ủy", en: "has a committee", required: false),
            Parameter("code", .text, vi: "mã đơn vị hành chính", en: "administrative unit code", required: false, field: Orgs.unitCode),
            Parameter("admits", .bool, vi: "được ủy quyền kết nạp (mặc định: cấp xã trở lên)", en: "authorised to admit (default: communes and above)",
                      required: false),
        ],
        examples: [
            CommandExample(setup: [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#],
                           #"org add "Chi bộ thôn 8" kind: village_cell parent: "Đảng bộ xã Gia Hiệp" sector: village founded: @2010-03-02"#,
                           expected: "Đã thêm tổ chức Chi bộ thôn 8 (mã 2)."),
        ]
    ) { call, tx in
        let name = VietnameseText.nfc(call.text("name") ?? "").trimmingCharacters(in: .whitespaces)
        if let founded = call.date("founded") { try CommonChecks.notInFuture(founded, call, argument: "founded") }
        // 294-QĐ/TW (in force 1/7/2025) abolished the district level: none is founded after it.
        let on = call.date("founded") ?? call.today
        if call.text("kind") == "district_committee", on >= OrgChecks.noDistrictLevelFrom {
            throw RuleViolation("E1005", vi: "từ 01/7/2025 (294-QĐ/TW) không còn cấp huyện: không thành lập đảng bộ huyện",
                                en: "from 1/7/2025 (294-QĐ/TW) there is no district level: no district committee can be founded",
                                argument: call.date("founded") == nil ? "kind" : "founded",
                                helpVi: "ghi ngày thành lập trước 01/7/2025 nếu nhập dữ liệu cũ", helpEn: "give a founding date before 1/7/2025 when entering history")
        }
        if let parent = call.id("parent") {
            try OrgRules.requireLive(parent, tx, argument: "parent", on: call.date("founded") ?? call.today)
            try OrgRules.requirePlace(kind: call.text("kind") ?? "", under: parent, on: on, tx, argument: "parent")
        }
        let id = try tx.insert(Orgs.entity, [
            Orgs.name: .text(name), Orgs.kind: call["kind"], Orgs.sector: call["sector"], Orgs.parent: call["parent"],
            Orgs.founded: call["founded"], Orgs.unitCode: call["code"],
            Orgs.hasCommittee: .bool(call["committee"] == .bool(true)),
            Orgs.authorisedToAdmit: .bool(call["admits"] == .bool(true)
                || (call["admits"] == .null && ["provincial_committee", "district_committee", "commune_committee"].contains(call.text("kind") ?? ""))),
        ])
        return Label(vi: "Đã thêm tổ chức \(name) (mã \(id)).", en: "Added organisation \(name) (id \(id)).")
    }

    static let move = Command(
        "org move",
        summary: Label(vi: "Chuyển một tổ chức sang cấp trên khác", en: "Move an organisation under another parent"),
        positional: [Parameter("org", .reference("orgs"), vi: "tổ chức cần chuyển", en: "the organisation to move")],
        labelled: [
            Parameter("to", .reference("orgs"), vi: "cấp trên mới", en: "the new parent"),
            Parameter("on", .date, vi: "ngày chuyển", en: "date of the move"),
        ],
        input: "orgs",
        examples: [
            CommandExample(setup: [#"org add "Đảng bộ A" kind: commune_committee"#, #"org add "Đảng bộ B" kind: commune_committee"#,
                                   #"org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ A""#],
                           #"org move "Chi bộ thôn 1" to: "Đảng bộ B" on: @2025-07-01"#,
                           expected: "Đã chuyển 1 tổ chức sang Đảng bộ B."),
        ]
    ) { call, tx in
        let to = try call.requireID("to"); let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(to, tx, argument: "to", on: on)
        let subjects = CommonChecks.subjects(call, "org")
        for id in subjects {
            // The new parent must not sit inside the organisation being moved.
            let inside = try tx.scalar("""
                WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id)
                SELECT count(*) FROM sub WHERE id = ?
                """, [.int(id), .int(to)])
            if inside != .int(0) {
                throw RuleViolation("E1006", vi: "không thể chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó",
                                    en: "an organisation cannot move under itself or one of its own units", argument: "to")
            }
            let kind = try tx.record(Orgs.entity, id: id)?[Orgs.kind].textValue ?? ""
            try OrgRules.requirePlace(kind: kind, under: to, on: on, tx, argument: "to")
            try tx.update(Orgs.entity, id: id, [Orgs.parent: .int(to)], from: on)
        }
        let target = try tx.record(Orgs.entity, id: to)?[Orgs.name].textValue ?? ""
        return Label(vi: "Đã chuyển \(subjects.count) tổ chức sang \(target).", en: "Moved \(subjects.count) organisation(s) under \(target).")
    }

    /// `org rename`: a new name from a date; the old one is kept with its last day (`org_names`),
    /// so that `orgs asof` before the date shows it, and it stays searchable.
    static let rename = Command(
        "org rename",
        summary: Label(vi: "Đổi tên một tổ chức từ một ngày (tên cũ vẫn tra được)", en: "Rename an organisation from a date (the old name is kept)"),
        positional: [Parameter("org", .reference("orgs"), vi: "tổ chức", en: "the organisation")],
        labelled: [
            Parameter("to", .text, vi: "tên mới", en: "the new name", field: Orgs.name),
            Parameter("on", .date, vi: "ngày mang tên mới", en: "date of the new name"),
        ],
        examples: [
            CommandExample(setup: [#"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee founded: @1980-01-01"#],
                           #"org rename "Đảng bộ xã Gia Hiệp" to: "Đảng bộ xã Gia Hiệp mới" on: @2025-07-01"#,
                           expected: "Đã đổi tên Đảng bộ xã Gia Hiệp thành Đảng bộ xã Gia Hiệp mới từ 01/07/2025."),
        ]
    ) { call, tx in
        let id = try call.requireID("org"), on = try call.requireDate("on")
        let name = VietnameseText.nfc(try call.requireText("to")).trimmingCharacters(in: .whitespaces)
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(id, tx, argument: "org", on: on)
        let org = try tx.require(Orgs.entity, id: id)
        let old = org[Orgs.name].textValue ?? ""
        guard VietnameseText.nfc(old) != name else {
            throw RuleViolation("E1011", vi: "tên mới giống tên hiện tại", en: "the new name is the current one", argument: "to")
        }
        // After its founding and after the last renaming.
        let last = try tx.scalar("SELECT max(until) FROM org_names WHERE org_id = ?", [.int(id)]).dateValue
        if let since = [org[Orgs.founded].dateValue, last].compactMap({ $0 }).max(), on <= since {
            throw RuleViolation("E1012", vi: "ngày đổi tên phải sau \(since.dmy) (thành lập hoặc lần đổi tên trước)",
                                en: "the renaming must follow \(since.iso) (the founding or the last renaming)", argument: "on")
        }
        try tx.insert(OrgNames.entity, [OrgNames.org: .int(id), OrgNames.name: .text(old), OrgNames.until: .date(on.adding(days: -1))])
        try tx.update(Orgs.entity, id: id, [Orgs.name: .text(name)])
        return Label(vi: "Đã đổi tên \(old) thành \(name) từ \(on.dmy).", en: "Renamed \(old) to \(name) from \(on.iso).")
    }

    static let dissolve = Command(
        "org dissolve",
        summary: Label(vi: "Giải thể, sáp nhập hoặc giải tán một tổ chức", en: "Dissolve, merge or disband an organisation"),
        positional: [Parameter("org", .reference("orgs"), vi: "tổ chức", en: "the organisation")],
        labelled: [
            Parameter("on", .date, vi: "ngày kết thúc", en: "date it ends"),
            Parameter("how", .enumeration("org_ending"), vi: "hình thức", en: "how it ends", required: false),
        ],
        input: "orgs",
        examples: [
            CommandExample(setup: [#"org add "Chi bộ Trường Tiểu học Kim Đồng" kind: grassroots_cell"#],
                           #"org dissolve "Chi bộ Trường Tiểu học Kim Đồng" on: @2025-06-30 how: merged"#,
                           expected: "Đã kết thúc 1 tổ chức (sáp nhập) từ ngày 30/06/2025."),
        ]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let how = call.text("how") ?? "dissolved"
        let subjects = CommonChecks.subjects(call, "org")
        for id in subjects {
            guard let org = try tx.record(Orgs.entity, id: id) else { continue }
            if org[Orgs.dissolved] != .null {
                throw RuleViolation("E1001", vi: "tổ chức này đã kết thúc từ \(org[Orgs.dissolved])", en: "this organisation already ended on \(org[Orgs.dissolved])",
                                    argument: "org")
            }
            // Nothing may be left pointing at it: live sub-organisations, members on the roll, ...
            for (entity, field) in tx.catalog.references(to: "orgs") {
                guard let live = entity.liveCondition else { continue }
                let n = try tx.scalar("SELECT count(*) FROM \(entity.table) WHERE \(field.column) = ? AND (\(live))", [.int(id)])
                if let count = n.intValue, count > 0 {
                    throw RuleViolation("E1002", vi: "còn \(count) \(entity.singular.vi) thuộc tổ chức này",
                                        en: "\(count) \(entity.singular.en)(s) still belong to this organisation", argument: "org",
                                        helpVi: "chuyển họ đi trước (org move, transfer), rồi giải thể",
                                        helpEn: "move them first (org move, transfer), then dissolve")
                }
            }
            try tx.update(Orgs.entity, id: id, [Orgs.dissolved: .date(on), Orgs.dissolvedHow: .text(how)])
        }
        let label = OrgEnums.ending.find(how)?.label ?? Label(vi: how, en: how)
        return Label(vi: "Đã kết thúc \(subjects.count) tổ chức (\(label.vi)) từ ngày \(on.dmy).",
                     en: "Ended \(subjects.count) organisation(s) (\(label.en)) on \(on.iso).")
    }
}
