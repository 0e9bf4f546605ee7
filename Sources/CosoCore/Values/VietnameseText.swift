import Foundation

/// Text rules of the register: NFC everywhere, folding for search, display width for tables,
/// and Vietnamese alphabetical order.
public enum VietnameseText {
    /// Unicode NFC, the one form the store keeps and binds.
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// Case- and diacritic-insensitive key: NFC, lower case, marks removed, đ → d.
    ///
    /// đ/Đ have no canonical decomposition, so Foundation's diacritic folding keeps them; map them
    /// by hand. Written by Swift into `<field>_folded` shadow columns, never computed by SQL.
    public static func fold(_ s: String) -> String {
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

    /// Terminal columns taken by `s`: combining marks take none, wide East Asian characters two.
    public static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0 { continue }
            if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { continue }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
                width += 2
            } else {
                width += 1
            }
        }
        return width
    }

    /// Letters of the Vietnamese alphabet in order; a base letter's rank orders words before tones.
    private static let alphabet: [Character] = Array("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    private static let rank: [Character: Int] = {
        var r: [Character: Int] = [:]
        for (i, c) in alphabet.enumerated() { r[c] = i }
        return r
    }()
    /// Tone marks in the order dictionaries use: none, huyền, hỏi, ngã, sắc, nặng.
    private static let toneRank: [UInt32: Int] = [0x0300: 1, 0x0309: 2, 0x0303: 3, 0x0301: 4, 0x0323: 5]

    /// A sort key that follows the Vietnamese alphabet (a < ă < â < b ... d < đ), then tones.
    public static func sortKey(_ s: String) -> [Int] {
        var primary: [Int] = []
        var tones: [Int] = []
        for ch in s.lowercased() {
            // Split the letter into base (with its vowel-shape mark) and tone.
            var tone = 0
            var baseScalars = String.UnicodeScalarView()
            for sc in String(ch).decomposedStringWithCanonicalMapping.unicodeScalars {
                if let t = toneRank[sc.value] { tone = t } else { baseScalars.append(sc) }
            }
            let base = Character(String(baseScalars).precomposedStringWithCanonicalMapping)
            if let r = rank[base] {
                primary.append(100 + r)
            } else if let ascii = base.unicodeScalars.first?.value, base.unicodeScalars.count == 1 {
                // Digits, spaces and other letters keep code-point order, before the alphabet for
                // punctuation and digits (as dictionaries do), after it for foreign letters.
                primary.append(ascii < 0x61 ? Int(ascii) : 200 + Int(ascii))
            } else {
                primary.append(10_000)
            }
            tones.append(tone)
        }
        return primary + [-1] + tones
    }

    /// The sort key as text whose binary (memcmp) order is Vietnamese order, for the `_sort`
    /// shadow columns: SQLite and the stock shell sort it correctly with no custom collation.
    public static func sortKeyString(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for v in sortKey(s) {
            // -1 (the separator between letters and tones) maps lowest, so "An" < "Anh".
            out.append(UnicodeScalar(UInt32(v + 0x22)) ?? "~")
        }
        return String(out)
    }

    public static func lessThan(_ a: String, _ b: String) -> Bool {
        sortKey(a).lexicographicallyPrecedes(sortKey(b))
    }
}
