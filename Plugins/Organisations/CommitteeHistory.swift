import CosoCore

/// Whether an organisation has a committee follows from its recorded committee terms (`term`),
/// dated: the latest term begun by a date says whether the congress elected a committee, so that
/// T10 at a date counts the cells that had one then (`orgs asof D`). The flag on the organisation
/// is the state today; with no term recorded it stays as given when the organisation was added.
public enum CommitteeHistory {
    public static func settle(_ org: Int64, _ tx: WriteTransaction) throws {
        let terms = try tx.rows("SELECT committee, started FROM committee_terms WHERE org_id = ? ORDER BY started DESC, id DESC", [.int(org)])
        guard !terms.isEmpty else {
            // Every term voided: back to the flag given when the organisation was added, as its
            // audit entry keeps it (none for an organisation loaded in bulk: no committee).
            let added = try tx.scalar("SELECT json_extract(after, '$.has_committee') FROM audit_changes WHERE entity = 'orgs' AND row_id = ? AND op = 'insert'",
                                      [.int(org)])
            try tx.update(Orgs.entity, id: org, [Orgs.hasCommittee: .bool(added == .int(1) || added == .bool(true))])
            return
        }
        let today = tx.today
        let current = terms.first { ($0[1].dateValue ?? today) <= today }
        try tx.update(Orgs.entity, id: org, [Orgs.hasCommittee: .bool(current?[0] == .bool(true) || current?[0] == .int(1))])
    }

    /// Whether `org` had a committee on `date`, as `orgs asof` says.
    public static func hasCommittee(_ org: Int64, on date: LocalDate, _ tx: WriteTransaction) throws -> Bool {
        let terms = try tx.rows("SELECT committee, started FROM committee_terms WHERE org_id = ? ORDER BY started DESC, id DESC", [.int(org)])
        guard !terms.isEmpty else {
            let flag = try tx.record(Orgs.entity, id: org)?[Orgs.hasCommittee]
            return flag == .bool(true) || flag == .int(1)
        }
        guard let current = terms.first(where: { ($0[1].dateValue ?? date) <= date }) else { return false }
        return current[0] == .bool(true) || current[0] == .int(1)
    }
}
