/// Vietnamese text typed in the legacy TCVN3 (ABC) or VNI encodings and then saved as Unicode
/// comes out as Latin-1 letters that Vietnamese never uses ("NguyÔn", "Nguyeãn"). Files still
/// in those encodings are not valid UTF-8 at all (caught by decoding); this catches the saved ones.
public enum LegacyEncoding {
    /// Letters in U+00A0...U+00FF that are also Vietnamese letters (à á â ã è é ê ì í ò ó ô õ ù ú ý
    /// and capitals): anything else there, in a name, means a legacy encoding read as Latin-1.
    static let vietnamese: Set<Unicode.Scalar> = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".unicodeScalars)
    /// Latin-1 signs ordinary text uses (a degree, a copyright, a multiplication sign): not evidence.
    static let ordinary: Set<Unicode.Scalar> = Set("\u{A0}°©®²³±×÷«»§½¼¾".unicodeScalars)

    public static func looksLikeLegacy(_ text: String) -> Bool {
        var latin1Only = 0, vietnameseOnly = 0
        for s in text.unicodeScalars {
            if (0xA0...0xFF).contains(s.value) {
                if !vietnamese.contains(s) && !ordinary.contains(s) { latin1Only += 1 }
            } else if s.value > 0xFF && s.value < 0x2000 {
                vietnameseOnly += 1  // ă, đ, ơ, ư, and the letters with dots and hooks
            }
        }
        // TCVN3 read as Latin-1 gives ¸ µ ¶ · ¹ ¨ Æ Ë Ò ... and no letter beyond Latin-1.
        if latin1Only > 0 && vietnameseOnly == 0 { return true }
        return vietnameseOnly == 0 && looksLikeVNI(text)
    }

    /// VNI writes a mark as a letter of its own after the vowel ("Nguyeãn" for Nguyễn, "Vaên" for
    /// Văn, "Hoaøng" for Hoàng): a or e followed by a vowel with a mark, o followed by â or ù, any
    /// vowel followed by ù: pairs Vietnamese spelling never has (it has oà, oá, uý, uâ, uê, uô).
    static func looksLikeVNI(_ text: String) -> Bool {
        let marked: Set<Character> = ["á", "à", "ã", "â", "ê", "é", "è", "ù", "õ", "ú", "ó", "ò", "í", "ì"]
        var previous: Character?
        for ch in text.lowercased() {
            defer { previous = ch }
            guard let p = previous else { continue }
            if (p == "a" || p == "e"), marked.contains(ch) { return true }
            if p == "o", ch == "â" || ch == "ù" { return true }
            if "iuy".contains(p), ch == "ù" { return true }
        }
        return false
    }
}
