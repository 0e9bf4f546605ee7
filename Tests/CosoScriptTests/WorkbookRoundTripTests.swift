import CosoCore
import CosoDemo
import CosoScript
import CosoSpreadsheet
import CosoTesting
import Foundation
import Testing

/// Every entity staff can import, as the demo district holds it, written to a workbook and read
/// back: each cell gives the importer what the register holds (an enum case by its label, which
/// the importer maps back; a date as its ISO day; a number as its digits; text exactly, a
/// formula-like one marked as the importer expects). Lossless, entity by entity.
@Suite struct WorkbookRoundTripTests {
    /// Rows and their columns, as a query gives them.
    final class Rows: ResultSink {
        var columns: [ResultColumn] = []
        var rows: [[Value]] = []
        func begin(columns: [ResultColumn]) throws { self.columns = columns }
        func row(_ values: [Value]) throws { rows.append(values) }
        func end() throws {}
        func scalar(_ value: Value, type: FieldType?) throws {}
        func message(_ text: String) throws {}
    }

    @Test func everyImportableEntityReadsBackAsStored() throws {
        let db = try TemporaryDatabase()
        defer { db.remove() }
        let session = try db.session(modules)
        _ = try DemoDistrict(seed: 1).build(into: session.store, user: "test")
        let catalog = session.catalog
        func label(_ type: FieldType, _ id: String) -> Label? {
            guard case .enumeration(let e) = type else { return nil }
            return catalog.enumType(e)?.cases.first { $0.id == id }?.label
        }
        let dir = NSTemporaryDirectory() + "coso-workbooks-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var checked = 0, cells = 0
        for name in catalog.entityNames {
            guard let entity = catalog.entity(name), !entity.readOnly, entity.dated?.always != true else { continue }
            let stored = Rows()
            try session.run("\(name) | sort id | take 3000", sink: stored)
            guard !stored.rows.isEmpty else { continue }
            let path = "\(dir)/\(name).xlsx"
            let writer = try XLSXWriter(path: path, sheetName: name, language: .vi, enumLabel: label)
            try session.run("\(name) | sort id | take 3000", sink: writer)
            let reader = try XLSXReader(path: path)
            let header = try #require(reader.read())
            #expect(header.fields.count == stored.columns.count, "\(name)")
            for (i, row) in stored.rows.enumerated() {
                let record = try #require(reader.read(), "\(name): row \(i + 2) missing")
                #expect(record.line == i + 2)
                for (j, (value, column)) in zip(row, stored.columns).enumerated() {
                    let read = String(decoding: j < record.fields.count ? record.fields[j] : [], as: UTF8.self)
                    let expected: String
                    switch value {
                    case .null: expected = ""
                    case .int(let n) where column.type == .bool: expected = n != 0 ? "true" : "false"
                    case .bool(let b): expected = b ? "true" : "false"
                    case .text(let id) where label(column.type ?? .text, id) != nil: expected = label(column.type!, id)!.vi
                    case .text(let t): expected = SpreadsheetText.neutralised(t)
                    case .double(let x): expected = x == x.rounded() ? String(Int64(x)) : String(x)
                    default: expected = value.description
                    }
                    #expect(read == expected, "\(name) row \(i + 2) \(column.name): \(read) != \(expected)")
                    cells += 1
                }
            }
            #expect(reader.read() == nil, "\(name): extra rows")
            checked += 1
        }
        #expect(checked >= 20)
        #expect(cells > 100_000)
    }
}
