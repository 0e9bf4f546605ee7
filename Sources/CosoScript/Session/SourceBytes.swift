import CosoCore

/// Statements read as bytes (a script, standard input) become text only when they are UTF-8: a
/// script saved in TCVN3 or VNI, or any other bytes, is refused at its first byte that is not,
/// with its line and column, instead of being read with replacement characters (U+FFFD) that
/// would then be stored.
public enum SourceBytes {
    public static func text(_ bytes: [UInt8], name: String) throws(SourceError) -> String {
        guard let bad = firstInvalid(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        // The text up to the bad byte is valid, so its offsets are the bytes' own.
        let shown = String(decoding: bytes, as: UTF8.self)
        let prefix = String(decoding: bytes[..<bad], as: UTF8.self)
        let span = SourceSpan(prefix.utf8.count, prefix.utf8.count + 1)
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        // (Vietnamese text in TCVN3 or VNI is the usual cause: both use bytes past 0x7F alone.)
        throw SourceError(Diagnostic("E0113", Label(vi: "không phải văn bản UTF-8 (byte 0x\(hex))", en: "not UTF-8 text (byte 0x\(hex))"), span: span,
                                     help: Label(vi: "lưu tệp ở dạng Unicode UTF-8; tệp gõ bằng bảng mã TCVN3 (ABC) hay VNI cần chuyển mã trước (như Unikey: Công cụ chuyển mã)",
                                                 en: "save the file as Unicode UTF-8; a file typed in TCVN3 (ABC) or VNI needs converting first (Unikey's converter, for instance)")),
                          in: SourceFile(name: name, text: shown))
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
            let second = bytes[i + 1]
            switch b {
            case 0xE0 where second < 0xA0, 0xED where second > 0x9F, 0xF0 where second < 0x90, 0xF4 where second > 0x8F: return i
            default: break
            }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
