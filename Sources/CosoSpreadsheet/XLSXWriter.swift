import CosoCore
import Foundation
import ZIPFoundation

/// `save "file.xlsx"`: the rows as an Excel workbook (Office Open XML, ECMA-376), one sheet, the
/// header row in the language's labels, frozen and filtered. Cells are typed: numbers as numbers,
/// dates as dates (a serial day shown dd/mm/yyyy), booleans as booleans, an audit time as a date
/// and time in Viet Nam's time, enum cases by their label, text as inline strings. Text is never
/// a formula in this format (formulas live in their own element); text that would be one if typed
/// again is marked "quote prefix", as Excel marks it. Rows stream into a temporary file; the zip is
/// made at the end.
public final class XLSXWriter: ResultSink {
    private let path: String
    private let sheetName: String
    private let language: Language
    private let enumLabel: (FieldType, String) -> Label?
    private var columns: [ResultColumn] = []
    private let body: FileHandle
    private let bodyPath: String
    private var buffer = ""
    private var rowNumber = 0
    /// The widest text seen in each column (in characters), for the column widths.
    private var widths: [Int] = []

    /// Style indexes, as `styles.xml` below declares them.
    enum Style: Int { case plain = 0, date = 1, header = 2, quoted = 3, dateTime = 4 }

    public init(path: String, sheetName: String, language: Language, enumLabel: @escaping (FieldType, String) -> Label?) throws {
        self.path = path
        self.sheetName = XLSXWriter.safeSheetName(sheetName)
        self.language = language
        self.enumLabel = enumLabel
        bodyPath = path + ".rows"
        guard FileManager.default.createFile(atPath: bodyPath, contents: nil), let handle = FileHandle(forWritingAtPath: bodyPath) else {
            throw Diagnostic("E0227", Label(vi: "không ghi được tệp \(path)", en: "cannot write the file \(path)"),
                             help: Label(vi: "kiểm tra thư mục và quyền ghi", en: "check the folder and the permissions"))
        }
        body = handle
    }

    deinit {
        try? body.close()
        unlink(bodyPath)
    }

    /// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
    static func safeSheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\'".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Trang1" : cleaned
    }

    public func begin(columns: [ResultColumn]) throws {
        self.columns = columns
        widths = columns.map { _ in 8 }
        rowNumber = 1
        var xml = "<row r=\"1\">"
        for (i, c) in columns.enumerated() {
            let label = c.label.text(language).isEmpty ? c.name : c.label.text(language)
            widths[i] = max(widths[i], label.count + 2)
            xml += inlineString(label, at: i, row: 1, style: .header)
        }
        append(xml + "</row>")
    }

    public func row(_ values: [Value]) throws {
        rowNumber += 1
        var xml = "<row r=\"\(rowNumber)\">"
        for (i, (v, c)) in zip(values, columns).enumerated() { xml += cell(v, c, at: i) }
        append(xml + "</row>")
    }

    public func scalar(_ value: Value, type: FieldType?) throws {
        try begin(columns: [ResultColumn(name: "value", label: Label(vi: "Giá trị", en: "Value"), type: type)])
        try row([value])
    }

    public func message(_ text: String) throws {}

    public func end() throws {
        flush()
        try body.close()
        try writeArchive()
    }

    // MARK: Cells

    private func cell(_ v: Value, _ c: ResultColumn, at i: Int) -> String {
        let ref = XLSXWriter.columnName(i) + String(rowNumber)
        if case .null = v { return "" }
        if case .enumeration? = c.type, case .text(let id) = v, let label = enumLabel(c.type!, id) {
            return inlineString(label.text(language), at: i, row: rowNumber, style: .plain)
        }
        if c.type == .bool, let b = v.intValue { return "<c r=\"\(ref)\" t=\"b\"><v>\(b != 0 ? 1 : 0)</v></c>" }
        switch v {
        case .int(let n):
            widths[i] = max(widths[i], String(n).count + 1)
            return "<c r=\"\(ref)\"><v>\(n)</v></c>"
        case .double(let x) where x.isFinite:
            widths[i] = max(widths[i], 8)
            return "<c r=\"\(ref)\"><v>\(x)</v></c>"
        case .date(let d):
            return date(d, ref, i)
        case .bool(let b):
            return "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
        case .text(let t):
            if c.type == .date, let d = LocalDate(iso: t) { return date(d, ref, i) }
            if c.type == .int, let n = Int64(t) { return "<c r=\"\(ref)\"><v>\(n)</v></c>" }
            if c.type == .text || c.type == nil, let serial = XLSXWriter.instantSerial(t) {
                widths[i] = max(widths[i], 20)
                return "<c r=\"\(ref)\" s=\"\(Style.dateTime.rawValue)\"><v>\(serial)</v></c>"
            }
            // Text a spreadsheet would take for a formula if typed again keeps Excel's mark.
            let quoted = SpreadsheetText.neutralised(t) != t
            return inlineString(t, at: i, row: rowNumber, style: quoted ? .quoted : .plain)
        default:
            return inlineString(v.description, at: i, row: rowNumber, style: .plain)
        }
    }

    private func date(_ d: LocalDate, _ ref: String, _ i: Int) -> String {
        widths[i] = max(widths[i], 12)
        return "<c r=\"\(ref)\" s=\"\(Style.date.rawValue)\"><v>\(XLSXDates.serial(d))</v></c>"
    }

    private func inlineString(_ text: String, at i: Int, row: Int, style: Style) -> String {
        widths[i] = max(widths[i], min(60, text.count + 1))
        let ref = XLSXWriter.columnName(i) + String(row)
        let s = style == .plain ? "" : " s=\"\(style.rawValue)\""
        // xml:space keeps leading and trailing spaces as they are.
        return "<c r=\"\(ref)\" t=\"inlineStr\"\(s)><is><t xml:space=\"preserve\">\(XLSXWriter.escape(text))</t></is></c>"
    }

    /// A stored instant (`2026-12-05T20:33:17.891Z`) as a serial date and time in Viet Nam's time.
    static func instantSerial(_ text: String) -> String? {
        guard DisplayFormat.instant(text, .en) != nil, let day = LocalDate(iso: text.prefix(10)) else { return nil }
        let b = Array(text.utf8)
        func n(_ r: Range<Int>) -> Double { Double(String(decoding: b[r], as: UTF8.self)) ?? 0 }
        let seconds = n(11..<13) * 3600 + n(14..<16) * 60 + n(17..<19) + 7 * 3600
        let serial = Double(XLSXDates.serial(day)) + seconds / 86400
        return String(format: "%.6f", serial)
    }

    /// A, B, ..., Z, AA, AB, ...
    public static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Text as XML character data; characters XML 1.0 cannot carry (controls but tab and line
    /// breaks) are left out rather than making a file Excel refuses.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: The file

    private func append(_ xml: String) {
        buffer += xml
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        body.write(Data(buffer.utf8))
        buffer = ""
    }

    private func writeArchive() throws {
        unlink(path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        try add("[Content_Types].xml", XLSXParts.contentTypes)
        try add("_rels/.rels", XLSXParts.rootRelations)
        try add("docProps/app.xml", XLSXParts.app)
        try add("xl/workbook.xml", XLSXParts.workbook(sheetName))
        try add("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelations)
        try add("xl/styles.xml", XLSXParts.styles)
        // The sheet: its head (column widths, the frozen header), the rows from the temporary
        // file, its tail (the filter on the header), read a block at a time.
        let last = XLSXWriter.columnName(max(0, columns.count - 1)) + String(max(1, rowNumber))
        let head = Data(XLSXParts.sheetHead(widths: widths, dimension: last).utf8)
        let tail = Data(XLSXParts.sheetTail(filter: "A1:" + last).utf8)
        let rows = try FileHandle(forReadingFrom: URL(fileURLWithPath: bodyPath))
        defer { try? rows.close() }
        let rowsSize = Int64(try FileManager.default.attributesOfItem(atPath: bodyPath)[.size] as? Int ?? 0)
        let total = Int64(head.count) + rowsSize + Int64(tail.count)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: total, compressionMethod: .deflate,
                             bufferSize: 1 << 16) { position, size in
            var out = Data()
            var at = position
            while out.count < size, at < total {
                if at < Int64(head.count) {
                    out += head.subdata(in: Int(at)..<min(head.count, Int(at) + size - out.count))
                } else if at < Int64(head.count) + rowsSize {
                    try rows.seek(toOffset: UInt64(at - Int64(head.count)))
                    out += try rows.read(upToCount: min(size - out.count, Int(Int64(head.count) + rowsSize - at))) ?? Data()
                } else {
                    let from = Int(at - Int64(head.count) - rowsSize)
                    out += tail.subdata(in: from..<min(tail.count, from + size - out.count))
                }
                at = position + Int64(out.count)
            }
            return out
        }
    }
}

/// Excel's serial days: 1 is 1/1/1900, counting the 29/2/1900 that never was (Lotus's mistake,
/// kept for compatibility), so from 1/3/1900 on a day is its distance from 30/12/1899.
public enum XLSXDates {
    static let epoch = LocalDate(year: 1899, month: 12, day: 30)!.dayNumber

    public static func serial(_ d: LocalDate) -> Int {
        let n = d.dayNumber - epoch
        return n <= 60 ? n - 1 : n
    }

    /// The day a serial stands for (the 1904 system when the workbook says so); nil out of range.
    public static func date(serial: Double, system1904: Bool = false) -> LocalDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if system1904 { days += 1462 } else if days < 60 { days += 1 }
        guard days >= 1 || system1904 else { return nil }
        return LocalDate(dayNumber: epoch + days)
    }
}
