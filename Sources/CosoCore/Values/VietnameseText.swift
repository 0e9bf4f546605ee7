import Foundation

/// Text rules of the register: NFC everywhere, folding for search, display width for tables,
/// and Vietnamese alphabetical order.
public enum VietnameseText {
    /// Unicode NFC, the one form the store keeps and binds.
    public static func nfc(_ s: String) -> String {
        // Most text is already composed (ASCII, or Vietnamese typed with precomposed letters): a
        // string with no combining mark and nothing from the few canonical singletons below U+1F00
        // is its own NFC, and Foundation's normaliser (slow, it goes through CFString) is skipped.
        var plain = true
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x300 { continue }
            if v <= 0x36F || v >= 0x1F00 || v == 0x374 || v == 0x37E || v == 0x387 { plain = false; break }
        }
        return plain ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Case- and diacritic-insensitive key: NFC, lower case, marks removed, đ → d.
    ///
    /// đ/Đ have no canonical decomposition, so Foundation's diacritic folding keeps them; map them
    /// by hand. Written by Swift into `<field>_folded` shadow columns, never computed by SQL.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        // Vietnamese text: each lower-case letter maps to its base through a table (Foundation's
        // decomposition goes through CFString: a few microseconds per name, millions of names).
        let lower = s.lowercased()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lower.utf8.count)
        var plain = true
        for scalar in lower.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { bytes.append(UInt8(v)); continue }
            if (0x0300...0x036F).contains(v) { continue }
            let i = Int(v) - Int(foldBase)
            guard i >= 0, i < foldTable.count, foldTable[i] != 0 else { plain = false; break }
            bytes.append(foldTable[i])
        }
        return plain ? String(decoding: bytes, as: UTF8.self) : foldAnyScript(lower)
    }

    private static let foldBase: UInt32 = 0xE0
    /// The base letter of each lower-case Vietnamese letter from U+00E0, 0 elsewhere.
    private static let foldTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x1EFA - 0xE0)
        let letters: [(Character, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("e", "èéẻẽẹêềếểễệ"), ("i", "ìíỉĩị"), ("o", "òóỏõọôồốổỗộơờớởỡợ"),
            ("u", "ùúủũụưừứửữự"), ("y", "ỳýỷỹỵ"), ("d", "đ"),
        ]
        for (base, forms) in letters {
            for scalar in forms.unicodeScalars { table[Int(scalar.value - foldBase)] = base.asciiValue! }
        }
        return table
    }()

    /// `fold` for text beyond Vietnamese letters (already lower case).
    static func foldAnyScript(_ lower: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
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
        primary.reserveCapacity(s.utf8.count)
        tones.reserveCapacity(s.utf8.count)
        for ch in s.lowercased() {
            // Letters of one scalar (ASCII and the precomposed Vietnamese ones) from a table made
            // once; anything else (decomposed input, other scripts) the long way.
            let scalars = ch.unicodeScalars
            if scalars.count == 1, let known = keyTable[scalars.first!.value] {
                primary.append(known.primary)
                tones.append(known.tone)
            } else {
                let k = key(of: ch)
                primary.append(k.primary)
                tones.append(k.tone)
            }
        }
        return primary + [-1] + tones
    }

    /// The key parts of every single-scalar character sort keys meet most: ASCII, Latin-1 and
    /// Latin Extended-A/B (ă, đ, ơ, ư), and the Vietnamese block U+1EA0...U+1EF9.
    private static let keyTable: [UInt32: (primary: Int, tone: Int)] = {
        var table: [UInt32: (primary: Int, tone: Int)] = [:]
        for range in [0x20...0x24F, 0x1EA0...0x1EF9] {
            for v in range {
                guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
                let ch = Character(scalar)
                // Only characters that lower-case to themselves: sortKey lower-cases first.
                guard String(ch).lowercased() == String(ch) else { continue }
                table[UInt32(v)] = key(of: ch)
            }
        }
        return table
    }()

    /// One (lower-case) character's rank in the alphabet and its tone.
    static func key(of ch: Character) -> (primary: Int, tone: Int) {
        // Split the letter into base (with its vowel-shape mark) and tone.
        do {
            var tone = 0
            var baseScalars = String.UnicodeScalarView()
            for sc in String(ch).decomposedStringWithCanonicalMapping.unicodeScalars {
                if let t = toneRank[sc.value] { tone = t } else { baseScalars.append(sc) }
            }
            let base = Character(String(baseScalars).precomposedStringWithCanonicalMapping)
            if let r = rank[base] { return (100 + r, tone) }
            if let ascii = base.unicodeScalars.first?.value, base.unicodeScalars.count == 1 {
                // Digits, spaces and other letters keep code-point order, before the alphabet for
                // punctuation and digits (as dictionaries do), after it for foreign letters.
                return (ascii < 0x61 ? Int(ascii) : 200 + Int(ascii), tone)
            }
            return (10_000, tone)
        }
    }

    /// The sort key as text whose binary (memcmp) order is Vietnamese order, for the `_sort`
    /// shadow columns: SQLite and the stock shell sort it correctly with no custom collation.
    public static func sortKeyString(_ s: String) -> String {
        quickSortKeyString(s) ?? slowSortKeyString(s)
    }

    /// `sortKeyString` character by character, for any text.
    static func slowSortKeyString(_ s: String) -> String {
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
