import CosoCore

/// Writes `CountryBatch`es through prepared inserts bound by position (`BulkInsert`), inside the
/// demo's one bulk-audited transaction. A batch is made ready for writing (`encode`) on the
/// generating thread, so that the writing thread, which SQLite keeps busy, only binds and steps.
final class CountryWriter {
    /// The tables written, in this order (each refers to those before it), and their columns.
    static let tables: [(entity: String, columns: [String])] = [
        ("orgs", ["id", "name", "name_folded", "name_sort", "kind", "sector", "parent_id", "unit_code", "founded", "has_committee",
                  "authorised_to_admit"]),
        ("members", ["id", "name", "name_folded", "name_sort", "gender", "born", "ethnicity", "religion", "national_id", "card_no",
                     "occupation", "education", "qualification", "theory", "status", "org_id", "admitted", "confirmed", "exempted",
                     "exemption_reason", "work_status"]),
        ("member_events", ["member_id", "kind", "happened", "org_id", "status", "note"]),
        ("ratings", ["member_id", "year", "level", "rulebook"]),
        ("org_ratings", ["org_id", "year", "level", "rulebook"]),
        ("inspection_plans", ["org_id", "year", "adopted"]),
        ("villages", ["name", "name_folded", "name_sort", "kind", "commune_id", "cell_id", "head_is_member", "front_head_is_member"]),
        ("positions", ["member_id", "org_id", "role", "elected", "started", "unit_head"]),
    ]

    private let inserts: [BulkInsert]

    init(_ tx: BulkLoad) throws {
        inserts = try CountryWriter.tables.map { try tx.prepared($0.entity, columns: $0.columns) }
    }

    /// The entities the writer fills (whose indexes are built once at the end: keeping live those
    /// whose keys arrive in order, the history by member, members by cell and by card number,
    /// cost the country 11 s more writing for 10 s less building).
    static let entities = tables.map(\.entity)
    /// Indexes left in place while the writer loads: the demo gives no member a file number, so
    /// the partial index of file numbers stays empty (building it scanned 5.5 million members).
    static let liveIndexes: Set<String> = ["members_file_no"]

    /// Writes a batch table by table, each table's rows all in before the next's (they reference
    /// those before them: see `BulkInsert.writeBound`).
    func write(_ batch: [BulkRows]) throws {
        for (insert, rows) in zip(inserts, batch) { try insert.write(rows) }
    }

    /// A batch's rows in the columns of `tables`, table by table (in the order of `tables`, each
    /// table's values in the order of its columns).
    static func encode(_ batch: CountryBatch) -> [BulkRows] {
        func rows(_ entity: String) -> BulkRows { BulkRows(width: tables.first { $0.entity == entity }!.columns.count) }
        var orgs = rows("orgs"), members = rows("members"), events = rows("member_events"), ratings = rows("ratings")
        var orgRatings = rows("org_ratings"), plans = rows("inspection_plans"), villages = rows("villages"), positions = rows("positions")
        orgs.reserveCapacity(rows: batch.orgs.count, textBytes: batch.orgs.count * 160)
        for o in batch.orgs {
            orgs.append(o.id); orgs.append(o.name); orgs.append(o.forms.folded); orgs.append(o.forms.sort)
            orgs.append(o.kind); orgs.append(o.sector); orgs.append(o.parent); orgs.append(o.unitCode)
            orgs.append(o.founded); orgs.append(o.hasCommittee); orgs.append(o.authorisedToAdmit)
        }
        members.reserveCapacity(rows: batch.members.count, textBytes: batch.members.count * 200)
        for m in batch.members {
            members.append(m.id); members.append(m.name); members.append(m.forms.folded); members.append(m.forms.sort)
            members.append(m.female ? "female" : "male"); members.append(m.born); members.append(m.ethnicity); members.append(m.religion)
            members.append(m.nationalID); members.append(m.cardNo); members.append(m.occupation); members.append(m.education)
            members.append(m.qualification); members.append(m.theory); members.append(m.status); members.append(m.org)
            members.append(m.admitted); members.append(m.confirmed); members.append(m.exempted)
            members.append(m.exempted == nil ? nil : "old_age"); members.append(m.workStatus)
        }
        events.reserveCapacity(rows: batch.events.count, textBytes: batch.events.count * 40)
        for e in batch.events {
            events.append(e.member); events.append(e.kind); events.append(e.happened); events.append(e.org)
            events.append(e.status); events.append(e.note)
        }
        ratings.reserveCapacity(rows: batch.ratings.count, textBytes: batch.ratings.count * 20)
        for r in batch.ratings {
            ratings.append(r.member); ratings.append(r.year); ratings.append(r.level); ratings.append("132-QĐ/TW")
        }
        for r in batch.orgRatings {
            orgRatings.append(r.org); orgRatings.append(r.year); orgRatings.append(r.level); orgRatings.append("132-QĐ/TW")
        }
        for p in batch.plans {
            plans.append(p.org); plans.append(p.year); plans.append(p.adopted)
        }
        for v in batch.villages {
            villages.append(v.name); villages.append(v.forms.folded); villages.append(v.forms.sort); villages.append(v.kind)
            villages.append(v.commune); villages.append(v.cell); villages.append(v.headIsMember); villages.append(v.frontHeadIsMember)
        }
        for p in batch.positions {
            positions.append(p.member); positions.append(p.org); positions.append(p.role); positions.append(true)
            positions.append(p.started); positions.append(p.unitHead)
        }
        // By name, so that the order of `tables` alone decides the order written.
        let byEntity = ["orgs": orgs, "members": members, "member_events": events, "ratings": ratings, "org_ratings": orgRatings,
                        "inspection_plans": plans, "villages": villages, "positions": positions]
        return tables.map { byEntity[$0.entity]! }
    }
}
