import CosoCore

/// A member's history is the truth of their place on the roll: each event (admission, ceremony,
/// confirmation, suspension, transfer, death...) is judged at its own date against the state the
/// events before it left, whenever it was entered (history backfilled years later included), and
/// the member's status, cell and dates are what the events say (`settle`).
public enum MemberTimeline {
    struct Event {
        let id: Int64
        let kind: String
        let happened: LocalDate
        let status: String?
        let org: Int64?
    }

    /// A member's events in the order they happened (same day: the order they were entered).
    static func events(_ member: Int64, _ tx: WriteTransaction) throws -> [Event] {
        try tx.rows("SELECT id, kind, happened, status, org_id FROM member_events WHERE member_id = ? ORDER BY happened, id", [.int(member)])
            .compactMap { r in
                guard let id = r[0].intValue, let kind = r[1].textValue, let happened = r[2].dateValue else { return nil }
                return Event(id: id, kind: kind, happened: happened, status: r[3].textValue, org: r[4].intValue)
            }
    }

    /// The status the events give at the end of `date` (nil: not yet on the roll by then).
    static func status(at date: LocalDate, _ events: [Event]) -> String? {
        events.last { $0.happened <= date && $0.status != nil }?.status
    }

    /// The cell a member belonged to on `date`, as their history says (their cell on the roll
    /// when it says nothing by then).
    public static func cell(of member: Int64, on date: LocalDate, _ tx: WriteTransaction) throws -> Int64? {
        if let org = try events(member, tx).last(where: { $0.happened <= date && $0.org != nil })?.org { return org }
        return try tx.record(Members.entity, id: member)?[Members.org].intValue
    }

    /// The status a member had on `date` (their status on the roll when their history is empty).
    public static func status(of member: Int64, on date: LocalDate, _ tx: WriteTransaction) throws -> String? {
        let events = try events(member, tx)
        if events.isEmpty { return try tx.record(Members.entity, id: member)?[Members.status].textValue }
        return status(at: date, events)
    }

    /// Ends every position a member holds on `date` (they left the roll, or were removed from post).
    public static func endPositions(of member: Int64, on date: LocalDate, _ tx: WriteTransaction) throws {
        for row in try tx.rows("SELECT id FROM positions WHERE member_id = ? AND (ended IS NULL OR ended > ?) AND started <= ?",
                               [.int(member), .date(date), .date(date)]) {
            if let id = row.first?.intValue { try tx.update(Positions.entity, id: id, [Positions.ended: .date(date)]) }
        }
    }

    /// Statuses that end a member's history: nothing can follow them.
    static let final: Set<String> = ["deceased", "expelled", "removed", "withdrew"]

    /// The statuses each kind of event needs just before it; nil for one that opens a history.
    static func needs(_ e: Event) -> Set<String>? {
        switch e.kind {
        case "admitted": return nil
        case "transfer_in": return e.status == nil ? MemberEnums.onRoll : ["transferred_out"]
        case "transfer_out": return e.status == nil ? MemberEnums.onRoll : ["probationary", "official"]
        case "confirmed", "ceremony": return ["probationary"]
        case "suspended": return ["probationary", "official"]
        case "reinstated": return ["suspended"]
        case "exempted": return ["official"]
        case "card_issued": return ["official", "exempted", "suspended"]
        default: return MemberEnums.onRoll
        }
    }

    /// The date probation counts from (R5, Charter art. 5): the admission ceremony when it is
    /// recorded, else the decision.
    static func probationStart(_ events: [Event]) -> LocalDate? {
        events.first { $0.kind == "ceremony" }?.happened ?? events.first { $0.kind == "admitted" }?.happened
    }

    /// The first event the history cannot hold, as a refusal naming it.
    static func problem(_ events: [Event]) -> RuleViolation? {
        var state: String?
        var opened = false
        for e in events {
            let kind = MemberRecords.eventKind.find(e.kind)?.label.vi ?? e.kind
            let kindEn = MemberRecords.eventKind.find(e.kind)?.label.en ?? e.kind
            if let state, final.contains(state) {
                return RuleViolation("E1152", vi: "không có sự kiện nào sau khi đảng viên ra khỏi danh sách (\(statusLabel(state).vi)): \(kind) ngày \(e.happened.dmy)",
                                     en: "nothing follows the end of a member's history (\(statusLabel(state).en)): \(kindEn) on \(e.happened.iso)",
                                     argument: "on", helpVi: "kiểm tra ngày của sự kiện", helpEn: "check the event's date")
            }
            let opens = e.kind == "admitted" || (e.kind == "transfer_in" && e.status != nil)
            if !opened, opens {
                // A history opens with the admission, or with a transfer in from outside the register.
            } else if let needed = needs(e) {
                guard opened else {
                    return RuleViolation("E1153", vi: "\(kind) ngày \(e.happened.dmy) trước khi vào Đảng", en: "\(kindEn) on \(e.happened.iso) precedes the admission",
                                         argument: "on", helpVi: "mọi sự kiện của đảng viên đều từ ngày vào Đảng trở đi",
                                         helpEn: "a member's events all come on or after the admission")
                }
                if let state, !needed.contains(state) {
                    return RuleViolation("E1154", vi: "\(kind) ngày \(e.happened.dmy) không hợp với tình trạng lúc đó: \(statusLabel(state).vi)",
                                         en: "\(kindEn) on \(e.happened.iso) does not fit the status then: \(statusLabel(state).en)", argument: "on",
                                         helpVi: "xem quá trình: member_events | where member == ... | sort happened",
                                         helpEn: "see the history: member_events | where member == ... | sort happened")
                }
            } else if opened {
                return RuleViolation("E1153", vi: "đã có sự kiện trước ngày vào Đảng \(e.happened.dmy)", en: "an event precedes the admission on \(e.happened.iso)",
                                     argument: "on", helpVi: "mọi sự kiện của đảng viên đều từ ngày vào Đảng trở đi",
                                     helpEn: "a member's events all come on or after the admission")
            }
            if e.kind == "confirmed", let start = probationStart(events.filter { $0.happened <= e.happened }) {
                let due = start.adding(months: MemberRules.probationMonths)
                if e.happened < due {
                    return RuleViolation("E1105", vi: "chưa đủ 12 tháng dự bị kể từ \(start.dmy): sớm nhất từ \(due.dmy) (quy định R5)",
                                         en: "probation is not yet 12 months from \(start.iso): from \(due.iso) at the earliest (rule R5)", argument: "on")
                }
            }
            opened = true
            if let s = e.status { state = s }
        }
        return nil
    }

    static func statusLabel(_ status: String) -> Label {
        MemberEnums.memberStatus.find(status)?.label ?? Label(vi: status, en: status)
    }

    /// After a member's events changed: the history must hold (else the change is refused, with
    /// `argument` naming the command's date), and the member's status, cell, admission,
    /// confirmation, exemption and end are made what the events say.
    public static func settle(_ member: Int64, _ tx: WriteTransaction) throws {
        let events = try events(member, tx)
        if let problem = problem(events) { throw problem }
        guard !events.isEmpty else { return }
        var values: [Field: Value] = [:]
        if let status = events.last(where: { $0.status != nil })?.status { values[Members.status] = .text(status) }
        if let org = events.last(where: { $0.org != nil })?.org { values[Members.org] = .int(org) }
        if let admitted = events.first(where: { $0.kind == "admitted" }) { values[Members.admitted] = .date(admitted.happened) }
        let status = values[Members.status]?.textValue
        if let confirmed = events.last(where: { $0.kind == "confirmed" }) {
            values[Members.confirmed] = .date(confirmed.happened)
        } else if status == "probationary" {
            // Not yet a full member: no confirmation, and no party card (R23).
            values[Members.confirmed] = .null
            values[Members.cardNo] = .null
        }
        if status == "exempted", let exempted = events.last(where: { $0.kind == "exempted" }) {
            values[Members.exempted] = .date(exempted.happened)
        } else if !events.contains(where: { $0.kind == "exempted" }) {
            values[Members.exempted] = .null
            values[Members.exemptionReason] = .null
        }
        // The day the member left the roll: their history's end, or a transfer out not yet received.
        if let status, final.contains(status) || status == "transferred_out", let last = events.last(where: { $0.status == status }) {
            values[Members.ended] = .date(last.happened)
            // Off the roll: off every position they held (D117 no longer arises from a command).
            try endPositions(of: member, on: last.happened, tx)
        } else {
            values[Members.ended] = .null
            values[Members.removalReason] = .null
        }
        try tx.update(Members.entity, id: member, values)
    }
}
