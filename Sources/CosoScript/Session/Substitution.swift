import CosoCore

/// Replaces `$param` in a `def`'s body by the call's arguments: constants, or bare names (an
/// enum case such as `intermediate`, resolved where the parameter is used).
struct Substitution {
    let values: [String: Expr]

    init(values: [String: Expr]) { self.values = values }
    init(constants: [String: Value]) {
        values = constants.mapValues { Expr(.literal($0), SourceSpan(0, 0)) }
    }

    func apply(_ p: Pipeline) -> Pipeline {
        Pipeline(elements: p.elements.map(apply), span: p.span)
    }

    func apply(_ element: Element) -> Element {
        switch element {
        case .call(let c):
            return .call(Call(head: c.head, arguments: c.arguments.map { CallArgument(label: $0.label, value: apply($0.value)) },
                              span: c.span, bracketed: c.bracketed))
        case .stage(let s):
            let kind: StageKind
            switch s.kind {
            case .where(let e): kind = .where(apply(e))
            case .select(let items): kind = .select(items.map(apply))
            case .sort(let keys): kind = .sort(keys.map { SortKey(expr: apply($0.expr), descending: $0.descending) })
            case .take(let e): kind = .take(apply(e))
            case .skip(let e): kind = .skip(apply(e))
            case .summarize(let items, let keys): kind = .summarize(items.map(apply), by: keys.map(apply))
            case .save(let e): kind = .save(apply(e))
            case .count, .first, .distinct: kind = s.kind
            }
            return .stage(Stage(keyword: s.keyword, kind: kind, span: s.span))
        }
    }

    func apply(_ item: SelectItem) -> SelectItem { SelectItem(alias: item.alias, expr: apply(item.expr)) }

    func apply(_ e: Expr) -> Expr {
        switch e.kind {
        case .variable(let name):
            guard let v = values[name] else { return e }
            return Expr(v.kind, e.span)
        case .literal, .path: return e
        case .list(let items): return Expr(.list(items.map(apply)), e.span)
        case .unary(let op, let x): return Expr(.unary(op, apply(x)), e.span)
        case .binary(let op, let l, let r): return Expr(.binary(op, apply(l), apply(r)), e.span)
        case .call(let n, let args): return Expr(.call(n, args.map(apply)), e.span)
        }
    }

    /// Where the body refers to its parameters (`$name`).
    static func parameterSpans(in body: Pipeline, names: Set<String>) -> [SourceSpan] {
        var exprs: [Expr] = []
        for element in body.elements {
            switch element {
            case .call(let c): exprs += c.arguments.map(\.value)
            case .stage(let s):
                switch s.kind {
                case .where(let e), .take(let e), .skip(let e), .save(let e): exprs.append(e)
                case .select(let items): exprs += items.map(\.expr)
                case .sort(let keys): exprs += keys.map(\.expr)
                case .summarize(let items, let keys): exprs += items.map(\.expr) + keys.map(\.expr)
                case .count, .first, .distinct: break
                }
            }
        }
        var spans: [SourceSpan] = []
        while let e = exprs.popLast() {
            switch e.kind {
            case .variable(let n): if names.contains(n) { spans.append(e.span) }
            case .list(let items): exprs += items
            case .unary(_, let x): exprs.append(x)
            case .binary(_, let l, let r): exprs += [l, r]
            case .call(_, let args): exprs += args
            case .literal, .path: break
            }
        }
        return spans
    }
}
