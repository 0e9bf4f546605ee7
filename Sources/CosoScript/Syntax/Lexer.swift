import CosoCore
import Foundation

/// Turns source text into tokens. Newlines end statements except inside brackets, after an
/// operator, `|`, `,` or `:`, and before a line that starts with `|` (a pipeline written down).
public struct Lexer {
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    private var braces = 0
    private var tokens: [Token] = []

    public init(_ text: String) { bytes = Array(text.utf8) }

    public static func tokenize(_ text: String) throws(Diagnostic) -> [Token] {
        let (tokens, problems) = tokenizeRecovering(text)
        if let first = problems.first { throw first }
        return tokens
    }

    /// Tokens, and every lexical problem met on the way: after a bad character, date or escape
    /// the lexer records it and goes on, so a script's mistakes are reported together.
    public static func tokenizeRecovering(_ text: String) -> ([Token], [Diagnostic]) {
        var lexer = Lexer(text)
        let tokens = lexer.run()
        return (tokens, lexer.problems)
    }

    private(set) var problems: [Diagnostic] = []

    mutating func run() -> [Token] {
        while i < bytes.count {
            let before = i
            do throws(Diagnostic) {
                try lexOne()
            } catch {
                problems.append(error)
                // An impossible date keeps its place in the statement, so parsing goes on.
                if error.code == "E0103", let span = error.span {
                    tokens.append(Token(.date(LocalDate(year: 1, month: 1, day: 1)!), span))
                }
                if error.code == "E0105" {
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") { i += 1 }
                }
                if i == before {
                    i += 1
                    while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                }
            }
        }
        if let last = tokens.last, last.kind != .end { tokens.append(Token(.end, SourceSpan(bytes.count, bytes.count))) }
        tokens.append(Token(.eof, SourceSpan(bytes.count, bytes.count)))
        return tokens
    }

    private mutating func lexOne() throws(Diagnostic) {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
            case UInt8(ascii: "#"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: ";"):
                let start = i
                i += 1
                if c == UInt8(ascii: ";") || (depth == 0 && !continuesAfterLast() && !nextLineStartsWithPipe()) {
                    if let last = tokens.last, last.kind != .end { tokens.append(Token(.end, SourceSpan(start, start + 1))) }
                }
            case UInt8(ascii: ".") where atStatementStart && i + 1 < bytes.count && isIdentifierStart(bytes[i + 1]):
                // `.sql members | count`: a dot command takes the rest of its line, as in the REPL.
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                tokens.append(Token(.dot(text(start, i).trimmingCharacters(in: .whitespaces)), SourceSpan(start, i)))
                tokens.append(Token(.end, SourceSpan(i, i)))
            case UInt8(ascii: "\""):
                try lexString()
            case UInt8(ascii: "@"):
                try lexDate()
            case UInt8(ascii: "$"):
                let start = i
                i += 1
                let name = identifierText()
                guard !name.isEmpty else {
                    throw Diagnostic("E0104", vi: "thiếu tên biến sau $", en: "a variable name must follow $",
                                     span: SourceSpan(start, start + 1), helpVi: "ví dụ: $year", helpEn: "for example: $year")
                }
                tokens.append(Token(.variable(name), SourceSpan(start, i)))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
                if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) {
                    i += 1
                    while i < bytes.count, isDigit(bytes[i]) { i += 1 }
                }
                tokens.append(Token(.number(text(start, i).replacingOccurrences(of: "_", with: "")), SourceSpan(start, i)))
            default:
                if isIdentifierStart(c) && (c < 0x80 || scalarIsLetter(at: i)) {
                    let start = i
                    let name = identifierText()
                    tokens.append(Token(.identifier(name), SourceSpan(start, i)))
                } else {
                    try lexSymbol()
                }
            }
    }

    private static let twoCharSymbols: Set<String> = ["==", "!=", "<=", ">=", "=~"]
    /// `=` is a token only for `let x = ...`; the parser says "use ==" anywhere else.
    private static let oneCharSymbols: Set<UInt8> = Set("|,:.()[]{}<>+-*/=".utf8)

    private mutating func lexSymbol() throws(Diagnostic) {
        let start = i
        if i + 1 < bytes.count {
            let two = text(i, i + 2)
            if Lexer.twoCharSymbols.contains(two) {
                i += 2
                tokens.append(Token(.symbol(two), SourceSpan(start, i)))
                return
            }
        }
        let c = bytes[i]
        if Lexer.oneCharSymbols.contains(c) {
            i += 1
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            // Braces hold statements: newlines inside still end them, but the block is open.
            if c == UInt8(ascii: "{") { braces += 1 }
            if c == UInt8(ascii: "}") { braces = max(0, braces - 1) }
            tokens.append(Token(.symbol(String(UnicodeScalar(c))), SourceSpan(start, i)))
            return
        }
        // One whole character (it may be several bytes) for the message.
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        if let control = Lexer.control(bytes, at: i) { throw Lexer.controlCharacter(control, SourceSpan(start, end)) }
        let ch = text(i, end)
        if ch == "“" || ch == "”" {
            throw Diagnostic("E0102", vi: "dùng dấu nháy thẳng \" cho chuỗi, không dùng “ ”",
                             en: "strings use straight quotes \", not “ ”", span: SourceSpan(start, end))
        }
        throw Diagnostic("E0102", vi: "ký tự không hợp lệ '\(ch)'", en: "unexpected character '\(ch)'",
                         span: SourceSpan(start, end))
    }

    private mutating func lexString() throws(Diagnostic) {
        let start = i
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                let s = VietnameseText.nfc(String(decoding: out, as: UTF8.self))
                // "NguyÔn": text typed in TCVN3 or VNI and saved as Unicode.
                if LegacyEncoding.looksLikeLegacy(s) {
                    throw Diagnostic("E0115", vi: "chuỗi có vẻ gõ bằng bảng mã cũ (TCVN3, VNI)", en: "the string looks typed in a legacy encoding (TCVN3, VNI)",
                                     span: SourceSpan(start, i), helpVi: "gõ lại bằng Unicode, hoặc chuyển mã tệp sang Unicode (như Unikey: Công cụ chuyển mã)",
                                     helpEn: "type it again in Unicode, or convert the file to Unicode (Unikey's converter, for instance)")
                }
                tokens.append(Token(.string(s), SourceSpan(start, i)))
                return
            }
            if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
                default:
                    throw Diagnostic("E0105", vi: "chuỗi có ký tự thoát không hợp lệ", en: "unknown escape in a string",
                                     span: SourceSpan(i, i + 2), helpVi: "dùng \\\" \\\\ \\n hoặc \\t",
                                     helpEn: "use \\\" \\\\ \\n or \\t")
                }
                i += 2
                continue
            }
            // No control character in a value: a NUL, an escape sequence for the terminal.
            if c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r"), let control = Lexer.control(bytes, at: i) {
                throw Lexer.controlCharacter(control, SourceSpan(i, i + (control > 0x7F ? 2 : 1)))
            }
            out.append(c)
            i += 1
        }
        throw Diagnostic("E0101", vi: "chuỗi chưa đóng dấu nháy", en: "unterminated string",
                         span: SourceSpan(start, start + 1), helpVi: "thêm \" ở cuối chuỗi", helpEn: "add \" at its end")
    }

    private mutating func lexDate() throws(Diagnostic) {
        let start = i
        i += 1
        while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "-") { i += 1 }
        let raw = text(start + 1, i)
        let span = SourceSpan(start, i)
        guard let date = LocalDate(iso: raw) else {
            let parts = raw.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, raw.count == 10, (1...12).contains(parts[1]) {
                let days = LocalDate.daysIn(month: parts[1], year: parts[0])
                throw Diagnostic("E0103", vi: "ngày không tồn tại: tháng \(parts[1])/\(parts[0]) chỉ có \(days) ngày",
                                 en: "no such date: month \(parts[1]) of \(parts[0]) has \(days) days", span: span)
            }
            throw Diagnostic("E0103", vi: "ngày viết sai: cần dạng @YYYY-MM-DD", en: "malformed date: write @YYYY-MM-DD",
                             span: span, helpVi: "ví dụ: @2024-05-19", helpEn: "for example: @2024-05-19")
        }
        tokens.append(Token(.date(date), span))
    }

    /// Whether `text` needs more lines before it can run: an open bracket or string, or a line
    /// ending in `|`, `,` or an operator. The REPL shows its continuation prompt then.
    public static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(text)
        _ = lexer.run()
        if lexer.problems.contains(where: { $0.code == "E0101" }) { return true }
        return lexer.depth > 0 || lexer.braces > 0 || lexer.trailingContinuation
    }

    private var trailingContinuation: Bool {
        // Tokens end with [.end, .eof] or [.eof]; look at the last real token.
        let real = tokens.filter { $0.kind != .end && $0.kind != .eof }
        guard let last = real.last, case .symbol(let s) = last.kind else { return false }
        return Lexer.continuing.contains(s)
    }

    /// Symbols after which a line goes on: a newline there does not end the statement.
    static let continuing: Set<String> = ["|", ",", ":", "==", "!=", "<", "<=", ">", ">=", "=~", "+", "-", "*", "/", "(", "[", "{"]

    private var atStatementStart: Bool { tokens.last == nil || tokens.last?.kind == .end }

    private func continuesAfterLast() -> Bool {
        guard let last = tokens.last, case .symbol(let s) = last.kind else { return false }
        return Lexer.continuing.contains(s)
    }

    private func nextLineStartsWithPipe() -> Bool {
        var j = i
        while j < bytes.count {
            let c = bytes[j]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { j += 1; continue }
            if c == UInt8(ascii: "#") { while j < bytes.count, bytes[j] != UInt8(ascii: "\n") { j += 1 }; continue }
            return c == UInt8(ascii: "|")
        }
        return false
    }

    private mutating func identifierText() -> String {
        let start = i
        while i < bytes.count, isIdentifierContinue(bytes[i]) { i += 1 }
        return text(start, i)
    }

    /// Whether the UTF-8 sequence at `index` encodes a letter (Vietnamese letters start names; `§` does not).
    private func scalarIsLetter(at index: Int) -> Bool {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first?.properties.isAlphabetic ?? false
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    /// ASCII letters, `_`, and any non-ASCII byte (Vietnamese letters in names are accepted).
    private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c >= 0xC0
    }
    private func isIdentifierContinue(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) || (c >= 0x80 && c < 0xC0) }
    /// The control character at `i` (C0 but tab, DEL, or C1 in UTF-8), as its code point.
    static func control(_ bytes: [UInt8], at i: Int) -> UInt32? {
        let c = bytes[i]
        if (c < 0x20 && c != UInt8(ascii: "\t")) || c == 0x7F { return UInt32(c) }
        if c == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return UInt32(bytes[i + 1]) }
        return nil
    }

    static func controlCharacter(_ code: UInt32, _ span: SourceSpan) -> Diagnostic {
        let name = "U+" + String(format: "%04X", code)
        return Diagnostic("E0114", vi: "ký tự điều khiển \(name) trong câu lệnh", en: "control character \(name) in a statement",
                          span: span, helpVi: "xóa ký tự đó (thường do sao chép từ tệp khác)", helpEn: "remove it (often pasted from another file)")
    }

    private func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
}
