import CosoCore

/// Writes `CountryBatch`es through prepared inserts bound by position (`BulkInsert`), inside the
/// demo's one bulk-audited transaction.
final class CountryWriter {
    private let orgs, members, events, ratings, orgRatings, plans, villages, positions: BulkInsert

    init(_ tx: WriteTransaction) throws {
        orgs = try tx.bulkInsert("orgs", columns: ["id", "name", "name_folded", "name_sort", "kind", "sector", "parent_id", "unit_code",
                                                   "founded", "has_committee", "authorised_to_admit"])
        members = try tx.bulkInsert("members", columns: [
            "id", "name", "name_folded", "name_sort", "gender", "born", "ethnicity", "religion", "national_id", "card_no", "occupation",
            "education", "qualification", "theory", "status", "org_id", "admitted", "confirmed", "exempted", "exemption_reason", "work_status",
        ])
        events = try tx.bulkInsert("member_events", columns: ["member_id", "kind", "happened", "org_id", "status", "note"])
        ratings = try tx.bulkInsert("ratings", columns: ["member_id", "year", "level", "rulebook"])
        orgRatings = try tx.bulkInsert("org_ratings", columns: ["org_id", "year", "level", "rulebook"])
        plans = try tx.bulkInsert("inspection_plans", columns: ["org_id", "year", "adopted"])
        villages = try tx.bulkInsert("villages", columns: ["name", "name_folded", "name_sort", "kind", "commune_id", "cell_id",
                                                           "head_is_member", "front_head_is_member"])
        positions = try tx.bulkInsert("positions", columns: ["member_id", "org_id", "role", "elected", "started", "unit_head"])
    }

    /// The entities the writer fills (whose indexes are built once at the end: keeping live those
    /// whose keys arrive in order, the history by member, members by cell and by card number,
    /// cost the country 11 s more writing for 10 s less building).
    static let entities = ["orgs", "members", "member_events", "ratings", "org_ratings", "inspection_plans", "villages", "positions"]
    /// Indexes left in place while the writer loads: the demo gives no member a file number, so
    /// the partial index of file numbers stays empty (building it scanned 5.5 million members).
    static let liveIndexes: Set<String> = ["members_file_no"]

    /// Writes a batch table by table, each table's rows all in before the next's (they reference
    /// those before them: see `BulkInsert.writeBound`).
    func write(_ batch: CountryBatch) throws {
        for o in batch.orgs {
            orgs.bind(1, o.id); orgs.bind(2, o.name); orgs.bind(3, o.forms.folded); orgs.bind(4, o.forms.sort); orgs.bind(5, o.kind)
            orgs.bind(6, o.sector); orgs.bind(7, o.parent); orgs.bind(8, o.unitCode); orgs.bind(9, o.founded)
            orgs.bind(10, o.hasCommittee); orgs.bind(11, o.authorisedToAdmit)
            try orgs.step()
        }
        try orgs.writeBound()
        for m in batch.members {
            members.bind(1, m.id); members.bind(2, m.name); members.bind(3, m.forms.folded); members.bind(4, m.forms.sort)
            members.bind(5, m.female ? "female" : "male"); members.bind(6, m.born); members.bind(7, m.ethnicity); members.bind(8, m.religion)
            members.bind(9, m.nationalID); members.bind(10, m.cardNo); members.bind(11, m.occupation); members.bind(12, m.education)
            members.bind(13, m.qualification); members.bind(14, m.theory); members.bind(15, m.status); members.bind(16, m.org)
            members.bind(17, m.admitted); members.bind(18, m.confirmed); members.bind(19, m.exempted)
            members.bind(20, m.exempted == nil ? nil : "old_age"); members.bind(21, m.workStatus)
            try members.step()
        }
        try members.writeBound()
        for e in batch.events {
            events.bind(1, e.member); events.bind(2, e.kind); events.bind(3, e.happened); events.bind(4, e.org)
            events.bind(5, e.status); events.bind(6, e.note)
            try events.step()
        }
        try events.writeBound()
        for r in batch.ratings {
            ratings.bind(1, r.member); ratings.bind(2, r.year); ratings.bind(3, r.level); ratings.bind(4, "132-QĐ/TW")
            try ratings.step()
        }
        try ratings.writeBound()
        for r in batch.orgRatings {
            orgRatings.bind(1, r.org); orgRatings.bind(2, r.year); orgRatings.bind(3, r.level); orgRatings.bind(4, "132-QĐ/TW")
            try orgRatings.step()
        }
        try orgRatings.writeBound()
        for p in batch.plans {
            plans.bind(1, p.org); plans.bind(2, p.year); plans.bind(3, p.adopted)
            try plans.step()
        }
        try plans.writeBound()
        for v in batch.villages {
            villages.bind(1, v.name); villages.bind(2, v.forms.folded); villages.bind(3, v.forms.sort); villages.bind(4, v.kind)
            villages.bind(5, v.commune); villages.bind(6, v.cell); villages.bind(7, v.headIsMember); villages.bind(8, v.frontHeadIsMember)
            try villages.step()
        }
        try villages.writeBound()
        for p in batch.positions {
            positions.bind(1, p.member); positions.bind(2, p.org); positions.bind(3, p.role); positions.bind(4, true)
            positions.bind(5, p.started); positions.bind(6, p.unitHead)
            try positions.step()
        }
        try positions.writeBound()
    }
}
