import Foundation

/// What is wrong with one cell of an imported file. The offending text is never part of it for
/// personal fields (a name, a national ID): the line and the column say where to look.
public struct ImportProblem: Sendable, Equatable {
    public var line: Int
    public var column: String?
    /// The column's position in the file (0 the first), for a spreadsheet's cell reference.
    public var columnIndex: Int?
    public let code: String
    public let message: Label

    public init(line: Int = 0, column: String? = nil, columnIndex: Int? = nil, _ code: String, vi: String, en: String) {
        self.line = line; self.column = column; self.columnIndex = columnIndex; self.code = code; self.message = Label(vi: vi, en: en)
    }
}

extension ImportProblem {
    /// A refusal of the shared validator, reported in the column of its field.
    init(_ violation: RuleViolation) {
        self.init(column: violation.argument, violation.code, vi: violation.message.vi, en: violation.message.en)
    }
}

public struct ImportReport: Sendable {
    public var rows = 0
    public var written = 0
    public var problems: [ImportProblem] = []
}

/// `coso import ENTITY FILE.csv`: every row checked (types, enum values by identifier or label,
/// references by id or name, required fields, unique fields within the file and against the
/// database, the owning module's rules), text in NFC; written in one transaction with its audit
/// trail, all or nothing. A file in a legacy Vietnamese encoding (TCVN3, VNI) is refused with a
/// hint on converting it.
public struct Importer {
    public let store: Store
    public let entity: Entity
    /// Header text (as in the file) to field name, for headers that are neither a field's name nor
    /// one of its labels.
    public var mapping: [String: String] = [:]
    public var dryRun = false
    /// Called now and then with bytes read and the file's size.
    public var progress: ((Int64, Int64) -> Void)?
    /// Called once every row is read and checked, when what remains is writing (the last rows, the
    /// indexes, the commit).
    public var writing: (() -> Void)?

    public init(store: Store, entity: Entity) {
        self.store = store; self.entity = entity
    }

    /// The most problems reported before giving up (a wrong file would otherwise print a million).
    public static let problemLimit = 1000

    public func run(path: String, origin: WriteOrigin) throws -> ImportReport {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return ImportReport(problems: [ImportProblem("E0401", vi: "đây là một thư mục, không phải tệp CSV", en: "this is a directory, not a CSV file")])
        }
        guard let reader = CSVReader(path: path) else {
            return ImportReport(problems: [ImportProblem("E0401", vi: "không mở được tệp", en: "cannot open the file")])
        }
        return try run(reader, origin: origin)
    }

    /// Imports the records of any source (a CSV file, a spreadsheet's sheet): the first is the
    /// header.
    public func run(_ reader: any ImportRows, origin: WriteOrigin) throws -> ImportReport {
        var report = ImportReport()
        guard let header = reader.read() else {
            report.problems.append(ImportProblem(line: 1, "E0402", vi: "tệp rỗng", en: "the file is empty"))
            return report
        }
        // A spreadsheet (.xlsx is a zip), a binary file or a legacy encoding: said once, not as
        // columns of garbage.
        if header.fields.contains(where: { field in Importer.utf8(field) == nil || field.contains { $0 < 0x20 && $0 != 0x09 } }) {
            report.problems.append(ImportProblem(line: 1, "E0406",
                vi: "dòng tiêu đề không phải văn bản UTF-8: tệp không phải CSV (một tệp Excel .xlsx, một tệp nhị phân) hoặc ở bảng mã cũ; lưu lại dạng CSV UTF-8",
                en: "the header is not UTF-8 text: not a CSV file (an Excel .xlsx, a binary file) or in a legacy encoding; save it as CSV UTF-8"))
            return report
        }
        let columns = mapColumns(header, &report)
        guard report.problems.isEmpty else { return report }
        struct Abort: Error {}
        let owner = store.registry.modules.first { $0.entities.contains { $0.name == entity.name } }
        // Looked at in every row: picked out of the entity's fields once.
        // The checks every write path shares: each cell as it is read, then the row as a whole.
        let validator = RowValidator(entity: entity, catalog: store.catalog, today: origin.today)
        let unique = entity.fields.filter(\.unique).map(ImportColumn.init)
        do {
            try store.load(origin, overlapped: owner?.importsOverlapped(entity) ?? true) { load in
                let tx = load.transaction
                var seenIDs = SeenValues()
                var written: [Int64] = []
                // Nothing to be a duplicate of but the file's own rows.
                let startedEmpty = try Importer.isEmpty(entity, tx)
                /// Reads, checks and writes rows until `limit` rows are read; true when the file
                /// is read to its end (or to the most problems reported).
                func readRows(upTo limit: Int) throws -> Bool {
                    var lastProgress: Int64 = 0
                    while report.rows < limit {
                        guard let record = reader.read() else { return true }
                        report.rows += 1
                        if let progress, reader.bytesRead - lastProgress > 1 << 20 {
                            progress(reader.bytesRead, reader.size); lastProgress = reader.bytesRead
                        }
                        var problems: [ImportProblem] = []
                        var values = try parse(record, columns, validator, tx, &problems)
                        if problems.isEmpty {
                            // The module fills what a file may leave out (a member's status), then its rules.
                            problems += try owner?.importRow(entity, &values, tx) ?? []
                            for v in validator.missingRequired(in: values) + validator.constraintProblems(of: values) {
                                problems.append(ImportProblem(v))
                            }
                        }
                        // Duplicates are looked for in every row, whatever else is wrong with it.
                        problems += try uniqueness(values, unique, tx, checkStored: !startedEmpty, &seenIDs)
                        for var p in problems {
                            p.line = record.line
                            if let name = p.column { p.columnIndex = columns.firstIndex { $0?.name == name } }
                            report.problems.append(p)
                        }
                        if report.problems.count >= Importer.problemLimit { return true }
                        guard report.problems.isEmpty, !dryRun else { continue }
                        let id = try tx.insert(entity, values)
                        try owner?.imported(entity, id: id, values, tx)
                        written.append(id)
                        report.written += 1
                    }
                    return false
                }
                func finish() throws {
                    progress?(reader.size, reader.size)
                    // What the rows say together, once all of them are in.
                    if report.problems.isEmpty, !dryRun, let owner {
                        report.problems += try owner.importFinished(entity, ids: written, tx)
                    }
                    // All or nothing: any problem, or a dry run, and the transaction rolls back
                    // (before any index is built again).
                    if !report.problems.isEmpty || dryRun { throw Abort() }
                    writing?()
                }
                // A file with more rows than its tables hold goes in without their secondary indexes,
                // built once at the end by sorting (not for tables the rows are looked up in): into
                // empty tables from the start; into tables that hold rows once the first rows tell how
                // many the file has (100,000 members into the demo district: 7.7-8.2 s with the
                // indexes kept, 5.8-6.0 s).
                if startedEmpty {
                    try tx.withoutIndexes(on: try smallTables(tx, than: 1)) { _ = try readRows(upTo: .max); try finish() }
                    return
                }
                let done = try readRows(upTo: Importer.sampleRows)
                let remaining = Int(Double(report.rows) * Double(reader.size) / Double(max(1, reader.bytesRead))) - report.rows
                let tables = done || dryRun || !report.problems.isEmpty ? [] : try smallTables(tx, than: remaining)
                if tables.isEmpty {
                    if !done { _ = try readRows(upTo: .max) }
                    try finish()
                } else {
                    try tx.withoutIndexes(on: tables) { _ = try readRows(upTo: .max); try finish() }
                }
            }
        } catch is Abort {
            report.written = 0
        }
        return report
    }

    /// Rows read before deciding whether a file is large for the tables it goes into.
    static let sampleRows = 2_000

    /// Entities whose tables hold fewer than `rows` rows, but those the imported rows refer to
    /// (looked up while importing).
    private func smallTables(_ tx: WriteTransaction, than rows: Int) throws -> [String] {
        var referenced: Set<String> = []
        for field in entity.fields { if case .reference(let target) = field.type { referenced.insert(target) } }
        return try tx.catalog.entityNames.filter { name in
            guard !referenced.contains(name), let e = tx.catalog.entity(name), !e.readOnly, e.dated?.always != true else { return false }
            // Counted no further than `rows`.
            let held = try tx.scalar("SELECT count(*) FROM (SELECT 1 FROM \(e.table) LIMIT ?)", [.int(Int64(rows))])
            return (held.intValue ?? 0) < Int64(rows)
        }
    }

    private static func isEmpty(_ entity: Entity, _ tx: WriteTransaction) throws -> Bool {
        try tx.scalar("SELECT NOT EXISTS (SELECT 1 FROM \(entity.table))") == .int(1)
    }

    // MARK: Columns

    private func mapColumns(_ header: CSVReader.Record, _ report: inout ImportReport) -> [ImportColumn?] {
        var columns: [ImportColumn?] = []
        var used: Set<String> = []
        for raw in header.fields {
            let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let name = mapping[text] ?? text
            let key = VietnameseText.fold(VietnameseText.nfc(name))
            // An `id` column keeps the rows' ids (a file exported from another coso, whose "name #id"
            // references then still point at the right rows).
            let field = entity.fields.first { f in
                (f.name == name || VietnameseText.fold(f.label.vi) == key || VietnameseText.fold(f.label.en) == key
                                   || (f.name + ".name") == name)
            }
            guard let field else {
                let names = entity.fields.map(\.name).filter { $0 != "id" }
                let s = Suggest.closest(to: name, in: names)
                report.problems.append(ImportProblem(line: header.line, column: text, columnIndex: columns.count, "E0403",
                    vi: "không có trường '\(text)' trong \(entity.name)" + (s.map { "; có phải ý bạn là '\($0)'?" } ?? ""),
                    en: "\(entity.name) has no field '\(text)'" + (s.map { "; did you mean '\($0)'?" } ?? "")))
                columns.append(nil)
                continue
            }
            if !used.insert(field.name).inserted {
                report.problems.append(ImportProblem(line: header.line, column: text, columnIndex: columns.count, "E0404",
                    vi: "trường \(field.name) có hai cột", en: "field \(field.name) has two columns"))
            }
            columns.append(ImportColumn(field))
        }
        return columns
    }

    // MARK: Rows

    private func parse(_ record: CSVReader.Record, _ columns: [ImportColumn?], _ validator: RowValidator, _ tx: WriteTransaction,
                       _ problems: inout [ImportProblem]) throws -> [Field: Value] {
        var values: [Field: Value] = [:]
        values.reserveCapacity(columns.count + 2)
        if record.fields.count != columns.count {
            problems.append(ImportProblem("E0405", vi: "dòng có \(record.fields.count) cột, tiêu đề có \(columns.count)",
                                          en: "the row has \(record.fields.count) columns, the header \(columns.count)"))
            return values
        }
        for (raw, column) in zip(record.fields, columns) {
            // What the cell needs of its field is read through the column (a class): binding the
            // field itself would copy its every string for every cell.
            guard let column else { continue }
            guard let decoded = Importer.utf8(raw) else {
                problems.append(ImportProblem(column: column.name, "E0406",
                    vi: "chữ không ở bảng mã Unicode (UTF-8): có vẻ là bảng mã cũ TCVN3 (ABC) hoặc VNI; chuyển tệp sang Unicode (UniKey: Công cụ chuyển mã) rồi lưu lại dạng CSV UTF-8",
                    en: "the text is not Unicode (UTF-8): it looks like the legacy TCVN3 (ABC) or VNI encoding; convert the file to Unicode (UniKey's converter) and save it as CSV UTF-8"))
                continue
            }
            // (A cell coso wrote with an apostrophe before a formula's first character reads back
            // as the text it was: `SpreadsheetText`.)
            let text = SpreadsheetText.restored(VietnameseText.nfc(Importer.trimmed(decoded)))
            // An empty cell leaves the field out (a required one is reported with the row).
            if text.isEmpty { continue }
            if case .text = column.type, LegacyEncoding.looksLikeLegacy(text) {
                problems.append(ImportProblem(column: column.name, "E0406",
                    vi: "chữ có vẻ gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI rồi lưu sai; chuyển sang Unicode (UniKey: Công cụ chuyển mã)",
                    en: "the text looks like the legacy TCVN3 (ABC) or VNI encoding saved as Unicode; convert it (UniKey's converter)"))
                continue
            }
            // The text itself, in a message, when the field is not personal (made only for a message).
            var shown: String { column.personal ? "" : " '\(text)'" }
            switch column.type {
            case .text:
                values[column.field] = .text(text)
            case .int:
                guard let i = Int64(text) else {
                    problems.append(ImportProblem(column: column.name, "E0408", vi: "\(column.field.label.vi): cần một số nguyên\(shown)",
                                                  en: "\(column.field.label.en): needs a whole number\(shown)"))
                    continue
                }
                values[column.field] = .int(i)
            case .decimal:
                // 65.5 or, as Vietnamese writes it, 65,5.
                guard let d = Double(text.replacingOccurrences(of: ",", with: ".")), d.isFinite else {
                    problems.append(ImportProblem(column: column.name, "E0408", vi: "\(column.field.label.vi): cần một số\(shown)",
                                                  en: "\(column.field.label.en): needs a number\(shown)"))
                    continue
                }
                values[column.field] = .double(d)
            case .date:
                guard let d = Importer.date(text) else {
                    problems.append(ImportProblem(column: column.name, "E0409",
                        vi: "\(column.field.label.vi): ngày không hợp lệ\(shown) (dạng 2024-05-19 hoặc 19/05/2024)",
                        en: "\(column.field.label.en): not a valid date\(shown) (write 2024-05-19 or 19/05/2024)"))
                    continue
                }
                values[column.field] = .date(d)
            case .bool:
                let key = VietnameseText.fold(text)
                if ["true", "1", "co", "x", "yes"].contains(key) { values[column.field] = .bool(true) }
                else if ["false", "0", "khong", "no"].contains(key) { values[column.field] = .bool(false) }
                else {
                    problems.append(ImportProblem(column: column.name, "E0410", vi: "\(column.field.label.vi): cần có hoặc không\(shown)",
                                                  en: "\(column.field.label.en): needs yes or no\(shown)"))
                }
            case .enumeration(let id):
                if let known = column.cases[text] {
                    values[column.field] = .text(known)
                    continue
                }
                guard let e = tx.catalog.enumType(id), let c = e.find(text) else {
                    let e = tx.catalog.enumType(id)
                    let s = e?.closest(to: text)?.label.vi
                    problems.append(ImportProblem(column: column.name, "E0411",
                        vi: "\(column.field.label.vi): không có giá trị\(shown) trong danh mục" + (s.map { "; có phải ý bạn là '\($0)'?" } ?? ""),
                        en: "\(column.field.label.en): no such value\(shown)" + (s.map { "; did you mean '\($0)'?" } ?? "")))
                    continue
                }
                values[column.field] = .text(c.id)
                column.cases[text] = c.id
            case .reference(let target):
                guard let id = try reference(text, target, tx, column) else {
                    let near = try nearest(text, target, tx, column).map { "\"\($0)\"" }
                    problems.append(ImportProblem(column: column.name, "E0412",
                        vi: "\(column.field.label.vi): không có\(shown) trong \(target)" + (near.isEmpty ? "" : "; có phải ý bạn là " + near.joined(separator: " hoặc ") + "?"),
                        en: "\(column.field.label.en): no\(shown) in \(target)" + (near.isEmpty ? "" : "; did you mean " + near.joined(separator: " or ") + "?")))
                    continue
                }
                guard id >= 0 else {
                    problems.append(ImportProblem(column: column.name, "E0413",
                        vi: "\(column.field.label.vi): nhiều dòng của \(target) cùng tên\(shown); ghi mã, hoặc tên kèm cấp trên: \"Tên (cấp trên)\"",
                        en: "\(column.field.label.en): several rows of \(target) share the name\(shown); write the id, or the name with the level above: \"Name (above)\""))
                    continue
                }
                values[column.field] = .int(id)
            }
            // The bounds and formats the field declares, as every write path checks them.
            if let value = values[column.field], let problem = validator.problem(column.field, value) {
                problems.append(ImportProblem(problem))
            }
        }
        return values
    }

    /// A row of `target` by id or by its display name (exactly, then ignoring case and diacritics);
    /// -1 when the name is ambiguous.
    private func reference(_ text: String, _ target: String, _ tx: WriteTransaction, _ column: ImportColumn) throws -> Int64? {
        guard let other = tx.catalog.entity(target) else { return nil }
        if let id = Int64(text) {
            // Rows of the file's own entity may arrive in the file itself: asked each time.
            if target != entity.name, column.known.contains(id) { return id }
            guard try tx.scalar("SELECT count(*) FROM \(other.table) WHERE id = ?", [.int(id)]) == .int(1) else { return nil }
            if target != entity.name { column.known.insert(id) }
            return id
        }
        guard other.displayField != nil else { return nil }
        // Looked up by index, exactly, then ignoring case and diacritics (or qualified: "Chi bộ
        // thôn 5 #123" as `save` writes a name several rows share, "Chi bộ thôn 5 (xã Gia
        // Hiệp)"); remembered for the rest of the file (not for the entity being imported, whose
        // names the file itself adds).
        if let ids = column.names[text] { return ids.count == 1 ? ids[0] : -1 }
        let ids = try NameLookup(catalog: tx.catalog) { sql, binds in try tx.rows(sql, binds) }.matches(text, in: other)
        if ids.isEmpty { return nil }
        if target != entity.name {
            if column.names.count > 200_000 { column.names.removeAll() }
            column.names[text] = ids
        }
        return ids.count == 1 ? ids[0] : -1
    }

    /// Names of `target` near a name the file gives that none has (once per name).
    private func nearest(_ text: String, _ target: String, _ tx: WriteTransaction, _ column: ImportColumn) throws -> [String] {
        guard Int64(text) == nil, let other = tx.catalog.entity(target) else { return [] }
        if let known = column.nearest[text] { return known }
        let found = try NameLookup(catalog: tx.catalog) { sql, binds in try tx.rows(sql, binds) }.nearestNames(to: text, in: other)
        if column.nearest.count < 10_000 { column.nearest[text] = found }
        return found
    }

    /// Duplicates within the file (`seen`), and, unless the table started empty, of rows stored
    /// before the import (read without writing the file's waiting rows: `seen` covers those).
    /// `unique`: the entity's unique fields, each with the values met so far (`seenIDs`: the ids).
    private func uniqueness(_ values: [Field: Value], _ unique: [ImportColumn], _ tx: WriteTransaction, checkStored: Bool,
                            _ seenIDs: inout SeenValues) throws -> [ImportProblem] {
        var problems: [ImportProblem] = []
        if let id = values[Field.id]?.intValue {
            let repeated = !seenIDs.insert(String(id))
            let taken = try checkStored && tx.storedScalar("SELECT count(*) FROM \(entity.table) WHERE id = ?", [.int(id)]) != .int(0)
            if repeated || taken {
                problems.append(ImportProblem(column: "id", "E0424", vi: "mã \(id) đã có; bỏ cột id để nhận mã mới",
                                              en: "id \(id) is taken; drop the id column to get new ids"))
            }
        }
        for column in unique {
            guard let v = values[column.field]?.textValue, !v.isEmpty else { continue }
            if !column.seen.insert(v) {
                problems.append(ImportProblem(column: column.name, "E0414", vi: "\(column.field.label.vi) trùng với một dòng trước trong tệp",
                                              en: "\(column.field.label.en) repeats an earlier row of the file"))
            } else if try checkStored && tx.storedScalar("SELECT count(*) FROM \(entity.table) WHERE \(column.field.column) = ?", [.text(v)]) != .int(0) {
                problems.append(ImportProblem(column: column.name, "E0415", vi: "\(column.field.label.vi) đã có trong cơ sở dữ liệu",
                                              en: "\(column.field.label.en) is already in the database"))
            }
        }
        return problems
    }

    /// A cell's text, nil when its bytes are not valid UTF-8. Decoding puts U+FFFD in place of
    /// bytes that are not, so the text's bytes then differ from the cell's. (`String(validating:as:)`
    /// is not specialised for a byte array: it looked generic metadata up for every cell, 4% of
    /// the reading thread of an import.)
    static func utf8(_ raw: [UInt8]) -> String? {
        let text = String(decoding: raw, as: UTF8.self)
        // ASCII is valid as it is; otherwise the decoded bytes are compared with the cell's in one go.
        if raw.allSatisfy({ $0 < 0x80 }) { return text }
        var copy = text
        let same = copy.withUTF8 { decoded in
            raw.withUnsafeBufferPointer { cell in
                decoded.count == cell.count && (cell.isEmpty || memcmp(decoded.baseAddress!, cell.baseAddress!, cell.count) == 0)
            }
        }
        return same ? text : nil
    }

    /// Without the spaces around it (Foundation's trimming goes through NSString: slow per cell).
    static func trimmed(_ s: String) -> String {
        // Most cells start and end with a letter or a digit: nothing to trim. A Vietnamese name
        // starts or ends with a letter of more than one byte ("Đỗ", "Nguyễn"), told by its scalar.
        if let head = s.unicodeScalars.first, let tail = s.unicodeScalars.last, isPlainLetterOrDigit(head), isPlainLetterOrDigit(tail) {
            return s
        }
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return first == s.startIndex && last == s.index(before: s.endIndex) ? s : String(s[first...last])
    }

    /// Printable ASCII but the space, or a letter of Latin-1, Latin Extended or the Vietnamese
    /// block: never whitespace, and never a combining mark (which would join a space before it
    /// into one character).
    private static func isPlainLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0xC0...0x24F, 0x1EA0...0x1EF9: return true
        default: return false
        }
    }

    /// `2024-05-19` or `19/05/2024` (the order Vietnamese spreadsheets use), a real calendar day.
    static func date(_ text: String) -> LocalDate? {
        if let d = LocalDate(iso: text) { return d }
        // Day and month of one or two digits, a four-digit year.
        var parts = [0, 0, 0], lengths = [0, 0, 0], part = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") {
                part += 1
                guard part < 3 else { return nil }
            } else {
                guard (48...57).contains(byte) else { return nil }
                parts[part] = parts[part] * 10 + Int(byte - 48)
                lengths[part] += 1
            }
        }
        guard part == 2, (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 4 else { return nil }
        return LocalDate(year: parts[2], month: parts[1], day: parts[0])
    }
}

/// The values of one unique field met so far in a file, kept compactly: national IDs and card
/// numbers are digits, kept as one 64-bit number each with their length (leading zeros count),
/// a third of what a set of strings takes for a file of millions of rows.
struct SeenValues {
    private var numbers: Set<UInt64> = []
    private var texts: Set<String> = []

    /// False when `value` was met before.
    mutating func insert(_ value: String) -> Bool {
        if let n = SeenValues.packed(value) { return numbers.insert(n).inserted }
        return texts.insert(value).inserted
    }

    /// Up to 17 digits (10^17 < 2^57) with their count in the bits above; nil for other text.
    static func packed(_ text: String) -> UInt64? {
        var n: UInt64 = 0, count: UInt64 = 0
        for byte in text.utf8 {
            guard (48...57).contains(byte), count < 17 else { return nil }
            n = n * 10 + UInt64(byte - 48)
            count += 1
        }
        return count == 0 ? nil : count << 57 | n
    }
}
