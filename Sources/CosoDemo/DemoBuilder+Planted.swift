import CosoCore

extension DemoDistrict {
    /// The bad records the demo plants for `check` to find, by check code, with how many rows
    /// each gives (`check asof @2022-12-22` on the demo reports exactly these). Everything else
    /// the generator writes obeys the rules, so a check that fires elsewhere is a bug in one or
    /// the other.
    public static let plantedProblems: [(code: String, rows: Int, what: String)] = [
        ("D101", 3, "three members whose national ID was never entered"),
        ("D102", 2, "two members sharing one national ID (a typing error copied from a neighbour)"),
        ("D103", 1, "a national ID with a digit missing"),
        ("D104", 1, "a card number with seven digits"),
        ("D105", 2, "two members sharing one card number"),
        ("D106", 1, "a probationary member holding a card"),
        ("D107", 2, "two members still probationary 18 months after admission"),
        ("D108", 2, "a cell dissolved on 30/6/2022 whose two members were never transferred"),
        ("D109", 1, "a member transferred out in September 2022 who never arrived"),
        ("D110", 1, "an exempt member rated in the year after the exemption"),
        ("D111", 1, "a commune committee secretary with elementary theory"),
        ("D112", 1, "a school cell with two full members"),
        ("D113", 1, "a village cell that grew to ten full members without electing a committee"),
        ("D114", 1, "a grassroots cell with 31 members"),
        ("D115", 1, "a member admitted at 17"),
        ("D116", 1, "a confirmation date 20 days after the 12-month date"),
        ("D117", 1, "a committee member struck off the roll whose position was not ended"),
        ("D118", 1, "a 40-year badge for a member admitted less than 40 years before"),
        ("D120", 1, "an exemption entered with a date before the member's admission"),
        ("D121", 1, "a member who died in 2020 recorded as suspended in 2021"),
        ("D122", 1, "a transfer in recorded for a member who had never been transferred out"),
        ("D301", 1, "a member reprimanded in 2022 and rated good"),
        ("D302", 1, "a grassroots cell without its 2022 inspection programme"),
    ]
}

extension Builder {
    /// Plants `DemoDistrict.plantedProblems`, each on members and organisations no other planted
    /// problem touches.
    mutating func plantProblems() throws {
        var used = positionHolders
        // Members of village cells without a committee or with one, by status, not yet used.
        func pick(_ status: String, in cells: [Int64], where extra: (DemoMember) -> Bool = { _ in true }) -> DemoMember? {
            for cell in cells {
                if let m = membersByOrg[cell]?.first(where: { $0.status == status && !used.contains($0.id) && extra($0) }) {
                    used.insert(m.id)
                    return m
                }
            }
            return nil
        }
        let villages = villageCells.map(\.cell)
        let withCommittee = villages.filter { committeeCells.contains($0) }
        let officialsFrom = Array(withCommittee.dropFirst(10))

        // D101, D102, D103: national IDs.
        for _ in 0..<3 { if let m = pick("official", in: officialsFrom) { try tx.update("members", id: m.id, ["national_id": .null]) } }
        if let a = pick("official", in: officialsFrom), let b = pick("official", in: officialsFrom),
           let nid = try tx.record("members", id: a.id)?["national_id"] {
            try tx.update("members", id: b.id, ["national_id": nid])
        }
        if let m = pick("official", in: officialsFrom), let nid = try tx.record("members", id: m.id)?["national_id"]?.textValue {
            try tx.update("members", id: m.id, ["national_id": .text(String(nid.dropLast()))])
        }
        // D104, D105, D106: cards.
        if let m = pick("official", in: officialsFrom), let card = try tx.record("members", id: m.id)?["card_no"]?.textValue {
            try tx.update("members", id: m.id, ["card_no": .text(String(card.dropLast()))])
        }
        if let a = pick("official", in: officialsFrom), let b = pick("official", in: officialsFrom),
           let card = try tx.record("members", id: a.id)?["card_no"] {
            try tx.update("members", id: b.id, ["card_no": card])
        }
        if let m = pick("probationary", in: villages) {
            try tx.update("members", id: m.id, ["card_no": .text("19999999")])
        }
        // D107: probation long overdue (admitted in June 2021, still probationary).
        for _ in 0..<2 {
            if let m = pick("probationary", in: villages) {
                let admitted = date(2021, 6, 15)
                try tx.update("members", id: m.id, ["admitted": .date(admitted)])
                _ = try tx.rowIDs("SELECT id FROM member_events WHERE member_id = ? AND kind = 'admitted'", [.int(m.id)]).map { e in
                    try tx.update("member_events", id: e, ["happened": .date(admitted)])
                }
                // The ceremony followed within the month (R4): probation ran out in July 2022.
                _ = try tx.rowIDs("SELECT id FROM member_events WHERE member_id = ? AND kind = 'ceremony'", [.int(m.id)]).map { e in
                    try tx.update("member_events", id: e, ["happened": .date(admitted.adding(days: 12))])
                }
            }
        }
        // D108: a tax-team cell dissolved on 30/6/2022 with its two members left on its roll.
        let commune = leadOrgs.first { $0.kind == "commune_committee" }!.org
        let dissolved = try addOrg("Chi bộ Đội thuế liên xã số 2", kind: "subordinate_cell", parent: commune, sector: "state_agency",
                                   founded: date(2012, 3, 1), committee: false, code: nil)
        let leftBehind = try addMembers(2, org: dissolved, profile: .office, minimumOfficial: 2)
        used.formUnion(leftBehind.map(\.id))
        try tx.update("orgs", id: dissolved, ["dissolved": .date(date(2022, 6, 30)), "dissolved_how": .text("dissolved")])
        // D109: transferred out to another cell of the district in September 2022, never arrived.
        if let m = pick("official", in: officialsFrom) {
            try tx.update("members", id: m.id, ["status": .text("transferred_out"), "ended": .date(date(2022, 9, 1))])
            try event(m.id, "transfer_out", date(2022, 9, 1), org: villages[0], status: "transferred_out")
        }
        // D110: an exempt member rated the year after the exemption.
        if let m = pick("exempted", in: villages, where: { ($0.exempted?.year ?? 9999) <= 2021 }) {
            try tx.insert("ratings", ["member": .int(m.id), "year": .int(Int64(m.exempted!.year + 1)), "level": .text("good"),
                                      "rulebook": .text("132-QĐ/TW")])
        }
        // D111: a commune secretary below intermediate theory.
        if let (_, member) = secretaryPosition[commune] {
            try tx.update("members", id: member, ["theory": .text("elementary")])
        }
        // D112: a school cell with only two full members.
        let school = try addOrg("Chi bộ Trường Mầm non Hoa Sen", kind: "subordinate_cell", parent: commune, sector: "school",
                                founded: date(2019, 9, 5), committee: false, code: nil)
        used.formUnion(try addMembers(2, org: school, profile: .school, minimumOfficial: 2).map(\.id))
        // D113: a village cell without a committee grown to ten full members.
        if let cell = villages.first(where: { !committeeCells.contains($0) && $0 != villages[0] }) {
            let full = membersByOrg[cell]?.filter { $0.status == "official" }.count ?? 0
            let extra = try addMembers(10 - full, org: cell, profile: .village(khoShare: 0.1), minimumOfficial: 10 - full)
            used.formUnion(extra.map(\.id))
            used.formUnion(membersByOrg[cell]?.map(\.id) ?? [])
        }
        // D114: a grassroots cell grown to 31 members (it has a committee, so R8 holds).
        if let cell = leadOrgs.first(where: { $0.kind == "grassroots_cell" })?.org {
            let onRoll = membersByOrg[cell]?.filter { $0.status != "removed" }.count ?? 0
            used.formUnion(try addMembers(31 - onRoll, org: cell, profile: .office, minimumOfficial: 31 - onRoll).map(\.id))
            try tx.update("orgs", id: cell, ["has_committee": .bool(true)])
        }
        // D115: admitted at 17.
        if let m = pick("official", in: officialsFrom) {
            try tx.update("members", id: m.id, ["born": .date(m.admitted.adding(months: -12 * 17 - 2))])
        }
        // D116: confirmed 20 days late.
        if let m = pick("official", in: officialsFrom), let confirmed = m.confirmed {
            try tx.update("members", id: m.id, ["confirmed": .date(confirmed.adding(days: 20))])
        }
        // D117: a committee member struck off in August 2022, the position left open.
        if let p = committeeMemberPositions.first(where: { committeeCells.contains($0.org) }) {
            try tx.update("members", id: p.member, ["status": .text("removed"), "ended": .date(date(2022, 8, 1)), "removal_reason": .text("absent")])
            try event(p.member, "removed", date(2022, 8, 1), status: "removed")
        }
        // D118: a 40-year badge in 2022 for a member admitted after 1982.
        if let m = pick("official", in: officialsFrom, where: { (1985...1995).contains($0.admitted.year) }) {
            try tx.insert("awards", ["member": .int(m.id), "year": .int(2022), "kind": .text("badge"), "badge_years": .int(40)])
        }
        // D120: an event dated before the admission (a year typed wrong when it was entered).
        if let m = pick("official", in: officialsFrom, where: { $0.admitted.year >= 2000 }) {
            try event(m.id, "temp_out", m.admitted.adding(months: -14))
        }
        // D121: died in March 2020, then recorded as suspended in 2021.
        if let m = pick("official", in: officialsFrom, where: { $0.admitted.year < 2015 }) {
            try tx.update("members", id: m.id, ["status": .text("deceased"), "ended": .date(date(2020, 3, 1))])
            try event(m.id, "died", date(2020, 3, 1), status: "deceased")
            try event(m.id, "temp_out", date(2021, 4, 1))
        }
        // D122: received from outside in 2021 while on this roll all along.
        if let m = pick("official", in: officialsFrom, where: { $0.admitted.year < 2015 }) {
            try event(m.id, "transfer_in", date(2021, 5, 10), org: m.org, status: "official")
        }
        // D301: reprimanded in 2022, rated good all the same.
        if let m = pick("official", in: officialsFrom, where: { $0.admitted.year < 2020 && disciplined[$0.id] == nil }),
           let rating = try tx.rowIDs("SELECT id FROM ratings WHERE member_id = ? AND year = 2022", [.int(m.id)]).first {
            try tx.update("ratings", id: rating, ["level": .text("good")])
            try tx.insert("disciplines", [
                "measure": .text("reprimand"), "subject_member": .int(m.id), "decided_by": .int(m.org), "decided_on": .date(date(2022, 5, 10)),
                "offence_article": .text("Điều 8, 69-QĐ/TW"), "votes_for": .int(7), "votes_total": .int(9),
                "self_corrected": .bool(false), "appealed": .bool(false),
            ])
        }
        // D302 is planted by leaving out one programme (`planNotAdopted`).
    }
}
