import CosoCore
import Testing

/// What an imported name may hold, answered quickly for ASCII and Vietnamese letters: the same as
/// asking Unicode's properties of every character, for every code point up to U+2FFF and a few
/// scripts beyond.
@Suite struct TextSafetyTests {
    @Test func theQuickAnswerIsUnicodes() {
        func byProperties(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || " '’-.".unicodeScalars.contains(s) || s.properties.generalCategory == .nonspacingMark
        }
        var letters = 0
        for v in Array(0...0x2FFF) + Array(0x4E00...0x4E20) + Array(0xAC00...0xAC20) {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(TextSafety.mayBeInAName(s) == byProperties(s), "U+\(String(v, radix: 16))")
            if TextSafety.mayBeInAName(s) { letters += 1 }
        }
        #expect(letters > 5_000)
        #expect("Nguyễn Thị K'Brỏh-Ê.".unicodeScalars.allSatisfy(TextSafety.mayBeInAName))
        #expect(!"=SUM(A1)".unicodeScalars.allSatisfy(TextSafety.mayBeInAName))
        #expect(!"An'; DROP TABLE members; --".unicodeScalars.allSatisfy(TextSafety.mayBeInAName))
    }

    /// Control characters, escape sequences, hidden and reordering marks and the replacement
    /// character are refused; tabs, line breaks and every Vietnamese letter are text.
    @Test func textWithControlOrHiddenCharactersIsNotStored() {
        #expect(TextSafety.firstUnsafe("Nguyễn Thị Ánh\tghi chú\ndòng hai") == nil)
        #expect(TextSafety.firstUnsafe("An\u{1B}[31mđỏ") == "U+001B")
        #expect(TextSafety.firstUnsafe("tên\u{0}") == "U+0000")
        #expect(TextSafety.firstUnsafe("\u{202E}nA") == "U+202E")
        #expect(TextSafety.firstUnsafe("a\u{200B}b") == "U+200B")
        #expect(TextSafety.firstUnsafe("h\u{FFFD}ng") == "U+FFFD")
        #expect(TextSafety.firstUnsafe("\u{85}") == "U+0085")
    }

    /// What reaches a terminal never acts on it: an escape sequence is shown as its picture.
    @Test func controlCharactersAreShownNotObeyed() {
        #expect(TextSafety.visible("Nguyễn Thị Ánh") == "Nguyễn Thị Ánh")
        #expect(TextSafety.visible("An\u{1B}[31mđỏ") == "An\u{241B}[31mđỏ")
        #expect(TextSafety.visible("a\u{0}b\u{7F}\u{202E}") == "a\u{2400}b\u{2421}\u{FFFD}")
        #expect(TextSafety.visible("hai\tcột\ndòng") == "hai\tcột\ndòng")
    }

    /// A spreadsheet runs a cell beginning with = + - @ (OWASP: CSV injection): such text is
    /// written with an apostrophe, and read back without it, whatever the text.
    @Test func formulaLikeTextIsNeutralisedAndRestored() {
        #expect(SpreadsheetText.neutralised("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(SpreadsheetText.neutralised("+84 912") == "'+84 912")
        #expect(SpreadsheetText.neutralised("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetText.neutralised("Chi bộ thôn 1") == "Chi bộ thôn 1")
        for text in ["=1+1", "-", "+", "'", "''", "'=x", "'abc", "a=b", "", "\tx", "@", "'-'", "Nguyễn"] {
            let cell = SpreadsheetText.neutralised(text)
            #expect(SpreadsheetText.restored(cell) == text, "\(text)")
            #expect(!["=", "+", "-", "@", "\t"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
        }
    }
}
