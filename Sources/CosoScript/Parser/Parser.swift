import CosoCore

/// Recursive-descent parser: statements, split by construct across `Parser+*.swift`.
public struct Parser {
    var tokens: [Token]
    var pos = 0
    /// How deep the expression (or block) being read is nested (see `maxDepth`).
    var depth = 0

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole source into statements.
    public static func parse(_ text: String) throws(Diagnostic) -> [Statement] {
        let (statements, problems) = parseRecovering(text)
        if let first = problems.first { throw first }
        return statements
    }

    /// Parses every statement, and after a syntax error skips to the end of that statement and
    /// goes on, so that a script's mistakes are all reported at once (up to `maxProblems`).
    public static func parseRecovering(_ text: String) -> ([Statement], [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenizeRecovering(text)
        var p = Parser(tokens: tokens)
        let (statements, syntactic) = p.statements()
        // In source order, one per line: a line with a bad character usually fails to parse too,
        // and the first message is the one that says what is wrong.
        let newlines = Array(text.utf8.enumerated().filter { $0.element == UInt8(ascii: "\n") }.map(\.offset))
        func line(_ d: Diagnostic) -> Int {
            let at = d.span?.start ?? 0
            var lo = 0, hi = newlines.count
            while lo < hi { let mid = (lo + hi) / 2; if newlines[mid] < at { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var seen: Set<Int> = []
        let all = (lexical + syntactic).sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
            .filter { seen.insert(line($0)).inserted }
        return (statements, Array(all.prefix(maxProblems)))
    }

    static let maxProblems = 20

    mutating func statements() -> ([Statement], [Diagnostic]) {
        var result: [Statement] = []
        var problems: [Diagnostic] = []
        while !atEOF && problems.count < Parser.maxProblems {
            if current.kind == .end { advance(); continue }
            let start = pos
            do throws(Diagnostic) {
                let s = try statement()
                guard current.kind == .end || current.kind == .eof else {
                    throw unexpected(expecting: Label(vi: "hết câu lệnh hoặc |", en: "the end of the statement or |"))
                }
                result.append(s)
            } catch {
                problems.append(error)
                synchronize(from: start)
            }
        }
        return (result, problems)
    }

    /// Skips to the start of the next statement, past any block the bad one opened.
    mutating func synchronize(from start: Int) {
        var braces = 0
        for t in tokens[start..<pos] {
            if t.isSymbol("{") { braces += 1 }
            if t.isSymbol("}") { braces = max(0, braces - 1) }
        }
        while !atEOF {
            if current.isSymbol("{") { braces += 1 }
            if current.isSymbol("}") { braces = max(0, braces - 1) }
            if current.kind == .end && braces == 0 { return }
            advance()
        }
    }

    mutating func statement() throws(Diagnostic) -> Statement {
        if case .dot(let text) = current.kind {
            let span = current.span
            advance()
            return .dot(text, span: span)
        }
        if let word = current.identifier, ["begin", "commit", "rollback"].contains(word),
           peek(1).kind == .end || peek(1).kind == .eof {
            return .transaction(try name())
        }
        if current.isWord("let") {
            let start = current.span.start
            advance()
            let name = try self.name()
            try expect("=", Label(vi: "dấu = sau tên", en: "'=' after the name"))
            let value = try statement()
            if case .let = value {
                throw Diagnostic("E0111", vi: "không lồng let trong let", en: "let cannot contain another let", span: value.span)
            }
            return .let(name, value, span: SourceSpan(start, previousEnd))
        }
        if current.isWord("def") { return try definition() }
        if current.isWord("for"), peek(1).identifier != nil, peek(2).isWord("in") { return try forLoop() }
        if current.isWord("if") { return try conditional() }
        // `use` is a reserved word: whatever follows is the file (a name that is not text is refused
        // when the statement runs, with what to write instead).
        if current.isWord("use"), peek(1).startsExpression {
            let start = current.span
            advance()
            let path = try primary()
            return .use(path, span: start.union(path.span))
        }
        // A name starts a pipeline, unless it is a built-in function called as an expression
        // (`today()`); `villages_of("...") | count` calls a `def`.
        if case .identifier(let word) = current.kind, !["not", "true", "false", "null"].contains(word),
           !(peek(1).isSymbol("(") && Parser.functions.contains(word)) {
            return .pipeline(try pipeline())
        }
        return .expression(try expression())
    }

    /// Functions of the language itself (a `def` may not take these names); `if` is also written
    /// `if C then A else B`.
    public static let functions: Set<String> = ["today", "year", "age", "band", "starts_with", "full", "if",
                                                "count", "sum", "avg", "min", "max", "count_distinct"]

    /// The other words the language gives a meaning to: operators, literals, statements and the
    /// parts of stages (each has its `.help`, which a test holds to).
    public static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null", "asof", "by", "then", "else",
                                               "let", "def", "for", "if", "use", "begin", "commit", "rollback"]

    /// The operators, as the lexer reads them.
    public static let operators: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "=~", "+", "-", "*", "/"]

    /// `def name(p1, p2) = pipeline`: a reusable query; `$p1` inside it is the argument.
    mutating func definition() throws(Diagnostic) -> Statement {
        let start = current.span.start
        advance()
        let name = try self.name()
        var params: [Name] = []
        try expect("(", Label(vi: "dấu ( sau tên", en: "'(' after the name"))
        if !current.isSymbol(")") {
            repeat { params.append(try self.name()) } while eat(",")
        }
        try expect(")", Label(vi: "dấu ) hoặc ,", en: "')' or ','"))
        try expect("=", Label(vi: "dấu =", en: "'='"))
        let body = try pipeline()
        return .def(name, params, body, span: SourceSpan(start, previousEnd))
    }

    /// `for name in [a, b] { ... }`
    mutating func forLoop() throws(Diagnostic) -> Statement {
        let start = current.span.start
        advance()
        let name = try self.name()
        advance()  // in
        let values = try expression()
        let body = try block()
        return .for(name, values, body, span: SourceSpan(start, previousEnd))
    }

    /// `if condition { ... } else { ... }` (else if chains too).
    mutating func conditional() throws(Diagnostic) -> Statement {
        let start = current.span.start
        advance()
        let condition = try expression()
        let then = try block()
        var otherwise: [Statement] = []
        if current.kind == .end, peek(1).isWord("else") { advance() }
        if current.isWord("else") {
            advance()
            otherwise = current.isWord("if") ? [try conditional()] : try block()
        }
        return .if(condition, then, otherwise, span: SourceSpan(start, previousEnd))
    }

    /// `{ statement; statement }` over one or several lines.
    mutating func block() throws(Diagnostic) -> [Statement] {
        try enter()
        defer { depth -= 1 }
        try expect("{", Label(vi: "dấu {", en: "'{'"))
        var body: [Statement] = []
        while true {
            while current.kind == .end { advance() }
            if eat("}") { return body }
            if atEOF { throw unexpected(expecting: Label(vi: "dấu } đóng khối", en: "'}' closing the block")) }
            body.append(try statement())
            guard current.kind == .end || current.isSymbol("}") else {
                throw unexpected(expecting: Label(vi: "hết câu lệnh hoặc }", en: "the end of the statement or '}'"))
            }
        }
    }

    // MARK: Token stream

    var current: Token { tokens[pos] }
    var atEOF: Bool { current.kind == .eof }
    func peek(_ n: Int) -> Token { tokens[min(pos + n, tokens.count - 1)] }
    mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }
    var previousEnd: Int { pos > 0 ? tokens[pos - 1].span.end : 0 }

    mutating func eat(_ symbol: String) -> Bool {
        if current.isSymbol(symbol) { advance(); return true }
        return false
    }

    mutating func expect(_ symbol: String, _ what: Label) throws(Diagnostic) {
        guard eat(symbol) else { throw unexpected(expecting: what) }
    }

    mutating func name() throws(Diagnostic) -> Name {
        guard case .identifier(let s) = current.kind else {
            throw unexpected(expecting: Label(vi: "một tên", en: "a name"))
        }
        let n = Name(text: s, span: current.span)
        advance()
        return n
    }

    func unexpected(expecting: Label) -> Diagnostic {
        let found: Label
        switch current.kind {
        case .eof, .end: found = Label(vi: "hết dòng", en: "the end of the line")
        case .identifier(let s): found = Label(vi: "'\(s)'", en: "'\(s)'")
        case .symbol(let s): found = Label(vi: "'\(s)'", en: "'\(s)'")
        case .string: found = Label(vi: "một chuỗi", en: "a string")
        case .number(let s): found = Label(vi: s, en: s)
        case .date(let d): found = Label(vi: "@\(d.iso)", en: "@\(d.iso)")
        case .variable(let v): found = Label(vi: "$\(v)", en: "$\(v)")
        case .dot(let d): found = Label(vi: d, en: d)
        }
        // A word from SQL says how coso writes it.
        var help: Label?
        if case .identifier(let word) = current.kind { help = SQLHabits.hint(word) }
        return Diagnostic("E0110", Label(vi: "cần \(expecting.vi), gặp \(found.vi)", en: "expected \(expecting.en), found \(found.en)"),
                          span: current.span, help: help)
    }
}
