import CosoCore

/// Prints syntax trees as S-expressions, for `.ast` and parser snapshot tests:
///
///     (pipeline (call members) (where (and (>= theory intermediate) (< born @1970-01-01))) (count))
public enum ASTPrinter {
    public static func print(_ statement: Statement) -> String {
        switch statement {
        case .pipeline(let p): return print(p)
        case .expression(let e): return print(e)
        case .let(let name, let value, _): return "(let \(name.text) \(print(value)))"
        case .transaction(let word): return "(\(word.text))"
        case .dot(let text, _): return "(dot \(JSON.quote(text)))"
        case .def(let name, let params, let body, _):
            return "(def \(name.text) (" + params.map(\.text).joined(separator: " ") + ") \(print(body)))"
        case .use(let path, _): return "(use \(print(path)))"
        case .for(let name, let values, let body, _):
            return "(for \(name.text) \(print(values)) " + body.map(print).joined(separator: " ") + ")"
        case .if(let condition, let then, let otherwise, _):
            return "(if \(print(condition)) (" + then.map(print).joined(separator: " ") + ")"
                + (otherwise.isEmpty ? "" : " (" + otherwise.map(print).joined(separator: " ") + ")") + ")"
        }
    }

    public static func print(_ p: Pipeline) -> String {
        "(pipeline " + p.elements.map(print).joined(separator: " ") + ")"
    }

    static func print(_ element: Element) -> String {
        switch element {
        case .call(let c):
            let args = c.arguments.map { a in (a.label.map { $0.text + ": " } ?? "") + print(a.value) }
            return "(call " + ([c.head.text] + args).joined(separator: " ") + ")"
        case .stage(let s):
            switch s.kind {
            case .where(let e): return "(where \(print(e)))"
            case .select(let items): return "(select " + items.map(print).joined(separator: " ") + ")"
            case .sort(let keys): return "(sort " + keys.map { ($0.descending ? "-" : "") + print($0.expr) }.joined(separator: " ") + ")"
            case .take(let e): return "(take \(print(e)))"
            case .skip(let e): return "(skip \(print(e)))"
            case .count: return "(count)"
            case .first: return "(first)"
            case .distinct: return "(distinct)"
            case .summarize(let items, let keys):
                return "(summarize " + items.map(print).joined(separator: " ") + (keys.isEmpty ? "" : " (by " + keys.map(print).joined(separator: " ") + ")") + ")"
            case .save(let e): return "(save \(print(e)))"
            }
        }
    }

    static func print(_ item: SelectItem) -> String {
        item.alias.map { "(\($0.text): \(print(item.expr)))" } ?? print(item.expr)
    }

    public static func print(_ e: Expr) -> String {
        switch e.kind {
        case .literal(let v):
            switch v {
            case .text(let s): return JSON.quote(s)
            case .date(let d): return "@" + d.iso
            case .null: return "null"
            default: return v.description
            }
        case .path(let names): return names.map(\.text).joined(separator: ".")
        case .variable(let v): return "$" + v
        case .list(let items): return "[" + items.map(print).joined(separator: " ") + "]"
        case .unary(let op, let x): return "(\(op) \(print(x)))"
        case .binary(let op, let l, let r): return "(\(op) \(print(l)) \(print(r)))"
        case .call(let name, let args): return "(\(name.text)()" + args.map { " " + print($0) }.joined() + ")"
        }
    }
}
