import CosoCore

/// The demo's records besides the roll, 2018 up to the plan's date: villages and their heads,
/// committee positions and terms, inspection programmes and inspections, disciplines, trainings,
/// study sessions, recognitions, creative models, meetings, residence comments, commitments,
/// candidates, bulletins, exemplars, and member and organisation ratings.
extension Builder {
    static let firstYear = 2018
    static let lastYear = 2022

    func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }

    /// One village or residential group per village cell (T9: every one has a cell), with the given
    /// numbers of heads and Front team heads who are not members (84 and 62 in Di Linh, fn3 of the plan).
    mutating func addVillages(headsNotMembers: Int, frontHeadsNotMembers: Int) throws {
        let n = villageCells.count
        var heads = Array(repeating: false, count: headsNotMembers) + Array(repeating: true, count: n - headsNotMembers)
        var fronts = Array(repeating: false, count: frontHeadsNotMembers) + Array(repeating: true, count: n - frontHeadsNotMembers)
        heads.shuffle(using: &random)
        fronts.shuffle(using: &random)
        for (i, v) in villageCells.enumerated() {
            try tx.insert("villages", [
                "name": .text(v.village), "kind": .text(v.kind), "commune": .int(v.commune), "cell": .int(v.cell),
                "head_is_member": .bool(heads[i]), "front_head_is_member": .bool(fronts[i]),
            ])
            headIsMember[v.cell] = (heads[i], fronts[i])
        }
    }

    /// Full members of the cells under `org` (itself included), as candidates for its committee.
    func officials(under org: Int64) throws -> [DemoMember] {
        let cells = try tx.rowIDs("""
            WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT o.id FROM orgs o JOIN down ON o.parent_id = down.id)
            SELECT id FROM down ORDER BY id
            """, [.int(org)])
        return cells.flatMap { membersByOrg[$0] ?? [] }.filter { $0.status == "official" }
    }

    /// Secretaries (and, for committees, deputies and members) elected at the 2020 congresses,
    /// with their terms. Grassroots-level secretaries and deputies hold intermediate theory or
    /// higher (T12): those who did not were sent to the course first.
    mutating func addPositions() throws {
        let termStart = date(2020, 7, 15)
        var targets: [(Int64, String, Int)] = leadOrgs.map { ($0.org, $0.kind, $0.kind == "grassroots_cell" ? 3 : 7) }
        for (cell, _) in membersByOrg.sorted(by: { $0.key < $1.key }) where !leadOrgs.contains(where: { $0.org == cell }) {
            targets.append((cell, "cell", committeeCells.contains(cell) ? 3 : 1))
        }
        for (org, kind, seats) in targets {
            var pool = try officials(under: org).filter { !positionHolders.contains($0.id) }
            guard !pool.isEmpty else { continue }
            pool.shuffle(using: &random)
            pool.sort { theoryRank($0.theory) > theoryRank($1.theory) }
            let grassroots = ["commune_committee", "grassroots_committee", "grassroots_cell"].contains(kind)
            for (i, m) in pool.prefix(seats).enumerated() {
                let role = i == 0 ? "secretary" : (i == 1 ? "deputy" : "member")
                if grassroots, role != "member", theoryRank(m.theory) < 2 {
                    try tx.update("members", id: m.id, ["theory": .text("intermediate")])
                    try tx.insert("trainings", ["member": .int(m.id), "course": .text("intermediate"), "provider": .text("Trường Chính trị tỉnh Lâm Đồng"),
                                                "started": .date(date(2018, 9, 4)), "ended": .date(date(2019, 12, 20)), "completed": .bool(true)])
                }
                let started = max(termStart, (m.confirmed ?? termStart).adding(days: 1))
                let (head, front) = headIsMember[org] ?? (false, false)
                let id = try tx.insert("positions", [
                    "member": .int(m.id), "org": .int(org), "role": .text(role), "elected": .bool(true), "started": .date(started),
                    "village_head": .bool(role == "secretary" && head && random.chance(0.5)),
                    "front_head": .bool(role == "secretary" && front && random.chance(0.3)),
                    "council_chair": .bool(kind == "commune_committee" && role == "deputy"),
                    "committee_chair": .bool(false), "unit_head": .bool(kind != "cell" && kind != "commune_committee" && role == "secretary"),
                ])
                positionHolders.insert(m.id)
                if role == "secretary" { secretaryPosition[org] = (id, m.id) }
                if role == "member" { committeeMemberPositions.append((id, m.id, org)) }
            }
            if seats > 1 {
                try tx.insert("committee_terms", ["org": .int(org), "started": .date(termStart), "ends": .date(date(2025, 7, 14)),
                                                  "seats": .int(Int64(seats))])
            }
        }
    }

    func theoryRank(_ level: String) -> Int { MemberTraits.theoryRank(level) }

    /// Yearly inspection programmes of every grassroots-level organisation (T11), a few
    /// inspections and supervisions a year per commune, and a handful of disciplines.
    mutating func addOversightAndTraining() throws {
        let grassroots = leadOrgs.map(\.org)
        for year in Builder.firstYear...Builder.lastYear {
            for org in grassroots where !(year == Builder.lastYear && org == planNotAdopted) {
                try tx.insert("inspection_plans", ["org": .int(org), "year": .int(Int64(year)), "adopted": .date(date(year, 1, random.int(5...28)))])
            }
            // Each grassroots organisation's admission plan (T18): 4% of its members (no draw from
            // the seeded stream, which would change every other figure of the demo).
            for org in grassroots {
                let size = try tx.scalar("""
                    SELECT count(*) FROM members m JOIN orgs o ON o.id = m.org_id WHERE (o.id = ? OR o.parent_id = ?) AND m.admitted < ?
                    """, [.int(org), .int(org), .date(date(year, 1, 1))]).intValue ?? 0
                try tx.insert("admission_plans", ["org": .int(org), "year": .int(Int64(year)),
                                                  "planned": .int(Int64(max(1, (Double(size) * 0.04).rounded())))])
            }
            for (org, kind) in leadOrgs where kind == "commune_committee" {
                let cells = Array(villageCells.filter { $0.commune == org }.map(\.cell))
                for _ in 0..<2 {
                    guard let subject = cells.randomElement(using: &random) else { continue }
                    let start = date(year, random.int(3...10), random.int(1...28))
                    try tx.insert("inspections", [
                        "mode": .text(random.chance(0.5) ? "inspection" : "supervision"),
                        "kind": .text(random.weighted([("regular", 60.0), ("thematic", 30.0), ("fees", 10.0)])),
                        "by_org": .int(org), "subject_org": .int(subject), "plan_year": .int(Int64(year)),
                        "started": .date(start), "ended": .date(start.adding(days: random.int(5...30))),
                        "violation": .bool(random.chance(0.08)),
                    ])
                }
            }
        }
        // Disciplines: reprimands and warnings decided by the member's own cell. The member is rated
        // failed that year (R17) unless they corrected it themselves.
        let villageMembers = villageCells.flatMap { membersByOrg[$0.cell] ?? [] }.filter { $0.status == "official" && !positionHolders.contains($0.id) }
        for _ in 0..<12 {
            guard let m = villageMembers.randomElement(using: &random), disciplined[m.id] == nil else { continue }
            let year = random.int(Builder.firstYear...Builder.lastYear - 1)
            guard let confirmed = m.confirmed, confirmed.year < year else { continue }
            let selfCorrected = random.chance(0.25)
            try tx.insert("disciplines", [
                "measure": .text(random.chance(0.7) ? "reprimand" : "warning"), "subject_member": .int(m.id), "decided_by": .int(m.org),
                "decided_on": .date(date(year, random.int(2...11), random.int(1...28))), "offence_article": .text("Điều 8, 69-QĐ/TW"),
                "votes_for": .int(Int64(random.int(6...9))), "votes_total": .int(10), "self_corrected": .bool(selfCorrected), "appealed": .bool(false),
            ])
            disciplined[m.id] = (year, selfCorrected)
        }
        // New-member courses within half a year of admission; resolution study in every commune.
        for (_, members) in membersByOrg.sorted(by: { $0.key < $1.key }) {
            for m in members where m.admitted >= date(Builder.firstYear, 1, 1) {
                let end = min(m.admitted.adding(days: random.int(40...170)), DemoDistrict.referenceDate)
                try tx.insert("trainings", ["member": .int(m.id), "course": .text("new_member"), "provider": .text("Trung tâm Chính trị huyện"),
                                            "started": .date(end.adding(days: -6)), "ended": .date(end), "completed": .bool(true)])
            }
        }
        let resolutions = [(2021, "Nghị quyết Đại hội XIII của Đảng"), (2022, "Nghị quyết 21-NQ/TW về củng cố tổ chức cơ sở đảng"),
                           (2019, "Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")]
        for (org, kind) in leadOrgs where kind == "commune_committee" {
            let size = try officials(under: org).count
            for (year, title) in resolutions {
                let invited = max(size, 1)
                try tx.insert("study_sessions", ["resolution": .text(title), "org": .int(org), "held_on": .date(date(year, random.int(3...9), random.int(1...28))),
                                                 "invited": .int(Int64(invited)), "attended": .int(Int64(invited * random.int(85...100) / 100))])
            }
        }
        try addRecognitionsAndMeetings()
    }

    /// "Four good" recognitions, creative models (T3), monthly meetings in 2022, bulletins,
    /// exemplars, residence-cell comments (T2), commitments (T4) and candidates.
    mutating func addRecognitionsAndMeetings() throws {
        let district = try tx.rowIDs("SELECT id FROM orgs WHERE kind = 'district_committee'", []).first!
        for year in Builder.firstYear...Builder.lastYear {
            for (org, _) in leadOrgs {
                if random.chance(0.15) { try tx.insert("recognitions", ["org": .int(org), "year": .int(Int64(year)), "kind": .text("four_good"), "granted_by": .int(district)]) }
                if random.chance(0.22) {
                    try tx.insert("innovations", ["org": .int(org), "year": .int(Int64(year)), "title": .text("Mô hình dân vận khéo năm \(year)"),
                                                  "product": .text("đường giao thông nông thôn"), "rated_high": .bool(random.chance(0.5))])
                }
            }
            for month in [3, 9] {
                try tx.insert("bulletins", ["org": .int(district), "issued": .date(date(year, month, 15)), "title": .text("Bản tin sinh hoạt chi bộ tháng \(month)/\(year)"),
                                            "copies": .int(Int64(random.int(200...400)))])
            }
        }
        for month in 1...12 {
            for cell in villageCells.map(\.cell) {
                let size = membersByOrg[cell]?.count ?? 0
                let present = max(0, size - random.int(0...2))
                try tx.insert("meetings", ["org": .int(cell), "held": .date(date(Builder.lastYear, month, random.int(3...10))),
                                           "kind": .text(month % 3 == 0 ? "thematic" : "regular"),
                                           "present": .int(Int64(present)), "excused": .int(Int64(size - present))])
            }
        }
        // Working members of commune agencies live in one of the commune's villages (R21, T2).
        for (cell, members) in membersByOrg.sorted(by: { $0.key < $1.key }) {
            guard let commune = communeOfCell[cell], !villageCells.contains(where: { $0.cell == cell }) else { continue }
            let homes = villageCells.filter { $0.commune == commune }.map(\.cell)
            for m in members where m.status != "exempted" {
                guard let home = homes.randomElement(using: &random) else { continue }
                try tx.update("members", id: m.id, ["residence_cell": .int(home)])
                if random.chance(0.92) {
                    try tx.insert("residence_comments", ["member": .int(m.id), "year": .int(Int64(Builder.lastYear)), "cell": .int(home), "favourable": .bool(true)])
                }
                for kind in ["ct05", "anti_degradation", "exemplary"] where random.chance(0.95) {
                    try tx.insert("commitments", ["member": .int(m.id), "year": .int(Int64(Builder.lastYear)), "kind": .text(kind)])
                }
            }
        }
        for v in villageCells.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            let female = random.chance(0.45)
            let born = date(DemoDistrict.referenceDate.year - random.int(19...35), random.int(1...12), random.int(1...28))
            let stage = random.weighted([("listed", 40.0), ("trained", 30.0), ("applied", 20.0), ("resolved", 10.0)])
            let listed = date(2022, random.int(1...6), random.int(1...28))
            try tx.insert("candidates", [
                "name": .text(names.kinh(female: female, &random)), "gender": .text(female ? "female" : "male"), "born": .date(born),
                "org": .int(v.cell), "stage": .text(stage), "listed": .date(listed),
                "awareness_course": stage == "listed" ? .null : .date(listed.adding(days: 60)),
                "applied": ["applied", "resolved"].contains(stage) ? .date(listed.adding(days: 120)) : .null,
            ])
        }
        try tx.insert("exemplars", ["org": .int(villageCells[0].cell), "year": .int(2022), "title": .text("Chi bộ tiêu biểu trong xây dựng nông thôn mới"),
                                    "published_in": .text("bulletin")])
    }

    /// Yearly ratings 2018–2022 of every member on the roll that year (none once exempt, R12;
    /// failed in a year of discipline unless self-corrected, R17), and of every organisation.
    mutating func addRatings() throws {
        for (_, members) in membersByOrg.sorted(by: { $0.key < $1.key }) {
            for m in members {
                for year in Builder.firstYear...Builder.lastYear {
                    guard m.admitted < date(year, 10, 1) else { continue }
                    if let exempted = m.exempted, exempted.year <= year { continue }
                    var level = random.weighted(MemberTraits.memberRating)
                    if let (y, selfCorrected) = disciplined[m.id], y == year, !selfCorrected { level = "failed" }
                    try tx.insert("ratings", ["member": .int(m.id), "year": .int(Int64(year)), "level": .text(level), "rulebook": .text("132-QĐ/TW")])
                }
            }
        }
        // Badges at 30, 40, 45, ... years of seniority, given on 3 February; a few excellent members each year.
        let milestones: Set<Int> = [30, 40, 45, 50, 55, 60, 65, 70]
        let district = try tx.rowIDs("SELECT id FROM orgs WHERE kind = 'district_committee'", []).first!
        for (_, members) in membersByOrg.sorted(by: { $0.key < $1.key }) {
            for m in members where m.status != "removed" {
                for year in Builder.firstYear...Builder.lastYear where milestones.contains(year - m.admitted.year) {
                    try tx.insert("awards", ["member": .int(m.id), "year": .int(Int64(year)), "kind": .text("badge"),
                                             "badge_years": .int(Int64(year - m.admitted.year)), "granted_by": .int(district)])
                }
                if m.status == "official", random.chance(0.01) {
                    try tx.insert("awards", ["member": .int(m.id), "year": .int(Int64(random.int(Builder.firstYear...Builder.lastYear))),
                                             "kind": .text("excellent_year"), "granted_by": .int(district)])
                }
            }
        }
        let orgs = leadOrgs.map(\.org) + villageCells.map(\.cell)
        for org in orgs {
            for year in Builder.firstYear...Builder.lastYear {
                let level = random.weighted(MemberTraits.orgRating)
                try tx.insert("org_ratings", ["org": .int(org), "year": .int(Int64(year)), "level": .text(level), "rulebook": .text("132-QĐ/TW")])
            }
        }
    }
}
