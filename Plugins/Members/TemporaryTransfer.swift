import CosoCore
import CosoOrganisations

/// Temporary transfers (R11): the member stays on the home cell's roll and meets with a host cell
/// for a while.
enum TemporaryTransfer {
    static let out = Command(
        "transfer temp", summary: Label(vi: "Chuyển sinh hoạt đảng tạm thời (R11: từ 3 tháng đến dưới 1 năm; đi học đến 2 năm)",
                                        en: "Temporary transfer (R11: 3 months to under a year; up to 2 years for study)"),
        positional: [MemberLifecycle.memberParameter],
        labelled: [Parameter("to", .reference("orgs"), vi: "chi bộ sinh hoạt tạm thời", en: "the host cell"),
                   MemberLifecycle.onParameter,
                   Parameter("until", .date, vi: "ngày dự kiến trở về", en: "expected return date"),
                   Parameter("study", .bool, vi: "đi học tập trung", en: "for full-time study", required: false)],
        input: "members",
        examples: [CommandExample(setup: MemberLifecycle.setup + [#"org add "Chi bộ thôn 6" kind: village_cell"#],
                                  #"transfer temp 1 to: "Chi bộ thôn 6" on: @2024-03-01 until: @2024-09-01"#,
                                  expected: "Đã chuyển sinh hoạt tạm thời 1 đảng viên đến 01/09/2024.")]
    ) { call, tx in
        let on = try call.requireDate("on"); let until = try call.requireDate("until"); let to = try call.requireID("to")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(to, tx, argument: "to", on: on)
        try OrgRules.requireCell(to, tx, argument: "to")
        let study = call["study"] == .bool(true)
        let longest = study ? on.adding(months: 24) : on.adding(months: 12).adding(days: -1)
        guard until >= on.adding(months: 3), until <= longest else {
            throw RuleViolation("E1129", vi: study ? "đi học: sinh hoạt tạm thời từ 3 tháng đến 2 năm (R11)"
                                                   : "sinh hoạt tạm thời từ 3 tháng đến dưới 1 năm (R11); lâu hơn thì chuyển chính thức",
                                en: study ? "for study, a temporary transfer lasts 3 months to 2 years (R11)"
                                          : "a temporary transfer lasts 3 months to under a year (R11); longer moves are permanent",
                                argument: "until")
        }
        let count = try MemberRules.eachSubject(call, tx, allowed: ["probationary", "official"], refusal: (
            "E1106", "chỉ chuyển sinh hoạt cho đảng viên đang sinh hoạt (dự bị, chính thức)",
            "only active members (probationary, full) can be transferred")) { id, _ in
            try MemberRules.record(tx, member: id, "temp_out", on: on, extra: [MemberEvents.note: .text("đến \(until.iso), tại tổ chức mã \(to)")])
        }
        return Label(vi: "Đã chuyển sinh hoạt tạm thời \(count) đảng viên đến \(until.dmy).", en: "Temporarily transferred \(count) member(s) until \(until.iso).")
    }

    static let back = Command(
        "transfer return", summary: Label(vi: "Đảng viên trở về sau sinh hoạt tạm thời", en: "A member returns from a temporary transfer"),
        positional: [MemberLifecycle.memberParameter], labelled: [MemberLifecycle.onParameter], input: "members",
        examples: [CommandExample(setup: MemberLifecycle.setup + [#"org add "Chi bộ thôn 6" kind: village_cell"#,
                                                                  #"transfer temp 1 to: "Chi bộ thôn 6" on: @2024-03-01 until: @2024-09-01"#],
                                  "transfer return 1 on: @2024-09-01", expected: "Đã ghi 1 đảng viên trở về.")]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let count = try MemberRules.eachSubject(call, tx, allowed: MemberEnums.onRoll, refusal: (
            "E1109", "đảng viên này không còn trong danh sách", "this member is no longer on the roll")) { id, _ in
            let last = try tx.scalar("SELECT kind FROM member_events WHERE member_id = ? AND kind IN ('temp_out', 'temp_return') ORDER BY happened DESC, id DESC LIMIT 1",
                                     [.int(id)])
            guard last == .text("temp_out") else {
                throw RuleViolation("E1130", vi: "đảng viên mã \(id) không đang sinh hoạt tạm thời", en: "member \(id) is not on a temporary transfer",
                                    argument: call.input == nil ? "member" : nil)
            }
            try MemberRules.record(tx, member: id, "temp_return", on: on)
        }
        return Label(vi: "Đã ghi \(count) đảng viên trở về.", en: "Recorded the return of \(count) member(s).")
    }
}
