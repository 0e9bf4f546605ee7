import CosoCore

/// A token of the language, with its span in the source.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        case number(String)
        case date(LocalDate)
        case variable(String)
        /// Punctuation and operators: `| , : . ( ) [ ] == != < <= > >= =~ + - * /`.
        case symbol(String)
        /// A dot command at the start of a statement, with the rest of its line (`.mode csv`).
        case dot(String)
        /// Ends a statement: a newline or `;`.
        case end
        case eof
    }

    public let kind: Kind
    public let span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) { self.kind = kind; self.span = span }

    public var identifier: String? { if case .identifier(let s) = kind { return s } else { return nil } }
    public func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
    public func isWord(_ s: String) -> Bool { kind == .identifier(s) }

    /// A token an expression can start with: a value, a name, a variable, `(`, `[` or `-`.
    public var startsExpression: Bool {
        switch kind {
        case .identifier, .string, .number, .date, .variable: return true
        case .symbol(let s): return s == "(" || s == "[" || s == "-"
        case .dot, .end, .eof: return false
        }
    }

    /// How `.tokens` prints a token.
    public var debugText: String {
        switch kind {
        case .identifier(let s): return "ident(\(s))"
        case .string(let s): return "string(\(JSON.quote(s)))"
        case .number(let s): return "number(\(s))"
        case .date(let d): return "date(\(d.iso))"
        case .variable(let s): return "var($\(s))"
        case .symbol(let s): return "'\(s)'"
        case .dot(let s): return "dot(\(JSON.quote(s)))"
        case .end: return "end"
        case .eof: return "eof"
        }
    }
}
