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
        return latin1Only > 0 && vietnameseOnly == 0
    }
}
