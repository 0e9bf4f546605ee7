import CosoCore

/// Whether an organisation has a committee follows from its recorded committee terms (`term`),
/// dated: the latest term begun by a date says whether the congress elected a committee, so that
/// T10 at a date counts the cells that had one then (`orgs asof D`). The flag on the organisation
/// is the state today; with no term recorded it stays as given when the organisation was added.
public enum CommitteeHistory {
    /// The organisation's terms, latest first: whether each elected a committee, and from when.
    static func terms(_ org: Int64, _ tx: WriteTransaction) throws -> [(committee: Bool, started: LocalDate?)] {
        try tx.rows("SELECT committee, started FROM committee_terms WHERE org_id = ? ORDER BY started DESC, id DESC", [.int(org)])
            .map { ($0[0].isTrue, $0[1].dateValue) }
    }

    /// Whether a committee sat on `date` by these terms (none begun by then: no).
    static func committee(_ terms: [(committee: Bool, started: LocalDate?)], on date: LocalDate) -> Bool {
        terms.first { ($0.started ?? date) <= date }?.committee ?? false
    }

    /// Sets the organisation's flag to what its terms say today.
    public static func settle(_ org: Int64, _ tx: WriteTransaction) throws {
        let terms = try terms(org, tx)
        guard !terms.isEmpty else {
            // Every term voided: back to the flag given when the organisation was added, as its
            // audit entry keeps it (none for an organisation loaded in bulk: no committee).
            let added = try tx.scalar("SELECT json_extract(after, '$.has_committee') FROM audit_changes WHERE entity = 'orgs' AND row_id = ? AND op = 'insert'",
                                      [.int(org)])
            try tx.update(Orgs.entity, id: org, [Orgs.hasCommittee: .bool(added.isTrue)])
            return
        }
        try tx.update(Orgs.entity, id: org, [Orgs.hasCommittee: .bool(committee(terms, on: tx.today))])
    }

    /// Whether `org` had a committee on `date`, as `orgs asof` says.
    public static func hasCommittee(_ org: Int64, on date: LocalDate, _ tx: WriteTransaction) throws -> Bool {
        let terms = try terms(org, tx)
        guard !terms.isEmpty else { return try tx.record(Orgs.entity, id: org)?[Orgs.hasCommittee].isTrue ?? false }
        return committee(terms, on: date)
    }
}
