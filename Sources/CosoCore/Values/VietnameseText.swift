import Foundation

/// Text rules of the register: NFC everywhere, folding for search, display width for tables,
/// and Vietnamese alphabetical order.
public enum VietnameseText {
    /// Unicode NFC, the one form the store keeps and binds.
    public static func nfc(_ s: String) -> String {
        // Most text is already composed (ASCII, or Vietnamese typed with precomposed letters): a
        // string with no combining mark (U+0300-U+036F), none of the canonical singletons U+0374,
        // U+037E, U+0387, and nothing from U+1F00 up is its own NFC, and Foundation's normaliser
        // (slow, it goes through CFString) is skipped. Checked on the UTF-8 bytes: every scalar
        // below U+0300 is one byte or two with a lead byte below 0xCC.
        var text = s
        let plain = text.withUTF8 { utf8 -> Bool in
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b < 0xCC { i += 1; continue }
                switch b {
                case 0xCC: return false                                  // U+0300-U+033F
                case 0xCD:                                               // U+0340-U+037F
                    let next = utf8[i + 1]
                    if next <= 0xAF || next == 0xB4 || next == 0xBE { return false }
                case 0xCE: if utf8[i + 1] == 0x87 { return false }      // U+0387
                case 0xE1: if utf8[i + 1] >= 0xBC { return false }      // U+1F00-U+1FFF
                case 0xE2...: return false                               // U+2000 and above
                default: break
                }
                i += 1
            }
            return true
        }
        return plain ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Case- and diacritic-insensitive key: NFC, lower case, marks removed, đ → d.
    ///
    /// đ/Đ have no canonical decomposition, so Foundation's diacritic folding keeps them; map them
    /// by hand. Written by Swift into `<field>_folded` shadow columns, never computed by SQL.
    public static func fold(_ s: String) -> String {
        // ASCII and Vietnamese letters of either case map through a table, straight from the UTF-8
        // bytes to the folded bytes (never longer); anything else goes the long way (Foundation's
        // decomposition goes through CFString: a few microseconds per name, millions of names).
        var text = s
        var plain = true
        let folded = text.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: utf8.count) { out -> Int in
                var i = 0, n = 0
                while i < utf8.count {
                    let b = utf8[i]
                    if b < 0x80 {
                        out[n] = b &+ (b >= 0x41 && b <= 0x5A ? 0x20 : 0); n += 1; i += 1
                        continue
                    }
                    let v: UInt32
                    if b < 0xE0 {
                        v = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                    } else if b < 0xF0 {
                        v = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                    } else {
                        plain = false; return 0
                    }
                    if v >= 0x300 && v <= 0x36F { continue }
                    let t = Int(v) - Int(foldBase)
                    guard t >= 0, t < foldTable.count, foldTable[t] != 0 else { plain = false; return 0 }
                    out[n] = foldTable[t]; n += 1
                }
                return n
            }
        }
        return plain ? folded : foldAnyScript(s.lowercased())
    }

    private static let foldBase: UInt32 = 0xC0
    /// The base letter, lower case, of each Vietnamese letter of either case from U+00C0, 0 elsewhere.
    private static let foldTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x1EFA - Int(foldBase))
        let letters: [(Character, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("e", "èéẻẽẹêềếểễệ"), ("i", "ìíỉĩị"), ("o", "òóỏõọôồốổỗộơờớởỡợ"),
            ("u", "ùúủũụưừứửữự"), ("y", "ỳýỷỹỵ"), ("d", "đ"),
        ]
        for (base, forms) in letters {
            for scalar in forms.unicodeScalars {
                table[Int(scalar.value - foldBase)] = base.asciiValue!
                // The capital, when it is one scalar that lower-cases back to this letter.
                let upper = String(scalar).uppercased().unicodeScalars
                if upper.count == 1, let u = upper.first, String(u).lowercased() == String(scalar) {
                    table[Int(u.value - foldBase)] = base.asciiValue!
                }
            }
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

    /// The sort key of a person's name in the order of class and member lists: the given name (the
    /// last word), then the middle names, then the family name (the first word), each in the
    /// Vietnamese alphabet with its tones ("Nguyễn Văn An" before "Lê Thị Bình": An < Bình).
    /// The parts are joined by a character below every key character, so "An ..." < "Anh ...".
    public static func personSortKeyString(_ s: String) -> String {
        let words = s.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > 1 else { return sortKeyString(s) }
        let parts = [String(words.last!), words.dropFirst().dropLast().joined(separator: " "), String(words.first!)]
        return parts.filter { !$0.isEmpty }.map(sortKeyString).joined(separator: "\u{20}")
    }

    public static func lessThan(_ a: String, _ b: String) -> Bool {
        sortKey(a).lexicographicallyPrecedes(sortKey(b))
    }
}
