import CosoCore

/// The type of an expression while planning.
indirect enum ExprType: Equatable, CustomStringConvertible {
    case int, decimal, text, date, bool, null
    case enumeration(String)
    case reference(String)
    case list(ExprType)

    init(_ field: FieldType) {
        switch field {
        case .int: self = .int
        case .decimal: self = .decimal
        case .text: self = .text
        case .date: self = .date
        case .bool: self = .bool
        case .enumeration(let id): self = .enumeration(id)
        case .reference(let e): self = .reference(e)
        }
    }

    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .int: self = .int
        case .double: self = .decimal
        case .text: self = .text
        case .date: self = .date
        case .bool: self = .bool
        }
    }

    var fieldType: FieldType? {
        switch self {
        case .int: return .int
        case .decimal: return .decimal
        case .text: return .text
        case .date: return .date
        case .bool: return .bool
        case .enumeration(let id): return .enumeration(id)
        case .reference(let e): return .reference(e)
        case .null, .list: return nil
        }
    }

    var isNumeric: Bool { self == .int || self == .decimal }

    var description: String {
        switch self {
        case .int: return "int"
        case .decimal: return "decimal"
        case .text: return "text"
        case .date: return "date"
        case .bool: return "bool"
        case .null: return "null"
        case .enumeration(let id): return id
        case .reference(let e): return "ref(\(e))"
        case .list(let t): return "[\(t)]"
        }
    }
}

/// Compiled SQL text with its bound values in textual order, and its type.
struct Fragment {
    var sql: String
    var binds: [Value]
    var type: ExprType
    /// Set when the fragment is a plain column of an entity (for sort keys and `=~`).
    var field: (alias: String, field: Field)?
    /// The column that sorts this value in Vietnamese order, when it is not `field`'s own
    /// (a searchable column carried through a subquery).
    var sortKey: String?
    /// Known never to be null (a required column of the source, a count): sorting needs no
    /// nulls-last term, which also lets SQLite walk an index in order.
    var nonNull = false

    init(_ sql: String, _ binds: [Value] = [], _ type: ExprType, field: (alias: String, field: Field)? = nil, sortKey: String? = nil,
         nonNull: Bool = false) {
        self.sql = sql; self.binds = binds; self.type = type; self.field = field; self.sortKey = sortKey; self.nonNull = nonNull
    }

    /// SQL that orders this value in Vietnamese alphabetical order, if it is searchable text.
    var vietnameseSortKey: String? {
        if let sortKey { return sortKey }
        if let (alias, field) = field, let column = field.sortColumn { return "\(alias).\(column)" }
        return nil
    }
}
