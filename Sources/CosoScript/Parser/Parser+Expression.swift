import CosoCore

extension Parser {
    /// Lowest precedence first: or, and, not, comparison, + -, * /, unary minus, primary.
    mutating func expression() throws(Diagnostic) -> Expr {
        try enter()
        defer { depth -= 1 }
        return try orExpr()
    }

    /// How deep expressions, `not`s, minus signs and blocks may nest: far beyond any real query,
    /// and far below what the parser's, the planner's and SQLite's own recursion can take (2,600
    /// nested parentheses crashed coso).
    static let maxDepth = 100
    /// How many terms a chain of `+ - * /` may have (each adds a level the planner walks).
    static let maxChain = 500
    /// How many terms an `and`/`or` chain or a list may have (each a bound value or more in SQL).
    static let maxTerms = 10_000

    mutating func enter() throws(Diagnostic) {
        depth += 1
        guard depth <= Parser.maxDepth else {
            depth -= 1
            throw Diagnostic("E0112", Label(vi: "biểu thức lồng quá sâu (quá \(Parser.maxDepth) tầng)", en: "expression nested too deeply (over \(Parser.maxDepth) levels)"),
                             span: current.span, help: Label(vi: "tách thành nhiều câu lệnh, hoặc dùng in [..] thay cho nhiều or",
                                                             en: "split it into several statements, or use in [..] instead of many ors"))
        }
    }

    mutating func orExpr() throws(Diagnostic) -> Expr { try chain("or") { p throws(Diagnostic) in try p.andExpr() } }

    mutating func andExpr() throws(Diagnostic) -> Expr { try chain("and") { p throws(Diagnostic) in try p.notExpr() } }

    /// `a or b or c ...`: read flat, then built as a balanced tree (both are associative), so that
    /// a chain of thousands of terms is a few levels deep for every walk of the tree and for SQLite.
    mutating func chain(_ word: String, _ term: (inout Parser) throws(Diagnostic) -> Expr) throws(Diagnostic) -> Expr {
        var terms = [try term(&self)]
        while current.isWord(word) {
            guard terms.count < Parser.maxTerms else {
                throw Diagnostic("E0112", Label(vi: "quá \(Parser.maxTerms) vế nối bằng \(word)", en: "over \(Parser.maxTerms) terms joined by \(word)"),
                                 span: current.span, help: Label(vi: "dùng in [..], hoặc tách thành nhiều câu lệnh", en: "use in [..], or split the statement"))
            }
            advance()
            terms.append(try term(&self))
        }
        return Parser.balanced(word, terms[...])
    }

    static func balanced(_ op: String, _ terms: ArraySlice<Expr>) -> Expr {
        if terms.count == 1 { return terms.first! }
        let mid = terms.startIndex + terms.count / 2
        let l = balanced(op, terms[..<mid]), r = balanced(op, terms[mid...])
        return Expr(.binary(op, l, r), l.span.union(r.span))
    }

    mutating func notExpr() throws(Diagnostic) -> Expr {
        if current.isWord("not") {
            let start = current.span
            try enter()
            defer { depth -= 1 }
            advance()
            let operand = try notExpr()
            return Expr(.unary("not", operand), start.union(operand.span))
        }
        return try comparison()
    }

    static let comparisonOperators: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "=~"]

    mutating func comparison() throws(Diagnostic) -> Expr {
        let lhs = try additive()
        if case .symbol(let op) = current.kind, Parser.comparisonOperators.contains(op) {
            advance()
            let rhs = try additive()
            return Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span))
        }
        if current.isSymbol("=") {
            throw Diagnostic("E0102", vi: "dùng == để so sánh bằng", en: "use == to compare for equality",
                             span: current.span, helpVi: "ví dụ: where kind == village_cell",
                             helpEn: "for example: where kind == village_cell")
        }
        if current.isWord("in") {
            advance()
            // `in (a, b)`, as SQL writes it: coso's lists are in square brackets.
            if current.isSymbol("("), let habit = SQLHabits.hint("in(") {
                throw Diagnostic("E0110", Label(vi: "danh sách sau in viết trong ngoặc vuông [ ]", en: "the list after in goes in square brackets [ ]"),
                                 span: current.span, help: habit)
            }
            let rhs = try primary()
            return Expr(.binary("in", lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    /// A chain of `+ - * /` past `maxChain` terms.
    func tooLong() -> Diagnostic {
        Diagnostic("E0112", Label(vi: "biểu thức quá dài (quá \(Parser.maxChain) số hạng)", en: "expression too long (over \(Parser.maxChain) terms)"),
                   span: current.span, help: Label(vi: "tách thành nhiều câu lệnh", en: "split it into several statements"))
    }

    mutating func additive() throws(Diagnostic) -> Expr {
        var lhs = try multiplicative()
        var terms = 1
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            terms += 1
            guard terms <= Parser.maxChain else { throw tooLong() }
            advance()
            let rhs = try multiplicative()
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func multiplicative() throws(Diagnostic) -> Expr {
        var lhs = try unary()
        var terms = 1
        while case .symbol(let op) = current.kind, op == "*" || op == "/" {
            terms += 1
            guard terms <= Parser.maxChain else { throw tooLong() }
            advance()
            let rhs = try unary()
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func unary() throws(Diagnostic) -> Expr {
        if current.isSymbol("-") {
            let start = current.span
            try enter()
            defer { depth -= 1 }
            advance()
            let operand = try unary()
            return Expr(.unary("-", operand), start.union(operand.span))
        }
        return try primary()
    }

    mutating func primary() throws(Diagnostic) -> Expr {
        let tok = current
        switch tok.kind {
        case .number(let s):
            advance()
            if let i = Int64(s) { return Expr(.literal(.int(i)), tok.span) }
            // A whole number beyond 64 bits is an error, not a decimal that compares loosely.
            if s.contains("."), let d = Double(s), d.isFinite { return Expr(.literal(.double(d)), tok.span) }
            throw Diagnostic("E0106", vi: "số quá lớn", en: "number too large", span: tok.span)
        case .string(let s):
            advance()
            return Expr(.literal(.text(s)), tok.span)
        case .date(let d):
            advance()
            return Expr(.literal(.date(d)), tok.span)
        case .variable(let v):
            advance()
            return Expr(.variable(v), tok.span)
        case .symbol("("):
            advance()
            let inner = try expression()
            try expect(")", Label(vi: "dấu )", en: "')'"))
            return Expr(inner.kind, tok.span.union(SourceSpan(previousEnd - 1, previousEnd)))
        case .symbol("["):
            advance()
            var items: [Expr] = []
            if !current.isSymbol("]") {
                repeat {
                    guard items.count < Parser.maxTerms else {
                        throw Diagnostic("E0112", Label(vi: "danh sách quá \(Parser.maxTerms) phần tử", en: "a list of over \(Parser.maxTerms) items"),
                                         span: current.span, help: Label(vi: "tách thành nhiều câu lệnh", en: "split the statement"))
                    }
                    items.append(try expression())
                } while eat(",")
            }
            try expect("]", Label(vi: "dấu ] hoặc ,", en: "']' or ','"))
            return Expr(.list(items), SourceSpan(tok.span.start, previousEnd))
        case .identifier(let word):
            switch word {
            case "true": advance(); return Expr(.literal(.bool(true)), tok.span)
            case "false": advance(); return Expr(.literal(.bool(false)), tok.span)
            case "null": advance(); return Expr(.literal(.null), tok.span)
            case "if" where !(peek(1).isSymbol("(") && peek(1).span.start == tok.span.end): return try conditionalValue()
            default: break
            }
            let first = try name()
            var names = [first]
            while current.isSymbol("."), current.span.start == names.last!.span.end {
                advance()
                names.append(try name())
            }
            // A call: `age(born)`, or a condition of a referenced row at a date,
            // `member.on_roll($date)` (its name carries the path, dotted).
            if current.isSymbol("("), current.span.start == names.last!.span.end {
                advance()
                var args: [Expr] = []
                if !current.isSymbol(")") {
                    repeat { args.append(try expression()) } while eat(",")
                }
                try expect(")", Label(vi: "dấu ) hoặc ,", en: "')' or ','"))
                let callee = Name(text: names.map(\.text).joined(separator: "."), span: SourceSpan(first.span.start, names.last!.span.end))
                return Expr(.call(callee, args), SourceSpan(first.span.start, previousEnd))
            }
            return Expr(.path(names), SourceSpan(first.span.start, names.last!.span.end))
        default:
            throw unexpected(expecting: Label(vi: "một giá trị", en: "a value"))
        }
    }

    /// `if COND then A else B` (`else if` chains; no `else`: null), a value chosen by a condition:
    /// the call `if(COND, A, B)`, compiled to one CASE.
    mutating func conditionalValue() throws(Diagnostic) -> Expr {
        let start = current.span
        let keyword = Name(text: "if", span: current.span)
        advance()
        let condition = try expression()
        guard current.isWord("then") else {
            throw unexpected(expecting: Label(vi: "then (dạng: if ĐIỀU_KIỆN then A else B)", en: "then (the form: if CONDITION then A else B)"))
        }
        advance()
        let chosen = try expression()
        var args = [condition, chosen]
        if current.isWord("else") {
            advance()
            args.append(try expression())
        }
        return Expr(.call(keyword, args), SourceSpan(start.start, previousEnd))
    }
}
