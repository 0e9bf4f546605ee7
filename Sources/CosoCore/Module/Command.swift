/// The type of a command parameter.
public enum ParameterType: Sendable, Hashable {
    case text
    case int
    case date
    case bool
    case enumeration(String)
    /// A row of an entity, given by id (a number) or by its display name (a string).
    case reference(String)
    /// A query written as text (`counted: "orgs | where kind == village_cell"`), checked by the
    /// planner when the command is planned; it may use a plan target's `$year`, `$date`,
    /// `$year_start` and `$year_end`.
    case pipeline
}

public struct Parameter: Sendable, Hashable {
    public let name: String
    public let type: ParameterType
    public let label: Label
    public let required: Bool
    /// The field the argument is written to, when its name differs (`card 1 number: ...` writes the
    /// member's `card_no`): a value the field refuses is then shown at this argument.
    public let field: String?
    public init(_ name: String, _ type: ParameterType, vi: String, en: String, required: Bool = true, field: Field? = nil) {
        self.name = name; self.type = type; self.label = Label(vi: vi, en: en); self.required = required; self.field = field?.name
    }
}

/// A runnable example: statements to set up a fresh database, the example itself, and its exact
/// output (in Vietnamese). The module conformance check runs every example, so help cannot drift.
public struct CommandExample: Sendable {
    public let setup: [String]
    public let source: String
    public let expected: String
    public init(setup: [String] = [], _ source: String, expected: String) {
        self.setup = setup; self.source = source; self.expected = expected
    }
}

/// What a command receives: its arguments, typed and resolved (enum cases as identifiers,
/// references as row ids), the ids of its pipeline input, and the session's date.
public struct CommandCall: Sendable {
    public let arguments: [String: Value]
    public let input: [Int64]?
    public let today: LocalDate
    /// The command's parameters, so that a refusal can name an argument in the user's words.
    public let parameters: [Parameter]
    public init(arguments: [String: Value], input: [Int64]?, today: LocalDate, parameters: [Parameter] = []) {
        self.arguments = arguments; self.input = input; self.today = today; self.parameters = parameters
    }
    /// What an argument is, as its parameter describes it (without the parenthesised details), or its name.
    public func label(of name: String) -> Label {
        guard let p = parameters.first(where: { $0.name == name }) else { return Label(vi: name, en: name) }
        func plain(_ s: String) -> String { s.components(separatedBy: " (").first ?? s }
        return Label(vi: plain(p.label.vi), en: plain(p.label.en))
    }
    public subscript(_ name: String) -> Value { arguments[name] ?? .null }
    public func text(_ name: String) -> String? { arguments[name]?.textValue }
    public func date(_ name: String) -> LocalDate? { arguments[name]?.dateValue }
    public func id(_ name: String) -> Int64? { arguments[name]?.intValue }

    /// A required argument. The planner refuses a command without its required arguments, so one
    /// missing here is a mistake in coso or in the module (an internal error, exit 70), never a
    /// command that silently does nothing.
    public func requireText(_ name: String) throws -> String { try require(name, text(name)) }
    public func requireDate(_ name: String) throws -> LocalDate { try require(name, date(name)) }
    public func requireID(_ name: String) throws -> Int64 { try require(name, id(name)) }

    private func require<T>(_ name: String, _ value: T?) throws -> T {
        guard let value else {
            throw RuleViolation("E0704", vi: "lỗi nội bộ: lệnh chạy thiếu tham số bắt buộc \(name)",
                                en: "internal error: the command ran without its required argument \(name)", argument: name)
        }
        return value
    }
}

/// A rule or input refusal raised by a command; the session turns it into a diagnostic pointing
/// at `argument` (or at the command name).
public struct RuleViolation: Error, Sendable {
    public let code: String
    public let message: Label
    public let help: Label?
    public let argument: String?
    public init(_ code: String, vi: String, en: String, argument: String? = nil, helpVi: String? = nil, helpEn: String? = nil) {
        self.code = code; self.message = Label(vi: vi, en: en); self.argument = argument
        self.help = helpVi.map { Label(vi: $0, en: helpEn ?? $0) }
    }
}

/// A verb of the language, declared by a module.
public struct Command: Sendable {
    public typealias Body = @Sendable (CommandCall, WriteTransaction) throws -> Label

    /// One or more words: `admit`, `org add`.
    public let name: String
    public let summary: Label
    public let positional: [Parameter]
    public let labelled: [Parameter]
    /// The entity whose rows the command accepts as pipeline input, if any.
    public let input: String?
    public let examples: [CommandExample]
    public let body: Body
    /// `name` split at spaces, once (the registry and the planner ask for it often).
    public let words: [String]

    public init(_ name: String, summary: Label, positional: [Parameter] = [], labelled: [Parameter] = [],
                input: String? = nil, examples: [CommandExample] = [], body: @escaping Body) {
        self.name = name; self.summary = summary; self.positional = positional; self.labelled = labelled
        self.input = input; self.examples = examples; self.body = body
        self.words = name.split(separator: " ").map(String.init)
    }

    public func parameter(_ name: String) -> Parameter? {
        positional.first { $0.name == name } ?? labelled.first { $0.name == name }
    }

    /// A one-line signature for help: `admit NAME born: DATE gender: ENUM ...`.
    public var signature: String {
        var parts = [name]
        parts += positional.map { $0.required ? $0.name.uppercased() : "[\($0.name.uppercased())]" }
        parts += labelled.map { $0.required ? "\($0.name): \($0.type.placeholder)" : "[\($0.name): \($0.type.placeholder)]" }
        return (input.map { "\($0) | " } ?? "") + parts.joined(separator: " ")
    }
}

extension ParameterType {
    public var placeholder: String {
        switch self {
        case .text: return "TEXT"
        case .int: return "N"
        case .date: return "@YYYY-MM-DD"
        case .bool: return "true|false"
        case .enumeration(let id): return id.uppercased()
        case .reference(let e): return e.uppercased().dropLast() + ""
        case .pipeline: return "\"PIPELINE\""
        }
    }
}
