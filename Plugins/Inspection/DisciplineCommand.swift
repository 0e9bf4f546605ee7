import CosoCore
import CosoMembers
import CosoOrganisations

extension DisciplineRules {
    /// `discipline`: one decision on a member or an organisation, checked against R14 (the
    /// measures allowed for each subject), R15 (who may decide, and the votes), R16 (the
    /// limitation period); expulsion ends membership.
    static let discipline = Command(
        "discipline", summary: Label(vi: "Ghi quyết định kỷ luật (R14, R15, R16); khai trừ chấm dứt tư cách đảng viên",
                                     en: "Record a disciplinary decision (R14, R15, R16); expulsion ends membership"),
        labelled: [
            Parameter("measure", .enumeration("discipline_measure"), vi: "hình thức", en: "measure"),
            Parameter("by", .reference("orgs"), vi: "cấp quyết định", en: "deciding organisation"),
            Parameter("on", .date, vi: "ngày quyết định", en: "date of the decision"),
            Parameter("member", .reference("members"), vi: "đảng viên bị kỷ luật", en: "member disciplined", required: false),
            Parameter("org", .reference("orgs"), vi: "tổ chức bị kỷ luật", en: "organisation disciplined", required: false),
            Parameter("offence", .date, vi: "ngày vi phạm", en: "date of the offence", required: false),
            Parameter("votes", .int, vi: "số phiếu tán thành", en: "votes for", required: false, field: Disciplines.votesFor),
            Parameter("of", .int, vi: "tổng số phiếu", en: "votes cast", required: false, field: Disciplines.votesTotal),
            Parameter("article", .text, vi: "điều vi phạm (69-QĐ/TW)", en: "article breached (69-QĐ/TW)", required: false),
            Parameter("self_corrected", .bool, vi: "tự phát hiện, khắc phục (R17)", en: "found and fixed by themselves (R17)", required: false),
        ],
        examples: [CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                                          #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ thôn 5" on: @2020-05-19 introducers_on_file: true"#,
                                          #"confirm 1 on: @2021-05-20"#],
                                  #"discipline member: 1 measure: reprimand by: "Chi bộ thôn 5" on: @2024-03-01 votes: 8 of: 10"#,
                                  expected: "Đã ghi kỷ luật khiển trách (mã 1).")]
    ) { call, tx in
        let measure = try call.requireText("measure"); let by = try call.requireID("by"); let on = try call.requireDate("on")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try tx.check(Disciplines.entity, [Disciplines.votesFor: call["votes"], Disciplines.votesTotal: call["of"]])
        let member = call.id("member"), org = call.id("org")
        guard (member == nil) != (org == nil) else {
            throw RuleViolation("E1202", vi: "ghi đúng một đối tượng: member: hoặc org:", en: "give exactly one subject: member: or org:",
                                argument: member == nil ? "measure" : "org")
        }
        let decider = try tx.require(Orgs.entity, id: by)
        let deciderKind = decider[Orgs.kind].textValue ?? ""
        if let member {
            let m = try tx.require(Members.entity, id: member)
            // Judged as the member stood on the decision's date, by an organisation over their cell then.
            let status = try MemberTimeline.status(of: member, on: on, tx) ?? ""

            // R14: what each kind of member may receive.
            let allowed: Set<String>
            switch status {
            case "probationary": allowed = ["reprimand", "warning"]
            case "official", "exempted", "suspended": allowed = ["reprimand", "warning", "removal_from_post", "expulsion"]
            default:
                throw RuleViolation("E1203", vi: "đảng viên này không còn trong danh sách", en: "this member is no longer on the roll", argument: "member")
            }
            guard allowed.contains(measure) else {
                throw RuleViolation("E1204", vi: status == "probationary" ? "đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo (R14)"
                                                                          : "hình thức này không áp dụng cho đảng viên (R14)",
                                    en: status == "probationary" ? "a probationary member can only be reprimanded or warned (R14)"
                                                                 : "this measure does not apply to a member (R14)", argument: "measure")
            }
            if measure == "removal_from_post",
               try tx.scalar("SELECT count(*) FROM positions WHERE member_id = ? AND (ended IS NULL OR ended > ?)", [.int(member), .date(on)]) == .int(0) {
                throw RuleViolation("E1205", vi: "cách chức chỉ áp dụng với đảng viên đang giữ chức vụ (R14)",
                                    en: "removal from post applies only to a member holding a post (R14)", argument: "measure")
            }
            // R15: expulsion is for a committee authorised to admit members.
            if measure == "expulsion", !decider[Orgs.authorisedToAdmit].isTrue {
                throw RuleViolation("E1212", vi: "chỉ cấp ủy được ủy quyền kết nạp đảng viên mới quyết định khai trừ (R15)",
                                    en: "only a committee authorised to admit members may expel (R15)", argument: "by")
            }
            // R15: a cell may reprimand or warn its own members only; the rest is for a committee.
            let isCommittee = committeeKinds.contains(deciderKind)
            if !isCommittee {
                guard measure == "reprimand" || measure == "warning" else {
                    throw RuleViolation("E1206", vi: "chi bộ chỉ được khiển trách, cảnh cáo; \(measure == "expulsion" ? "khai trừ" : "cách chức") do cấp ủy có thẩm quyền quyết định (R15)",
                                        en: "a cell may only reprimand or warn; this measure is for a competent committee (R15)", argument: "by")
                }
                guard try MemberTimeline.cell(of: member, on: on, tx) == by else {
                    throw RuleViolation("E1207", vi: "chi bộ chỉ kỷ luật đảng viên của chi bộ mình (R15)", en: "a cell disciplines only its own members (R15)",
                                        argument: "by")
                }
            } else if let cell = try MemberTimeline.cell(of: member, on: on, tx) {
                // A committee decides within its own part of the tree, as it stood on the date.
                try OrgRules.requireAuthority(by, over: cell, on: on, tx)
            }
        } else if let org {
            guard ["reprimand", "warning", "disbandment"].contains(measure) else {
                throw RuleViolation("E1204", vi: "tổ chức đảng chỉ bị khiển trách, cảnh cáo hoặc giải tán (R14)",
                                    en: "an organisation can only be reprimanded, warned or disbanded (R14)", argument: "measure")
            }
            guard committeeKinds.contains(deciderKind), org != by else {
                throw RuleViolation("E1206", vi: "kỷ luật tổ chức đảng do cấp ủy cấp trên quyết định (R15)",
                                    en: "an organisation is disciplined by a committee above it (R15)", argument: "by")
            }
            try OrgRules.requireAuthority(by, over: org, on: on, strictlyAbove: true, tx)
        }
        // R16: limitation periods from the offence.
        if let offence = call.date("offence") {
            guard offence <= on else {
                throw RuleViolation("E1208", vi: "ngày vi phạm phải trước ngày quyết định", en: "the offence precedes the decision", argument: "offence")
            }
            if let years = limitationYears[measure], offence.adding(months: 12 * years) < on {
                throw RuleViolation("E1209", vi: "đã hết thời hiệu \(years) năm cho hình thức này (R16)",
                                    en: "the \(years)-year limitation period for this measure has passed (R16)", argument: "offence")
            }
        }
        // R15 (UNVERIFIED thresholds): more than half for reprimand or warning, two thirds for expulsion.
        if let votes = call.id("votes"), let total = call.id("of") {
            guard votes <= total, total > 0 else {
                throw RuleViolation("E1210", vi: "số phiếu tán thành không vượt tổng số phiếu", en: "votes for cannot exceed votes cast", argument: "votes")
            }
            // Expulsion needs at least its fraction; the other measures more than theirs.
            let expulsion = measure == "expulsion"
            let (n, d) = try RuleSettings.fraction(expulsion ? "R15.expulsion" : "R15.reprimand", tx)
            let enough = RuleSettings.reaches(votes, of: total, (n, d), strictly: !expulsion)
            guard enough else {
                throw RuleViolation("E1211", vi: expulsion ? "khai trừ cần ít nhất \(n)/\(d) số phiếu tán thành (R15)" : "cần trên \(n)/\(d) số phiếu tán thành (R15)",
                                    en: expulsion ? "expulsion needs at least \(n)/\(d) of the votes (R15)" : "more than \(n)/\(d) of the votes are needed (R15)",
                                    argument: "votes")
            }
        }
        let id = try tx.insert(Disciplines.entity, [
            Disciplines.measure: .text(measure), Disciplines.subjectMember: call["member"], Disciplines.subjectOrg: call["org"], Disciplines.decidedBy: .int(by),
            Disciplines.decidedOn: .date(on), Disciplines.offenceArticle: call["article"], Disciplines.votesFor: call["votes"], Disciplines.votesTotal: call["of"],
            Disciplines.offenceOn: call["offence"], Disciplines.selfCorrected: .bool(call["self_corrected"] == .bool(true)), Disciplines.appealed: .bool(false),
        ])
        if let member, measure == "removal_from_post" {
            // Removed from post: every position the member held ends on the decision's date.
            try MemberTimeline.endPositions(of: member, on: on, tx)
        }
        if let member, measure == "expulsion" {
            try tx.update(Members.entity, id: member, [Members.status: .text("expelled"), Members.ended: .date(on)])
            try tx.insert(MemberEvents.entity, [MemberEvents.member: .int(member), MemberEvents.kind: .text("expelled"), MemberEvents.happened: .date(on), MemberEvents.status: .text("expelled"),
                                            MemberEvents.decidedBy: .int(by)])
            try MemberTimeline.settle(member, tx)
        }
        if let org, measure == "disbandment" {
            try tx.update(Orgs.entity, id: org, [Orgs.dissolved: .date(on), Orgs.dissolvedHow: .text("disbanded")])
        }
        let label = InspectionModule.measure.find(measure)?.label ?? Label(vi: measure, en: measure)
        return Label(vi: "Đã ghi kỷ luật \(label.vi) (mã \(id)).", en: "Recorded a \(label.en) (id \(id)).")
    }
}
