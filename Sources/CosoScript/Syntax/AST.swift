import CosoCore

/// A name as written, with its span.
public struct Name: Sendable, Equatable {
    public let text: String
    public let span: SourceSpan
}

public indirect enum ExprKind: Sendable, Equatable {
    case literal(Value)
    /// A dotted path of names: `name`, `org.parent.name`. A single name may also be an enum case.
    case path([Name])
    case variable(String)
    case list([Expr])
    case unary(String, Expr)
    case binary(String, Expr, Expr)
    case call(Name, [Expr])
}

public struct Expr: Sendable, Equatable {
    public let kind: ExprKind
    public let span: SourceSpan
    public init(_ kind: ExprKind, _ span: SourceSpan) { self.kind = kind; self.span = span }
}

public struct SelectItem: Sendable, Equatable {
    public let alias: Name?
    public let expr: Expr
}

public struct SortKey: Sendable, Equatable {
    public let expr: Expr
    public let descending: Bool
}

public enum StageKind: Sendable, Equatable {
    case `where`(Expr)
    case select([SelectItem])
    case sort([SortKey])
    case take(Expr)
    case skip(Expr)
    case count
    case first
    case distinct
    /// `summarize n: count(), a: avg(x) by key, ...`
    case summarize([SelectItem], by: [SelectItem])
    /// `save "file.csv"`: the rows go to a file, in the format its extension names.
    case save(Expr)
}

public struct Stage: Sendable, Equatable {
    public let keyword: Name
    public let kind: StageKind
    public let span: SourceSpan
}

/// A labelled (`born: @1998-04-12`) or positional argument.
public struct CallArgument: Sendable, Equatable {
    public let label: Name?
    public let value: Expr
    public var span: SourceSpan { label.map { $0.span.union(value.span) } ?? value.span }
}

/// A word followed by arguments: an entity source (`members`) or a command (`org add "X" kind: ...`).
/// Which one it is, and how many leading words name the command, the resolver decides.
public struct Call: Sendable, Equatable {
    public let head: Name
    public let arguments: [CallArgument]
    public let span: SourceSpan
    /// `name(args)`: the call of a `def`.
    public var bracketed = false
}

public enum Element: Sendable, Equatable {
    case stage(Stage)
    case call(Call)

    public var span: SourceSpan {
        switch self {
        case .stage(let s): return s.span
        case .call(let c): return c.span
        }
    }
}

public struct Pipeline: Sendable, Equatable {
    public let elements: [Element]
    public let span: SourceSpan
}

public indirect enum Statement: Sendable, Equatable {
    case pipeline(Pipeline)
    /// A bare expression (`1 + 2`, `today()`), printed as a value.
    case expression(Expr)
    /// `let name = pipeline-or-expression`: a value (`$name`) or, for rows, a named pipeline.
    case `let`(Name, Statement, span: SourceSpan)
    /// `begin`, `commit` or `rollback`.
    case transaction(Name)
    /// A dot command in a script (`.mode csv`), run by whoever set `Session.dotCommands`.
    case dot(String, span: SourceSpan)
    /// `def name(params) = pipeline`
    case def(Name, [Name], Pipeline, span: SourceSpan)
    /// `use "file.coso"`: runs another script in this session (its lets and defs stay).
    case use(Expr, span: SourceSpan)
    /// `for name in [values] { statements }`
    case `for`(Name, Expr, [Statement], span: SourceSpan)
    /// `if condition { statements } else { statements }`
    case `if`(Expr, [Statement], [Statement], span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .pipeline(let p): return p.span
        case .expression(let e): return e.span
        case .let(_, _, let span): return span
        case .transaction(let name): return name.span
        case .dot(_, let span): return span
        case .def(_, _, _, let span): return span
        case .use(_, let span): return span
        case .for(_, _, _, let span): return span
        case .if(_, _, _, let span): return span
        }
    }
}
