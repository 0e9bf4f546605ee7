import CosoCore

/// The figures of the member rules, in one place (DOMAIN.md §3).
enum MemberRules {
    /// R1: 24-QĐ/TW 1.1, unchanged by 294-QĐ/TW.
    static let minimumAdmissionAge = 18
    static let maximumAdmissionAge = 60
    /// R5: Charter art. 5.
    static let probationMonths = 12

    /// A national ID (CCCD) has 12 digits and belongs to one member only.
    static func checkNationalID(_ nid: String, _ tx: WriteTransaction) throws {
        guard nid.count == 12, nid.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw RuleViolation("E0312", vi: "số CCCD phải gồm đúng 12 chữ số", en: "a national ID has exactly 12 digits",
                                argument: "national_id")
        }
        let existing = try tx.ids("members", where: "national_id", equals: .text(nid))
        if let other = existing.first {
            throw RuleViolation("E0313", vi: "số CCCD này đã có trong danh sách (đảng viên mã \(other))",
                                en: "this national ID is already on the roll (member id \(other))", argument: "national_id")
        }
    }

    /// Runs `body` for each member the command acts on (its pipeline input, or its `member`
    /// argument), refusing the whole command if one has a status outside `allowed`. The refusal
    /// names the member's id when the members came from a pipeline. Returns how many there were.
    static func eachSubject(_ call: CommandCall, _ tx: WriteTransaction, allowed: Set<String>,
                            refusal: (code: String, vi: String, en: String),
                            _ body: (Int64, [String: Value]) throws -> Void) throws -> Int {
        let subjects = CommonChecks.subjects(call, "member")
        for id in subjects {
            guard let m = try tx.record("members", id: id) else { continue }
            guard let status = m["status"]?.textValue, allowed.contains(status) else {
                let which = call.input == nil ? "" : " (mã \(id))"
                let whichEn = call.input == nil ? "" : " (id \(id))"
                throw RuleViolation(refusal.code, vi: refusal.vi + which, en: refusal.en + whichEn,
                                    argument: call.input == nil ? "member" : nil)
            }
            try body(id, m)
        }
        return subjects.count
    }
}
