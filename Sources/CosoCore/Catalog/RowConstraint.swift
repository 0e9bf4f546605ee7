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

/// Counts of an entity's rows by a few of its fields, kept by the register itself: a table of
/// each combination of the fields' values that some row has, with how many rows have it, which
/// triggers on the entity's table keep true in the same transaction as every write, whatever
/// writes (a command, an import, a correction, a plugin). A count, a grouped count or a sum that
/// reads only these fields (`members | where on_roll($date) | summarize n: count() by gender`) is
/// answered from the combinations instead of the rows: at the country, 50,000 combinations of
/// admission date, end date and gender stand for 5.5 million members.
///
/// Worth it for fields that take few values together (dates of the roll and an enumeration); a
/// rollup on a field that differs on every row only doubles the table. `coso verify` recounts
/// each one against its table.
public struct Rollup: Sendable, Hashable {
    /// Also the rollup's table's name, after `rollup_`.
    public let name: String
    /// The fields, by name.
    public let fields: [String]
    /// A field of the row a reference points at, counted by too (`ratings` by `member.org`: the
    /// members' cells), kept true when that row changes as well.
    public let through: Path?

    public struct Path: Sendable, Hashable {
        /// The reference, a field of the entity; the field of the entity it points at.
        public let reference: String, field: String
    }

    public init(_ name: String, on fields: [Field]) {
        self.name = name; self.fields = fields.map(\.name); through = nil
    }

    /// Counted by `fields` and by `field` of the row `reference` points at.
    public init(_ name: String, on fields: [Field], through reference: Field, _ field: Field) {
        self.name = name; self.fields = fields.map(\.name); through = Path(reference: reference.name, field: field.name)
    }

    /// The table holding the combinations.
    public var table: String { "rollup_" + name }
    /// The column of the table holding each combination's number of rows.
    public static let countColumn = "rollup_count"
}
