extension VietnameseText {
    /// Where the quick sort key reads its keys: the code points up to U+024F and those of the
    /// Vietnamese block U+1EA0...U+1EF9.
    private static let quickLow: UInt32 = 0x250
    private static let quickBlock: ClosedRange<UInt32> = 0x1EA0...0x1EF9

    /// The key (primary rank and tone, as `sortKey` gives them) of every code point the quick
    /// path reads, capitals included (the key of their lower case); nil where a scalar needs the
    /// long way: control characters, and letters whose lower case is not one scalar of the table.
    private static let quickKeys: [(primary: Int32, tone: Int32)?] = {
        func entry(_ v: UInt32) -> (primary: Int32, tone: Int32)? {
            guard v >= 0x20, let scalar = Unicode.Scalar(v) else { return nil }
            let lower = String(Character(scalar)).lowercased().unicodeScalars
            guard lower.count == 1, let l = lower.first, l.value < quickLow || quickBlock.contains(l.value) else { return nil }
            let k = key(of: Character(l))
            return (Int32(k.primary), Int32(k.tone))
        }
        return (0..<quickLow).map(entry) + quickBlock.map(entry)
    }()

    private static func quickKey(_ v: UInt32) -> (primary: Int32, tone: Int32)? {
        if v < quickLow { return quickKeys[Int(v)] }
        if quickBlock.contains(v) { return quickKeys[Int(quickLow + v - quickBlock.lowerBound)] }
        return nil
    }

    /// `sortKeyString` for text whose every scalar is in the table (names, words: nearly all text
    /// in NFC), one scalar at a time with no grapheme breaking, lower-casing or hashing; nil for
    /// anything else. Two scalars of the table never form one character together (the only pair
    /// that would, CR LF, is not in it), so scalar by scalar is character by character.
    /// An imported member's sort key took 7% of the import's reading thread the long way.
    static func quickSortKeyString(_ s: String) -> String? {
        var primary: [Int32] = [], tones: [Int32] = []
        primary.reserveCapacity(s.utf8.count)
        tones.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            guard let k = quickKey(scalar.value) else { return nil }
            primary.append(k.primary)
            tones.append(k.tone)
        }
        // Each value shifted by 0x22 as a scalar in UTF-8; -1, between letters and tones, is 0x21.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(3 * (primary.count + 1) + tones.count)
        func put(_ value: Int32) {
            let v = UInt32(value + 0x22)
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        for p in primary { put(p) }
        put(-1)
        for t in tones { put(t) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
