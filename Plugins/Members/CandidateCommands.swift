import CosoCore
import CosoOrganisations

/// The pipeline before admission, which the official software lacks: a candidate is listed by
/// the cell, attends the awareness course, applies, and the cell resolves; `admit ... candidate:`
/// closes it.
enum CandidateCommands {
    static let setup = [#"org add "Chi bộ thôn 5" kind: village_cell"#,
                        #"candidate add "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 5" on: @2024-01-10"#]

    static let add = Command(
        "candidate add", summary: Label(vi: "Đưa quần chúng ưu tú vào danh sách nguồn kết nạp", en: "List a candidate for admission"),
        positional: [Parameter("name", .text, vi: "họ và tên", en: "full name")],
        labelled: [Parameter("born", .date, vi: "ngày sinh", en: "date of birth"), Parameter("gender", .enumeration("gender"), vi: "giới tính", en: "gender"),
                   Parameter("org", .reference("orgs"), vi: "chi bộ", en: "cell"), Parameter("on", .date, vi: "ngày đưa vào danh sách", en: "date listed")],
        examples: [CommandExample(setup: [#"org add "Chi bộ thôn 5" kind: village_cell"#],
                                  #"candidate add "Lê Thị Mai" born: @2001-02-03 gender: female org: "Chi bộ thôn 5" on: @2024-01-10"#,
                                  expected: "Đã đưa Lê Thị Mai (mã 1) vào danh sách quần chúng ưu tú.")]
    ) { call, tx in
        let on = try call.requireDate("on"); let org = try call.requireID("org"); let born = try call.requireDate("born")
        try CommonChecks.notInFuture(on, call, argument: "on")
        try OrgRules.requireLive(org, tx, argument: "org", on: on)
        try OrgRules.requireCell(org, tx, argument: "org")
        guard born < on else { throw RuleViolation("E1101", vi: "ngày sinh phải trước ngày đưa vào danh sách", en: "the birth date must come first", argument: "born") }
        let name = VietnameseText.nfc(call.text("name") ?? "").trimmingCharacters(in: .whitespaces)
        let id = try tx.insert(Candidates.entity, [Candidates.name: .text(name), Candidates.born: .date(born), Candidates.gender: call["gender"], Candidates.org: .int(org),
                                              Candidates.stage: .text("listed"), Candidates.listed: .date(on)])
        return Label(vi: "Đã đưa \(name) (mã \(id)) vào danh sách quần chúng ưu tú.", en: "Listed \(name) (id \(id)) as a candidate.")
    }

    static let step = Command(
        "candidate step", summary: Label(vi: "Ghi một bước của quần chúng: học lớp nhận thức, làm đơn, chi bộ nghị quyết, dừng",
                                         en: "Record a candidate's step: awareness course, application, cell resolution, dropped"),
        positional: [Parameter("candidate", .reference("candidates"), vi: "quần chúng (mã hoặc tên)", en: "candidate (id or name)")],
        labelled: [Parameter("stage", .enumeration("candidate_stage"), vi: "bước", en: "stage"), Parameter("on", .date, vi: "ngày", en: "date")],
        input: "candidates",
        examples: [CommandExample(setup: setup, "candidate step 1 stage: trained on: @2024-03-15", expected: "Đã ghi bước đã học lớp nhận thức về Đảng cho 1 quần chúng.")]
    ) { call, tx in
        let on = try call.requireDate("on"); let stage = try call.requireText("stage")
        try CommonChecks.notInFuture(on, call, argument: "on")
        guard stage != "admitted", stage != "listed" else {
            throw RuleViolation("E1131", vi: "kết nạp bằng lệnh admit ... candidate:", en: "admission is recorded by admit ... candidate:", argument: "stage")
        }
        let subjects = CommonChecks.subjects(call, "candidate")
        let order = ["listed", "trained", "applied", "resolved"]
        for id in subjects {
            guard let c = try tx.record(Candidates.entity, id: id), let current = c[Candidates.stage].textValue else { continue }
            if current == "admitted" || current == "dropped" {
                throw RuleViolation("E1132", vi: "quần chúng mã \(id) đã kết thúc quy trình", en: "candidate \(id) has left the pipeline", argument: "candidate")
            }
            // Steps come in the order of their dates too: none before the last one recorded.
            let last = [c[Candidates.listed], c[Candidates.awarenessCourse], c[Candidates.applied]].compactMap(\.dateValue).max()
            if let last, on < last {
                throw RuleViolation("E1155", vi: "ngày của bước này trước bước đã ghi của quần chúng mã \(id) (\(last.dmy))",
                                    en: "this step's date precedes candidate \(id)'s last recorded step (\(last.iso))", argument: "on")
            }
            if current == "resolved", stage != "dropped" {
                throw RuleViolation("E1133", vi: "chi bộ đã ra nghị quyết đề nghị kết nạp quần chúng mã \(id): bước tiếp theo là kết nạp",
                                    en: "the cell has resolved to admit candidate \(id): the next step is the admission", argument: "stage",
                                    helpVi: "admit ... candidate: \(id), hoặc stage: dropped", helpEn: "admit ... candidate: \(id), or stage: dropped")
            }
            var values: [Field: Value] = [Candidates.stage: .text(stage)]
            if stage != "dropped" {
                guard let next = order.firstIndex(of: current).map({ order[min($0 + 1, order.count - 1)] }), next == stage else {
                    throw RuleViolation("E1133", vi: "bước tiếp theo của quần chúng mã \(id) là \(MemberRecords.candidateStage.find(order[(order.firstIndex(of: current) ?? 0) + 1])?.label.vi ?? "")",
                                        en: "candidate \(id)'s next step is \(order[(order.firstIndex(of: current) ?? 0) + 1])", argument: "stage",
                                        helpVi: "R25: học lớp nhận thức về Đảng trước khi làm đơn", helpEn: "R25: the awareness course precedes the application")
                }
                if stage == "trained" { values[Candidates.awarenessCourse] = .date(on) }
                if stage == "applied" { values[Candidates.applied] = .date(on) }
            }
            try tx.update(Candidates.entity, id: id, values)
        }
        let label = MemberRecords.candidateStage.find(stage)?.label ?? Label(vi: stage, en: stage)
        return Label(vi: "Đã ghi bước \(label.vi) cho \(subjects.count) quần chúng.", en: "Recorded '\(label.en)' for \(subjects.count) candidate(s).")
    }

    /// `admit ... candidate: ID`: the cell must have resolved, and the awareness course be recent (R25).
    static func close(_ candidate: Int64, member: Int64, admitted: LocalDate, _ tx: WriteTransaction) throws {
        let c = try tx.require(Candidates.entity, id: candidate)
        if let last = [c[Candidates.listed], c[Candidates.awarenessCourse], c[Candidates.applied]].compactMap(\.dateValue).max(), admitted < last {
            throw RuleViolation("E1155", vi: "ngày kết nạp trước bước đã ghi của quần chúng (\(last.dmy))",
                                en: "the admission precedes the candidate's last recorded step (\(last.iso))", argument: "on")
        }
        guard c[Candidates.stage] == .text("resolved") else {
            throw RuleViolation("E1134", vi: "quần chúng chưa được chi bộ ra nghị quyết đề nghị kết nạp", en: "the cell has not yet resolved to admit this candidate",
                                argument: "candidate")
        }
        // R25 (UNVERIFIED, so a setting): the certificate stays valid for five years by default.
        let years = try RuleSettings.integer("R25.years", tx)
        if let course = c[Candidates.awarenessCourse].dateValue, course.adding(months: 12 * years) < admitted {
            throw RuleViolation("E1135", vi: "giấy chứng nhận lớp nhận thức về Đảng đã quá \(years) năm (R25)",
                                en: "the awareness-course certificate is over \(years) years old (R25)", argument: "candidate",
                                helpVi: "thời hạn đặt bằng: setting \"R25.years\" value: \"...\"", helpEn: "the period is set with: setting \"R25.years\" value: \"...\"")
        }
        try tx.update(Candidates.entity, id: candidate, [Candidates.stage: .text("admitted"), Candidates.member: .int(member)])
    }
}
