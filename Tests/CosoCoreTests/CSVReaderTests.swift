import Foundation
import Testing
@testable import CosoCore

@Suite struct CSVReaderTests {
    func records(_ bytes: [UInt8]) throws -> [(Int, [String])] {
        let path = NSTemporaryDirectory() + "/coso-csv-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try #require(CSVReader(path: path))
        var out: [(Int, [String])] = []
        while let r = reader.read() { out.append((r.line, r.fields.map { String(decoding: $0, as: UTF8.self) })) }
        return out
    }

    @Test func quotesLineBreaksAndBlankLines() throws {
        let text = "a,b\r\n\"x, \"\"y\"\"\",2\r\n\r\n\"line\none\",3\nlast,\n"
        let r = try records(Array(text.utf8))
        #expect(r.map(\.1) == [["a", "b"], ["x, \"y\"", "2"], ["line\none", "3"], ["last", ""]])
        #expect(r.map(\.0) == [1, 2, 4, 6])  // the line each record starts on
    }

    @Test func excelsBOMAndSemicolons() throws {
        let r = try records([0xEF, 0xBB, 0xBF] + Array("Họ tên;Ngày\nAn;1,5\n".utf8))
        #expect(r.map(\.1) == [["Họ tên", "Ngày"], ["An", "1,5"]])
    }

    @Test func legacyVietnameseEncodingsAreRecognised() {
        #expect(LegacyEncoding.looksLikeLegacy("NguyÔn V¨n Th¸i"))   // TCVN3 read as Latin-1
        #expect(!LegacyEncoding.looksLikeLegacy("Nguyễn Văn Thái"))
        #expect(!LegacyEncoding.looksLikeLegacy("K'Brỏh"))
        #expect(!LegacyEncoding.looksLikeLegacy("Nhiệt độ 25 °C ©"))
        #expect(!LegacyEncoding.looksLikeLegacy("Hà Nội"))
        #expect(!LegacyEncoding.looksLikeLegacy("25 °C, 2 × 3"))
    }

    /// Cells lose the spaces around them, Unicode ones included, and keep everything else; those
    /// with nothing to trim come back as they are (the fast path).
    @Test func cellsAreTrimmedOfSpacesOnly() {
        for (cell, trimmed) in [("Hà Nội", "Hà Nội"), ("  Hà Nội\t", "Hà Nội"), ("\u{00A0}Đặng\u{3000}", "Đặng"),
                                ("An", "An"), ("a", "a"), ("", ""), ("   ", ""), (" 12 ", "12"),
                                ("e\u{0301}", "e\u{0301}"), ("Ngô\u{2003}", "Ngô"), ("x\u{0085}", "x"), ("1/2/2020", "1/2/2020"),
                                ("Đỗ Thị Ễ", "Đỗ Thị Ễ"), (" Đỗ", "Đỗ"), ("Nguyễn\u{00A0}", "Nguyễn"), ("Ễ \u{0301}", "Ễ"),
                                ("\u{3000}ư\u{3000}", "ư")] {
            #expect(Importer.trimmed(cell) == trimmed, "\(cell.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A cell is text only when its bytes are valid UTF-8, whatever way they fail (a truncated
    /// four-byte sequence decodes to as many bytes as it had); the replacement character itself,
    /// written in the file, is text.
    @Test func aCellIsTextOnlyWhenItsBytesAreValidUTF8() {
        let valid: [[UInt8]] = [[], Array("Nguyễn Văn An".utf8), Array("😀 ok".utf8), Array("\u{FFFD}".utf8), [0x41]]
        for bytes in valid { #expect(Importer.utf8(bytes) == String(validating: bytes, as: UTF8.self)) }
        let invalid: [[UInt8]] = [[0xAB], [0xC3], [0xE1, 0xBA], [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x41], [0xED, 0xA0, 0x80],
                                  [0xC0, 0x80], [0x4E, 0x67, 0xF4, 0x90, 0x80, 0x80], Array("ABC".utf8) + [0xFF]]
        for bytes in invalid {
            #expect(String(validating: bytes, as: UTF8.self) == nil)
            #expect(Importer.utf8(bytes) == nil, "\(bytes)")
        }
    }
}
