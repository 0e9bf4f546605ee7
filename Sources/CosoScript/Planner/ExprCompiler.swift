import CosoCore

/// Compiles expressions to SQL fragments. Every literal becomes a `?` with a bound value;
/// identifiers come only from the catalogue.
struct ExprCompiler {
    let scope: Scope
    let catalog: Catalog
    let today: LocalDate
    let variables: [String: Value]
    /// The date a source read `asof` stands at: a condition named without a date (`on_roll`) is
    /// judged at it, else today.
    var asOf: LocalDate?
    /// Output columns of a `select` earlier in the pipeline, usable by name in later stages.
    var aliases: [String: Fragment] = [:]
    /// Inside `summarize`: aggregate functions are allowed.
    var allowAggregates = false
    /// Looks up the row a name stands for (`org == "Chi bộ thôn 1"` must name one cell); without
    /// it (planning with no register at hand), a reference compared with text compares names.
    var names: NameLookup?

    static let aggregates: Set<String> = ["count", "sum", "avg", "min", "max", "count_distinct"]

    func compile(_ e: Expr) throws(Diagnostic) -> Fragment {
        switch e.kind {
        case .literal(let v):
            if case .null = v { return Fragment("NULL", [], .null) }
            return Fragment("?", [v], ExprType(v))
        case .variable(let name):
            guard let v = variables[name] else {
                throw Diagnostic("E0204", Label(vi: "chưa có biến $\(name)", en: "unknown variable $\(name)"), span: e.span,
                                 help: Label(vi: "đặt giá trị khi chạy: coso run FILE --set \(name)=...",
                                             en: "set it when running: coso run FILE --set \(name)=..."))
            }
            return Fragment("?", [v], ExprType(v))
        case .path(let names):
            if names.count == 1, let aliased = aliases[names[0].text] { return aliased }
            if let (c, alias) = scope.condition(names) { return condition(c, on: alias, at: Fragment("?", [.date(asOf ?? today)], .date)) }
            return try scope.resolve(names)
        case .list(let items):
            var parts: [Fragment] = []
            for item in items { parts.append(try compile(item)) }
            return Fragment("(" + parts.map(\.sql).joined(separator: ", ") + ")", parts.flatMap(\.binds),
                            .list(parts.first?.type ?? .null))
        case .unary(let op, let operand):
            let f = try compile(operand)
            if op == "not" {
                try require(f, .bool, operand.span)
                return Fragment("NOT (\(f.sql))", f.binds, .bool)
            }
            guard f.type.isNumeric else { throw typeError(Label(vi: "dấu - cần một số", en: "'-' needs a number"), operand.span) }
            return Fragment("-(\(f.sql))", f.binds, f.type)
        case .binary(let op, let lhs, let rhs):
            return try binary(op, lhs, rhs, span: e.span)
        case .call(let name, let args):
            return try call(name, args, span: e.span)
        }
    }

    // MARK: Operators

    private func binary(_ op: String, _ lhs: Expr, _ rhs: Expr, span: SourceSpan) throws(Diagnostic) -> Fragment {
        switch op {
        case "and", "or":
            let l = try compile(lhs), r = try compile(rhs)
            try require(l, .bool, lhs.span); try require(r, .bool, rhs.span)
            return Fragment("(\(l.sql) \(op.uppercased()) \(r.sql))", l.binds + r.binds, .bool)
        case "+", "-", "*", "/":
            let l = try compile(lhs), r = try compile(rhs)
            if l.type == .date, r.type == .int, op == "+" || op == "-" {
                // Day arithmetic on ISO dates, in stock SQLite.
                return Fragment("date(\(l.sql), (\(op == "-" ? "-" : "")\(r.sql)) || ' days')", l.binds + r.binds, .date)
            }
            guard l.type.isNumeric || l.type == .null, r.type.isNumeric || r.type == .null else {
                throw typeError(Label(vi: "phép \(op) cần hai số", en: "'\(op)' needs two numbers"), span)
            }
            let t: ExprType = (l.type == .decimal || r.type == .decimal || op == "/") ? .decimal : .int
            let sql = op == "/" ? "(CAST(\(l.sql) AS REAL) / \(r.sql))" : "(\(l.sql) \(op) \(r.sql))"
            return Fragment(sql, l.binds + r.binds, t)
        case "=~":
            return try contains(lhs, rhs, span: span)
        case "in":
            let l = try compile(lhs)
            guard case .list(let items) = rhs.kind else {
                throw typeError(Label(vi: "sau in cần một danh sách [..]", en: "'in' needs a list [..]"), rhs.span)
            }
            var parts: [Fragment] = []
            for item in items {
                let part = try operand(item, against: l)
                parts.append(try row(named: part, for: l, span: item.span) ?? part)
            }
            guard !parts.isEmpty else { return Fragment("0", [], .bool) }
            if let folded = Self.foldedTwin(of: l, parts) { return folded }
            return Fragment("\(l.sql) IN (" + parts.map(\.sql).joined(separator: ", ") + ")",
                            l.binds + parts.flatMap(\.binds), .bool)
        default:
            return try comparison(op, lhs, rhs, span: span)
        }
    }

    private func comparison(_ op: String, _ lhs: Expr, _ rhs: Expr, span: SourceSpan) throws(Diagnostic) -> Fragment {
        var l = try compile(lhs)
        // `x == null` is IS NULL: coso's semantics, whatever the engine.
        if case .literal(.null) = rhs.kind {
            guard op == "==" || op == "!=" else {
                throw typeError(Label(vi: "chỉ so sánh với null bằng == hoặc !=", en: "compare with null only with == or !="), rhs.span)
            }
            return Fragment("(\(l.sql)) IS \(op == "==" ? "" : "NOT ")NULL", l.binds, .bool)
        }
        var r = try operand(rhs, against: l)
        if let range = ExprCompiler.yearRange(op, lhs, l, r) { return range }
        // A reference compared with a name is compared with the one row that name identifies;
        // without a register at hand, with the referenced row's name.
        if op == "==" || op == "!=", let id = try row(named: r, for: l, span: rhs.span) {
            return Fragment("\(l.sql) \(op == "==" ? "=" : "<>") ?", l.binds + id.binds, .bool)
        }
        if case .reference = l.type, r.type == .text, let d = scope.display(of: l) { l = d }
        if case .enumeration(let id) = l.type, ["<", "<=", ">", ">="].contains(op), let en = catalog.enumType(id) {
            // Enum cases compare by their declared order.
            let ordinal = ExprCompiler.ordinal(l.sql, en)
            let caseID = r.binds.first?.textValue ?? ""
            r = Fragment("?", [.int(Int64(en.index(of: caseID) ?? 0))], .int)
            return Fragment("\(ordinal) \(op) \(r.sql)", l.binds + r.binds, .bool)
        }
        try compatible(l, r, span: span)
        if op == "==", let folded = Self.foldedTwin(of: l, [r]) { return folded }
        let sqlOp = op == "==" ? "=" : op
        return Fragment("\(l.sql) \(sqlOp) \(r.sql)", l.binds + r.binds, .bool)
    }

    /// `year(d) == 2022` as the range of dates it means (`d >= '2022-01-01' AND d <= '2022-12-31'`),
    /// which an index on `d` can answer; the substring a row at a time cannot (finding one 2022
    /// admission among five million events took a second). Nil unless `d` is a plain date column
    /// (a null date is in no year either way) and the year a bound whole number.
    static func yearRange(_ op: String, _ lhs: Expr, _ l: Fragment, _ r: Fragment) -> Fragment? {
        guard case .call(let fn, let args) = lhs.kind, fn.text == "year", args.count == 1, l.type == .int,
              r.sql == "?", r.binds.count == 1, case .int(let year) = r.binds[0], (1...9998).contains(year),
              let column = l.binds.isEmpty ? dateColumn(of: l.sql) : nil else { return nil }
        func day(_ y: Int64, _ md: String) -> Value { .date(LocalDate(year: Int(y), month: md == "01-01" ? 1 : 12, day: md == "01-01" ? 1 : 31)!) }
        switch op {
        case "==": return Fragment("(\(column) >= ? AND \(column) <= ?)", [day(year, "01-01"), day(year, "12-31")], .bool)
        case "<=": return Fragment("\(column) <= ?", [day(year, "12-31")], .bool)
        case "<": return Fragment("\(column) < ?", [day(year, "01-01")], .bool)
        case ">=": return Fragment("\(column) >= ?", [day(year, "01-01")], .bool)
        case ">": return Fragment("\(column) > ?", [day(year, "12-31")], .bool)
        default: return nil
        }
    }

    /// The column inside `CAST(substr(COLUMN, 1, 4) AS INTEGER)`, as `year()` compiles, when it is
    /// a plain `alias.column`.
    private static func dateColumn(of sql: String) -> String? {
        let prefix = "CAST(substr(", suffix = ", 1, 4) AS INTEGER)"
        guard sql.hasPrefix(prefix), sql.hasSuffix(suffix) else { return nil }
        let inner = sql.dropFirst(prefix.count).dropLast(suffix.count)
        let isName = inner.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } && inner.filter { $0 == "." }.count == 1
        return isName ? String(inner) : nil
    }

    /// Equality with text on a searchable field (`name == "Nguyễn Văn An"`, `name in [..]`) also
    /// compares its folded shadow column, which says the same thing (the folded column is the
    /// field's text folded, kept so by every write) and is indexed: a searchable field needs no
    /// index of its own text (the members' name index cost the country demo 3 s to build).
    /// Nil when the field is not searchable or a value is not bound text.
    static func foldedTwin(of l: Fragment, _ values: [Fragment]) -> Fragment? {
        guard let (alias, field) = l.field, let folded = field.foldedColumn, !values.isEmpty else { return nil }
        var texts: [String] = []
        for v in values {
            guard v.sql == "?", v.binds.count == 1, case .text(let t) = v.binds[0] else { return nil }
            texts.append(t)
        }
        let foldedBinds = texts.map { Value.text(VietnameseText.fold(VietnameseText.nfc($0))) }
        if texts.count == 1 {
            return Fragment("(\(alias).\(folded) = ? AND \(l.sql) = ?)", foldedBinds + l.binds + values[0].binds, .bool)
        }
        let marks = Array(repeating: "?", count: texts.count).joined(separator: ", ")
        return Fragment("(\(alias).\(folded) IN (\(marks)) AND \(l.sql) IN (\(marks)))",
                        foldedBinds + l.binds + values.flatMap(\.binds), .bool)
    }

    /// The id of the row a bound name stands for, when `l` is a reference to an entity with
    /// names; an error listing the candidates when the name is shared, or the nearest names when
    /// none has it.
    private func row(named r: Fragment, for l: Fragment, span: SourceSpan) throws(Diagnostic) -> Fragment? {
        guard let names, case .reference(let target) = l.type, let entity = catalog.entity(target), entity.displayField != nil,
              r.sql == "?", r.binds.count == 1, case .text(let name) = r.binds[0] else { return nil }
        do {
            return Fragment("?", [.int(try names.resolve(name, in: entity))], l.type)
        } catch let p as NameLookup.Problem {
            throw Diagnostic(p.code, p.message, span: span, help: p.help)
        } catch let e as StoreError where e.diagnosticCode != nil {
            // The file, not the name (damaged, unreadable): said as such.
            throw Diagnostic(e.diagnosticCode!, Label(vi: e.message(.vi), en: e.message(.en)), span: span)
        } catch {
            throw Diagnostic("E0700", Label(vi: "lỗi nội bộ: \(error)", en: "internal error: \(error)"), span: span)
        }
    }

    /// Compiles the right-hand side of a comparison, reading a bare name as an enum case when
    /// the left side is an enum (`kind == village_cell`), and text as a case label ("trung cấp").
    private func operand(_ e: Expr, against l: Fragment) throws(Diagnostic) -> Fragment {
        guard case .enumeration(let id) = l.type, let en = catalog.enumType(id) else { return try compile(e) }
        var word: String?
        switch e.kind {
        case .path(let names) where names.count == 1:
            // A bare name is a case of the enum when it is one (`status == exempted`, although
            // members also has a field `exempted`), else a field, else a misspelt case.
            if en.find(names[0].text) != nil || (try? scope.resolve(names)) == nil { word = names[0].text }
        case .literal(.text(let s)): word = s
        case .variable(let v): if case .text(let s)? = variables[v] { word = s }
        default: break
        }
        guard let word else { return try compile(e) }
        guard let c = en.find(word) else { throw Diagnostic.unknownCase(word, of: en, span: e.span) }
        return Fragment("?", [.text(c.id)], .enumeration(id))
    }

    /// `field =~ "text"`: case- and diacritic-insensitive contains on the folded shadow column.
    private func contains(_ lhs: Expr, _ rhs: Expr, span: SourceSpan) throws(Diagnostic) -> Fragment {
        // A reference searches the name of the row it refers to (`org =~ "thôn 1"`).
        let l = try named(compile(lhs))
        guard let (alias, field) = l.field, let folded = field.foldedColumn else {
            throw typeError(Label(vi: "=~ chỉ dùng với trường tìm kiếm được (như name)",
                                  en: "=~ works only on searchable fields (such as name)"), lhs.span)
        }
        let r = try compile(rhs)
        guard r.type == .text, let needle = r.binds.first?.textValue else {
            throw typeError(Label(vi: "sau =~ cần một chuỗi", en: "=~ needs a string"), rhs.span)
        }
        let pattern = "%" + Self.escapeLike(VietnameseText.fold(VietnameseText.nfc(needle))) + "%"
        return Fragment("\(alias).\(folded) LIKE ? ESCAPE '\\'", [.text(pattern)], .bool)
    }

    /// A declared condition on the rows of `alias` at the date `at` (its SQL repeated where the
    /// condition names the date, with its values).
    private func condition(_ c: NamedCondition, on alias: String, at: Fragment) -> Fragment {
        Fragment("(\(c.sql(alias: alias, date: at.sql)))", Array(repeating: at.binds, count: c.dates).flatMap { $0 }, .bool)
    }

    /// A reference read as the name of the row it refers to; anything else as it is.
    private func named(_ f: Fragment) -> Fragment {
        if case .reference = f.type, let d = scope.display(of: f) { return d }
        return f
    }

    /// The position of an enum value in its declared order, in stock SQL (catalogue identifiers only).
    static func ordinal(_ sql: String, _ en: EnumType) -> String {
        "(CASE \(sql) " + en.cases.enumerated().map { "WHEN '\($0.element.id)' THEN \($0.offset)" }.joined(separator: " ") + " END)"
    }

    static func escapeLike(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    // MARK: Functions

    private func call(_ name: Name, _ args: [Expr], span: SourceSpan) throws(Diagnostic) -> Fragment {
        func arity(_ n: Int) throws(Diagnostic) {
            guard args.count == n else {
                throw Diagnostic("E0207", Label(vi: "\(name.text)() cần \(n) tham số", en: "\(name.text)() takes \(n) argument(s)"),
                                 span: span)
            }
        }
        if ExprCompiler.aggregates.contains(name.text) { return try aggregate(name, args, span: span) }
        // A condition at a date of one's own (`on_roll(@2024-12-31)`, `on_roll($year_start - 1)`).
        let path = name.text.split(separator: ".").map { Name(text: String($0), span: name.span) }
        if let (c, alias) = scope.condition(path) {
            guard args.count <= 1 else { try arity(1); fatalError() }
            let at = try args.first.map { a throws(Diagnostic) in try compile(a) } ?? Fragment("?", [.date(asOf ?? today)], .date)
            if let a = args.first { try require(at, .date, a.span) }
            return condition(c, on: alias, at: at)
        }
        switch name.text {
        case "starts_with":
            try arity(2)
            return try startsWith(args[0], args[1])
        case "today":
            try arity(0)
            return Fragment("?", [.date(today)], .date)
        case "year":
            try arity(1)
            let d = try compile(args[0]); try require(d, .date, args[0].span)
            return Fragment("CAST(substr(\(d.sql), 1, 4) AS INTEGER)", d.binds, .int)
        case "age":
            guard args.count == 1 || args.count == 2 else { try arity(1); fatalError() }
            let d = try compile(args[0]); try require(d, .date, args[0].span)
            // Whole years from the date to today (Asia/Ho_Chi_Minh, bound from Swift), or to the
            // date given second (`age(born, @2022-12-31)`).
            let at = args.count == 2 ? try compile(args[1]) : Fragment("?", [.date(today)], .date)
            if args.count == 2 { try require(at, .date, args[1].span) }
            let sql = "(CAST(substr(\(at.sql), 1, 4) AS INTEGER) - CAST(substr(\(d.sql), 1, 4) AS INTEGER)"
                + " - (substr(\(d.sql), 6, 5) > substr(\(at.sql), 6, 5)))"
            return Fragment(sql, at.binds + d.binds + d.binds + at.binds, .int)
        case "band":
            guard (2...4).contains(args.count) else { try arity(2); fatalError() }
            return try band(args[0], args[1], unit: args.count > 2 ? args[2] : nil, floor: args.count > 3 ? args[3] : nil)
        case "full":
            try arity(1)
            return try fullName(args[0])
        case "if":
            guard args.count == 2 || args.count == 3 else { try arity(3); fatalError() }
            return try conditional(args)
        default:
            let known = Parser.functions.sorted()
            throw Diagnostic("E0206", Label(vi: "không có hàm \(name.text)()", en: "unknown function \(name.text)()"),
                             span: name.span, help: Scope.didYouMean(Suggest.closest(to: name.text, in: known), among: known))
        }
    }

    /// `band(age(born), [30, 40, 50])`: which band a number falls in, as people write it on the
    /// statistics forms: "≤ 30", "31-40", "41-50", "> 50". Bounds are whole numbers in rising
    /// order; the labels are bound values like any literal.
    private func band(_ value: Expr, _ bounds: Expr, unit: Expr? = nil, floor: Expr? = nil) throws(Diagnostic) -> Fragment {
        let x = try compile(value); try require(x, .int, value.span)
        guard case .list(let items) = bounds.kind, !items.isEmpty else {
            throw Diagnostic("E0237", Label(vi: "band cần danh sách mốc, như [30, 40, 50]", en: "band needs a list of bounds, such as [30, 40, 50]"),
                             span: bounds.span)
        }
        var cuts: [Int64] = []
        for item in items {
            guard case .literal(.int(let n)) = item.kind, cuts.last.map({ $0 < n }) ?? true else {
                throw Diagnostic("E0237", Label(vi: "các mốc của band là số nguyên tăng dần", en: "band's bounds are whole numbers in rising order"),
                                 span: item.span)
            }
            cuts.append(n)
        }
        // A unit ("tuổi") and the lowest value there is (18) make labels such as "Từ 18 đến 30
        // tuổi", as the statistics forms write them; in English "≤ 30", "31-40", "> 70".
        var unitText = "", lowest: Int64?
        if let unit {
            guard case .literal(.text(let u)) = unit.kind else {
                throw Diagnostic("E0237", Label(vi: "đơn vị của band là một chuỗi, như \"tuổi\"", en: "band's unit is text, such as \"tuổi\""), span: unit.span)
            }
            unitText = u.isEmpty ? "" : " " + u
        }
        if let floor {
            guard case .literal(.int(let n)) = floor.kind, n <= cuts[0] else {
                throw Diagnostic("E0237", Label(vi: "mức thấp nhất của band là số nguyên không lớn hơn mốc đầu", en: "band's lowest value is a whole number no greater than its first bound"),
                                 span: floor.span)
            }
            lowest = n
        }
        let vi = scope.language == .vi
        func label(_ i: Int) -> String {
            if i == cuts.count { return vi ? "Trên \(cuts[i - 1])\(unitText)" : "> \(cuts[i - 1])" }
            if i == 0 { return vi ? (lowest.map { "Từ \($0) đến \(cuts[0])\(unitText)" } ?? "Đến \(cuts[0])\(unitText)") : "≤ \(cuts[0])" }
            return vi ? "Từ \(cuts[i - 1] + 1) đến \(cuts[i])\(unitText)" : "\(cuts[i - 1] + 1)-\(cuts[i])"
        }
        var sql = "CASE"
        var binds: [Value] = []
        for (i, cut) in cuts.enumerated() {
            sql += " WHEN \(x.sql) <= ? THEN ?"
            binds += x.binds + [.int(cut), .text(label(i))]
        }
        sql += " WHEN \(x.sql) IS NOT NULL THEN ? END"
        binds += x.binds + [.text(label(cuts.count))]
        return Fragment(sql, binds, .text)
    }

    /// `if C then A else B` (the call `if(C, A, B)`), as one CASE: an `else if` chain becomes
    /// one WHEN after another. The values agree in type (numbers with numbers); no else: null.
    private func conditional(_ args: [Expr]) throws(Diagnostic) -> Fragment {
        var sql = "CASE"
        var binds: [Value] = []
        var type = ExprType.null
        var rest = args
        func value(_ e: Expr) throws(Diagnostic) -> Fragment {
            let v = try compile(e)
            if type == .null { type = v.type } else if v.type != .null, v.type != type {
                guard type.isNumeric, v.type.isNumeric else {
                    throw typeError(Label(vi: "các giá trị của if phải cùng kiểu: \(type) và \(v.type)",
                                          en: "the values of if must have one type: \(type) and \(v.type)"), e.span)
                }
                type = .decimal
            }
            return v
        }
        while true {
            let c = try compile(rest[0]); try require(c, .bool, rest[0].span)
            let v = try value(rest[1])
            sql += " WHEN \(c.sql) THEN \(v.sql)"
            binds += c.binds + v.binds
            guard rest.count == 3 else { break }
            // `else if ...`: the next WHEN of the same CASE.
            if case .call(let name, let next) = rest[2].kind, name.text == "if", next.count == 2 || next.count == 3 {
                rest = next
                continue
            }
            let otherwise = try value(rest[2])
            sql += " ELSE \(otherwise.sql)"
            binds += otherwise.binds
            break
        }
        return Fragment(sql + " END", binds, type)
    }

    /// `full(name)`: a person's name in the order of the whole name, family name first (`sort
    /// full(name)`), where sorting by the name itself goes by given name first. Its sort key is
    /// read from the given-name-first key, whose three parts (given, middle, family) are joined by
    /// a space, the one character no part's key contains: the family part is what follows the
    /// last space (rtrim by every other character leaves the text up to it).
    private func fullName(_ e: Expr) throws(Diagnostic) -> Fragment {
        let f = try compile(e)
        guard let (alias, field) = f.field, field.sortsByGivenName, let column = field.sortColumn else {
            throw typeError(Label(vi: "full() cần tên người (như name của members)", en: "full() needs a person's name (such as members' name)"),
                            e.span)
        }
        let k = "\(alias).\(column)"
        let head = "rtrim(\(k), replace(\(k), ' ', ''))"      // through the last space
        let first = "instr(\(k), ' ')"
        let family = "substr(\(k), length(\(head)) + 1)"
        let given = "substr(\(k), 1, \(first) - 1)"
        let middle = "substr(\(k), \(first) + 1, max(length(\(head)) - \(first) - 1, 0))"
        let key = "CASE WHEN \(first) = 0 THEN \(k) ELSE \(family) || ' ' || \(middle) || ' ' || \(given) END"
        return Fragment(f.sql, f.binds, f.type, sortKey: "(\(key))", nonNull: f.nonNull)
    }

    /// `starts_with(field, "text")`: on the folded column for searchable text (so it ignores case
    /// and diacritics like `=~`), else an exact prefix.
    private func startsWith(_ lhs: Expr, _ rhs: Expr) throws(Diagnostic) -> Fragment {
        let l = try named(compile(lhs))
        let r = try compile(rhs)
        guard r.type == .text, let prefix = r.binds.first?.textValue else {
            throw typeError(Label(vi: "starts_with cần một chuỗi", en: "starts_with needs a string"), rhs.span)
        }
        if let (alias, field) = l.field, let folded = field.foldedColumn {
            let pattern = Self.escapeLike(VietnameseText.fold(VietnameseText.nfc(prefix))) + "%"
            return Fragment("\(alias).\(folded) LIKE ? ESCAPE '\\'", [.text(pattern)], .bool)
        }
        guard l.type == .text else { throw typeError(Label(vi: "starts_with cần trường chữ", en: "starts_with needs a text field"), lhs.span) }
        return Fragment("substr(\(l.sql), 1, length(?)) = ?", l.binds + [.text(prefix), .text(prefix)], .bool)
    }

    /// Aggregates in `summarize`, and `count(ENTITY)`: rows of another entity that refer to this
    /// row (`orgs | select name, n: count(members)`), as a correlated subquery.
    private func aggregate(_ name: Name, _ args: [Expr], span: SourceSpan) throws(Diagnostic) -> Fragment {
        // `count(members)`, or `count(members.residence_cell)` to name the reference followed.
        if name.text == "count", args.count == 1, case .path(let names) = args[0].kind, (1...2).contains(names.count),
           let other = catalog.entity(names[0].text), (try? scope.resolve(names)) == nil {
            return try backReferenceCount(other, through: names.count == 2 ? names[1] : nil, span: args[0].span)
        }
        guard allowAggregates else {
            throw Diagnostic("E0216", Label(vi: "\(name.text)() chỉ dùng trong summarize", en: "\(name.text)() works only inside summarize"),
                             span: span, help: Label(vi: "dạng: BẢNG | summarize n: count() by TRƯỜNG",
                                                     en: "the form: ENTITY | summarize n: count() by FIELD"))
        }
        if name.text == "count", args.isEmpty { return Fragment("count(*)", [], .int, nonNull: true) }
        guard args.count == 1 else {
            throw Diagnostic("E0207", Label(vi: "\(name.text)() cần 1 tham số", en: "\(name.text)() takes 1 argument"), span: span)
        }
        let f = try compile(args[0])
        switch name.text {
        case "count":
            // `count(gender == female)`: the rows where the condition holds (not those where it is
            // known, as SQL's count of a boolean would).
            if f.type == .bool { return Fragment("count(CASE WHEN \(f.sql) THEN 1 END)", f.binds, .int, nonNull: true) }
            return Fragment("count(\(f.sql))", f.binds, .int, nonNull: true)
        case "count_distinct": return Fragment("count(DISTINCT \(f.sql))", f.binds, .int, nonNull: true)
        case "avg", "sum":
            guard f.type.isNumeric else {
                throw typeError(Label(vi: "\(name.text)() cần một số", en: "\(name.text)() needs a number"), args[0].span)
            }
            return Fragment("\(name.text)(\(f.sql))", f.binds, name.text == "avg" ? .decimal : f.type)
        default:
            return Fragment("\(name.text)(\(f.sql))", f.binds, f.type)
        }
    }

    private func backReferenceCount(_ other: Entity, through field: Name?, span: SourceSpan) throws(Diagnostic) -> Fragment {
        guard case .entity(let here) = scope.source else {
            throw Diagnostic("E0217", Label(vi: "count(\(other.name)) cần các dòng của một bảng", en: "count(\(other.name)) needs rows of an entity"),
                             span: span)
        }
        var links = other.fields.filter { $0.type == .reference(here.name) }
        if let field { links = links.filter { $0.name == field.text } }
        // Several references (a member's cell and residence cell): the required one, when only one is.
        if links.count > 1, field == nil, links.filter(\.required).count == 1 { links = links.filter(\.required) }
        guard links.count == 1, let link = links.first else {
            let all = other.fields.filter { $0.type == .reference(here.name) }.map { "count(\(other.name).\($0.name))" }
            throw Diagnostic("E0217", Label(vi: "\(other.name) không tham chiếu tới \(here.name) theo đúng một trường",
                                           en: "\(other.name) does not refer to \(here.name) through exactly one field"), span: span,
                             help: all.isEmpty ? nil : Label(vi: "chọn một: " + all.joined(separator: ", "), en: "choose one: " + all.joined(separator: ", ")))
        }
        let b = scope.newAlias()
        var source = other.table
        var binds: [Value] = []
        // Derived entities (`count(check)`) are read through their query, at today's date.
        if let dated = other.dated, dated.always {
            source = "(\(dated.sql))"
            binds = Array(repeating: .date(today), count: dated.placeholders)
        }
        var sql = "(SELECT count(*) FROM \(source) AS \(b) WHERE \(b).\(link.column) = \(scope.alias).id"
        if let c = scope.rowFilter?.condition(for: other, alias: b) {
            sql += " AND (\(c.sql))"
            binds += c.binds
        }
        return Fragment(sql + ")", binds, .int, nonNull: true)
    }

    // MARK: Type checks

    private func require(_ f: Fragment, _ t: ExprType, _ span: SourceSpan) throws(Diagnostic) {
        guard f.type == t || f.type == .null else {
            throw typeError(Label(vi: "cần kiểu \(t), gặp \(f.type)", en: "expected \(t), found \(f.type)"), span)
        }
    }

    private func compatible(_ l: Fragment, _ r: Fragment, span: SourceSpan) throws(Diagnostic) {
        switch (l.type, r.type) {
        case (.null, _), (_, .null): return
        case let (a, b) where a == b: return
        case let (a, b) where a.isNumeric && b.isNumeric: return
        case (.reference, .int), (.int, .reference): return
        case (.date, .text), (.text, .date):
            throw typeError(Label(vi: "so sánh ngày với chuỗi: viết ngày dạng @YYYY-MM-DD",
                                  en: "comparing a date with text: write dates as @YYYY-MM-DD"), span)
        default:
            throw typeError(Label(vi: "không so sánh được \(l.type) với \(r.type)", en: "cannot compare \(l.type) with \(r.type)"), span)
        }
    }

    private func typeError(_ message: Label, _ span: SourceSpan) -> Diagnostic {
        Diagnostic("E0208", message, span: span)
    }
}
