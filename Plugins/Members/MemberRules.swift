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
}
