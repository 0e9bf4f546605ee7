import CosoCore

/// Draws a diagnostic the way compilers do:
///
///     lỗi[E0202]: members không có trường 'nme'
///       --> report.coso:3:14
///        |
///      3 | members | where nme == "x"
///        |                  ^^^
///        = gợi ý: có phải ý bạn là 'name'?
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, in source: SourceFile?, language: Language = .vi) -> String {
        let word = d.severity == .error ? (language == .vi ? "lỗi" : "error") : (language == .vi ? "cảnh báo" : "warning")
        var out = "\(word)[\(d.code)]: \(d.message.text(language))\n"
        if let source, let span = d.span {
            let (line, column, lineText, lineStart) = locate(span.start, in: source.text)
            out += "  --> \(source.name):\(line):\(column)\n"
            let gutter = String(line).count
            let pad = String(repeating: " ", count: gutter)
            out += "\(pad) |\n"
            // (The line as the terminal may show it: a control character as its picture.)
            out += "\(line) | \(TextSafety.visible(lineText))\n"
            let bytes = Array(source.text.utf8)
            let before = String(decoding: bytes[lineStart..<min(span.start, bytes.count)], as: UTF8.self)
            let lineEnd = lineStart + lineText.utf8.count
            let underlined = String(decoding: bytes[min(span.start, bytes.count)..<min(max(span.end, span.start), lineEnd, bytes.count)], as: UTF8.self)
            let caretCount = max(1, VietnameseText.displayWidth(TextSafety.visible(underlined)))
            out += "\(pad) | " + String(repeating: " ", count: VietnameseText.displayWidth(TextSafety.visible(before)))
                + String(repeating: "^", count: caretCount) + "\n"
        } else if let source {
            out += "  --> \(source.name)\n"
        }
        if let help = d.help {
            out += "  = \(language == .vi ? "gợi ý" : "help"): \(help.text(language))\n"
        }
        return out
    }

    /// Every diagnostic of a source error, in order.
    public static func render(_ error: SourceError, language: Language = .vi) -> String {
        error.all.map { render($0, in: error.source, language: language) }.joined()
    }

    /// 1-based line and column (in characters) of a byte offset, and the line's text.
    public static func locate(_ offset: Int, in text: String) -> (line: Int, column: Int, text: String, start: Int) {
        let bytes = Array(text.utf8)
        let o = min(offset, bytes.count)
        var line = 1, start = 0
        for i in 0..<o where bytes[i] == UInt8(ascii: "\n") { line += 1; start = i + 1 }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let column = String(decoding: bytes[start..<o], as: UTF8.self).count + 1
        return (line, column, String(decoding: bytes[start..<end], as: UTF8.self), start)
    }
}
