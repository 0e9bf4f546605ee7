/// What text may hold when it is stored: no character that would act on a terminal or a
/// spreadsheet instead of being read (control characters and escape sequences), hide or reorder
/// what is shown (bidirectional overrides, zero-width marks), or stand for bytes that were not
/// text (the replacement character left by a bad encoding). Tabs and line breaks are text.
public enum TextSafety {
    /// The first character text may not hold, as `U+001B`; nil when it has none.
    public static func firstUnsafe(_ text: String) -> String? {
        for scalar in text.unicodeScalars where !isSafe(scalar) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return nil
    }

    public static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        // Bidirectional embeddings, overrides and isolates; zero-width spaces and joiners except
        // the joiner some scripts need; the byte order mark inside text; the replacement character.
        case 0x202A...0x202E, 0x2066...0x2069, 0x200B, 0x200E, 0x200F, 0x2060...0x2064, 0xFEFF, 0xFFFD: return false
        default: return true
        }
    }

    /// A letter (of any script), a combining mark, a space, an apostrophe, a hyphen or a dot: what
    /// a person's name holds (K'Ho names have apostrophes). ASCII and the Vietnamese letters are
    /// answered without looking up Unicode properties.
    public static func mayBeInAName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x20, 0x27, 0x2D, 0x2E, 0x2019: return true
        case 0x1EA0...0x1EF9: return true
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
    }
}

extension TextSafety {
    /// Text as a terminal may show it: control characters as their pictures (U+241B for ESC, so
    /// an escape sequence stored behind coso's back is seen, not obeyed), other unsafe characters
    /// as U+FFFD. Tabs and line breaks stay.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isSafe($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isSafe(s) { out.append(s) } else if s.value < 0x20 { out.append(Unicode.Scalar(0x2400 + s.value)!) }
            else if s.value == 0x7F { out.append("\u{2421}") } else { out.append("\u{FFFD}") }
        }
        return String(out)
    }
}

/// Cells a spreadsheet would run rather than show (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`):
/// written with a leading apostrophe, which spreadsheets read as "text" and do not show (OWASP,
/// CSV injection), and read back without it, so that a round trip through a file is lossless.
public enum SpreadsheetText {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` as a cell: an apostrophe before a formula's first character, and before an
    /// apostrophe that would otherwise be taken for that mark.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.first else { return text }
        if triggers.contains(first) { return "'" + text }
        if first == "'", text.count > 1, let second = text.dropFirst().first, triggers.contains(second) || second == "'" { return "'" + text }
        return text
    }

    /// A cell as text: the mark `neutralised` adds, taken off.
    public static func restored(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, triggers.contains(second) || second == "'" else { return cell }
        return String(cell.dropFirst())
    }
}
