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
            throw RuleViolation("E1003", vi: "tổ chức này đã kết thúc từ \(ended.iso)", en: "this organisation ended on \(ended.iso)",
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
