import CosoCore

/// The 2025 reorganisation of administrative units as data: which new commune-level unit (or
/// units) each old commune went into, and the new units' names and provinces. Read from the two
/// files of `data/` (`admin-units-2025-mapping.csv`, `admin-units-2025.csv`: GSO codes, from the
/// `vietnamadminunits` package, MIT licence) or any files of the same columns.
public struct AdministrativeMapping: Sendable {
    public struct Successor: Sendable, Hashable {
        public let legacy: String, new: String
        /// The new unit that took most of the old one (an old commune split across several has one).
        public let main: Bool
        public init(legacy: String, new: String, main: Bool) { self.legacy = legacy; self.new = new; self.main = main }
    }

    public struct Unit: Sendable, Hashable {
        public let code: String, name: String, type: String
        public let provinceCode: String, province: String
        public init(code: String, name: String, type: String, provinceCode: String, province: String) {
            self.code = code; self.name = name; self.type = type; self.provinceCode = provinceCode; self.province = province
        }
    }

    public let successors: [Successor]
    public let units: [String: Unit]

    public init(successors: [Successor], units: [Unit]) {
        self.successors = successors
        self.units = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The new unit an old commune went into: its main successor, else its only or first one.
    public func successor(of legacy: String) -> Unit? {
        let all = successors.filter { $0.legacy == legacy }
        return (all.first(where: \.main) ?? all.first).flatMap { units[$0.new] }
    }

    /// The real mapping, built in (`data/`, generated into `AdministrativeMappingData.swift`).
    public static let builtIn: AdministrativeMapping = {
        func lines(_ text: String) -> [[String]] { text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) } }
        return AdministrativeMapping(
            successors: lines(mappingText).filter { $0.count == 3 }.map { Successor(legacy: $0[0], new: $0[1], main: $0[2] == "1") },
            units: lines(unitsText).filter { $0.count == 5 }.map { Unit(code: $0[2], name: $0[3], type: $0[4], provinceCode: $0[0], province: $0[1]) })
    }()

    /// A mistake in a mapping file, with where it is.
    public struct FileError: Error, Sendable {
        public let path: String, line: Int
        public let message: Label
    }

    /// Reads the two files (UTF-8 CSV with a header row naming the columns).
    public static func read(mapping: String, units: String) throws -> AdministrativeMapping {
        let m = try rows(mapping, columns: ["legacy_ward_code", "ward_code_2025", "is_main_successor"])
        let u = try rows(units, columns: ["province_code", "province", "ward_code", "ward", "ward_type"])
        return AdministrativeMapping(
            successors: m.map { Successor(legacy: $0[0], new: $0[1], main: $0[2] == "1") },
            units: u.map { Unit(code: $0[2], name: $0[3], type: $0[4], provinceCode: $0[0], province: $0[1]) })
    }

    private static func rows(_ path: String, columns: [String]) throws -> [[String]] {
        guard let reader = CSVReader(path: path) else {
            throw FileError(path: path, line: 0, message: Label(vi: "không đọc được tệp", en: "the file cannot be read"))
        }
        guard let header = reader.read() else {
            throw FileError(path: path, line: 1, message: Label(vi: "tệp trống", en: "the file is empty"))
        }
        let names = header.fields.map { VietnameseText.nfc(String(decoding: $0, as: UTF8.self)).trimmingCharacters(in: .whitespaces) }
        var positions: [Int] = []
        for c in columns {
            guard let i = names.firstIndex(of: c) else {
                throw FileError(path: path, line: header.line, message: Label(vi: "thiếu cột \(c) (cần: \(columns.joined(separator: ", ")))",
                                                                               en: "no column \(c) (needed: \(columns.joined(separator: ", ")))"))
            }
            positions.append(i)
        }
        var out: [[String]] = []
        while let r = reader.read() {
            if r.fields.count == 1, r.fields[0].isEmpty { continue }
            guard positions.allSatisfy({ $0 < r.fields.count }) else {
                throw FileError(path: path, line: r.line, message: Label(vi: "dòng thiếu cột", en: "the row has too few columns"))
            }
            out.append(positions.map { VietnameseText.nfc(String(decoding: r.fields[$0], as: UTF8.self)).trimmingCharacters(in: .whitespaces) })
        }
        return out
    }
}
