/// A range of a source text, in UTF-8 byte offsets (half-open).
public struct SourceSpan: Hashable, Sendable {
    public let start: Int
    public let end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = max(start, end) }
    public func union(_ other: SourceSpan) -> SourceSpan { SourceSpan(min(start, other.start), max(end, other.end)) }
}

/// A named source text: a script file, `-c` text, or a REPL entry.
public struct SourceFile: Sendable {
    public let name: String
    public let text: String
    public init(name: String, text: String) { self.name = name; self.text = text }
}

/// An error or warning as data: a stable code, a message that says what to do, where, and help.
///
/// Rendering (the `--> file:line:col` header, the line, the caret) is a separate stage. Messages
/// never contain bound values or personal data: the caret shows the user's own text instead.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable { case error, warning }

    /// Stable code, e.g. `E0201`; documented by `.help errors`.
    public let code: String
    public let message: Label
    public var span: SourceSpan?
    public var help: Label?
    public var severity: Severity

    public init(_ code: String, _ message: Label, span: SourceSpan? = nil, help: Label? = nil,
                severity: Severity = .error) {
        self.code = code; self.message = message; self.span = span; self.help = help; self.severity = severity
    }

    public init(_ code: String, vi: String, en: String, span: SourceSpan? = nil,
                helpVi: String? = nil, helpEn: String? = nil) {
        self.init(code, Label(vi: vi, en: en), span: span,
                  help: helpVi.map { Label(vi: $0, en: helpEn ?? $0) })
    }
}

/// A diagnostic together with the source it points into; what `Session.run` throws.
public struct SourceError: Error, Sendable {
    public let diagnostic: Diagnostic
    public let source: SourceFile
    /// Further syntax errors found in the same source after the first.
    public var others: [Diagnostic] = []
    public init(_ diagnostic: Diagnostic, in source: SourceFile, others: [Diagnostic] = []) {
        self.diagnostic = diagnostic; self.source = source; self.others = others
    }
    public var all: [Diagnostic] { [diagnostic] + others }
}

/// "Did you mean": the closest candidate by edit distance on folded text, when it is close enough.
public enum Suggest {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(VietnameseText.fold(word))
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(VietnameseText.fold(c)))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (name, d) = best else { return nil }
        return d <= (w.count <= 3 ? 1 : min(3, max(2, w.count / 3))) ? name : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
