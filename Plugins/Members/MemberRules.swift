import CosoCore
import CosoOrganisations

/// The figures of the member rules, in one place (DOMAIN.md §3).
enum MemberRules {
    /// R1: 24-QĐ/TW 1.1, unchanged by 294-QĐ/TW.
    static let minimumAdmissionAge = 18
    static let maximumAdmissionAge = 60
    /// R5: Charter art. 5.
    static let probationMonths = 12

    /// Runs `body` for each member the command acts on (its pipeline input, or its `member`
    /// argument), refusing the whole command if one has a status outside `allowed`. The refusal
    /// names the member's id when the members came from a pipeline. Returns how many there were.
    /// `first` runs for each member before the status is looked at.
    ///
    /// The status is the one the member's history gives at the event's date (`at`, by default the
    /// command's `on:`), so that history entered years later is judged as it stood then; a member
    /// without recorded events is judged by the status on the roll.
    static func eachSubject(_ call: CommandCall, _ tx: WriteTransaction, allowed: Set<String>,
                            refusal: (code: String, vi: String, en: String), at date: LocalDate? = nil,
                            first: (Int64, Record) throws -> Void = { _, _ in },
                            _ body: (Int64, Record) throws -> Void) throws -> Int {
        let subjects = CommonChecks.subjects(call, "member")
        let when = date ?? call.date("on")
        for id in subjects {
            guard let m = try tx.record(Members.entity, id: id) else { continue }
            // What the command says of a date before the member's history (its own code).
            try first(id, m)
            var status = m[Members.status].textValue
            if let when {
                let events = try MemberTimeline.events(id, tx)
                if let opening = events.first {
                    status = MemberTimeline.status(at: when, events)
                    if status == nil {
                        throw RuleViolation("E1153", vi: "ngày \(when.dmy) trước khi đảng viên mã \(id) vào Đảng (\(opening.happened.dmy))",
                                            en: "\(when.iso) precedes member \(id)'s admission (\(opening.happened.iso))", argument: "on",
                                            helpVi: "mọi sự kiện của đảng viên đều từ ngày vào Đảng trở đi",
                                            helpEn: "a member's events all come on or after the admission")
                    }
                }
            }
            guard let status, allowed.contains(status) else {
                let which = call.input == nil ? "" : " (mã \(id))"
                let whichEn = call.input == nil ? "" : " (id \(id))"
                throw RuleViolation(refusal.code, vi: refusal.vi + which, en: refusal.en + whichEn,
                                    argument: call.input == nil ? "member" : nil)
            }
            try body(id, m)
        }
        return subjects.count
    }

    /// A member's admission date, which the rules of probation count from: a member entered
    /// without one is refused, not passed over.
    static func admitted(_ m: Record, _ id: Int64) throws -> LocalDate {
        guard let admitted = m[Members.admitted].dateValue else {
            throw RuleViolation("E1151", vi: "đảng viên mã \(id) chưa có ngày vào Đảng", en: "member \(id) has no admission date",
                                helpVi: "ghi ngày vào Đảng của đảng viên trước", helpEn: "record the member's admission date first")
        }
        return admitted
    }

    /// Appends one event to a member's history; `status` and `org` are what they are after it.
    @discardableResult
    static func record(_ tx: WriteTransaction, member: Int64, _ kind: String, on date: LocalDate, org: Int64? = nil,
                       status: String? = nil, extra: [Field: Value] = [:]) throws -> Int64 {
        // Made at its full size at once (an import records two events for each of a million members).
        var values: [Field: Value] = [:]
        values.reserveCapacity(5 + extra.count)
        values[MemberEvents.member] = .int(member); values[MemberEvents.kind] = .text(kind); values[MemberEvents.happened] = .date(date)
        if let org { values[MemberEvents.org] = .int(org) }
        if let status { values[MemberEvents.status] = .text(status) }
        for (key, value) in extra { values[key] = value }
        let id = try tx.insert(MemberEvents.entity, values)
        // Judged against the member's whole history, which then gives their status and dates
        // (an import checks its rows itself and writes the history they imply).
        if !tx.isBulk { try MemberTimeline.settle(member, tx) }
        return id
    }

    /// The organisation that took a decision on a member (`by:` of admit, confirm, remove), when
    /// given: over the member's cell as it stood on the date, and authorised to admit (the
    /// committees that admit also confirm and strike off).
    static let byParameter = Parameter("by", .reference("orgs"), vi: "cấp quyết định (nếu ghi: phải có thẩm quyền)",
                                       en: "deciding organisation (when given: it must have authority)", required: false)

    static func checkDecider(_ call: CommandCall, _ tx: WriteTransaction, cell: Int64, on date: LocalDate) throws {
        guard let by = call.id("by") else { return }
        try OrgRules.requireAuthority(by, over: cell, on: date, tx)
        guard try tx.record(Orgs.entity, id: by)?[Orgs.authorisedToAdmit].isTrue == true else {
            throw RuleViolation("E1161", vi: "tổ chức này không được ủy quyền kết nạp: không quyết định kết nạp, công nhận chính thức, xóa tên",
                                en: "this organisation is not authorised to admit: it does not decide admissions, confirmations or removals",
                                argument: "by", helpVi: "cấp ủy có thẩm quyền: orgs | where authorised_to_admit",
                                helpEn: "the competent committees: orgs | where authorised_to_admit")
        }
    }

    /// R2 (24-QĐ/TW 3.2.1): two introducers, both full members on the admission date, and not
    /// the same person. Either may be omitted when the history is entered without them.
    ///
    /// Two are needed; a Youth Union member's Union resolution stands for one (`union_resolution:
    /// true`, 24-QĐ/TW 3.2.1, UNVERIFIED); an admission whose introducers are not members of this
    /// register (entered from the paper file) says so (`introducers_on_file: true`), which the
    /// event records.
    static func checkIntroducers(_ call: CommandCall, _ tx: WriteTransaction, on date: LocalDate) throws {
        let given = ["introducer1", "introducer2"].compactMap { p in call.id(p).map { (p, $0) } }
        let needed = call["union_resolution"] == .bool(true) ? 1 : 2
        if call["introducers_on_file"] != .bool(true), given.count < needed {
            throw RuleViolation("E1162", vi: "cần \(needed == 2 ? "hai người" : "một người") giới thiệu là đảng viên chính thức (R2)",
                                en: "\(needed == 2 ? "two introducers are" : "one introducer is") needed, full members (R2)",
                                argument: given.isEmpty ? nil : "introducer1",
                                helpVi: "ghi introducer1: và introducer2:; đoàn viên: một người và union_resolution: true; người giới thiệu không có trong sổ: introducers_on_file: true",
                                helpEn: "give introducer1: and introducer2:; a Union member: one and union_resolution: true; introducers not in this register: introducers_on_file: true")
        }
        if given.count == 2, given[0].1 == given[1].1 {
            throw RuleViolation("E1111", vi: "hai người giới thiệu phải là hai đảng viên khác nhau (R2)",
                                en: "the two introducers must be different members (R2)", argument: "introducer2")
        }
        for (parameter, id) in given {
            // A full member on the admission date, whatever became of them since (struck off later
            // does not undo an introduction made when they were a full member).
            let m = try tx.record(Members.entity, id: id)
            let then = try MemberTimeline.status(of: id, on: date, tx)
            let official = then == "official" || then == "exempted"
            guard official, let confirmed = m?[Members.confirmed].dateValue, confirmed <= date else {
                throw RuleViolation("E1112", vi: "người giới thiệu phải là đảng viên chính thức vào ngày kết nạp (R2)",
                                    en: "an introducer must be a full member on the admission date (R2)", argument: parameter)
            }
        }
    }
}
