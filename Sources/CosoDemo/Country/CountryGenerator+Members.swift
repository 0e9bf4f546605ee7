import CosoCore

extension CountryGenerator {
    /// Adds a cell's members with their events and ratings, as the district demo does (same ages,
    /// admission ages, probation, cards, exemption at 70, backgrounds); returns their positions
    /// in the batch.
    mutating func addMembers(_ count: Int, org: Int64, profile: Profile, minimumOfficial: Int) -> Range<Int> {
        let ref = DemoDistrict.referenceDate
        let start = batch.members.count
        for i in 0..<count {
            let mustBeOfficial = i < minimumOfficial
            var kho = false
            if case .village(let share) = profile, share > 0 { kho = random.chance(share) }
            let female = random.chance(kho ? 0.4 : 0.36)
            let name = kho ? names.kho(female: female, &random) : names.kinh(female: female, &random)
            let (age, born, admitted) = MemberTraits.lifeDates(profile, mustBeOfficial: mustBeOfficial, reference: ref, &random)

            let id = nextMemberID()
            let probationary = admitted > ref.adding(months: -12)
            var status = probationary ? "probationary" : "official"
            var confirmed: LocalDate?, exempted: LocalDate?, card: String?
            let ceremony = MemberTraits.ceremony(admitted: admitted, probationary: probationary, reference: ref,
                                                 firstYear: Builder.firstYear, random)
            if !probationary {
                confirmed = ceremony.probationStart.adding(months: 12)
                card = cardNumber()
                if age >= 70, !mustBeOfficial, random.chance(0.35) {
                    status = "exempted"
                    exempted = max(born.adding(months: 12 * 70), admitted.adding(months: 13))
                }
            }
            let ethnicity = kho ? "co_ho" : random.weighted(MemberTraits.kinhAreaEthnicity)
            let religion = random.weighted(kho ? MemberTraits.khoReligion : MemberTraits.kinhReligion)
            let nationalID = nationalID(born: born, female: female)
            let (occupation, education, qualification, theory) = MemberTraits.background(profile, age: age, kho: kho, &random)
            batch.members.append(CountryMember(
                id: id, name: name, forms: forms(name, person: true), female: female, born: born, ethnicity: ethnicity, religion: religion, nationalID: nationalID,
                cardNo: card, occupation: occupation, education: education, qualification: qualification, theory: theory,
                status: status, org: org, admitted: admitted, confirmed: confirmed, exempted: exempted,
                workStatus: MemberTraits.workStatus(occupation: occupation)))
            summary.members += 1

            batch.events.append(CountryEvent(member: id, kind: "admitted", happened: admitted, org: org, status: "probationary", note: nil))
            _ = random.int(7...28)  // the draw the ceremony once took (see `MemberTraits.ceremony`)
            if ceremony.recorded {
                batch.events.append(CountryEvent(member: id, kind: "ceremony", happened: ceremony.date, org: nil, status: nil, note: nil))
            }
            if let confirmed {
                batch.events.append(CountryEvent(member: id, kind: "confirmed", happened: confirmed, org: nil, status: "official", note: nil))
                batch.events.append(CountryEvent(member: id, kind: "card_issued", happened: min(confirmed.adding(days: random.int(30...200)), ref),
                                                 org: nil, status: nil, note: card))
            }
            if let exempted {
                batch.events.append(CountryEvent(member: id, kind: "exempted", happened: exempted, org: nil, status: "exempted", note: nil))
            }
            for year in Builder.firstYear...Builder.lastYear {
                guard admitted < LocalDate(year: year, month: 10, day: 1)! else { continue }
                if let exempted, exempted.year <= year { continue }
                batch.ratings.append((id, year, random.weighted(MemberTraits.memberRating)))
            }
        }
        return start..<batch.members.count
    }

    /// The cell's secretary: its full member with the highest political theory, after skipping
    /// the `rank` best (who lead the committee above). A grassroots cell's secretary has at least
    /// intermediate theory (T12: what the plan requires of grassroots secretaries).
    mutating func secretary(of cell: Int64, from members: Range<Int>, rank: Int, grassroots: Bool) {
        let officials = best(members)
        guard officials.count > rank else { return }
        appoint(officials[rank], org: cell, role: "secretary", raise: grassroots, unitHead: grassroots)
    }

    /// A committee's secretary and deputy, from the full members of one of its cells.
    mutating func committeeLeaders(_ committee: Int64, from members: Range<Int>) {
        let officials = best(members)
        for (i, role) in ["secretary", "deputy"].enumerated() where officials.count > i {
            appoint(officials[i], org: committee, role: role, raise: true, unitHead: role == "secretary")
        }
    }

    private func best(_ members: Range<Int>) -> [Int] {
        members.filter { batch.members[$0].status == "official" }
            .sorted { (MemberTraits.theoryRank(batch.members[$0].theory), -$0) > (MemberTraits.theoryRank(batch.members[$1].theory), -$1) }
    }

    private mutating func appoint(_ index: Int, org: Int64, role: String, raise: Bool, unitHead: Bool) {
        if raise, MemberTraits.theoryRank(batch.members[index].theory) < 2 { batch.members[index].theory = "intermediate" }
        let m = batch.members[index]
        let started = max(LocalDate(year: 2020, month: 7, day: 15)!, (m.confirmed ?? m.admitted).adding(days: 1))
        batch.positions.append(CountryPosition(member: m.id, org: org, role: role, started: started, unitHead: unitHead))
    }
}
