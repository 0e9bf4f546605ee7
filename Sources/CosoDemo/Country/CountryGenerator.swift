import CosoCore

/// Makes the country demo's rows, one district (or one province's own agencies) at a time, with
/// the district demo's shapes and weights: each commune's village cells (about half with a
/// committee) and agency cells, the district's and the province's grassroots committees and
/// cells, members with their events from admission, yearly ratings 2018-2022, secretaries,
/// villages and inspection programmes. Memory holds one district's rows and a few counters.
struct CountryGenerator {
    var random: SeededRandom
    let names = NameGenerator()
    var summary = DemoDistrict.Summary()
    private var nextOrg: Int64 = 1
    private var nextMember: Int64 = 1
    private var nextCard = 10_000_001
    /// National ID serials by (province, sex and century, year of birth): unique by construction.
    private var serials: [Int: Int] = [:]
    /// Folded and sort-key forms of each distinct name, computed once.
    private var nameForms: [String: NameForms] = [:]
    var batch = CountryBatch()
    private let ref = DemoDistrict.referenceDate
    private let termStart = LocalDate(year: 2020, month: 7, day: 15)!
    /// The province being generated: its code (for national IDs) and its K'Ho share in villages.
    private var provinceCode = 0
    private var khoShare = 0.0

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// The rows made since the last call.
    mutating func take() -> CountryBatch {
        defer { batch = CountryBatch() }
        return batch
    }

    /// A name's folded and sort-key forms, computed once per distinct name.
    /// (A person's name sorts by given name first, as `Field.sortKey` keys it.)
    mutating func forms(_ name: String, person: Bool = false) -> NameForms {
        let cacheKey = person ? "\u{1}" + name : name
        if let f = nameForms[cacheKey] { return f }
        let f = (VietnameseText.fold(name), person ? VietnameseText.personSortKeyString(name) : VietnameseText.sortKeyString(name))
        nameForms[cacheKey] = f
        return f
    }

    mutating func nextMemberID() -> Int64 {
        defer { nextMember += 1 }
        return nextMember
    }

    /// R23: eight digits, unique, in issue order with gaps.
    mutating func cardNumber() -> String {
        defer { nextCard += 1 + random.int(0...3) }
        return String(nextCard)
    }

    /// A 12-digit CCCD number: the birth province's code, the sex-and-century digit, two digits
    /// of the birth year and a six-digit serial; serials step through a permutation of 0..<10^6
    /// (7919 is prime to 10^6), so they look scattered and never repeat.
    mutating func nationalID(born: LocalDate, female: Bool) -> String {
        let sexCentury = (born.year >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let key = provinceCode * 1000 + sexCentury * 100 + born.year % 100
        let n = serials[key, default: 0]
        serials[key] = n + 1
        let serial = (n * 7919 + provinceCode * 104_729) % 1_000_000
        func pad(_ value: Int, _ width: Int) -> String {
            let s = String(value)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(provinceCode, 3) + String(sexCentury) + pad(born.year % 100, 2) + pad(serial, 6)
    }

    // MARK: The tree

    mutating func province(_ p: CountryProvince) -> Int64 {
        provinceCode = Int(p.code) ?? 0
        khoShare = p.code == "68" ? 0.15 : (p.code == "67" ? 0.05 : 0)
        let title = p.name.replacingOccurrences(of: "Tỉnh ", with: "tỉnh ").replacingOccurrences(of: "Thành phố ", with: "thành phố ")
        return org("Đảng bộ \(title)", kind: "provincial_committee", sector: nil, parent: nil, code: p.code, founded: 1930...1976, committee: true)
    }

    mutating func district(code: String, name: String, wards: [(code: String, name: String, type: String)], province: Int64) {
        let title = name.prefix(1).lowercased() + name.dropFirst()
        let district = org("Đảng bộ \(title)", kind: "district_committee", sector: nil, parent: province, code: code,
                           founded: 1976...1996, committee: true)
        for ward in wards { commune(ward, district: district, districtTitle: String(title)) }
        agencies(under: district, place: String(title), committees: 30, cellsPerCommittee: 4...10, cells: 25)
    }

    /// The province's own agencies, forces and enterprises.
    mutating func provincialAgencies(_ p: CountryProvince, province: Int64) {
        let title = p.name.replacingOccurrences(of: "Tỉnh ", with: "tỉnh ").replacingOccurrences(of: "Thành phố ", with: "thành phố ")
        agencies(under: province, place: title, committees: 60, cellsPerCommittee: 5...12, cells: 0)
    }

    private mutating func commune(_ unit: (code: String, name: String, type: String), district: Int64, districtTitle: String) {
        let town = unit.type != "Xã"
        var place = unit.name.replacingOccurrences(of: "Xã ", with: "xã ").replacingOccurrences(of: "Thị trấn ", with: "thị trấn ")
            .replacingOccurrences(of: "Phường ", with: "phường ")
        if let last = place.split(separator: " ").last, Int(last) != nil { place += ", \(districtTitle)" }
        let commune = org("Đảng bộ \(place)", kind: "commune_committee", sector: nil, parent: district, code: unit.code,
                          founded: 1976...1986, committee: true)
        lead(commune)
        let count = town ? random.int(5...12) : random.int(6...14)
        for n in 1...count {
            let village = (town ? "Tổ dân phố \(n)" : "Thôn \(n)")
            // About 53% of village cells have a committee (Di Linh's share, T10's baseline).
            let committee = random.chance(0.53)
            let cell = org("Chi bộ " + village.prefix(1).lowercased() + village.dropFirst() + ", \(place)", kind: "village_cell",
                           sector: town ? "residential_group" : "village", parent: commune, code: nil, founded: 1980...2010, committee: committee)
            // R8: a cell with a committee has at least 9 full members; the others fewer than 9 (R7: at least 3).
            let members = addMembers(committee ? random.int(13...29) : random.int(4...8), org: cell,
                                     profile: .village(khoShare: khoShare), minimumOfficial: committee ? 9 : 3)
            secretary(of: cell, from: members, rank: 0, grassroots: false)
            rateOrg(cell)
            summary.villageCells += 1
            if committee { summary.villageCellsWithCommittee += 1 }
            // fn3's shares in Di Linh: 84 of 183 heads and 62 Front team heads are not members.
            batch.villages.append(CountryVillage(name: village, forms: forms(village), kind: town ? "residential_group" : "village", commune: commune, cell: cell,
                                                 headIsMember: random.chance(99.0 / 183), frontHeadIsMember: random.chance(121.0 / 183)))
        }
        let local = place.replacingOccurrences(of: "thị trấn ", with: "").replacingOccurrences(of: "xã ", with: "")
        let agencies = MemberTraits.communeAgencies(place: place, local: local)
        for (i, (name, sector, profile, range)) in agencies.enumerated() {
            let cell = org(name, kind: "subordinate_cell", sector: sector, parent: commune, code: nil, founded: 1990...2015, committee: false)
            let members = addMembers(random.int(range), org: cell, profile: profile, minimumOfficial: 3)
            settleCommittee(cell, members)
            // The commune committee's secretary and deputy come from its office cell.
            if i == 0 { committeeLeaders(commune, from: members) }
            secretary(of: cell, from: members, rank: i == 0 ? 2 : 0, grassroots: false)
        }
    }

    private static let committeeKinds: [(String, String, Profile)] = [
        ("Đảng bộ Cơ quan Chính quyền", "state_agency", .office), ("Đảng bộ Các cơ quan Đảng", "party_agency", .office),
        ("Đảng bộ Công an", "police", .forces), ("Đảng bộ Quân sự", "military", .forces),
        ("Đảng bộ Trung tâm Y tế", "health", .health), ("Đảng bộ Công ty Lâm nghiệp", "state_enterprise", .enterprise),
        ("Đảng bộ Trường Trung học phổ thông", "school", .school), ("Đảng bộ Công ty Cổ phần", "private_enterprise", .enterprise),
        ("Đảng bộ Hợp tác xã", "coop", .enterprise), ("Đảng bộ Bệnh viện Đa khoa", "health", .health),
        ("Đảng bộ Ngân hàng", "state_enterprise", .enterprise), ("Đảng bộ Trường Cao đẳng", "school", .school),
    ]
    private static let cellKinds: [(String, String, Profile)] = [
        ("Chi bộ Trường Trung học cơ sở", "school", .school), ("Chi bộ Kho bạc Nhà nước", "state_agency", .office),
        ("Chi bộ Chi cục Thuế", "state_agency", .office), ("Chi bộ Bảo hiểm xã hội", "state_agency", .office),
        ("Chi bộ Ngân hàng Chính sách xã hội", "public_service", .office), ("Chi bộ Điện lực", "state_enterprise", .enterprise),
        ("Chi bộ Bưu điện", "state_enterprise", .enterprise), ("Chi bộ Trung tâm Văn hóa - Thể thao", "public_service", .office),
        ("Chi bộ Viện Kiểm sát nhân dân", "state_agency", .office), ("Chi bộ Tòa án nhân dân", "state_agency", .office),
        ("Chi bộ Mặt trận Tổ quốc và các đoàn thể", "party_agency", .office), ("Chi bộ Hội Cựu chiến binh", "party_agency", .office),
    ]

    /// Grassroots committees (each with its cells) and grassroots cells under a district or a province.
    private mutating func agencies(under parent: Int64, place: String, committees: Int, cellsPerCommittee: ClosedRange<Int>, cells: Int) {
        for i in 0..<committees {
            let (base, sector, profile) = Self.committeeKinds[i % Self.committeeKinds.count]
            let n = i / Self.committeeKinds.count
            let name = base + (n > 0 ? " số \(n + 1)" : "") + " \(place)"
            let committee = org(name, kind: "grassroots_committee", sector: sector, parent: parent, code: nil,
                                founded: 1977...2000, committee: true, authorised: random.chance(0.5))
            lead(committee)
            for k in 1...random.int(cellsPerCommittee) {
                let cell = org("Chi bộ \(k), \(name)", kind: "subordinate_cell", sector: sector, parent: committee, code: nil,
                               founded: 1990...2015, committee: false)
                let members = addMembers(random.int(10...29), org: cell, profile: profile, minimumOfficial: 3)
                settleCommittee(cell, members)
                if k == 1 { committeeLeaders(committee, from: members) }
                secretary(of: cell, from: members, rank: k == 1 ? 2 : 0, grassroots: false)
            }
        }
        for i in 0..<cells {
            let (base, sector, profile) = Self.cellKinds[i % Self.cellKinds.count]
            let n = i / Self.cellKinds.count
            let cell = org(base + (n > 0 ? " số \(n + 1)" : "") + " \(place)", kind: "grassroots_cell", sector: sector, parent: parent,
                           code: nil, founded: 1985...2015, committee: false)
            lead(cell)
            // R7: under 30 members, or it would be a grassroots committee.
            let members = addMembers(random.int(10...29), org: cell, profile: profile, minimumOfficial: 3)
            settleCommittee(cell, members)
            secretary(of: cell, from: members, rank: 0, grassroots: true)
        }
    }

    private mutating func org(_ name: String, kind: String, sector: String?, parent: Int64?, code: String?,
                              founded years: ClosedRange<Int>, committee: Bool, authorised: Bool? = nil) -> Int64 {
        let id = nextOrg
        nextOrg += 1
        summary.organisations += 1
        let founded = LocalDate(year: random.int(years), month: random.int(1...12), day: random.int(1...28))!
        batch.orgs.append(CountryOrg(id: id, name: name, forms: forms(name), kind: kind, sector: sector, parent: parent, unitCode: code, founded: founded,
                                     hasCommittee: committee,
                                     authorisedToAdmit: authorised ?? (kind == "district_committee" || kind == "commune_committee")))
        return id
    }

    /// R8: a cell has a committee exactly when it has 9 or more full members.
    private mutating func settleCommittee(_ cell: Int64, _ members: Range<Int>) {
        let full = batch.members[members].lazy.filter { $0.status == "official" }.count
        if let i = batch.orgs.lastIndex(where: { $0.id == cell }) { batch.orgs[i].hasCommittee = full >= 9 }
    }

    /// A grassroots organisation's yearly ratings and inspection programmes (T11).
    private mutating func lead(_ org: Int64) {
        rateOrg(org)
        for year in Builder.firstYear...Builder.lastYear {
            batch.plans.append((org, year, LocalDate(year: year, month: 1, day: random.int(3...25))!))
        }
    }

    private mutating func rateOrg(_ org: Int64) {
        for year in Builder.firstYear...Builder.lastYear {
            batch.orgRatings.append((org, year, random.weighted(MemberTraits.orgRating)))
        }
    }
}
