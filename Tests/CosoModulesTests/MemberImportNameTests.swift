@testable import CosoMembers
import Testing

/// What an imported name may hold, answered quickly for ASCII and Vietnamese letters: the same as
/// asking Unicode's properties of every character, for every code point up to U+2FFF and a few
/// scripts beyond.
@Suite struct MemberImportNameTests {
    @Test func theQuickAnswerIsUnicodes() {
        func byProperties(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || " '’-.".unicodeScalars.contains(s) || s.properties.generalCategory == .nonspacingMark
        }
        var letters = 0
        for v in Array(0...0x2FFF) + Array(0x4E00...0x4E20) + Array(0xAC00...0xAC20) {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(MemberImport.mayBeInAName(s) == byProperties(s), "U+\(String(v, radix: 16))")
            if MemberImport.mayBeInAName(s) { letters += 1 }
        }
        #expect(letters > 5_000)
        #expect("Nguyễn Thị K'Brỏh-Ê.".unicodeScalars.allSatisfy(MemberImport.mayBeInAName))
        #expect(!"=SUM(A1)".unicodeScalars.allSatisfy(MemberImport.mayBeInAName))
        #expect(!"An'; DROP TABLE members; --".unicodeScalars.allSatisfy(MemberImport.mayBeInAName))
    }
}
