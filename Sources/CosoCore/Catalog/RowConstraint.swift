/// A rule over several fields of one row, declared by its entity: checked before every write with
/// a message naming the fields, and the table's CHECK or UNIQUE constraint too.
public struct RowConstraint: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// When both are given, the first comes no later than the second (`strictly`: before it).
        case ordered(strictly: Bool)
        /// Exactly one of the fields is given.
        case exactlyOne
        /// The first field is given exactly when the second holds this value.
        case presentExactlyWhen(Value)
        /// A reference to the entity itself that never points at the row itself.
        case notSelf
        /// No two rows share these fields' values.
        case unique
    }

    public let kind: Kind
    /// The fields it names, by name.
    public let fields: [String]

    /// When both are given, `first` comes no later than `then` (`strictly`: before it). Dates or
    /// whole numbers: founded ≤ dissolved, admitted < confirmed, votes for ≤ votes cast.
    public static func ordered(_ first: Field, then: Field, strictly: Bool = false) -> RowConstraint {
        RowConstraint(kind: .ordered(strictly: strictly), fields: [first.name, then.name])
    }
    /// Exactly one of these fields is given (a discipline concerns an organisation or a member).
    public static func exactlyOne(_ fields: Field...) -> RowConstraint {
        RowConstraint(kind: .exactlyOne, fields: fields.map(\.name))
    }
    /// `field` is given exactly when `when` holds `value` (a badge's years, for a badge only).
    public static func presentExactlyWhen(_ field: Field, when: Field, equals value: Value) -> RowConstraint {
        RowConstraint(kind: .presentExactlyWhen(value), fields: [field.name, when.name])
    }
    /// A reference to this entity that never points at the row itself (an organisation's parent).
    public static func notSelf(_ field: Field) -> RowConstraint {
        RowConstraint(kind: .notSelf, fields: [field.name])
    }
    /// No two rows share these fields' values (a member's rating for a year).
    public static func unique(_ fields: Field...) -> RowConstraint {
        RowConstraint(kind: .unique, fields: fields.map(\.name))
    }
}

/// A secondary index an entity asks for, on fields (`Field.id` may close it, so that "latest,
/// then highest id" is the index's own order).
public struct Index: Sendable, Hashable {
    public let name: String
    /// The fields, by name.
    public let fields: [String]
    /// Only rows where this field is given (an optional number most rows lack).
    public let whereGiven: String?

    public init(_ name: String, on fields: [Field], whereGiven: Field? = nil) {
        self.name = name; self.fields = fields.map(\.name); self.whereGiven = whereGiven?.name
    }
}
