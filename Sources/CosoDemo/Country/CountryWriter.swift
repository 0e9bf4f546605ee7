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

    init(_ tx: WriteTransaction) throws {
        inserts = try CountryWriter.tables.map { try tx.bulkInsert($0.entity, columns: $0.columns) }
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

    /// A batch's rows in the columns of `tables`, table by table.
    static func encode(_ batch: CountryBatch) -> [BulkRows] {
        var rows = tables.map { BulkRows(width: $0.columns.count) }
        rows[0].reserveCapacity(rows: batch.orgs.count, textBytes: batch.orgs.count * 160)
        for o in batch.orgs {
            rows[0].append(o.id); rows[0].append(o.name); rows[0].append(o.forms.folded); rows[0].append(o.forms.sort)
            rows[0].append(o.kind); rows[0].append(o.sector); rows[0].append(o.parent); rows[0].append(o.unitCode)
            rows[0].append(o.founded); rows[0].append(o.hasCommittee); rows[0].append(o.authorisedToAdmit)
        }
        rows[1].reserveCapacity(rows: batch.members.count, textBytes: batch.members.count * 200)
        for m in batch.members {
            rows[1].append(m.id); rows[1].append(m.name); rows[1].append(m.forms.folded); rows[1].append(m.forms.sort)
            rows[1].append(m.female ? "female" : "male"); rows[1].append(m.born); rows[1].append(m.ethnicity); rows[1].append(m.religion)
            rows[1].append(m.nationalID); rows[1].append(m.cardNo); rows[1].append(m.occupation); rows[1].append(m.education)
            rows[1].append(m.qualification); rows[1].append(m.theory); rows[1].append(m.status); rows[1].append(m.org)
            rows[1].append(m.admitted); rows[1].append(m.confirmed); rows[1].append(m.exempted)
            rows[1].append(m.exempted == nil ? nil : "old_age"); rows[1].append(m.workStatus)
        }
        rows[2].reserveCapacity(rows: batch.events.count, textBytes: batch.events.count * 40)
        for e in batch.events {
            rows[2].append(e.member); rows[2].append(e.kind); rows[2].append(e.happened); rows[2].append(e.org)
            rows[2].append(e.status); rows[2].append(e.note)
        }
        rows[3].reserveCapacity(rows: batch.ratings.count, textBytes: batch.ratings.count * 20)
        for r in batch.ratings {
            rows[3].append(r.member); rows[3].append(r.year); rows[3].append(r.level); rows[3].append("132-QĐ/TW")
        }
        for r in batch.orgRatings {
            rows[4].append(r.org); rows[4].append(r.year); rows[4].append(r.level); rows[4].append("132-QĐ/TW")
        }
        for p in batch.plans {
            rows[5].append(p.org); rows[5].append(p.year); rows[5].append(p.adopted)
        }
        for v in batch.villages {
            rows[6].append(v.name); rows[6].append(v.forms.folded); rows[6].append(v.forms.sort); rows[6].append(v.kind)
            rows[6].append(v.commune); rows[6].append(v.cell); rows[6].append(v.headIsMember); rows[6].append(v.frontHeadIsMember)
        }
        for p in batch.positions {
            rows[7].append(p.member); rows[7].append(p.org); rows[7].append(p.role); rows[7].append(true)
            rows[7].append(p.started); rows[7].append(p.unitHead)
        }
        return rows
    }
}
