import CosoCore
import CosoOrganisations

/// Ending a position, and recording awards and badges (R24).
enum PositionAndAwardCommands {
    static let setup = MemberLifecycle.setup + [#"appoint 1 role: secretary org: "Chi bộ thôn 5" on: @2022-06-01"#]

    /// `position end`: the member no longer holds the position from that day (a new secretary,
    /// a resignation, a removal from post).
    static let end = Command(
        "position end", summary: Label(vi: "Ghi ngày thôi giữ chức vụ", en: "Record the end of a position"),
        positional: [Parameter("position", .reference("positions"), vi: "chức vụ (mã)", en: "position (id)")],
        labelled: [MemberLifecycle.onParameter], input: "positions",
        examples: [CommandExample(setup: setup, "position end 1 on: @2024-06-30", expected: "Đã ghi thôi giữ 1 chức vụ từ 30/06/2024.")]
    ) { call, tx in
        let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        let subjects = CommonChecks.subjects(call, "position")
        for id in subjects {
            let p = try tx.require(Positions.entity, id: id)
            if let ended = p[Positions.ended].dateValue {
                throw RuleViolation("E1158", vi: "chức vụ mã \(id) đã thôi từ \(ended.dmy)", en: "position \(id) already ended on \(ended.iso)",
                                    argument: call.input == nil ? "position" : nil)
            }
            if let started = p[Positions.started].dateValue, on < started {
                throw RuleViolation("E1159", vi: "ngày thôi chức trước ngày giữ chức (\(started.dmy))", en: "the end precedes the start (\(started.iso))",
                                    argument: "on")
            }
            try tx.update(Positions.entity, id: id, [Positions.ended: .date(on)])
        }
        return Label(vi: "Đã ghi thôi giữ \(subjects.count) chức vụ từ \(on.dmy).", en: "Ended \(subjects.count) position(s) on \(on.iso).")
    }

    /// R24: the seniority a badge marks is reached in the year it is given, or before; one of each
    /// (`award`: the award being corrected, which does not count against itself).
    static func checkBadge(member id: Int64, _ m: Record, year: Int64, badge: Int64, award: Int64?, _ tx: WriteTransaction) throws {
        if let admitted = m[Members.admitted].dateValue, Int64(admitted.year) + badge > year {
            throw RuleViolation("E1160", vi: "chưa đủ \(badge) năm tuổi đảng vào năm \(year): vào Đảng \(admitted.dmy) (R24)",
                                en: "not yet \(badge) years of seniority in \(year): admitted \(admitted.iso) (R24)", argument: "badge")
        }
        if try tx.scalar("SELECT count(*) FROM awards WHERE member_id = ? AND kind = 'badge' AND badge_years = ? AND id IS NOT ?",
                         [.int(id), .int(badge), award.map { .int($0) } ?? .null]) != .int(0) {
            throw RuleViolation("E1160", vi: "đảng viên mã \(id) đã có huy hiệu \(badge) năm (R24)",
                                en: "member \(id) already holds the \(badge)-year badge (R24)", argument: "badge")
        }
    }

    /// An award corrected with `update` is judged again as `award` judges one.
    static func recheck(_ award: Int64, _ tx: WriteTransaction) throws {
        guard let a = try tx.record(Awards.entity, id: award), a[Awards.kind] == .text("badge"), let member = a[Awards.member].intValue,
              let year = a[Awards.year].intValue, let badge = a[Awards.badgeYears].intValue else { return }
        try checkBadge(member: member, try tx.require(Members.entity, id: member), year: year, badge: badge, award: award, tx)
    }

    /// `award`: an award or a seniority badge (R24: 30, 40, 45 ... 90 years; given in the year the
    /// member reaches them, or later; one of each).
    static let award = Command(
        "award", summary: Label(vi: "Ghi khen thưởng, huy hiệu Đảng (R24)", en: "Record an award or a seniority badge (R24)"),
        positional: [MemberLifecycle.memberParameter],
        labelled: [
            Parameter("year", .int, vi: "năm", en: "year", field: Awards.year),
            Parameter("kind", .enumeration("award_kind"), vi: "hình thức", en: "kind"),
            Parameter("badge", .int, vi: "huy hiệu bao nhiêu năm tuổi đảng (với kind: badge)", en: "badge years (with kind: badge)",
                      required: false, field: Awards.badgeYears),
            Parameter("granted_by", .reference("orgs"), vi: "cấp khen thưởng", en: "granted by", required: false),
        ],
        input: "members",
        examples: [CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                          #"admit "Phạm Văn Dũng" born: @1960-01-01 gender: male org: "Chi bộ thôn 5" on: @1985-01-01 introducers_on_file: true"#,
                                          "confirm 1 on: @1986-01-02"],
                                  "award 1 year: 2025 kind: badge badge: 40", expected: "Đã ghi huy hiệu Đảng cho 1 đảng viên năm 2025.")]
    ) { call, tx in
        let year = try call.requireID("year"); let kind = try call.requireText("kind")
        let badge = call.id("badge")
        try tx.check(Awards.entity, [Awards.year: .int(year), Awards.badgeYears: call["badge"]])
        let yearEnd = min(LocalDate(year: Int(year), month: 12, day: 31) ?? call.today, call.today)
        let count = try MemberRules.eachSubject(call, tx, allowed: MemberEnums.onRoll, refusal: (
            "E1109", "đảng viên này không còn trong danh sách", "this member is no longer on the roll"), at: yearEnd) { id, m in
            if kind == "badge", let badge { try checkBadge(member: id, m, year: year, badge: badge, award: nil, tx) }
            try tx.insert(Awards.entity, [Awards.member: .int(id), Awards.year: .int(year), Awards.kind: .text(kind),
                                          Awards.badgeYears: call["badge"], Awards.grantedBy: call["granted_by"]])
        }
        let label = MemberRecord2HSDV.awardKind.find(kind)?.label ?? Label(vi: kind, en: kind)
        return Label(vi: "Đã ghi \(label.vi) cho \(count) đảng viên năm \(year).", en: "Recorded \(label.en) for \(count) member(s) in \(year).")
    }
}
