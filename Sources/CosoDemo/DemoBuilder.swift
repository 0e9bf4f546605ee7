import CosoCore

/// The demo's organisation tree. Member generation is in `DemoBuilder+Members.swift`.
struct Builder {
    let tx: BulkLoad
    var random: SeededRandom
    var summary = DemoDistrict.Summary()
    let names = NameGenerator()
    var nationalIDs: Set<String> = []
    var nextCard = 10_000_001
    /// Every member added, by organisation, for the later steps.
    var membersByOrg: [Int64: [DemoMember]] = [:]
    /// Village cells with their village's name and kind, and their commune committee.
    var villageCells: [(cell: Int64, village: String, kind: String, commune: Int64)] = []
    /// Organisations that elect a committee or a secretary, with their kind.
    var leadOrgs: [(org: Int64, kind: String)] = []
    /// Cells of each commune's agencies (members who work there live in the commune's villages).
    var communeOfCell: [Int64: Int64] = [:]
    /// Village cells with a committee.
    var committeeCells: Set<Int64> = []
    /// For each village cell: whether the village head and the Front team head are members.
    var headIsMember: [Int64: (Bool, Bool)] = [:]
    var positionHolders: Set<Int64> = []
    var secretaryPosition: [Int64: (position: Int64, member: Int64)] = [:]
    var committeeMemberPositions: [(position: Int64, member: Int64, org: Int64)] = []
    /// Members disciplined, with the year and whether they corrected it themselves (R17).
    var disciplined: [Int64: (Int, Bool)] = [:]
    /// The organisation whose 2022 inspection programme is missing (a planted problem).
    var planNotAdopted: Int64?

    init(tx: BulkLoad, random: SeededRandom) {
        self.tx = tx; self.random = random
    }

    /// Communes where most residents are K'Ho (Di Linh's Srê and Nộp areas): a higher share of
    /// K'Ho members there.
    static let khoShare: [String: Double] = [
        "25048": 0.75, "25051": 0.7, "25003": 0.6, "25033": 0.55, "25006": 0.5, "25018": 0.45, "25024": 0.45,
        "25030": 0.35, "25012": 0.3, "25039": 0.25, "25000": 0.06,
    ]

    /// How many village or residential-group cells each unit gets: 183 in all (fn1 of the plan).
    static func villageCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for u in DemoData.units { counts[u.code] = 9 }
        // The town and the larger communes have more villages: 171 + 12 = 183.
        for code in ["25000", "25000", "25000", "25015", "25036", "25027", "25009", "25045", "25042", "25039", "25033", "25018"] {
            counts[code, default: 9] += 1
        }
        return counts
    }

    mutating func run() throws {
        let district = try addOrg("Đảng bộ huyện Di Linh", kind: "district_committee", parent: nil, sector: nil,
                                  founded: LocalDate(year: 1976, month: 4, day: 2)!, committee: true, code: "679")
        let counts = Builder.villageCounts()
        let total = counts.values.reduce(0, +)
        precondition(total == DemoDistrict.villageCellCount)
        // Exactly 97 of the 183 village cells have a committee, chosen by the seed.
        var flags = Array(repeating: true, count: DemoDistrict.villageCellsWithCommittee)
            + Array(repeating: false, count: total - DemoDistrict.villageCellsWithCommittee)
        flags.shuffle(using: &random)
        try addCommunes(DemoData.units.map { ($0.code, $0.name, $0.type) }, district: district, villageCounts: counts, committees: flags)
        try addDistrictAgencies(district, place: "Di Linh")
        try addHistory(heads: DemoDistrict.headsNotMembers, fronts: DemoDistrict.frontHeadsNotMembers, plant: true)
    }

    /// The records every demo gets once its tree and roll are built, 2018 to the plan's date.
    mutating func addHistory(heads: Int, fronts: Int, plant: Bool) throws {
        try addVillages(headsNotMembers: heads, frontHeadsNotMembers: fronts)
        try addPositions()
        planNotAdopted = plant ? leadOrgs.last { $0.kind == "grassroots_cell" }?.org : nil
        try addOversightAndTraining()
        try addRatings()
        if plant { try plantProblems() }
    }

    /// A district's communes: each commune committee, its village cells (a committee where
    /// `committees` says so, in order) and the cells of its agencies.
    /// `districtTitle` ("thành phố Đà Lạt") goes after a ward known only by its number ("phường 1,
    /// thành phố Đà Lạt"), as official names do, so that names stay unique across a province.
    mutating func addCommunes(_ units: [(code: String, name: String, type: String)], district: Int64, villageCounts counts: [String: Int],
                              committees flags: [Bool], districtTitle: String? = nil) throws {
        var flagIndex = 0
        for unit in units {
            let isTown = unit.type == "Thị trấn"
            var place = unit.name.replacingOccurrences(of: "Xã ", with: "xã ").replacingOccurrences(of: "Thị trấn ", with: "thị trấn ")
                .replacingOccurrences(of: "Phường ", with: "phường ")
            if let districtTitle, let last = place.split(separator: " ").last, Int(last) != nil { place += ", \(districtTitle)" }
            let commune = try addOrg("Đảng bộ \(place)", kind: "commune_committee", parent: district, sector: nil,
                                     founded: LocalDate(year: 1976 + random.int(0...10), month: random.int(1...12), day: random.int(1...28))!,
                                     committee: true, code: unit.code)
            let kho = Builder.khoShare[unit.code] ?? 0.15
            for name in villageNames(unit: unit.code, town: isTown, count: counts[unit.code] ?? 9) {
                let committee = flags[flagIndex]
                flagIndex += 1
                let cellName = "Chi bộ " + name.prefix(1).lowercased() + name.dropFirst()
                let cell = try addOrg(cellName, kind: "village_cell", parent: commune, sector: isTown ? "residential_group" : "village",
                                      founded: LocalDate(year: 1980 + random.int(0...30), month: random.int(1...12), day: random.int(1...28))!,
                                      committee: committee, code: nil)
                summary.villageCells += 1
                if committee { summary.villageCellsWithCommittee += 1 }
                // R8: a cell with a committee has at least 9 full members; the others fewer than 9 (R7: at least 3).
                let size = committee ? random.int(13...29) : random.int(4...8)
                try addCellMembers(size, org: cell, profile: .village(khoShare: kho), minimumOfficial: committee ? 9 : 3)
                villageCells.append((cell, name, isTown ? "residential_group" : "village", commune))
                if committee { committeeCells.insert(cell) }
                communeOfCell[cell] = commune
            }
            // Cells of the commune's agencies and forces.
            let local = place.replacingOccurrences(of: "thị trấn ", with: "").replacingOccurrences(of: "xã ", with: "")
            let agencies = MemberTraits.communeAgencies(place: place, local: local)
            for (name, sector, profile, range) in agencies {
                let cell = try addOrg(name, kind: "subordinate_cell", parent: commune, sector: sector,
                                      founded: LocalDate(year: 1990 + random.int(0...25), month: random.int(1...12), day: random.int(1...28))!,
                                      committee: false, code: nil)
                try addCellMembers(random.int(range), org: cell, profile: profile, minimumOfficial: 3, settleCommittee: true)
                communeOfCell[cell] = commune
            }
            leadOrgs.append((commune, "commune_committee"))
            if unit.code == "25036" && unit.name == "Xã Hòa Ninh" {
                // fn2 of the plan: 1 of the district's 5 people's credit funds has a cell.
                let cell = try addOrg("Chi bộ Quỹ tín dụng nhân dân Hòa Ninh", kind: "subordinate_cell", parent: commune,
                                      sector: "credit_fund", founded: LocalDate(year: 2012, month: 5, day: 15)!, committee: false, code: nil)
                try addCellMembers(4, org: cell, profile: .office, minimumOfficial: 3)
                communeOfCell[cell] = commune
            }
        }
    }

    /// Real village names where public pages give them, then numbered ones.
    mutating func villageNames(unit: String, town: Bool, count: Int) -> [String] {
        var names = DemoData.villages.filter { $0.unit == unit }.map(\.name)
        let prefix = town ? "Tổ dân phố" : "Thôn"
        var n = 1
        while names.count < count {
            let candidate = "\(prefix) \(n)"
            if !names.contains(candidate) { names.append(candidate) }
            n += 1
        }
        return Array(names.prefix(count))
    }

    /// Grassroots organisations of the district's agencies, under the district committee.
    /// `place`: the district's short name. Di Linh's agencies keep their own names; elsewhere the
    /// names Di Linh's places give are made generic and each takes the district's name, so that
    /// names stay unique across a province.
    mutating func addDistrictAgencies(_ district: Int64, place: String) throws {
        func named(_ name: String) -> String {
            guard place != "Di Linh" else { return name }
            let generic = ["Lâm trường Gia Bắc": "Lâm trường số 1", "Lâm trường Sơn Điền": "Lâm trường số 2",
                           "THPT Hòa Ninh": "THPT số 2", "THPT Gia Hiệp": "THPT số 3", "Chè Di Linh": "Chè \(place)",
                           "Cà phê Đinh Lạc": "Cà phê \(place)", "Nông nghiệp Tân Châu": "Nông nghiệp \(place)"]
            var out = name.replacingOccurrences(of: "Di Linh", with: place)
            for (a, b) in generic { out = out.replacingOccurrences(of: a, with: b) }
            return out.contains(place) ? out : out + " (\(place))"
        }
        let committees: [(String, String, Profile, [String])] = [
            ("Đảng bộ Cơ quan Chính quyền huyện", "state_agency", .office,
             ["Chi bộ Văn phòng HĐND và UBND huyện", "Chi bộ Phòng Tài chính - Kế hoạch", "Chi bộ Phòng Nông nghiệp và PTNT",
              "Chi bộ Phòng Tài nguyên và Môi trường", "Chi bộ Phòng Nội vụ"]),
            ("Đảng bộ Các cơ quan Đảng huyện", "party_agency", .office,
             ["Chi bộ Văn phòng Huyện ủy", "Chi bộ Ban Tổ chức - Ủy ban Kiểm tra", "Chi bộ Ban Tuyên giáo - Dân vận", "Chi bộ Trung tâm Chính trị"]),
            ("Đảng bộ Công an huyện", "police", .forces,
             ["Chi bộ Đội Cảnh sát hình sự", "Chi bộ Đội An ninh", "Chi bộ Đội Cảnh sát giao thông", "Chi bộ Tổng hợp"]),
            ("Đảng bộ Quân sự huyện", "military", .forces, ["Chi bộ Chỉ huy", "Chi bộ Hậu cần - Kỹ thuật", "Chi bộ Đại đội bộ binh"]),
            ("Đảng bộ Trung tâm Y tế huyện", "health", .health,
             ["Chi bộ Khối điều trị", "Chi bộ Khối dự phòng", "Chi bộ Hành chính"]),
            ("Đảng bộ Công ty TNHH MTV Lâm nghiệp Di Linh", "state_enterprise", .enterprise,
             ["Chi bộ Văn phòng công ty", "Chi bộ Lâm trường Gia Bắc", "Chi bộ Lâm trường Sơn Điền"]),
        ]
        for (name, sector, profile, cells) in committees {
            let org = try addOrg(named(name), kind: "grassroots_committee", parent: district, sector: sector,
                                 founded: LocalDate(year: 1977 + random.int(0...20), month: random.int(1...12), day: random.int(1...28))!,
                                 committee: true, code: nil)
            for cellName in cells {
                let cell = try addOrg(named(cellName), kind: "subordinate_cell", parent: org, sector: sector,
                                      founded: LocalDate(year: 1990 + random.int(0...25), month: random.int(1...12), day: random.int(1...28))!,
                                      committee: false, code: nil)
                try addCellMembers(random.int(8...20), org: cell, profile: profile, minimumOfficial: 3, settleCommittee: true)
            }
            leadOrgs.append((org, "grassroots_committee"))
        }
        let cells: [(String, String, Profile)] = [
            ("Chi bộ Trường THPT Di Linh", "school", .school), ("Chi bộ Trường THPT Nguyễn Viết Xuân", "school", .school),
            ("Chi bộ Trường THPT Phan Bội Châu", "school", .school), ("Chi bộ Trường THPT Lê Hồng Phong", "school", .school),
            ("Chi bộ Trường THPT Hòa Ninh", "school", .school), ("Chi bộ Trường THPT Gia Hiệp", "school", .school),
            ("Chi bộ Trường Phổ thông Dân tộc nội trú Di Linh", "school", .school), ("Chi bộ Trung tâm GDNN - GDTX huyện", "school", .school),
            ("Chi bộ Phòng Giáo dục và Đào tạo", "state_agency", .office), ("Chi bộ Viện Kiểm sát nhân dân huyện", "state_agency", .office),
            ("Chi bộ Tòa án nhân dân huyện", "state_agency", .office), ("Chi bộ Chi cục Thi hành án dân sự", "state_agency", .office),
            ("Chi bộ Chi cục Thuế khu vực", "state_agency", .office), ("Chi bộ Kho bạc Nhà nước huyện", "state_agency", .office),
            ("Chi bộ Bảo hiểm xã hội huyện", "state_agency", .office), ("Chi bộ Hạt Kiểm lâm", "state_agency", .office),
            ("Chi bộ Ngân hàng Nông nghiệp và PTNT huyện", "state_enterprise", .enterprise),
            ("Chi bộ Ngân hàng Chính sách xã hội huyện", "public_service", .office),
            ("Chi bộ Điện lực Di Linh", "state_enterprise", .enterprise), ("Chi bộ Bưu điện huyện", "state_enterprise", .enterprise),
            ("Chi bộ Trung tâm Văn hóa - Thông tin và Thể thao", "public_service", .office),
            ("Chi bộ Ban Quản lý dự án đầu tư xây dựng", "public_service", .office),
            ("Chi bộ Trung tâm Dịch vụ nông nghiệp", "public_service", .office),
            ("Chi bộ Mặt trận Tổ quốc và các đoàn thể", "party_agency", .office),
            ("Chi bộ Hội Cựu chiến binh huyện", "party_agency", .office),
            ("Chi bộ Hợp tác xã Nông nghiệp Tân Châu", "coop", .enterprise),
            ("Chi bộ Công ty Cổ phần Chè Di Linh", "private_enterprise", .enterprise),
            ("Chi bộ Công ty TNHH Cà phê Đinh Lạc", "private_enterprise", .enterprise),
            ("Chi bộ Bệnh viện Đa khoa khu vực", "health", .health),
            ("Chi bộ Trung tâm Kiểm soát bệnh tật huyện", "health", .health),
        ]
        for (name, sector, profile) in cells {
            let org = try addOrg(named(name), kind: "grassroots_cell", parent: district, sector: sector,
                                 founded: LocalDate(year: 1985 + random.int(0...30), month: random.int(1...12), day: random.int(1...28))!,
                                 committee: false, code: nil)
            // R7: under 30 members, or it would be a grassroots committee.
            try addCellMembers(random.int(10...29), org: org, profile: profile, minimumOfficial: 3, settleCommittee: true)
            leadOrgs.append((org, "grassroots_cell"))
        }
    }

    /// Adds a cell's members; with `settleCommittee`, the cell has a committee exactly when it has
    /// 9 or more full members (R8).
    mutating func addCellMembers(_ count: Int, org: Int64, profile: Profile, minimumOfficial: Int, settleCommittee: Bool = false) throws {
        let members = try addMembers(count, org: org, profile: profile, minimumOfficial: minimumOfficial)
        membersByOrg[org] = members
        if settleCommittee {
            let full = members.filter { $0.status == "official" }.count
            try tx.update("orgs", id: org, ["has_committee": .bool(full >= 9)])
        }
    }

    mutating func addOrg(_ name: String, kind: String, parent: Int64?, sector: String?, founded: LocalDate,
                         committee: Bool, code: String?) throws -> Int64 {
        summary.organisations += 1
        return try tx.insert("orgs", [
            "name": .text(name), "kind": .text(kind), "parent": parent.map { .int($0) } ?? .null,
            "sector": sector.map { .text($0) } ?? .null, "founded": .date(founded),
            "has_committee": .bool(committee), "unit_code": code.map { .text($0) } ?? .null,
            // Commune and district committees admit; half the agencies' grassroots committees are authorised to.
            "authorised_to_admit": .bool(kind == "district_committee" || kind == "commune_committee"
                                         || (kind == "grassroots_committee" && random.chance(0.5))),
        ])
    }
}
