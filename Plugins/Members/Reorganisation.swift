import CosoCore
import CosoOrganisations

/// `coso reorganise 2025`: the register carried through the reform of 1/7/2025 (294-QĐ/TW, the
/// 2025 mergers of communes) in one write: the commune committees merged and renamed as the
/// administrative mapping says, everything that was theirs carried to the committee they joined,
/// the district level ended and its organisations placed under the provincial committee. Every
/// change is dated (the structure before 1/7/2025 reads as it was: `orgs asof @2025-06-30`).
public enum Reorganisation2025 {
    /// The first day of the new structure; the old one's last day is the day before.
    public static let date = LocalDate(year: 2025, month: 7, day: 1)!
    static let lastDay = LocalDate(year: 2025, month: 6, day: 30)!

    /// What was done (or, in a dry run, what would be).
    public struct Report: Sendable {
        public struct Merger: Sendable {
            /// The committee that stays, its name before and after.
            public let survivor: Int64, from: String, to: String
            /// The committees merged into it, by name.
            public let absorbed: [String]
        }
        public var mergers: [Merger] = []
        /// Commune committees whose unit the mapping does not know (left as they are).
        public var unmapped: [String] = []
        public var organisationsMoved = 0, villagesMoved = 0, membersMoved = 0, recordsCarried = 0
        public var districtsEnded: [String] = []
        public var province: (name: String, created: Bool)?
    }

    public struct Failure: Error, Sendable { public let message: Label }

    public static func apply(_ mapping: AdministrativeMapping, _ tx: WriteTransaction) throws -> Report {
        var report = Report()
        let communes = try tx.rows("""
            SELECT id, name, unit_code FROM orgs WHERE kind = 'commune_committee' AND (founded IS NULL OR founded <= ?)
            AND dissolved IS NULL ORDER BY id
            """, [.date(lastDay)])
        guard !communes.isEmpty else {
            throw Failure(message: Label(vi: "sổ không có đảng bộ xã nào đang hoạt động ngày 30/06/2025: không có gì để tổ chức lại",
                                         en: "the register has no commune committee live on 30/6/2025: nothing to reorganise"))
        }
        // The communes by the new unit they went into.
        var groups: [String: [(id: Int64, name: String, code: String)]] = [:]
        var order: [String] = []
        for c in communes {
            let id = c[0].intValue ?? 0, name = c[1].textValue ?? "", code = c[2].textValue ?? ""
            guard let unit = mapping.successor(of: code) else { report.unmapped.append(name); continue }
            if groups[unit.code] == nil { order.append(unit.code) }
            groups[unit.code, default: []].append((id, name, code))
        }
        guard !groups.isEmpty else {
            throw Failure(message: Label(vi: "không đảng bộ xã nào có mã đơn vị hành chính trong tệp đối chiếu (unit_code của orgs): kiểm tra tệp",
                                         en: "no commune committee has its administrative unit code in the mapping (orgs' unit_code): check the file"))
        }
        var provinces: [String: Int64] = [:]
        for code in order {
            guard let unit = mapping.units[code], let group = groups[code] else { continue }
            // The committee that already bears the new name stays; else the one of the unit whose
            // code the new one keeps; else the first.
            let newName = committeeName(unit)
            let survivor = group.first { VietnameseText.nfc($0.name) == newName } ?? group.first { $0.code == code } ?? group[0]
            if newName != survivor.name {
                try tx.insert(OrgNames.entity, [OrgNames.org: .int(survivor.id), OrgNames.name: .text(survivor.name), OrgNames.until: .date(lastDay)])
                try tx.update(Orgs.entity, id: survivor.id, [Orgs.name: .text(newName)])
            }
            let province = try provinceCommittee(for: unit, tx, &provinces, &report)
            try tx.update(Orgs.entity, id: survivor.id, [Orgs.unitCode: .text(code), Orgs.parent: .int(province)], from: date)
            var absorbed: [String] = []
            for other in group where other.id != survivor.id {
                try carry(other.id, into: survivor.id, name: other.name, newName: newName, tx, &report)
                try tx.update(Orgs.entity, id: other.id, [Orgs.dissolved: .date(date), Orgs.dissolvedHow: .text("merged")])
                absorbed.append(other.name)
            }
            report.mergers.append(.init(survivor: survivor.id, from: survivor.name, to: newName, absorbed: absorbed))
        }
        // The district level ends: what is still under a district goes under the province.
        let fallback = provinces.values.sorted().first
        for d in try tx.rows("SELECT id, name FROM orgs WHERE kind = 'district_committee' AND dissolved IS NULL ORDER BY id", []) {
            let id = d[0].intValue ?? 0
            let units = try tx.rowIDs("SELECT id FROM orgs WHERE parent_id = ? AND dissolved IS NULL", [.int(id)])
            guard let province = try fallback ?? existingProvince(tx) else {
                throw Failure(message: Label(vi: "không biết đặt các tổ chức của \(d[1].textValue ?? "") dưới đảng bộ tỉnh nào",
                                             en: "no provincial committee to place \(d[1].textValue ?? "")'s organisations under"))
            }
            for u in units {
                try tx.update(Orgs.entity, id: u, [Orgs.parent: .int(province)], from: date)
                report.organisationsMoved += 1
            }
            // The district's offices end with it; its open work goes to the province.
            for p in try tx.rowIDs("SELECT id FROM positions WHERE org_id = ? AND ended IS NULL", [.int(id)]) {
                try tx.update(Positions.entity, id: p, [Positions.ended: .date(date)])
            }
            try carry(id, into: province, name: d[1].textValue ?? "", newName: nil, tx, &report, orgs: false)
            try tx.update(Orgs.entity, id: id, [Orgs.dissolved: .date(date), Orgs.dissolvedHow: .text("dissolved")])
            report.districtsEnded.append(d[1].textValue ?? "")
        }
        guard report.mergers.contains(where: { !$0.absorbed.isEmpty || $0.from != $0.to }) || !report.districtsEnded.isEmpty else {
            throw Failure(message: Label(vi: "sổ đã được tổ chức lại: các đảng bộ xã đã như bảng đối chiếu, không còn cấp huyện",
                                         en: "the register is reorganised already: its communes are as the mapping says, with no district level"))
        }
        return report
    }

    /// "Xã Đinh Trang Thượng" → "Đảng bộ xã Đinh Trang Thượng".
    static func committeeName(_ unit: AdministrativeMapping.Unit) -> String {
        let words = unit.name.split(separator: " ", maxSplits: 1)
        guard words.count == 2 else { return "Đảng bộ " + unit.name }
        // "Đặc khu" is two words: lower-case the type as a whole.
        if unit.name.hasPrefix(unit.type + " ") {
            return "Đảng bộ " + unit.type.lowercased() + unit.name.dropFirst(unit.type.count)
        }
        return "Đảng bộ " + words[0].lowercased() + " " + words[1]
    }

    /// Everything live that was `from`'s moves to `into` from the date: its organisations (`orgs`
    /// true), villages, members (with a recorded transfer each) and any other live row of an
    /// entity referring to organisations (positions, open inspections), each a dated change.
    static func carry(_ from: Int64, into: Int64, name: String, newName: String?, _ tx: WriteTransaction, _ report: inout Report,
                      orgs: Bool = true) throws {
        if orgs {
            for u in try tx.rowIDs("SELECT id FROM orgs WHERE parent_id = ? AND dissolved IS NULL", [.int(from)]) {
                try tx.update(Orgs.entity, id: u, [Orgs.parent: .int(into)], from: date)
                report.organisationsMoved += 1
            }
        }
        for v in try tx.rowIDs("SELECT id FROM villages WHERE commune_id = ?", [.int(from)]) {
            try tx.update(Villages.entity, id: v, [Villages.commune: .int(into)], from: date)
            report.villagesMoved += 1
        }
        for v in try tx.rowIDs("SELECT id FROM villages WHERE cell_id = ?", [.int(from)]) {
            try tx.update(Villages.entity, id: v, [Villages.cell: .int(into)], from: date)
        }
        let note = "tổ chức lại 01/7/2025: \(name)" + (newName.map { " vào \($0)" } ?? "")
        for m in try tx.rowIDs("SELECT id FROM members WHERE org_id = ? AND (\(Members.entity.liveCondition ?? "1"))", [.int(from)]) {
            try OrgReshaping.move(tx, member: m, from: from, to: into, on: date, note: note)
            report.membersMoved += 1
        }
        for (entity, field) in tx.catalog.references(to: "orgs") where !["orgs", "members", "villages"].contains(entity.name) {
            guard let live = entity.liveCondition else { continue }
            for id in try tx.rowIDs("SELECT id FROM \(entity.table) WHERE \(field.column) = ? AND (\(live))", [.int(from)]) {
                try tx.update(entity, id: id, [field: .int(into)], from: date)
                report.recordsCarried += 1
            }
        }
    }

    /// The provincial committee the new unit's commune goes under: the live one with the new
    /// province's code, else the only live one, else one made now ("Đảng bộ tỉnh Lâm Đồng").
    static func provinceCommittee(for unit: AdministrativeMapping.Unit, _ tx: WriteTransaction, _ known: inout [String: Int64],
                                  _ report: inout Report) throws -> Int64 {
        if let id = known[unit.provinceCode] { return id }
        let live = try tx.rows("SELECT id, name, unit_code FROM orgs WHERE kind = 'provincial_committee' AND dissolved IS NULL ORDER BY id", [])
        let id: Int64
        if let match = live.first(where: { $0[2].textValue == unit.provinceCode }) ?? (live.count == 1 ? live.first : nil) {
            id = match[0].intValue ?? 0
            report.province = (match[1].textValue ?? "", false)
        } else {
            let name = "Đảng bộ " + unit.province.prefix(1).lowercased() + unit.province.dropFirst()
            id = try tx.insert(Orgs.entity, [Orgs.name: .text(name), Orgs.kind: .text("provincial_committee"), Orgs.unitCode: .text(unit.provinceCode),
                                             Orgs.hasCommittee: .bool(true), Orgs.authorisedToAdmit: .bool(true)])
            report.province = (name, true)
        }
        known[unit.provinceCode] = id
        return id
    }

    static func existingProvince(_ tx: WriteTransaction) throws -> Int64? {
        try tx.rowIDs("SELECT id FROM orgs WHERE kind = 'provincial_committee' AND dissolved IS NULL ORDER BY id", []).first
    }
}

extension Reorganisation2025 {
    /// `reorganise 2025 [mapping: "FILE"]`: the reorganisation as a command of the language (one
    /// audited write; `.dryrun on` or `coso reorganise 2025 --dry-run` shows it and writes nothing).
    static let command = Command(
        "reorganise", summary: Label(vi: "Tổ chức lại theo cải cách 01/7/2025: sáp nhập, đổi tên đảng bộ xã theo bảng đối chiếu, kết thúc cấp huyện",
                                     en: "Reorganise for the reform of 1/7/2025: merge and rename commune committees by the mapping, end the district level"),
        positional: [Parameter("year", .int, vi: "năm của cải cách (2025)", en: "the reform's year (2025)")],
        labelled: [Parameter("mapping", .text, vi: "tệp đối chiếu mã xã cũ - mới (mặc định: bảng có sẵn, data/admin-units-2025-mapping.csv); tên đơn vị mới lấy từ admin-units-2025.csv cùng thư mục",
                             en: "the old-to-new commune code file (default: the built-in one, data/admin-units-2025-mapping.csv); the new units' names come from admin-units-2025.csv beside it",
                             required: false)],
        examples: [CommandExample(
            setup: [#"org add "Đảng bộ huyện Di Linh" kind: district_committee code: "679" founded: @1976-01-01"#,
                    #"org add "Đảng bộ xã Tân Thượng" kind: commune_committee parent: "Đảng bộ huyện Di Linh" code: "25006" founded: @1980-01-01"#,
                    #"org add "Đảng bộ xã Tân Lâm" kind: commune_committee parent: "Đảng bộ huyện Di Linh" code: "25007" founded: @1980-01-01"#,
                    #"org add "Chi bộ thôn 1" kind: village_cell parent: "Đảng bộ xã Tân Thượng" founded: @1990-01-01"#],
            "reorganise 2025",
            expected: """
                Đã tổ chức lại từ 01/07/2025: 2 đảng bộ xã thành 1; 1 tổ chức, 0 thôn, 0 đảng viên, 0 bản ghi khác chuyển theo.
                  - Đảng bộ xã Tân Lâm → Đảng bộ xã Đinh Trang Thượng, nhận Đảng bộ xã Tân Thượng
                  - kết thúc Đảng bộ huyện Di Linh (ngày cuối 30/06/2025); các tổ chức trực thuộc chuyển về Đảng bộ tỉnh Lâm Đồng (mới lập)
                """)]
    ) { call, tx in
        guard call.id("year") == 2025 else {
            throw RuleViolation("E1163", vi: "chỉ có cải cách năm 2025 (294-QĐ/TW, sáp nhập xã từ 01/7/2025)", en: "only the 2025 reform is known (294-QĐ/TW, communes merged from 1/7/2025)",
                                argument: "year")
        }
        let mapping: AdministrativeMapping
        if let file = call.text("mapping") {
            let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let units = file.contains("/") ? folder + "/admin-units-2025.csv" : "admin-units-2025.csv"
            do { mapping = try AdministrativeMapping.read(mapping: file, units: units) } catch let e as AdministrativeMapping.FileError {
                let place = e.line > 0 ? "\(e.path):\(e.line)" : e.path
                throw RuleViolation("E1164", vi: "\(place): \(e.message.vi)", en: "\(place): \(e.message.en)", argument: "mapping",
                                    helpVi: "tệp đối chiếu có cột legacy_ward_code, ward_code_2025, is_main_successor; admin-units-2025.csv cùng thư mục",
                                    helpEn: "the mapping has columns legacy_ward_code, ward_code_2025, is_main_successor; admin-units-2025.csv lies beside it")
            }
        } else {
            mapping = AdministrativeMapping.builtIn
        }
        let report: Report
        do { report = try apply(mapping, tx) } catch let f as Failure {
            throw RuleViolation("E1165", vi: f.message.vi, en: f.message.en)
        }
        return report.label
    }
}

extension Reorganisation2025.Report {
    var label: Label {
        let communes = mergers.reduce(0) { $0 + 1 + $1.absorbed.count }
        var vi = ["Đã tổ chức lại từ 01/07/2025: \(communes) đảng bộ xã thành \(mergers.count); \(organisationsMoved) tổ chức, \(villagesMoved) thôn, "
                  + "\(membersMoved) đảng viên, \(recordsCarried) bản ghi khác chuyển theo."]
        var en = ["Reorganised from 1/7/2025: \(communes) commune committees into \(mergers.count); \(organisationsMoved) organisations, \(villagesMoved) villages, "
                  + "\(membersMoved) members and \(recordsCarried) other records carried over."]
        for m in mergers {
            let renamed = m.from == m.to ? m.to : "\(m.from) → \(m.to)"
            vi.append("  - \(renamed)" + (m.absorbed.isEmpty ? "" : ", nhận " + m.absorbed.joined(separator: ", ")))
            en.append("  - \(renamed)" + (m.absorbed.isEmpty ? "" : ", joined by " + m.absorbed.joined(separator: ", ")))
        }
        for d in districtsEnded {
            let p = province.map { " " + $0.name + ($0.created ? " (mới lập)" : "") } ?? ""
            let pe = province.map { " " + $0.name + ($0.created ? " (made now)" : "") } ?? ""
            vi.append("  - kết thúc \(d) (ngày cuối 30/06/2025); các tổ chức trực thuộc chuyển về\(p)")
            en.append("  - ended \(d) (last day 30/6/2025); its organisations placed under\(pe)")
        }
        if !unmapped.isEmpty {
            vi.append("  - không có trong bảng đối chiếu, giữ nguyên: " + unmapped.joined(separator: ", "))
            en.append("  - not in the mapping, left as they are: " + unmapped.joined(separator: ", "))
        }
        return Label(vi: vi.joined(separator: "\n"), en: en.joined(separator: "\n"))
    }
}
