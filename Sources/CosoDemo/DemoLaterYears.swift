import CosoCore

/// The demo district carried past its plan's date, year by year (`coso demo district --through
/// 2026`): each year's admissions (about 3.6% of the roll), the confirmation of the year-old
/// probationary members, the residence cells' comments and the cadres' commitments, inspection
/// programmes, and the year-end ratings of members and organisations. It reads what the register
/// holds when it runs, so the years after the reorganisation of 1/7/2025 follow the new structure.
/// Nothing is dated after `until` (today).
public struct DemoLaterYears {
    public let seed: UInt64
    public let years: ClosedRange<Int>
    public let until: LocalDate

    public init(seed: UInt64 = 1, years: ClosedRange<Int>, until: LocalDate) {
        self.seed = seed; self.years = years; self.until = until
    }

    /// Adds the years' records in one load; returns how many members were admitted.
    public func build(into store: Store, user: String) throws -> Int {
        let origin = WriteOrigin(user: user, statement: "coso demo district --through \(years.upperBound) (\(years.lowerBound)-\(years.upperBound))",
                                 source: "demo")
        return try store.load(origin) { load in
            var builder = Builder(tx: load, random: SeededRandom(seed: seed &+ UInt64(years.lowerBound)))
            var admitted = 0
            for year in years { admitted += try builder.addYear(year, until: until) }
            return admitted
        }
    }
}

extension Builder {
    static let cellKinds = "'grassroots_cell', 'village_cell', 'subordinate_cell'"
    static let grassrootsKinds = "'commune_committee', 'grassroots_committee', 'grassroots_cell'"

    /// One year of the register's life after the plan's date; returns the admissions.
    mutating func addYear(_ year: Int, until: LocalDate) throws -> Int {
        let end = min(date(year, 12, 31), until)
        guard date(year, 1, 1) <= until else { return 0 }
        func live(_ kinds: String, on day: LocalDate) throws -> [Int64] {
            try tx.rowIDs("SELECT id FROM orgs WHERE kind IN (\(kinds)) AND (founded IS NULL OR founded <= ?) AND (dissolved IS NULL OR dissolved > ?) ORDER BY id",
                          [.date(day), .date(day)])
        }
        if nationalIDs.isEmpty {
            nationalIDs = Set(try tx.transaction.rows("SELECT national_id FROM members WHERE national_id IS NOT NULL", []).compactMap { $0[0].textValue })
            nextCard = Int(try tx.scalar("SELECT max(CAST(card_no AS INTEGER)) FROM members").intValue ?? 10_000_000) + 1
        }
        // Confirmations: twelve months after the admission ceremony (R5), for those still probationary.
        for row in try tx.transaction.rows("""
            SELECT m.id, coalesce((SELECT max(e.happened) FROM member_events e WHERE e.member_id = m.id AND e.kind = 'ceremony'), m.admitted)
            FROM members m WHERE m.status = 'probationary' AND m.admitted IS NOT NULL ORDER BY m.id
            """, []) {
            guard let id = row[0].intValue, let start = row[1].dateValue else { continue }
            let confirmed = start.adding(months: 12)
            guard confirmed <= end, confirmed.year == year else { continue }
            try tx.update("members", id: id, ["status": .text("official"), "confirmed": .date(confirmed), "card_no": .text(String(nextCard))])
            nextCard += 1 + random.int(0...40)
            try event(id, "confirmed", confirmed, status: "official")
        }
        // Admissions: about 3.6% of the members on the roll at the start of the year, into live cells.
        let onRoll = try tx.scalar("SELECT count(*) FROM members WHERE admitted < ? AND (ended IS NULL OR ended >= ?)",
                                   [.date(date(year, 1, 1)), .date(date(year, 1, 1))]).intValue ?? 0
        let cells = try live(Builder.cellKinds, on: end)
        let lastDay = end < date(year, 12, 31) ? end : date(year, 12, 20)
        var admissions = 0
        let share = 0.036 * Double(lastDay.month) / 12
        let count = Int((Double(onRoll) * share).rounded())
        for _ in 0..<count {
            guard let cell = cells.randomElement(using: &random) else { break }
            let kho = random.chance(0.2), female = random.chance(kho ? 0.4 : 0.45)
            let on = min(date(year, random.int(1...lastDay.month), random.int(1...28)), lastDay)
            let age = random.int(20...38)
            let born = date(year - age, random.int(1...12), random.int(1...28))
            let (occupation, education, qualification, theory) = background(.village(khoShare: kho ? 1 : 0), age: age, kho: kho)
            let id = try tx.insert("members", [
                "name": .text(kho ? names.kho(female: female, &random) : names.kinh(female: female, &random)),
                "gender": .text(female ? "female" : "male"), "born": .date(born), "org": .int(cell), "admitted": .date(on),
                "status": .text("probationary"), "ethnicity": .text(kho ? "co_ho" : ethnicityOfKinhArea()), "religion": .text(religion(kho: kho)),
                "national_id": .text(nationalID(born: born, female: female)), "occupation": .text(occupation), "education": .text(education),
                "qualification": .text(qualification), "theory": .text(theory), "work_status": .text(MemberTraits.workStatus(occupation: occupation)),
            ])
            try event(id, "admitted", on, org: .some(cell), status: "probationary")
            // The ceremony within 30 working days (R4), if it has come.
            let ceremony = on.adding(days: random.int(7...28))
            if ceremony <= until { try event(id, "ceremony", ceremony) }
            admissions += 1
        }
        // Inspection programmes in January: every grassroots organisation, most cells under a grassroots committee.
        let programmes = try live(Builder.grassrootsKinds, on: date(year, 1, 31)) + tx.rowIDs("""
            SELECT o.id FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE o.kind IN ('village_cell', 'subordinate_cell')
            AND p.kind IN ('commune_committee', 'grassroots_committee') AND (o.dissolved IS NULL OR o.dissolved > ?) ORDER BY o.id
            """, [.date(date(year, 1, 31))]).filter { _ in random.chance(0.9) }
        for org in programmes where date(year, 1, 31) <= until {
            try tx.insert("inspection_plans", ["org": .int(org), "year": .int(Int64(year)), "adopted": .date(date(year, 1, random.int(5...28)))])
        }
        // Admission plans (T18): 4% of each grassroots organisation's members.
        for org in try live(Builder.grassrootsKinds, on: date(year, 1, 31)) where date(year, 1, 31) <= until {
            let size = try tx.scalar("""
                SELECT count(*) FROM members m JOIN orgs o ON o.id = m.org_id WHERE (o.id = ? OR o.parent_id = ?) AND m.status IN ('probationary', 'official', 'exempted', 'suspended')
                """, [.int(org), .int(org)]).intValue ?? 0
            try tx.insert("admission_plans", ["org": .int(org), "year": .int(Int64(year)), "planned": .int(Int64(max(1, (Double(size) * 0.04).rounded())))])
        }
        // Comments of the residence cell and the three commitments, for working members with a residence cell.
        if date(year, 12, 1) <= until {
            for row in try tx.transaction.rows("""
                SELECT id, residence_cell_id, work_status FROM members WHERE residence_cell_id IS NOT NULL AND status IN ('probationary', 'official')
                AND work_status IN ('civil_servant', 'public_employee', 'enterprise', 'armed_forces') ORDER BY id
                """, []) {
                guard let id = row[0].intValue, let home = row[1].intValue else { continue }
                if random.chance(0.85) {
                    try tx.insert("residence_comments", ["member": .int(id), "year": .int(Int64(year)), "cell": .int(home), "favourable": .bool(true)])
                }
                guard row[2].textValue != "enterprise" else { continue }
                for kind in ["ct05", "anti_degradation", "exemplary"] where random.chance(0.96) {
                    try tx.insert("commitments", ["member": .int(id), "year": .int(Int64(year)), "kind": .text(kind)])
                }
            }
        }
        // The quarterly rating pilot (T14, from Q1/2023): the members of one commune's village cells, each quarter ended.
        if let pilot = try live("'commune_committee'", on: end).first {
            let members = try tx.rowIDs("""
                SELECT m.id FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.parent_id = ? AND o.kind = 'village_cell'
                AND m.status IN ('probationary', 'official') ORDER BY m.id
                """, [.int(pilot)])
            for quarter in 1...4 where date(year, quarter * 3, 28) <= until {
                for id in members {
                    try tx.insert("quarter_ratings", ["member": .int(id), "year": .int(Int64(year)), "quarter": .int(Int64(quarter)),
                                                      "level": .text(random.weighted(MemberTraits.memberRating))])
                }
            }
        }
        // Year-end ratings (December): members on the roll since October and not exempt, and organisations.
        if date(year, 12, 1) <= until {
            for id in try tx.rowIDs("""
                SELECT id FROM members WHERE admitted < ? AND status IN ('probationary', 'official') ORDER BY id
                """, [.date(date(year, 10, 1))]) {
                try tx.insert("ratings", ["member": .int(id), "year": .int(Int64(year)), "level": .text(random.weighted(MemberTraits.memberRating)),
                                          "rulebook": .text("132-QĐ/TW")])
            }
            for org in try live(Builder.grassrootsKinds + ", 'village_cell'", on: date(year, 12, 31)) {
                try tx.insert("org_ratings", ["org": .int(org), "year": .int(Int64(year)), "level": .text(random.weighted(MemberTraits.orgRating)),
                                              "rulebook": .text("132-QĐ/TW")])
            }
        }
        return admissions
    }
}
