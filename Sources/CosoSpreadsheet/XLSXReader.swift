import CosoCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// `coso import ENTITY file.xlsx`: the first sheet of an Excel workbook as records, the way the
/// CSV reader gives them. Cells are read as their type says: a shared or inline string as its
/// text, a number as its digits (`12`, `38.9`), a number in a date format as the ISO date, a
/// boolean as true/false; an empty cell as nothing. Text that a spreadsheet would take for a
/// formula comes back marked as `SpreadsheetText` marks it, so that the importer restores it
/// exactly. Problems are placed as `Trang1!C5`.
public final class XLSXReader: ImportRows {
    public let sheetName: String
    public let size: Int64
    private var records: [CSVReader.Record] = []
    private var next = 0

    public struct Failure: Error {
        public let message: Label
    }

    public init(path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw Failure(message: Label(vi: "không đọc được tệp như một bảng tính Excel (.xlsx): tệp hỏng hoặc không phải .xlsx; mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx",
                                         en: "cannot read the file as an Excel workbook (.xlsx): damaged or not an .xlsx; open it in Excel or LibreOffice and save it as .xlsx"))
        }
        func part(_ name: String) -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch { return nil }
            return data
        }
        let missing = Failure(message: Label(vi: "tệp .xlsx thiếu phần bảng tính (xl/workbook.xml): lưu lại bằng Excel hoặc LibreOffice",
                                             en: "the .xlsx has no workbook part (xl/workbook.xml): save it again in Excel or LibreOffice"))
        guard let workbookData = part("xl/workbook.xml") else { throw missing }
        let workbook = XMLElements(workbookData)
        guard let sheet = workbook.first("sheet"), let relation = sheet["r:id"] ?? sheet["id"] else { throw missing }
        sheetName = sheet["name"] ?? "Sheet1"
        let system1904 = ["1", "true"].contains(workbook.first("workbookPr")?["date1904"] ?? "")
        // The sheet's part, as the workbook's relationships name it.
        var target = "worksheets/sheet1.xml"
        if let rels = part("xl/_rels/workbook.xml.rels") {
            for r in XMLElements(rels).all("Relationship") where r["Id"] == relation { target = r["Target"] ?? target }
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = part(sheetPath) else { throw missing }
        size = Int64(sheetData.count)
        let strings = part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        let dates = part("xl/styles.xml").map(DateStyles.read) ?? []
        let rows = SheetRows(strings: strings, dateStyles: dates, system1904: system1904)
        records = rows.read(sheetData)
    }

    public func read() -> CSVReader.Record? {
        guard next < records.count else { return nil }
        defer { next += 1 }
        return records[next]
    }

    public var bytesRead: Int64 { records.isEmpty ? size : size * Int64(next) / Int64(records.count) }

    public func position(line: Int, columnIndex: Int?) -> String? {
        let name = sheetName.contains(where: { $0 == " " || $0 == "!" }) ? "'\(sheetName)'" : sheetName
        return name + "!" + (columnIndex.map(XLSXWriter.columnName) ?? "") + String(line)
    }
}

/// A small XML part read whole into its elements (name without prefix, attributes), for the
/// workbook, its relationships and the styles.
struct XMLElements {
    struct Element { let name: String; let attributes: [String: String]; subscript(_ key: String) -> String? { attributes[key] } }
    private(set) var elements: [Element] = []

    init(_ data: Data) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                elements.append(Element(name: XMLElements.local(name), attributes: attributes))
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        elements = collector.elements
    }

    func first(_ name: String) -> Element? { elements.first { $0.name == name } }
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// `x:row` -> `row`: some writers prefix SpreadsheetML's elements.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

/// The workbook's shared strings (`<si>`), each the text of its runs (phonetic guides left out).
enum SharedStrings {
    static func read(_ data: Data) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var strings: [String] = []
            var current = ""
            var inText = false, inPhonetic = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch XMLElements.local(name) {
                case "si": current = ""
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch XMLElements.local(name) {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inText && !inPhonetic { current += string } }
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.strings
    }
}

/// Which cell styles show a number as a date: built-in formats 14-22 and 45-47, and custom
/// formats with day, month or year codes outside quotes and brackets.
enum DateStyles {
    static func read(_ data: Data) -> Set<Int> {
        let parts = XMLElements(data)
        var custom: [Int: String] = [:]
        for f in parts.all("numFmt") { if let id = f["numFmtId"].flatMap({ Int($0) }) { custom[id] = f["formatCode"] ?? "" } }
        // The `xf` elements of `cellXfs` only: those of `cellStyleXfs` come first in the part.
        var inCellXfs = false, index = 0
        var dates: Set<Int> = []
        for e in parts.elements {
            if e.name == "cellXfs" { inCellXfs = true; continue }
            if e.name == "cellStyles" || e.name == "dxfs" { inCellXfs = false }
            guard inCellXfs, e.name == "xf" else { continue }
            let id = e["numFmtId"].flatMap { Int($0) } ?? 0
            if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(isDateFormat) == true { dates.insert(index) }
            index += 1
        }
        return dates
    }

    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false
        for c in code.lowercased() {
            switch c {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "d", "m", "y": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}

/// The sheet's rows as records: each cell placed by its reference (`C5`), a row's missing cells
/// empty, empty rows skipped, each record's line the sheet's row number.
final class SheetRows: NSObject, XMLParserDelegate {
    let strings: [String]
    let dateStyles: Set<Int>
    let system1904: Bool
    private var records: [CSVReader.Record] = []
    private var fields: [[UInt8]] = []
    private var rowNumber = 0
    private var cellColumn = 0, cellType = "", cellStyle = 0
    private var value = "", inValue = false, inInlineText = false, hasValue = false
    private var width = 0

    init(strings: [String], dateStyles: Set<Int>, system1904: Bool) {
        self.strings = strings; self.dateStyles = dateStyles; self.system1904 = system1904
    }

    func read(_ data: Data) -> [CSVReader.Record] {
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
        return records
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XMLElements.local(name) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            fields = []
        case "c":
            cellColumn = attributes["r"].flatMap(SheetRows.column) ?? fields.count
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""; hasValue = false
        case "v": inValue = true; hasValue = true
        case "t": inInlineText = cellType == "inlineStr"; if inInlineText { hasValue = true }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inInlineText { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch XMLElements.local(name) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            guard hasValue else { return }
            while fields.count < cellColumn { fields.append([]) }
            let text = cellText()
            if fields.count == cellColumn { fields.append(Array(text.utf8)) } else { fields[cellColumn] = Array(text.utf8) }
        case "row":
            guard fields.contains(where: { !$0.isEmpty }) else { return }
            // The header decides the width; a row's missing last cells are empty.
            if records.isEmpty { width = fields.count }
            while fields.count < width { fields.append([]) }
            records.append(CSVReader.Record(line: rowNumber, fields: fields))
        default: break
        }
    }

    private func cellText() -> String {
        switch cellType {
        case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil }.map(SpreadsheetText.neutralised) ?? ""
        case "inlineStr", "str": return SpreadsheetText.neutralised(value)
        case "b": return value == "1" ? "true" : "false"
        case "d": return String(value.prefix(10))
        case "e": return value
        default:
            guard let x = Double(value) else { return value }
            if dateStyles.contains(cellStyle), let d = XLSXDates.date(serial: x, system1904: system1904) { return d.iso }
            if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
            return String(x)
        }
    }

    /// `C5` -> 2 (the column, from 0).
    static func column(_ reference: String) -> Int? {
        var n = 0, any = false
        for c in reference.utf8 {
            guard c >= 65, c <= 90 else { break }
            n = n * 26 + Int(c - 64); any = true
        }
        return any ? n - 1 : nil
    }
}
