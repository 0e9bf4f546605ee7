/// The type of a field as the language sees it.
public enum FieldType: Sendable, Hashable {
    case int
    case decimal
    case text
    case date
    case bool
    /// An enum type, by id.
    case enumeration(String)
    /// A reference to a row of another entity, by entity name; stored as `<field>_id`.
    case reference(String)
}

/// A field of an entity: one column of its table (plus a folded and a sort-key shadow column when
/// searchable), declared once. The store generates the column from it, every write path checks
/// values against it (`RowValidator`), and help and completion read it. Module code names fields
/// through such declared constants, which key the values of the rows it writes and reads.
///
/// Bounds and formats are `constraints`, added with the modifiers below:
///
///     Field("seats", .int, vi: "Số cấp ủy viên", en: "Seats").range(1...99)
///     Field("national_id", .text, vi: "Số CCCD", en: "National ID", personal: true).digits(12)
///
/// One reference to an immutable box: a field keys every value of every row written (an import
/// writes millions), and copying a key is then one retain, not one for each of its strings.
public struct Field: Sendable, Hashable {
    private let storage: Storage

    private final class Storage: Sendable {
        let name: String
        let type: FieldType
        let label: Label
        let required: Bool, personal: Bool, secret: Bool, searchable: Bool, unique: Bool
        let englishField: String?
        let constraints: [Constraint]
        let defaultValue: Value?
        let help: Label?
        let multiline: Bool
        let changedBy: [String]
        let column: String
        let foldedColumn: String?, sortColumn: String?

        init(name: String, type: FieldType, label: Label, required: Bool, personal: Bool, secret: Bool, searchable: Bool,
             unique: Bool, englishField: String?, constraints: [Constraint], defaultValue: Value?, help: Label?, multiline: Bool,
             changedBy: [String]) {
            self.name = name; self.type = type; self.label = label
            self.required = required; self.personal = personal; self.secret = secret; self.searchable = searchable; self.unique = unique
            self.englishField = englishField; self.constraints = constraints; self.defaultValue = defaultValue; self.help = help
            self.multiline = multiline; self.changedBy = changedBy
            if case .reference = type { column = name + "_id" } else { column = name }
            foldedColumn = searchable ? column + "_folded" : nil
            sortColumn = searchable ? column + "_sort" : nil
        }

        func with(required: Bool? = nil, englishField: String?? = nil, constraints: [Constraint]? = nil,
                  defaultValue: Value?? = nil, help: Label?? = nil, multiline: Bool? = nil, changedBy: [String]? = nil) -> Storage {
            Storage(name: name, type: type, label: label, required: required ?? self.required, personal: personal, secret: secret,
                    searchable: searchable, unique: unique, englishField: englishField ?? self.englishField,
                    constraints: constraints ?? self.constraints, defaultValue: defaultValue ?? self.defaultValue, help: help ?? self.help,
                    multiline: multiline ?? self.multiline, changedBy: changedBy ?? self.changedBy)
        }
    }

    private init(_ storage: Storage) { self.storage = storage }

    public init(_ name: String, _ type: FieldType, vi: String, en: String, required: Bool = false,
                personal: Bool = false, secret: Bool = false, searchable: Bool = false, unique: Bool = false) {
        storage = Storage(name: name, type: type, label: Label(vi: vi, en: en), required: required, personal: personal, secret: secret,
                          searchable: searchable, unique: unique, englishField: nil, constraints: [], defaultValue: nil, help: nil,
                          multiline: false, changedBy: [])
    }

    public var name: String { storage.name }
    public var type: FieldType { storage.type }
    public var label: Label { storage.label }
    public var required: Bool { storage.required }
    /// Personal data (name, birth date, ID numbers): never echoed in errors or logs.
    public var personal: Bool { storage.personal }
    /// Secret data: not shown by default listings.
    public var secret: Bool { storage.secret }
    /// Searchable with `=~`: the store keeps `<column>_folded` and `<column>_sort` beside it.
    public var searchable: Bool { storage.searchable }
    /// No two rows share a value (national ID, card number): every write refuses a value another
    /// row holds. Checked by coso, not by a UNIQUE index: a register made before may hold
    /// duplicates, which `check` lists (an entity's `unique` constraint makes the database enforce it).
    public var unique: Bool { storage.unique }
    /// Another field holding this one's text in English (`check`'s problem): read instead under
    /// `--lang en`, keeping this field's name.
    public var englishField: String? { storage.englishField }
    /// Bounds and formats beyond the type, checked before every write.
    public var constraints: [Constraint] { storage.constraints }
    /// What a new row holds when a write leaves the field out (also the column's DEFAULT).
    public var defaultValue: Value? { storage.defaultValue }
    /// A sentence for `.help ENTITY`: what the field records and how to write it.
    public var help: Label? { storage.help }
    /// Text that may run over several lines (a conclusion, a note). Other text is one line: a tab
    /// or a line break in a name or a title is refused, as it would break every table it is shown in.
    public var multiline: Bool { storage.multiline }
    /// The commands that change the field: it follows from recorded events (a member's status
    /// from admission, confirmation, suspension...), so `update` refuses it and names them.
    /// Empty: a value staff may correct with `update`.
    public var changedBy: [String] { storage.changedBy }

    /// The years a register records: from the Party's founding to well ahead of any plan.
    public static let yearsOfRecord: ClosedRange<Int64> = 1930...2200

    /// A year of record (a rating's, a recognition's, a plan's): a whole number in `yearsOfRecord`.
    public static func year(_ name: String = "year", vi: String = "Năm", en: String = "Year", required: Bool = true) -> Field {
        Field(name, .int, vi: vi, en: en, required: required).range(yearsOfRecord)
    }

    /// Every entity's integer primary key (declared by `Entity` itself).
    public static let id = Field("id", .int, vi: "Mã", en: "ID", required: true)

    /// A field is known by its name within its entity: that is what a row's values are keyed by.
    public static func == (a: Field, b: Field) -> Bool { a.storage === b.storage || a.storage.name == b.storage.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.name) }

    /// The SQL column: the field's name, or `<name>_id` for references.
    public var column: String { storage.column }
    /// The folded shadow column of a searchable text field (for `=~`).
    public var foldedColumn: String? { storage.foldedColumn }
    /// The sort-key shadow column of a searchable text field (Vietnamese alphabetical order).
    public var sortColumn: String? { storage.sortColumn }
    /// A searchable person's name sorts as class and member lists do: given name, middle names,
    /// family name (`VietnameseText.personSortKeyString`); other text by the whole string.
    public var sortsByGivenName: Bool { searchable && constraints.contains { if case .personName = $0 { true } else { false } } }
    /// The text of this field's sort-key column for `text`.
    public func sortKey(_ text: String) -> String {
        sortsByGivenName ? VietnameseText.personSortKeyString(text) : VietnameseText.sortKeyString(text)
    }

    /// The same field, required or not (a derived source's copy of another entity's field).
    public func requiring(_ required: Bool) -> Field { Field(storage.with(required: required)) }
    /// The same field, read in English from `twin` under `--lang en`.
    public func english(_ twin: String) -> Field { Field(storage.with(englishField: .some(twin))) }
}

/// A bound or a format a field's values keep, beyond their type. Each is checked before every
/// write; those marked in `enforcedByDatabase` are also the column's CHECK constraint (the others
/// are formats a register made before may not keep yet: `check` lists such rows, and rebuilding
/// the table on upgrade must not fail on them).
public enum Constraint: Sendable, Hashable {
    /// A whole number from `min` to `max`, either end open: a year 1930...2200, an amount 0 or more.
    case range(min: Int64?, max: Int64?)
    /// A whole number among these (a fee's reduction: 0, 30, 50, 70, 100).
    case oneOf([Int64])
    /// At most this many characters (Unicode scalars, as SQLite's `length` counts them).
    case maxLength(Int)
    /// Exactly this many ASCII digits (a national ID: 12; a party card: 8).
    case digits(Int)
    /// A person's name: letters, spaces, apostrophes (K'Ho names), hyphens and dots; nothing that
    /// could be a formula or a command.
    case personName
    /// A date on the first day of its month (a fee's month).
    case firstOfMonth
    /// A date no later than the day of the write (in Viet Nam).
    case notInFuture

    /// Whether the table's CHECK says it too.
    public var enforcedByDatabase: Bool {
        switch self {
        case .range, .oneOf, .firstOfMonth: return true
        case .maxLength, .digits, .personName, .notInFuture: return false
        }
    }
}

extension Field {
    /// Whole numbers from `bounds.lowerBound` to `bounds.upperBound`.
    public func range(_ bounds: ClosedRange<Int64>) -> Field { adding(.range(min: bounds.lowerBound, max: bounds.upperBound)) }
    /// Whole numbers from `bounds.lowerBound` up (`.range(0...)` for an amount).
    public func range(_ bounds: PartialRangeFrom<Int64>) -> Field { adding(.range(min: bounds.lowerBound, max: nil)) }
    /// One of these whole numbers.
    public func oneOf(_ values: [Int64]) -> Field { adding(.oneOf(values)) }
    /// At most `count` characters.
    public func maxLength(_ count: Int) -> Field { adding(.maxLength(count)) }
    /// Exactly `count` ASCII digits.
    public func digits(_ count: Int) -> Field { adding(.digits(count)) }
    /// A person's name (see `Constraint.personName`).
    public func personName() -> Field { adding(.personName) }
    /// The first day of a month.
    public func firstOfMonth() -> Field { adding(.firstOfMonth) }
    /// No later than the day it is written.
    public func notInFuture() -> Field { adding(.notInFuture) }
    /// What a new row holds when a write leaves the field out.
    public func defaulting(_ value: Value) -> Field { Field(storage.with(defaultValue: .some(value))) }
    /// Text that may hold line breaks and tabs (see `multiline`).
    public func multilineText() -> Field { Field(storage.with(multiline: true)) }
    /// Follows from events these commands record: not corrected by `update` (see `changedBy`).
    public func changedBy(_ commands: String...) -> Field { Field(storage.with(changedBy: commands)) }
    /// The sentence `.help ENTITY` shows for the field.
    public func help(vi: String, en: String) -> Field { Field(storage.with(help: .some(Label(vi: vi, en: en)))) }

    private func adding(_ constraint: Constraint) -> Field { Field(storage.with(constraints: storage.constraints + [constraint])) }
}
