import CosoCore

/// Rules about organisations that other modules' commands apply too (the members module checks
/// that a member goes only into a live cell).
public enum OrgRules {
    /// The organisation exists and has not ended by `date`.
    public static func requireLive(_ id: Int64, _ tx: WriteTransaction, argument: String, on date: LocalDate) throws {
        guard let org = try tx.record(Orgs.entity, id: id) else {
            throw RuleViolation("E0301", vi: "không có tổ chức mã \(id)", en: "no organisation with id \(id)", argument: argument)
        }
        if let ended = org[Orgs.dissolved].dateValue, ended <= date {
            throw RuleViolation("E1003", vi: "tổ chức này đã kết thúc từ \(ended.dmy)", en: "this organisation ended on \(ended.iso)",
                                argument: argument, helpVi: "chọn một tổ chức đang hoạt động", helpEn: "choose an organisation that still exists")
        }
    }

    /// The organisation holds members directly (a cell or party group), not a committee above cells.
    public static func requireCell(_ id: Int64, _ tx: WriteTransaction, argument: String) throws {
        guard let kind = try tx.record(Orgs.entity, id: id)?[Orgs.kind].textValue, OrgEnums.cellKinds.contains(kind) else {
            throw RuleViolation("E1004", vi: "đảng viên sinh hoạt ở chi bộ; tổ chức này không phải chi bộ",
                                en: "members belong to cells; this organisation is not a cell", argument: argument,
                                helpVi: "chọn chi bộ: orgs | where kind in [village_cell, subordinate_cell, grassroots_cell]",
                                helpEn: "choose a cell: orgs | where kind in [village_cell, subordinate_cell, grassroots_cell]")
        }
    }
}

/// The shape of the tree and who decides over what (Charter art. 21-25; 294-QĐ/TW from 1/7/2025).
extension OrgRules {
    /// The kinds each kind of organisation holds directly: cells hold only party groups, a commune
    /// committee is never under a cell, a district or province holds grassroots organisations.
    public static let children: [String: Set<String>] = [
        "provincial_committee": ["district_committee", "commune_committee", "grassroots_committee", "grassroots_cell"],
        "district_committee": ["commune_committee", "grassroots_committee", "grassroots_cell"],
        "commune_committee": ["sub_committee", "village_cell", "subordinate_cell", "party_group"],
        "grassroots_committee": ["sub_committee", "village_cell", "subordinate_cell", "party_group"],
        "sub_committee": ["village_cell", "subordinate_cell", "party_group"],
        "grassroots_cell": ["party_group"], "village_cell": ["party_group"], "subordinate_cell": ["party_group"],
        "party_group": [],
    ]

    static func kindLabel(_ kind: String) -> Label { OrgEnums.kind.find(kind)?.label ?? Label(vi: kind, en: kind) }

    /// An organisation of `kind` may be placed under `parent` on `date`: the parent's kind holds it,
    /// and from 1/7/2025 nothing new goes under a district committee.
    public static func requirePlace(kind: String, under parent: Int64?, on date: LocalDate, _ tx: WriteTransaction, argument: String) throws {
        guard let parent, let parentKind = try tx.record(Orgs.entity, id: parent)?[Orgs.kind].textValue else { return }
        guard children[parentKind]?.contains(kind) ?? true else {
            throw RuleViolation("E1007", vi: "\(kindLabel(kind).vi) không đặt dưới \(kindLabel(parentKind).vi.lowercased())",
                                en: "a \(kindLabel(kind).en) does not go under a \(kindLabel(parentKind).en)", argument: argument,
                                helpVi: "\(kindLabel(parentKind).vi) gồm: " + (children[parentKind] ?? []).sorted().map { kindLabel($0).vi.lowercased() }.joined(separator: ", "),
                                helpEn: "a \(kindLabel(parentKind).en) holds: " + (children[parentKind] ?? []).sorted().map { kindLabel($0).en }.joined(separator: ", "))
        }
        if parentKind == "district_committee", date >= OrgChecks.noDistrictLevelFrom {
            throw RuleViolation("E1008", vi: "từ 01/7/2025 (294-QĐ/TW) không còn cấp huyện: không đặt tổ chức dưới đảng bộ huyện",
                                en: "from 1/7/2025 (294-QĐ/TW) there is no district level: nothing goes under a district committee", argument: argument,
                                helpVi: "đặt dưới đảng bộ tỉnh; ghi ngày trước 01/7/2025 nếu nhập dữ liệu cũ",
                                helpEn: "place it under the provincial committee; give a date before 1/7/2025 when entering history")
        }
    }

    /// `decider` may decide on `subject` (an organisation, or a member's cell) on `date`: it was
    /// live then, it is the subject or above it (strictly above for an organisation disciplined),
    /// and from 1/7/2025 it is no district committee.
    public static func requireAuthority(_ decider: Int64, over subject: Int64, on date: LocalDate, strictlyAbove: Bool = false,
                                        _ tx: WriteTransaction, argument: String = "by") throws {
        try requireLive(decider, tx, argument: argument, on: date)
        if try tx.record(Orgs.entity, id: decider)?[Orgs.kind].textValue == "district_committee", date >= OrgChecks.noDistrictLevelFrom {
            throw RuleViolation("E1010", vi: "từ 01/7/2025 (294-QĐ/TW) không còn cấp huyện: đảng bộ huyện không quyết định",
                                en: "from 1/7/2025 (294-QĐ/TW) there is no district level: a district committee decides nothing", argument: argument,
                                helpVi: "quyết định thuộc đảng ủy xã hoặc cấp tỉnh", helpEn: "the commune or the provincial committee decides")
        }
        let above = try tx.rows("""
            WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL SELECT o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.id
                                             WHERE o.parent_id IS NOT NULL AND up.depth < 64)
            SELECT id FROM up WHERE depth >= ?
            """, [.int(subject), .int(strictlyAbove ? 1 : 0)]).compactMap { $0.first?.intValue }
        guard above.contains(decider) else {
            throw RuleViolation("E1009", vi: "tổ chức này không có thẩm quyền: đối tượng không thuộc tổ chức này\(strictlyAbove ? " hay cấp dưới của nó" : "")",
                                en: "this organisation has no authority here: the subject is not within it", argument: argument,
                                helpVi: "cấp quyết định là tổ chức của đối tượng hoặc cấp trên của nó",
                                helpEn: "the decision belongs to the subject's organisation or one above it")
        }
    }
}
