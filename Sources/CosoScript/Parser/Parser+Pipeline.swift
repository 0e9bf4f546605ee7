import CosoCore

extension Parser {
    public static let stageKeywords: Set<String> = ["where", "select", "sort", "take", "skip", "count", "first", "distinct", "summarize", "save"]

    /// `element ('|' element)*`
    mutating func pipeline() throws(Diagnostic) -> Pipeline {
        let start = current.span.start
        var elements = [try element()]
        while eat("|") {
            elements.append(try element(afterPipe: true))
        }
        return Pipeline(elements: elements, span: SourceSpan(start, previousEnd))
    }

    mutating func element(afterPipe: Bool = false) throws(Diagnostic) -> Element {
        guard case .identifier(let word) = current.kind else {
            throw unexpected(expecting: Label(vi: "một bảng, một bước (where, select, ...) hoặc một lệnh",
                                            en: "an entity, a stage (where, select, ...) or a command"))
        }
        if Parser.stageKeywords.contains(word) { return .stage(try stage()) }
        let head = current.span
        do {
            return .call(try call())
        } catch {
            // `members | wher theory == intermediate`: a misspelt stage, not a syntax error at `==`
            // (what follows it is a stage's, which a command's arguments cannot be).
            guard afterPipe, let near = Suggest.closest(to: word, in: Parser.stageKeywords.sorted()) else { throw error }
            throw Diagnostic("E0215", Label(vi: "không có bước hay lệnh '\(word)'", en: "unknown stage or command '\(word)'"), span: head,
                             help: Label(vi: "có phải ý bạn là '\(near)'? Xem .help", en: "did you mean '\(near)'? See .help"))
        }
    }

    mutating func stage() throws(Diagnostic) -> Stage {
        let keyword = try name()
        let kind: StageKind
        switch keyword.text {
        case "where": kind = .where(try expression())
        case "select":
            kind = .select(try selectItems())
        case "summarize":
            let items = try selectItems()
            var keys: [SelectItem] = []
            if current.isWord("by") {
                advance()
                keys = try selectItems()
            }
            kind = .summarize(items, by: keys)
        case "sort":
            var keys: [SortKey] = []
            repeat {
                let descending = eat("-")
                keys.append(SortKey(expr: try expression(), descending: descending))
            } while eat(",")
            kind = .sort(keys)
        case "take": kind = .take(try expression())
        case "skip": kind = .skip(try expression())
        case "count": kind = .count
        case "first": kind = .first
        case "save": kind = .save(try primary())
        default: kind = .distinct
        }
        return Stage(keyword: keyword, kind: kind, span: SourceSpan(keyword.span.start, previousEnd))
    }

    /// `[alias:] expr (, [alias:] expr)*`
    mutating func selectItems() throws(Diagnostic) -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            var alias: Name?
            if current.identifier != nil, peek(1).isSymbol(":") {
                alias = try name()
                advance()
            }
            items.append(SelectItem(alias: alias, expr: try expression()))
        } while eat(",")
        return items
    }

    /// `word (label: expr | primary)*` up to `|` or the end of the statement.
    mutating func call() throws(Diagnostic) -> Call {
        let head = try name()
        var arguments: [CallArgument] = []
        // `villages_of("Đảng bộ xã Gia Hiệp")`: arguments of a `def` in brackets.
        if current.isSymbol("("), current.span.start == head.span.end {
            advance()
            if !current.isSymbol(")") {
                repeat { arguments.append(CallArgument(label: nil, value: try expression())) } while eat(",")
            }
            try expect(")", Label(vi: "dấu ) hoặc ,", en: "')' or ','"))
            return Call(head: head, arguments: arguments, span: SourceSpan(head.span.start, previousEnd), bracketed: true)
        }
        while !(current.kind == .end || current.kind == .eof || current.isSymbol("|") || current.isSymbol(")") || current.isSymbol("}")) {
            if current.identifier != nil, peek(1).isSymbol(":") {
                let label = try name()
                advance()
                arguments.append(CallArgument(label: label, value: try unary()))
            } else {
                arguments.append(CallArgument(label: nil, value: try unary()))
            }
        }
        return Call(head: head, arguments: arguments, span: SourceSpan(head.span.start, previousEnd), bracketed: false)
    }
}
