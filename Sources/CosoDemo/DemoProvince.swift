import CosoCore

/// A merged-province-like demo (about 120,000 members): the provincial committee of Lâm Đồng with
/// the 29 districts of the three provinces merged into it in 2025 (Lâm Đồng, Đắk Nông, Bình Thuận)
/// as they stood before 1/7/2025, each with its real communes, village cells (about half with a
/// committee), commune agencies and district organisations, members and their history to the
/// plan's date, like the district demo but with no planted problems. The same seed gives the same
/// database.
public struct DemoProvince {
    public let seed: UInt64
    /// Only the first N districts (tests build a small one).
    public let districtLimit: Int?
    public init(seed: UInt64 = 1, districtLimit: Int? = nil) { self.seed = seed; self.districtLimit = districtLimit }

    public func build(into store: Store, user: String, progress: ((Int, Int) -> Void)? = nil) throws -> DemoDistrict.Summary {
        try DemoError.requireEmpty(store)
        let origin = WriteOrigin(user: user, statement: "coso demo province --seed \(seed)", source: "demo")
        return try store.load(origin) { tx in
            // Into empty tables: their secondary indexes are built once at the end (not for the
            // organisations, whose tree the builder walks).
            try tx.withoutIndexes(on: tx.catalog.entityNames.filter { $0 != "orgs" && !(tx.catalog.entity($0)?.readOnly ?? true) }) {
                var builder = Builder(tx: tx, random: SeededRandom(seed: seed))
                try builder.runProvince(districtLimit: districtLimit, progress: progress)
                return builder.summary
            }
        }
    }
}

extension Builder {
    mutating func runProvince(districtLimit: Int?, progress: ((Int, Int) -> Void)?) throws {
        let province = try addOrg("Đảng bộ tỉnh Lâm Đồng", kind: "provincial_committee", parent: nil, sector: nil,
                                  founded: LocalDate(year: 1976, month: 1, day: 20)!, committee: true, code: "68")
        var order: [String] = []
        var byDistrict: [String: [(code: String, name: String, type: String)]] = [:]
        var names: [String: String] = [:]
        for u in DemoData.provinceUnits {
            if byDistrict[u.district] == nil { order.append(u.district) }
            byDistrict[u.district, default: []].append((u.code, u.name, u.type))
            names[u.district] = u.districtName
        }
        let districts = Array(order.prefix(districtLimit ?? order.count))
        for (i, code) in districts.enumerated() {
            let full = names[code]!
            let place = ["Huyện ", "Thành phố ", "Thị xã "].reduce(full) { $0.replacingOccurrences(of: $1, with: "") }
            let title = String(full.prefix(1).lowercased() + full.dropFirst())
            let district = try addOrg("Đảng bộ \(title)", kind: "district_committee", parent: province, sector: nil,
                                      founded: LocalDate(year: 1976 + random.int(0...20), month: random.int(1...12), day: random.int(1...28))!,
                                      committee: true, code: code)
            let units = byDistrict[code]!
            var counts: [String: Int] = [:]
            for u in units { counts[u.code] = u.type == "Xã" ? random.int(12...20) : random.int(14...24) }
            // About 53% of village cells have a committee, as in Di Linh (T10's baseline).
            let flags = (0..<counts.values.reduce(0, +)).map { _ in random.chance(0.53) }
            try addCommunes(units, district: district, villageCounts: counts, committees: flags, districtTitle: title)
            try addDistrictAgencies(district, place: place)
            progress?(i + 1, districts.count)
        }
        let n = villageCells.count
        // fn3's shares in Di Linh: 84 of 183 heads and 62 Front team heads are not members.
        try addHistory(heads: n * 84 / 183, fronts: n * 62 / 183, plant: false)
    }
}
