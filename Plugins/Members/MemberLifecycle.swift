import CosoCore
import CosoOrganisations

/// The rest of a member's life on the roll: suspension and reinstatement, withdrawal, death,
/// the party card, transfers to and from organisations outside the register, and positions.
enum MemberLifecycle {
    static let memberParameter = Parameter("member", .reference("members"), vi: "đảng viên (mã hoặc tên)", en: "member (id or name)")
    static let onParameter = Parameter("on", .date, vi: "ngày", en: "date")
    static let setup = [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                        #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#,
                        #"confirm 1 on: @2021-05-20"#]

    /// A command that moves members from some statuses to another, recording one event each.
    private static func statusChange(_ name: String, summary: Label, from allowed: Set<String>, to status: String, event: String,
                                     refusal: (String, String, String), done: (vi: String, en: String), example: String,
                                     expected: String, extra: @escaping @Sendable (Record) -> [Field: Value] = { _ in [:] }) -> Command {
        Command(name, summary: summary, positional: [memberParameter], labelled: [onParameter], input: "members",
                examples: [CommandExample(setup: setup, example, expected: expected)]) { call, tx in
            let on = try call.requireDate("on")
            try CommonChecks.notInFuture(on, call, argument: "on")
            let count = try MemberRules.eachSubject(call, tx, allowed: allowed, refusal: refusal) { id, m in
                var values: [Field: Value] = [Members.status: .text(status)]
                values.merge(extra(m)) { $1 }
                if ["deceased", "withdrew", "expelled"].contains(status) { values[Members.ended] = .date(on) }
                try tx.update(Members.entity, id: id, values)
                try MemberRules.record(tx, member: id, event, on: on, status: status)
            }
            return Label(vi: "\(done.vi) \(count) đảng viên.", en: "\(done.en) \(count) member(s).")
        }
    }

    static let suspend = statusChange(
        "suspend", summary: Label(vi: "Đình chỉ sinh hoạt đảng", en: "Suspend from party activity"),
        from: ["probationary", "official"], to: "suspended", event: "suspended",
        refusal: ("E1113", "chỉ đình chỉ đảng viên đang sinh hoạt", "only active members can be suspended"),
        done: ("Đã đình chỉ sinh hoạt", "Suspended"), example: "suspend 1 on: @2024-03-01", expected: "Đã đình chỉ sinh hoạt 1 đảng viên.")

    static let reinstate = Command(
        "reinstate", summary: Label(vi: "Phục hồi sinh hoạt sau đình chỉ", en: "Reinstate after a suspension"),
        positional: [memberParameter], labelled: [onParameter], input: "members",
        examples: [CommandExample(setup: setup + ["suspend 1 on: @2024-03-01"], "reinstate 1 on: @2024-06-01",
                                  expected: "Đã phục hồi sinh hoạt 1 đảng viên.")]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let count = try MemberRules.eachSubject(call, tx, allowed: ["suspended"], refusal: (
            "E1114", "chỉ phục hồi đảng viên đang bị đình chỉ", "only suspended members can be reinstated")) { id, m in
            // Back to what they were before: full member once confirmed, else probationary.
            let status = m[Members.confirmed] == .null ? "probationary" : "official"
            try tx.update(Members.entity, id: id, [Members.status: .text(status)])
            try MemberRules.record(tx, member: id, "reinstated", on: on, status: status)
        }
        return Label(vi: "Đã phục hồi sinh hoạt \(count) đảng viên.", en: "Reinstated \(count) member(s).")
    }

    static let withdraw = statusChange(
        "withdraw", summary: Label(vi: "Đảng viên xin ra khỏi Đảng", en: "A member withdraws from the party"),
        from: MemberEnums.onRoll, to: "withdrew", event: "withdrew",
        refusal: ("E1109", "đảng viên này không còn trong danh sách", "this member is no longer on the roll"),
        done: ("Đã ghi nhận ra khỏi Đảng", "Recorded the withdrawal of"), example: "withdraw 1 on: @2024-03-01",
        expected: "Đã ghi nhận ra khỏi Đảng 1 đảng viên.")

    static let death = statusChange(
        "death", summary: Label(vi: "Ghi nhận đảng viên từ trần", en: "Record a member's death"),
        from: MemberEnums.onRoll, to: "deceased", event: "died",
        refusal: ("E1109", "đảng viên này không còn trong danh sách", "this member is no longer on the roll"),
        done: ("Đã ghi nhận từ trần", "Recorded the death of"), example: "death 1 on: @2024-03-01",
        expected: "Đã ghi nhận từ trần 1 đảng viên.")

    static let card = Command(
        "card", summary: Label(vi: "Phát thẻ đảng viên (R23: 8 chữ số, chỉ đảng viên chính thức)",
                               en: "Issue a party card (R23: 8 digits, full members only)"),
        positional: [memberParameter],
        labelled: [Parameter("number", .text, vi: "số thẻ (8 chữ số)", en: "card number (8 digits)", field: Members.cardNo), onParameter],
        examples: [CommandExample(setup: setup, #"card 1 number: "12345678" on: @2021-09-02"#, expected: "Đã phát thẻ số 12345678.")]
    ) { call, tx in
        let on = try call.requireDate("on"); let id = try call.requireID("member"); let number = try call.requireText("number")
        try CommonChecks.notInFuture(on, call, argument: "on")
        // Eight digits, held by no other member: the field's declaration, checked as it is written.
        _ = try MemberRules.eachSubject(call, tx, allowed: ["official"], refusal: (
            "E1115", "chỉ đảng viên chính thức được phát thẻ (R23)", "only full members hold cards (R23)")) { id, m in
            if let confirmed = m[Members.confirmed].dateValue, on < confirmed {
                throw RuleViolation("E1115", vi: "ngày phát thẻ trước ngày chính thức \(confirmed.dmy) (R23)",
                                    en: "the card predates full membership on \(confirmed.iso) (R23)", argument: "on")
            }
            try tx.update(Members.entity, id: id, [Members.cardNo: .text(number)])
            try MemberRules.record(tx, member: id, "card_issued", on: on, extra: [MemberEvents.note: .text(number)])
        }
        return Label(vi: "Đã phát thẻ số \(number).", en: "Issued card \(number).")
    }

    static let transferOut = Command(
        "transfer out", summary: Label(vi: "Chuyển sinh hoạt đảng ra ngoài đảng bộ (chờ nơi đến nhận)",
                                       en: "Transfer members out of this register (until the receiving cell records them)"),
        positional: [memberParameter],
        labelled: [onParameter, Parameter("to", .reference("orgs"), vi: "chi bộ nơi đến, nếu có trong sổ", en: "the receiving cell, if in the register",
                                          required: false)],
        input: "members",
        examples: [CommandExample(setup: setup, "transfer out 1 on: @2024-03-01", expected: "Đã chuyển đi 1 đảng viên.")]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        if let to = call.id("to") {
            try OrgRules.requireLive(to, tx, argument: "to", on: on)
            try OrgRules.requireCell(to, tx, argument: "to")
        }
        let count = try MemberRules.eachSubject(call, tx, allowed: ["probationary", "official"], refusal: (
            "E1106", "chỉ chuyển sinh hoạt cho đảng viên đang sinh hoạt (dự bị, chính thức)",
            "only active members (probationary, full) can be transferred")) { id, _ in
            try tx.update(Members.entity, id: id, [Members.status: .text("transferred_out")])
            try MemberRules.record(tx, member: id, "transfer_out", on: on, org: call.id("to"), status: "transferred_out")
        }
        return Label(vi: "Đã chuyển đi \(count) đảng viên.", en: "Transferred out \(count) member(s).")
    }

    static let transferIn = Command(
        "transfer in", summary: Label(vi: "Nhận đảng viên chuyển sinh hoạt đến (R10: trong 30 ngày làm việc)",
                                      en: "Receive a transferred member (R10: within 30 working days)"),
        positional: [memberParameter],
        labelled: [Parameter("to", .reference("orgs"), vi: "chi bộ nhận", en: "the receiving cell"), onParameter],
        input: "members",
        examples: [CommandExample(setup: setup + [#"org add "Chi bộ thôn 6" kind: village_cell"#, "transfer out 1 on: @2024-03-01"],
                                  #"transfer in 1 to: "Chi bộ thôn 6" on: @2024-03-20"#, expected: "Đã nhận 1 đảng viên vào Chi bộ thôn 6.")]
    ) { call, tx in
        let on = try call.requireDate("on"); let to = try call.requireID("to")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(to, tx, argument: "to", on: on)
        try OrgRules.requireCell(to, tx, argument: "to")
        let count = try MemberRules.eachSubject(call, tx, allowed: ["transferred_out"], refusal: (
            "E1116", "chỉ nhận đảng viên đang chuyển sinh hoạt đi", "only members transferred out can be received")) { id, m in
            let status = m[Members.confirmed] == .null ? "probationary" : "official"
            try tx.update(Members.entity, id: id, [Members.status: .text(status), Members.org: .int(to)])
            try MemberRules.record(tx, member: id, "transfer_in", on: on, org: to, status: status)
        }
        let orgName = try tx.record(Orgs.entity, id: to)?[Orgs.name].textValue ?? ""
        return Label(vi: "Đã nhận \(count) đảng viên vào \(orgName).", en: "Received \(count) member(s) into \(orgName).")
    }

    static let appoint = Command(
        "appoint", summary: Label(vi: "Ghi chức vụ trong cấp ủy (bí thư, phó bí thư, cấp ủy viên, ...)",
                                  en: "Record a position in a committee (secretary, deputy, member, ...)"),
        positional: [memberParameter],
        labelled: [
            Parameter("role", .enumeration("position_role"), vi: "chức vụ", en: "role"),
            Parameter("org", .reference("orgs"), vi: "tổ chức", en: "organisation"),
            onParameter,
            Parameter("elected", .bool, vi: "do bầu cử (mặc định: có)", en: "elected (default: yes)", required: false),
        ],
        examples: [CommandExample(setup: setup, #"appoint 1 role: secretary org: "Chi bộ thôn 5" on: @2022-06-01"#,
                                  expected: "Đã ghi Nguyễn Văn An làm bí thư Chi bộ thôn 5 từ 01/06/2022.")]
    ) { call, tx in
        let on = try call.requireDate("on"), member = try call.requireID("member"), org = try call.requireID("org")
        let role = try call.requireText("role")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(org, tx, argument: "org", on: on)
        try requireRoleFits(role, org: org, on: on, tx)
        let m = try tx.require(Members.entity, id: member)
        guard m[Members.status] == .text("official") || (m[Members.status] == .text("probationary") && role == "group_leader") else {
            throw RuleViolation("E1117", vi: "chỉ đảng viên chính thức đang sinh hoạt được bầu vào cấp ủy",
                                en: "only active full members can hold committee positions", argument: "member")
        }
        // The member belongs to the organisation or to a cell beneath it.
        let inside = try tx.scalar("""
            WITH RECURSIVE up(id) AS (SELECT ? UNION ALL SELECT o.parent_id FROM orgs o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
            SELECT count(*) FROM up WHERE id = ?
            """, [m[Members.org], .int(org)])
        guard inside != .int(0) else {
            throw RuleViolation("E1118", vi: "đảng viên không sinh hoạt trong tổ chức này", en: "the member does not belong to this organisation",
                                argument: "org")
        }
        if role == "secretary" {
            let current = try tx.scalar("SELECT count(*) FROM positions WHERE org_id = ? AND role = 'secretary' AND (ended IS NULL OR ended > ?)",
                                        [.int(org), .date(on)])
            if current != .int(0) {
                throw RuleViolation("E1119", vi: "tổ chức này đang có bí thư; ghi ngày thôi chức của người trước",
                                    en: "this organisation has a secretary; end the current one's position first", argument: "role")
            }
        }
        try tx.insert(Positions.entity, [
            Positions.member: .int(member), Positions.org: .int(org), Positions.role: .text(role), Positions.started: .date(on),
            Positions.elected: .bool(call["elected"] != .bool(false)), Positions.villageHead: .bool(false), Positions.frontHead: .bool(false),
            Positions.councilChair: .bool(false), Positions.committeeChair: .bool(false), Positions.unitHead: .bool(false),
        ])
        let name = m[Members.name].textValue ?? "", orgName = try tx.record(Orgs.entity, id: org)?[Orgs.name].textValue ?? ""
        let label = MemberRecords.role.find(role)?.label ?? Label(vi: role, en: role)
        return Label(vi: "Đã ghi \(name) làm \(label.vi) \(orgName) từ \(on.dmy).", en: "Recorded \(name) as \(label.en) of \(orgName) from \(on.iso).")
    }
}

extension MemberLifecycle {
    /// Committees in the narrow sense (đảng bộ): the levels that have standing committees and
    /// inspection commissions (R26: from the grassroots committee up).
    static let committeeLevels: Set<String> = ["provincial_committee", "district_committee", "commune_committee", "grassroots_committee"]

    /// R8, R26: the roles an organisation has by its kind and whether it had a committee on the
    /// date (a cell under nine full members elects a secretary, no committee).
    static func requireRoleFits(_ role: String, org: Int64, on date: LocalDate, _ tx: WriteTransaction) throws {
        let kind = try tx.record(Orgs.entity, id: org)?[Orgs.kind].textValue ?? ""
        let roleLabel = MemberRecords.role.find(role)?.label ?? Label(vi: role, en: role)
        func refuse(_ vi: String, _ en: String) -> RuleViolation {
            RuleViolation("E1156", vi: "\(roleLabel.vi): \(vi)", en: "\(roleLabel.en): \(en)", argument: "role",
                          helpVi: "xem cấp ủy của tổ chức: committee_terms | where org == \(org)", helpEn: "see its terms: committee_terms | where org == \(org)")
        }
        switch role {
        case "group_leader":
            guard kind == "party_group" else { throw refuse("chỉ có ở tổ đảng", "only in a party group") }
        case "standing", "inspection_chair", "inspection_member":
            guard committeeLevels.contains(kind) else {
                throw refuse("chỉ có ở đảng bộ từ cơ sở trở lên, không có ở chi bộ (R26)", "only in committees from the grassroots level up, never in a cell (R26)")
            }
            fallthrough
        case "member":
            guard try CommitteeHistory.hasCommittee(org, on: date, tx) else {
                throw refuse("tổ chức chưa có cấp ủy vào ngày này (ghi nhiệm kỳ cấp ủy bằng term; chi bộ dưới 9 đảng viên chính thức chỉ bầu bí thư, phó bí thư: R8)",
                             "the organisation had no committee on this date (record its term with term; a cell under nine full members elects only a secretary and deputy: R8)")
            }
        default:
            guard kind != "party_group" else { throw refuse("tổ đảng chỉ có tổ trưởng", "a party group has only a leader") }
        }
    }
}

/// R4: the admission ceremony within 30 working days of the decision; later only with the
/// superior's consent.
enum Ceremony {
    /// Thirty working days, counted as six working weeks.
    static let days = 42

    static let command = Command(
        "ceremony", summary: Label(vi: "Ghi lễ kết nạp (R4: trong 30 ngày làm việc sau quyết định)",
                                   en: "Record the admission ceremony (R4: within 30 working days of the decision)"),
        positional: [MemberLifecycle.memberParameter],
        labelled: [MemberLifecycle.onParameter,
                   Parameter("consent", .bool, vi: "cấp trên đồng ý cho tổ chức muộn", en: "the superior agreed to a late ceremony", required: false)],
        examples: [CommandExample(setup: Array(MemberLifecycle.setup.prefix(2)), "ceremony 1 on: @2020-06-01", expected: "Đã ghi lễ kết nạp ngày 01/06/2020.")]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        _ = try MemberRules.eachSubject(call, tx, allowed: ["probationary"], refusal: (
            "E1144", "lễ kết nạp chỉ tổ chức cho đảng viên dự bị", "the ceremony is for probationary members"), first: { id, m in
            let admitted = try MemberRules.admitted(m, id)
            guard on >= admitted else {
                throw RuleViolation("E1145", vi: "lễ kết nạp sau quyết định kết nạp (\(admitted.dmy))", en: "the ceremony follows the decision (\(admitted.iso))",
                                    argument: "on")
            }
        }) { id, m in
            let admitted = try MemberRules.admitted(m, id)
            if on > admitted.adding(days: days), call["consent"] != .bool(true) {
                throw RuleViolation("E1143", vi: "quá 30 ngày làm việc sau quyết định (\(admitted.dmy)): cần cấp trên đồng ý (R4)",
                                    en: "over 30 working days after the decision (\(admitted.iso)): the superior's consent is needed (R4)",
                                    argument: "on", helpVi: "thêm consent: true khi đã có ý kiến cấp trên", helpEn: "add consent: true once the superior agreed")
            }
            if try tx.scalar("SELECT count(*) FROM member_events WHERE member_id = ? AND kind = 'ceremony'", [.int(id)]) != .int(0) {
                throw RuleViolation("E1146", vi: "đã ghi lễ kết nạp", en: "the ceremony is already recorded", argument: "member")
            }
            try MemberRules.record(tx, member: id, "ceremony", on: on)
        }
        return Label(vi: "Đã ghi lễ kết nạp ngày \(on.dmy).", en: "Recorded the ceremony on \(on.iso).")
    }
}
