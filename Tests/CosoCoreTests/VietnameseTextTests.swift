@testable import CosoCore
import Foundation
import Testing

@Suite struct VietnameseTextTests {
    @Test func foldingIgnoresCaseDiacriticsAndD() {
        #expect(VietnameseText.fold("Đặng Thị Ánh") == "dang thi anh")
        #expect(VietnameseText.fold("NGUYỄN VĂN AN") == "nguyen van an")
        #expect(VietnameseText.fold("K'Brỏh") == "k'broh")
    }

    /// The table `fold` uses for Vietnamese letters gives what decomposing and dropping the marks
    /// gives, for every letter from U+00C0 to U+1EFF in either case and either normal form, alone
    /// and inside a word (the folded columns written before the table must still match).
    @Test func foldingByTableMatchesFoldingByDecomposition() {
        func reference(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar.value {
                case 0x0300...0x036F: continue
                case 0x0111, 0x0110: out.append("d")
                default: out.append(scalar)
                }
            }
            return String(out)
        }
        var checked = 0
        for v in UInt32(0xC0)...0x1EFF {
            guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic else { continue }
            for text in ["\(scalar)", "Ng\(scalar)n", "\(scalar)".decomposedStringWithCanonicalMapping + " An"] {
                #expect(VietnameseText.fold(text) == reference(text), "U+\(String(v, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 1_000)
        #expect(VietnameseText.fold("ĐẶNG Ư") == "dang u")
        #expect(VietnameseText.fold("Çağ Đức") == "cag duc")
    }

    /// `nfc` skips Foundation's normaliser only for text that is its own NFC: for every code point
    /// to U+2FFF and a sample beyond, alone, after a letter and before a combining mark, it gives
    /// what the normaliser gives.
    @Test func nfcAgreesWithTheNormaliserForEveryCodePoint() {
        var checked = 0
        for v in Array(UInt32(0)...0x2FFF) + [0x3042, 0xAC00, 0xFB01, 0x1F600, 0x10000] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            for text in ["\(scalar)", "a\(scalar)", "\(scalar)\u{0301}", "Ng\(scalar)n"] {
                #expect(VietnameseText.nfc(text) == text.precomposedStringWithCanonicalMapping, "U+\(String(v, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 40_000)
    }

    /// Folding ASCII and mixed text through the byte table gives what lower-casing, decomposing and
    /// dropping the marks gives.
    @Test func foldingOfMixedTextMatchesTheLongWay() {
        let samples = ["", "ABC xyz 019 -_/", "Trường THPT Lê Hồng Phong", "ĐOÀN THỊ HẠNH", "Ka Nhung K'Sor", "Ê-đê", "ÁO Ẩm ỞỠ",
                       "İstanbul", "Straße ẞ", "Ωmega", "Nguye\u{0302}\u{0303}n", "日本 Đà Lạt", "emoji 😀 Hà"]
        for s in samples {
            #expect(VietnameseText.fold(s) == VietnameseText.foldAnyScript(s.lowercased()), "\(s)")
        }
    }

    @Test func nfdAndNfcFoldAndNormaliseAlike() {
        let nfd = "Nguye\u{0302}\u{0303}n"  // "Nguyễn" decomposed
        #expect(VietnameseText.nfc(nfd) == "Nguyễn")
        #expect(VietnameseText.nfc(nfd).unicodeScalars.count == 6)
        #expect(VietnameseText.fold(nfd) == VietnameseText.fold("Nguyễn"))
        #expect(VietnameseText.displayWidth(nfd) == 6)
    }

    @Test func displayWidthCountsColumns() {
        #expect(VietnameseText.displayWidth("Chi bộ thôn 5") == 13)
        #expect(VietnameseText.displayWidth("中文") == 4)
    }

    @Test func sortingFollowsTheVietnameseAlphabet() {
        let words = ["Đào", "Anh", "Ăn", "Bình", "Âu", "Dũng", "An", "Ánh", "Yến", "Hà"]
        let sorted = words.sorted(by: VietnameseText.lessThan)
        #expect(sorted == ["An", "Anh", "Ánh", "Ăn", "Âu", "Bình", "Dũng", "Đào", "Hà", "Yến"])
        // The shadow-column key sorts the same way under plain binary comparison.
        let byKey = words.sorted { VietnameseText.sortKeyString($0).utf8.lexicographicallyPrecedes(VietnameseText.sortKeyString($1).utf8) }
        #expect(byKey == sorted)
    }

    /// The quick sort key gives exactly the character-by-character one wherever it answers: every
    /// code point of its table alone, and thousands of strings drawn from it (capitals, Vietnamese
    /// letters, digits, punctuation); decomposed and other text goes the long way.
    @Test func theQuickSortKeyIsTheSlowOne() {
        var answered = 0
        let table = (0x20...0x24F).compactMap(Unicode.Scalar.init) + (0x1EA0...0x1EF9).compactMap(Unicode.Scalar.init)
        for scalar in table {
            let text = String(scalar) + "a" + String(scalar).uppercased()
            if let quick = VietnameseText.quickSortKeyString(text) {
                #expect(quick == VietnameseText.slowSortKeyString(text), "U+\(String(scalar.value, radix: 16))")
                answered += 1
            }
        }
        #expect(answered > 600)
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ fjwz0123456789.,'-ĐÂĂÊÔƠƯÀÁẠỲÝ")
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            let quick = VietnameseText.quickSortKeyString(text)
            #expect(quick != nil && quick == VietnameseText.slowSortKeyString(text), "\(text)")
        }
        for text in ["Nguye\u{0302}\u{0303}n", "İstanbul", "a\r\nb", "中文", "Ω", "x\u{0300}"] {
            #expect(VietnameseText.quickSortKeyString(text) == nil, "\(text)")
            #expect(VietnameseText.sortKeyString(text) == VietnameseText.slowSortKeyString(text))
        }
    }

    @Test func suggestionsUseEditDistanceOnFoldedText() {
        #expect(Suggest.closest(to: "memebrs", in: ["members", "orgs", "audit"]) == "members")
        #expect(Suggest.closest(to: "vilage_cell", in: ["village_cell", "subordinate_cell"]) == "village_cell")
        #expect(Suggest.closest(to: "xyz", in: ["members", "orgs"]) == nil)
    }
}
