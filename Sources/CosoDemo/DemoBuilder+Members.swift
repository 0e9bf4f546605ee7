import CosoCore

/// The kind of organisation a member works in, which shapes their occupation, schooling and theory.
enum Profile {
    case village(khoShare: Double)
    case office, school, health, forces, enterprise
}

/// What later steps of the demo (positions, ratings, planted problems) need to know of a member.
struct DemoMember {
    let id: Int64
    let org: Int64
    var status: String
    let admitted: LocalDate
    let confirmed: LocalDate?
    let exempted: LocalDate?
    var theory: String
    let age: Int
}

extension Builder {
    /// Adds `count` members to a cell, at least `minimumOfficial` of them full members, each with
    /// the events of their history (admission, confirmation, card, exemption).
    @discardableResult
    mutating func addMembers(_ count: Int, org: Int64, profile: Profile, minimumOfficial: Int) throws -> [DemoMember] {
        let ref = DemoDistrict.referenceDate
        var added: [DemoMember] = []
        for i in 0..<count {
            let mustBeOfficial = i < minimumOfficial
            var khoShare = 0.04
            if case .village(let share) = profile { khoShare = share }
            let kho = random.chance(khoShare)
            let female = random.chance(kho ? 0.4 : 0.36)
            let name = kho ? names.kho(female: female, &random) : names.kinh(female: female, &random)

            let (age, born, admitted) = MemberTraits.lifeDates(profile, mustBeOfficial: mustBeOfficial, reference: ref, &random)

            let probationary = admitted > ref.adding(months: -12)
            let (ceremony, recordsCeremony, probationStart) = MemberTraits.ceremony(
                admitted: admitted, probationary: probationary, reference: ref, firstYear: Builder.firstYear, random)
            var values: [String: Value] = [
                "name": .text(name), "gender": .text(female ? "female" : "male"), "born": .date(born), "org": .int(org),
                "admitted": .date(admitted), "ethnicity": .text(kho ? "co_ho" : ethnicityOfKinhArea()),
                "religion": .text(religion(kho: kho)), "national_id": .text(nationalID(born: born, female: female)),
            ]
            if probationary {
                values["status"] = .text("probationary")
            } else {
                values["status"] = .text("official")
                values["confirmed"] = .date(probationStart.adding(months: 12))
                values["card_no"] = .text(String(nextCard))
                nextCard += 1 + random.int(0...40)
                if age >= 70, !mustBeOfficial, random.chance(0.35) {
                    values["status"] = .text("exempted")
                    values["exempted"] = .date(max(born.adding(months: 12 * 70), admitted.adding(months: 13)))
                    values["exemption_reason"] = .text("old_age")
                }
            }
            let (occupation, education, qualification, theory) = background(profile, age: age, kho: kho)
            values["occupation"] = .text(occupation)
            values["education"] = .text(education)
            values["qualification"] = .text(qualification)
            values["theory"] = .text(theory)
            values["work_status"] = .text(workStatus(profile, occupation: occupation))
            let id = try tx.insert("members", values)
            summary.members += 1
            try event(id, "admitted", admitted, org: org, status: "probationary")
            _ = random.int(7...28)  // the draw the ceremony once took (see `MemberTraits.ceremony`)
            if recordsCeremony { try event(id, "ceremony", ceremony) }
            let confirmed = values["confirmed"]?.dateValue, exempted = values["exempted"]?.dateValue
            if let confirmed {
                try event(id, "confirmed", confirmed, status: "official")
                try event(id, "card_issued", min(confirmed.adding(days: random.int(30...200)), ref), note: values["card_no"]?.textValue)
            }
            if let exempted { try event(id, "exempted", exempted, status: "exempted") }
            added.append(DemoMember(id: id, org: org, status: values["status"]!.textValue!, admitted: admitted, confirmed: confirmed,
                                    exempted: exempted, theory: theory, age: age))
        }
        return added
    }

    mutating func event(_ member: Int64, _ kind: String, _ date: LocalDate, org: Int64? = nil, status: String? = nil,
                        note: String? = nil) throws {
        var values: [String: Value] = ["member": .int(member), "kind": .text(kind), "happened": .date(date)]
        if let org { values["org"] = .int(org) }
        if let status { values["status"] = .text(status) }
        if let note { values["note"] = .text(note) }
        try tx.insert("member_events", values)
    }

    func workStatus(_ profile: Profile, occupation: String) -> String { MemberTraits.workStatus(occupation: occupation) }

    /// Most non-K'Ho members in the district are Kinh; a few belong to other peoples who moved in.
    mutating func ethnicityOfKinhArea() -> String { random.weighted(MemberTraits.kinhAreaEthnicity) }

    mutating func religion(kho: Bool) -> String { random.weighted(kho ? MemberTraits.khoReligion : MemberTraits.kinhReligion) }

    /// A 12-digit CCCD number: birth-province code (068, Lâm Đồng), sex-and-century digit, two
    /// digits of the birth year, six random digits. Unique within the demo.
    mutating func nationalID(born: LocalDate, female: Bool) -> String {
        let century = born.year >= 2000 ? 2 : 0
        let sexCentury = century + (female ? 1 : 0)
        while true {
            let tail = String(random.int(0...999_999))
            let id = "068\(sexCentury)\(String(format2(born.year % 100)))" + String(repeating: "0", count: 6 - tail.count) + tail
            if nationalIDs.insert(id).inserted { return id }
        }
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    mutating func background(_ profile: Profile, age: Int, kho: Bool) -> (String, String, String, String) {
        MemberTraits.background(profile, age: age, kho: kho, &random)
    }
}
