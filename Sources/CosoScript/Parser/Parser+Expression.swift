import CosoCore

extension Parser {
    /// Lowest precedence first: or, and, not, comparison, + -, * /, unary minus, primary.
    mutating func expression() throws(Diagnostic) -> Expr { try orExpr() }

    mutating func orExpr() throws(Diagnostic) -> Expr {
        var lhs = try andExpr()
        while current.isWord("or") {
            advance()
            let rhs = try andExpr()
            lhs = Expr(.binary("or", lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func andExpr() throws(Diagnostic) -> Expr {
        var lhs = try notExpr()
        while current.isWord("and") {
            advance()
            let rhs = try notExpr()
            lhs = Expr(.binary("and", lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func notExpr() throws(Diagnostic) -> Expr {
        if current.isWord("not") {
            let start = current.span
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

    mutating func additive() throws(Diagnostic) -> Expr {
        var lhs = try multiplicative()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            advance()
            let rhs = try multiplicative()
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func multiplicative() throws(Diagnostic) -> Expr {
        var lhs = try unary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" {
            advance()
            let rhs = try unary()
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func unary() throws(Diagnostic) -> Expr {
        if current.isSymbol("-") {
            let start = current.span
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
                repeat { items.append(try expression()) } while eat(",")
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
