import CosoCore
import CosoMembers
import CosoOrganisations

/// `assign` and `assign end`: each checks what the register must keep true (a committee member of
/// the cell's own committee or one above it, one member in charge of a cell at a time, the village
/// under the cell) before it writes, and every write is checked against the declaration too.
enum AssignmentCommands {
    /// A commune with an office cell and a village cell, and a committee member of the commune.
    static let setup = [
        #"org add "Đảng bộ xã Gia Hiệp" kind: commune_committee"#,
        #"org add "Chi bộ Cơ quan xã" kind: subordinate_cell parent: "Đảng bộ xã Gia Hiệp""#,
        #"org add "Chi bộ thôn 5" kind: village_cell parent: "Đảng bộ xã Gia Hiệp""#,
        #"term "Đảng bộ xã Gia Hiệp" started: @2020-07-15 ends: @2025-07-14 seats: 15"#,
        #"admit "Nguyễn Văn An" born: @1980-04-12 gender: male org: "Chi bộ Cơ quan xã" on: @2010-05-19 introducers_on_file: true"#,
        #"confirm 1 on: @2011-05-20"#,
        #"appoint 1 role: member org: "Đảng bộ xã Gia Hiệp" on: @2020-07-15"#,
    ]
    static let assigned = setup + [#"assign 1 to: "Chi bộ thôn 5" on: @2023-01-05"#]

    static let assign = Command(
        "assign", summary: Label(vi: "Phân công cấp ủy viên phụ trách một chi bộ thôn, tổ dân phố", en: "Assign a committee member to a village cell"),
        positional: [Parameter("member", .reference("members"), vi: "cấp ủy viên (mã hoặc tên)", en: "committee member (id or name)")],
        labelled: [
            Parameter("to", .reference("orgs"), vi: "chi bộ được phụ trách", en: "the cell assigned", field: Assignments.org),
            Parameter("on", .date, vi: "từ ngày", en: "from", field: Assignments.started),
            Parameter("village", .reference("villages"), vi: "thôn, tổ dân phố của chi bộ", en: "the cell's village", required: false),
            Parameter("role", .enumeration("assignment_role"), vi: "nhiệm vụ (mặc định: phụ trách)", en: "role (default: in charge)",
                      required: false, field: Assignments.kind),
            Parameter("decision", .text, vi: "số quyết định phân công", en: "decision number", required: false, field: Assignments.decision),
        ],
        input: "members",
        examples: [CommandExample(setup: setup, #"assign 1 to: "Chi bộ thôn 5" on: @2023-01-05 decision: "15-QĐ/ĐU""#,
                                  expected: "Đã phân công 1 cấp ủy viên phụ trách Chi bộ thôn 5 từ 05/01/2023.")]
    ) { call, tx in
        let to = try call.requireID("to"), on = try call.requireDate("on")
        let role = call.text("role") ?? "in_charge"
        try OrgRules.requireLive(to, tx, argument: "to", on: on)
        if let village = call.id("village"), try tx.require(Villages.entity, id: village)[Villages.cell] != .int(to) {
            throw RuleViolation("E5002", vi: "thôn này không thuộc chi bộ được phụ trách", en: "this village is not the assigned cell's",
                                argument: "village", helpVi: "xem: villages | where cell == \(to)", helpEn: "see: villages | where cell == \(to)")
        }
        let subjects = CommonChecks.subjects(call, "member")
        if role == "in_charge" {
            if subjects.count > 1 {
                throw RuleViolation("E5006", vi: "mỗi chi bộ có một cấp ủy viên phụ trách; chọn một người", en: "one member is in charge of a cell; choose one",
                                    argument: "role", helpVi: "những người khác: role: support", helpEn: "the others: role: support")
            }
            if let holder = try AssignmentCommands.inCharge(of: to, on: on, tx) {
                throw RuleViolation("E5003", vi: "chi bộ này đã có cấp ủy viên phụ trách (phân công mã \(holder))",
                                    en: "this cell already has a member in charge (assignment \(holder))", argument: "to",
                                    helpVi: "kết thúc phân công cũ trước: assign end \(holder) on: ...", helpEn: "end it first: assign end \(holder) on: ...")
            }
        }
        for member in subjects {
            try AssignmentCommands.requireCommitteeMember(member, of: to, on: on, tx, argument: call.input == nil ? "member" : nil)
            if let open = try tx.rowIDs("""
                SELECT id FROM assignments WHERE member_id = ? AND org_id = ? AND started <= ? AND (ended IS NULL OR ended > ?)
                """, [.int(member), .int(to), .date(on), .date(on)]).first {
                throw RuleViolation("E5004", vi: "cấp ủy viên mã \(member) đang được phân công ở chi bộ này (mã \(open))",
                                    en: "member \(member) is already assigned to this cell (assignment \(open))", argument: "member")
            }
            try tx.insert(Assignments.entity, [
                Assignments.member: .int(member), Assignments.org: .int(to), Assignments.village: call["village"],
                Assignments.kind: .text(role), Assignments.started: .date(on), Assignments.decision: call["decision"],
            ])
        }
        let name = try tx.require(Orgs.entity, id: to)[Orgs.name].textValue ?? ""
        return Label(vi: "Đã phân công \(subjects.count) cấp ủy viên \(role == "in_charge" ? "phụ trách" : "theo dõi") \(name) từ \(on.dmy).",
                     en: "Assigned \(subjects.count) committee member(s) to \(name) from \(on.iso).")
    }

    static let end = Command(
        "assign end", summary: Label(vi: "Kết thúc phân công (thôi phụ trách)", en: "End an assignment"),
        positional: [Parameter("assignment", .reference("assignments"), vi: "phân công (mã)", en: "assignment (id)")],
        labelled: [Parameter("on", .date, vi: "ngày kết thúc", en: "date it ends", field: Assignments.ended)],
        input: "assignments",
        examples: [CommandExample(setup: assigned, "assign end 1 on: @2025-06-30", expected: "Đã kết thúc 1 phân công từ 30/06/2025.")]
    ) { call, tx in
        let on = try call.requireDate("on")
        let subjects = CommonChecks.subjects(call, "assignment")
        for id in subjects {
            let assignment = try tx.require(Assignments.entity, id: id)
            if let ended = assignment[Assignments.ended].dateValue {
                throw RuleViolation("E5005", vi: "phân công mã \(id) đã kết thúc từ \(ended.dmy)", en: "assignment \(id) ended on \(ended.iso)",
                                    argument: call.input == nil ? "assignment" : nil)
            }
            // That it ends after it started is the declaration's rule, checked as the row is written.
            try tx.update(Assignments.entity, id: id, [Assignments.ended: .date(on)])
        }
        return Label(vi: "Đã kết thúc \(subjects.count) phân công từ \(on.dmy).", en: "Ended \(subjects.count) assignment(s) on \(on.iso).")
    }

    /// The assignment in charge of `org` at `on`, if there is one.
    static func inCharge(of org: Int64, on: LocalDate, _ tx: WriteTransaction) throws -> Int64? {
        try tx.rowIDs("""
            SELECT id FROM assignments WHERE org_id = ? AND role = 'in_charge' AND started <= ? AND (ended IS NULL OR ended > ?)
            """, [.int(org), .date(on), .date(on)]).first
    }

    /// A member of the committee of `org` or of one above it, holding the position at `on`.
    static func requireCommitteeMember(_ member: Int64, of org: Int64, on: LocalDate, _ tx: WriteTransaction, argument: String?) throws {
        let held = try tx.scalar("""
            WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT o.parent_id FROM orgs o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
            SELECT count(*) FROM positions p WHERE p.member_id = ? AND p.org_id IN (SELECT id FROM up)
              AND p.role IN ('secretary', 'deputy', 'standing', 'member') AND p.started <= ? AND (p.ended IS NULL OR p.ended > ?)
            """, [.int(org), .int(member), .date(on), .date(on)])
        guard held != .int(0) else {
            throw RuleViolation("E5001", vi: "đảng viên mã \(member) không phải cấp ủy viên của chi bộ này hay của cấp ủy cấp trên vào ngày đó",
                                en: "member \(member) is not on the committee of this cell or of one above it on that date", argument: argument,
                                helpVi: "ghi chức vụ trước: appoint ... role: member org: ...", helpEn: "record the position first: appoint ... role: member org: ...")
        }
    }
}
