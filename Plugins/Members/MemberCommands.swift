import CosoCore
import CosoOrganisations

/// The member-work commands. Each enforces the rules of DOMAIN.md §3 that apply to it.
enum MemberCommands {
    static let admit = Command(
        "admit",
        summary: Label(vi: "Kết nạp đảng viên (R1: từ đủ 18 đến 60 tuổi; vào chi bộ đang hoạt động)",
                       en: "Admit a member (R1: aged 18 to 60; into a cell that exists)"),
        positional: [Parameter("name", .text, vi: "họ và tên", en: "full name")],
        labelled: [
            Parameter("born", .date, vi: "ngày sinh", en: "date of birth"),
            Parameter("gender", .enumeration("gender"), vi: "giới tính", en: "gender"),
            Parameter("org", .reference("orgs"), vi: "chi bộ", en: "cell"),
            Parameter("on", .date, vi: "ngày quyết định kết nạp", en: "date of the admission decision"),
            Parameter("ethnicity", .enumeration("ethnicity"), vi: "dân tộc", en: "ethnicity", required: false),
            Parameter("religion", .enumeration("religion"), vi: "tôn giáo", en: "religion", required: false),
            Parameter("national_id", .text, vi: "số CCCD (12 chữ số)", en: "national ID (12 digits)", required: false),
            Parameter("occupation", .enumeration("occupation"), vi: "nghề nghiệp", en: "occupation", required: false),
            Parameter("education", .enumeration("general_education"), vi: "giáo dục phổ thông", en: "general education", required: false),
            Parameter("qualification", .enumeration("qualification"), vi: "chuyên môn", en: "qualification", required: false),
            Parameter("theory", .enumeration("theory_level"), vi: "lý luận chính trị", en: "political theory", required: false),
            Parameter("introducer1", .reference("members"), vi: "người giới thiệu thứ nhất (R2)", en: "first introducer (R2)", required: false),
            Parameter("introducer2", .reference("members"), vi: "người giới thiệu thứ hai (R2)", en: "second introducer (R2)", required: false),
            Parameter("decision", .text, vi: "số quyết định kết nạp", en: "number of the admission decision", required: false),
            Parameter("candidate", .reference("candidates"), vi: "quần chúng trong danh sách nguồn", en: "the listed candidate", required: false),
            Parameter("work_status", .enumeration("work_status"), vi: "tình trạng công tác", en: "work status", required: false),
            Parameter("votes", .int, vi: "số đảng viên chính thức tán thành nghị quyết của chi bộ (R3)", en: "full members voting for the cell's resolution (R3)",
                      required: false),
            Parameter("union_resolution", .bool, vi: "nghị quyết giới thiệu của Đoàn thay một người giới thiệu (R2)",
                      en: "the Youth Union's resolution stands for one introducer (R2)", required: false),
            Parameter("introducers_on_file", .bool, vi: "người giới thiệu không có trong sổ này, đã ghi trong hồ sơ (R2)",
                      en: "the introducers are not in this register; they are in the paper file (R2)", required: false),
            MemberRules.byParameter,
        ],
        examples: [
            CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#],
                           #"admit "Nguyễn Văn An" born: @1998-04-12 gender: male org: "Chi bộ thôn 5" on: @2024-05-19 introducers_on_file: true"#,
                           expected: "Đã kết nạp Nguyễn Văn An (mã 1) vào Chi bộ thôn 5, dự bị từ 19/05/2024."),
        ]
    ) { call, tx in
        let born = try call.requireDate("born"); let on = try call.requireDate("on"); let org = try call.requireID("org")
        let name = VietnameseText.nfc(call.text("name") ?? "").trimmingCharacters(in: .whitespaces)
        try CommonChecks.notInFuture(on, call, argument: "on")
        guard born < on else {
            throw RuleViolation("E1101", vi: "ngày sinh phải trước ngày kết nạp", en: "the birth date must precede the admission", argument: "born")
        }
        // R1 (24-QĐ/TW 1.1; 294-QĐ/TW): aged 18 to 60 inclusive, counted in months; above 60 needs
        // the provincial committee.
        let age = born.wholeMonths(until: on) / 12
        if age < MemberRules.minimumAdmissionAge {
            throw RuleViolation("E1102", vi: "người vào Đảng phải đủ 18 tuổi vào ngày kết nạp (quy định R1)",
                                en: "an applicant must be at least 18 on the admission date (rule R1)", argument: "born",
                                helpVi: "kiểm tra lại ngày sinh hoặc ngày kết nạp", helpEn: "check the birth date or the admission date")
        }
        if age > MemberRules.maximumAdmissionAge {
            throw RuleViolation("E1103", vi: "người trên 60 tuổi chỉ được kết nạp khi cấp ủy cấp tỉnh đồng ý (quy định R1)",
                                en: "applicants over 60 need the provincial committee's consent (rule R1)", argument: "born")
        }
        try OrgRules.requireLive(org, tx, argument: "org", on: on)
        try OrgRules.requireCell(org, tx, argument: "org")
        try MemberRules.checkIntroducers(call, tx, on: on)
        try MemberRules.checkDecider(call, tx, cell: org, on: on)
        // R3 (UNVERIFIED, a setting): the cell's resolution needs two thirds of its full members.
        var voters: Int64?
        if let votes = call.id("votes") {
            let full = try tx.scalar("SELECT count(*) FROM members WHERE org_id = ? AND status = 'official'", [.int(org)]).intValue ?? 0
            let (n, d) = try RuleSettings.fraction("R3.cell", tx)
            guard votes <= full, RuleSettings.reaches(votes, of: full, (n, d)) else {
                throw RuleViolation("E1141", vi: "nghị quyết của chi bộ cần ít nhất \(n)/\(d) trong \(full) đảng viên chính thức tán thành (R3)",
                                    en: "the cell's resolution needs at least \(n)/\(d) of its \(full) full members (R3)", argument: "votes")
            }
            voters = full
        }
        var values: [Field: Value] = [
            Members.name: .text(name), Members.born: .date(born), Members.gender: call["gender"], Members.org: .int(org),
            Members.status: .text("probationary"), Members.admitted: .date(on),
        ]
        // The arguments named as the fields they fill.
        for field in [Members.ethnicity, Members.religion, Members.nationalID, Members.occupation, Members.education, Members.qualification,
                      Members.theory, Members.workStatus] where call[field.name] != .null {
            values[field] = call[field.name]
        }
        let id = try tx.insert(Members.entity, values)
        try MemberRules.record(tx, member: id, "admitted", on: on, org: org, status: "probationary", extra: [
            MemberEvents.introducer1: call["introducer1"], MemberEvents.introducer2: call["introducer2"],
            MemberEvents.decisionNo: call["decision"], MemberEvents.votesFor: call["votes"],
            MemberEvents.votesTotal: voters.map { .int($0) } ?? .null, MemberEvents.decidedBy: call["by"],
            MemberEvents.note: introductionNote(call),
        ])
        if let candidate = call.id("candidate") { try CandidateCommands.close(candidate, member: id, admitted: on, tx) }
        let orgName = try tx.record(Orgs.entity, id: org)?[Orgs.name].textValue ?? ""
        return Label(vi: "Đã kết nạp \(name) (mã \(id)) vào \(orgName), dự bị từ \(on.dmy).",
                     en: "Admitted \(name) (id \(id)) to \(orgName), probationary from \(on.iso).")
    }

    /// What the admission event says of an introduction the register does not hold.
    static func introductionNote(_ call: CommandCall) -> Value {
        var notes: [String] = []
        if call["union_resolution"] == .bool(true) { notes.append("nghị quyết giới thiệu của Đoàn thay một người giới thiệu") }
        if call["introducers_on_file"] == .bool(true) { notes.append("người giới thiệu ghi trong hồ sơ, không có trong sổ") }
        return notes.isEmpty ? .null : .text(notes.joined(separator: "; "))
    }

    static let confirm = Command(
        "confirm",
        summary: Label(vi: "Công nhận đảng viên chính thức (R5: sau đủ 12 tháng dự bị)",
                       en: "Confirm a probationary member (R5: after 12 months of probation)"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")],
        labelled: [Parameter("on", .date, vi: "ngày quyết định", en: "date of the decision"), MemberRules.byParameter],
        input: "members",
        examples: [
            CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                   #"admit "Trần Thị Bình" born: @1990-01-02 gender: female org: "Chi bộ thôn 5" on: @2023-03-01 introducers_on_file: true"#],
                           #"confirm 1 on: @2024-03-05"#,
                           expected: "Đã công nhận chính thức 1 đảng viên."),
        ]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let count = try MemberRules.eachSubject(call, tx, allowed: ["probationary"], refusal: (
            "E1104", "chỉ công nhận chính thức đảng viên dự bị", "only probationary members can be confirmed")) { id, m in
            let admitted = try MemberRules.admitted(m, id)
            // R5 (Charter art. 5): twelve months of probation from the admission ceremony (from the
            // decision when no ceremony is recorded); official from that date, even when the
            // decision comes later.
            let start = MemberTimeline.probationStart(try MemberTimeline.events(id, tx)) ?? admitted
            let due = start.adding(months: MemberRules.probationMonths)
            if let cell = try MemberTimeline.cell(of: id, on: on, tx) { try MemberRules.checkDecider(call, tx, cell: cell, on: on) }
            guard on >= due else {
                throw RuleViolation("E1105", vi: "chưa đủ 12 tháng dự bị kể từ \(start.dmy): sớm nhất từ \(due.dmy) (quy định R5)",
                                    en: "probation is not yet 12 months from \(start.iso): from \(due.iso) at the earliest (rule R5)", argument: "on")
            }
            try tx.update(Members.entity, id: id, [Members.status: .text("official"), Members.confirmed: .date(due)])
            try MemberRules.record(tx, member: id, "confirmed", on: due, status: "official",
                                   extra: [MemberEvents.note: .text("quyết định ngày \(on.iso)"), MemberEvents.decidedBy: call["by"]])
        }
        return Label(vi: "Đã công nhận chính thức \(count) đảng viên.", en: "Confirmed \(count) member(s).")
    }

    static let transfer = Command(
        "transfer",
        summary: Label(vi: "Chuyển sinh hoạt đảng chính thức sang chi bộ khác", en: "Transfer members permanently to another cell"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")],
        labelled: [
            Parameter("to", .reference("orgs"), vi: "chi bộ mới", en: "the new cell"),
            Parameter("on", .date, vi: "ngày chuyển", en: "date of the transfer"),
        ],
        input: "members",
        examples: [
            CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#, #"org add "Chi bộ thôn 6" kind: village_cell"#,
                                   #"admit "Lê Văn Cường" born: @1985-06-30 gender: male org: "Chi bộ thôn 5" on: @2020-02-03 introducers_on_file: true"#],
                           #"members | where name =~ "le van cuong" | transfer to: "Chi bộ thôn 6" on: @2024-08-01"#,
                           expected: "Đã chuyển 1 đảng viên sang Chi bộ thôn 6.\n  - Lê Văn Cường (Chi bộ thôn 6, mã 1)"),
        ]
    ) { call, tx in
        let on = try call.requireDate("on"); let to = try call.requireID("to")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(to, tx, argument: "to", on: on)
        try OrgRules.requireCell(to, tx, argument: "to")
        let count = try MemberRules.eachSubject(call, tx, allowed: ["probationary", "official"], refusal: (
            "E1106", "chỉ chuyển sinh hoạt cho đảng viên đang sinh hoạt (dự bị, chính thức)",
            "only active members (probationary, full) can be transferred")) { id, m in
            if m[Members.org] == .int(to) {
                throw RuleViolation("E1108", vi: "đảng viên đã ở chi bộ này", en: "the member is already in this cell", argument: "to")
            }
            try tx.update(Members.entity, id: id, [Members.org: .int(to)])
            try MemberRules.record(tx, member: id, "transfer_out", on: on, extra: [MemberEvents.note: .text("từ tổ chức mã \(m[Members.org].intValue ?? 0)")])
            try MemberRules.record(tx, member: id, "transfer_in", on: on, org: to)
        }
        let orgName = try tx.record(Orgs.entity, id: to)?[Orgs.name].textValue ?? ""
        return Label(vi: "Đã chuyển \(count) đảng viên sang \(orgName).", en: "Transferred \(count) member(s) to \(orgName).")
    }

    static let exempt = Command(
        "exempt",
        summary: Label(vi: "Miễn công tác và sinh hoạt đảng (R12: tuổi cao hoặc sức khỏe yếu)",
                       en: "Exempt from party work and meetings (R12: old age or ill health)"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")],
        labelled: [
            Parameter("on", .date, vi: "ngày quyết định", en: "date of the decision"),
            Parameter("reason", .enumeration("exemption_reason"), vi: "lý do", en: "reason"),
        ],
        input: "members",
        examples: [
            CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                   #"admit "Phạm Văn Dũng" born: @1960-01-01 gender: male org: "Chi bộ thôn 5" on: @1990-01-01 introducers_on_file: true"#,
                                   #"confirm 1 on: @1991-01-02"#],
                           #"exempt 1 on: @2024-01-15 reason: old_age"#,
                           expected: "Đã miễn công tác và sinh hoạt đảng cho 1 đảng viên."),
        ]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let count = try MemberRules.eachSubject(call, tx, allowed: ["official"], refusal: (
            "E1107", "chỉ miễn công tác và sinh hoạt đảng cho đảng viên chính thức đang sinh hoạt", "only active full members can be exempted")) { id, _ in
            try tx.update(Members.entity, id: id, [Members.status: .text("exempted"), Members.exempted: .date(on), Members.exemptionReason: call["reason"]])
            try MemberRules.record(tx, member: id, "exempted", on: on, status: "exempted")
        }
        return Label(vi: "Đã miễn công tác và sinh hoạt đảng cho \(count) đảng viên.", en: "Exempted \(count) member(s).")
    }

    static let remove = Command(
        "remove",
        summary: Label(vi: "Xóa tên đảng viên khỏi danh sách (R13; không phải hình thức kỷ luật)",
                       en: "Strike a member off the roll (R13; not a discipline)"),
        positional: [Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")],
        labelled: [
            Parameter("on", .date, vi: "ngày quyết định", en: "date of the decision"),
            Parameter("reason", .enumeration("removal_reason"), vi: "lý do", en: "reason"),
            MemberRules.byParameter,
        ],
        input: "members",
        examples: [
            CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                   #"admit "Hoàng Văn Em" born: @1995-01-01 gender: male org: "Chi bộ thôn 5" on: @2023-01-10 introducers_on_file: true"#],
                           #"remove 1 on: @2024-02-01 reason: failed_probation"#,
                           expected: "Đã xóa tên 1 đảng viên."),
        ]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let count = try MemberRules.eachSubject(call, tx, allowed: MemberEnums.onRoll, refusal: (
            "E1109", "đảng viên này không còn trong danh sách", "this member is no longer on the roll")) { id, _ in
            if let cell = try MemberTimeline.cell(of: id, on: on, tx) { try MemberRules.checkDecider(call, tx, cell: cell, on: on) }
            try tx.update(Members.entity, id: id, [Members.status: .text("removed"), Members.ended: .date(on), Members.removalReason: call["reason"]])
            try MemberRules.record(tx, member: id, "removed", on: on, status: "removed", extra: [MemberEvents.decidedBy: call["by"]])
        }
        return Label(vi: "Đã xóa tên \(count) đảng viên.", en: "Struck \(count) member(s) off the roll.")
    }
}
