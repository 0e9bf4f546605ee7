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

/// A field of an entity: one column of its table (plus a folded shadow column when searchable).
public struct Field: Sendable, Hashable {
    public let name: String
    public let type: FieldType
    public let label: Label
    public var required: Bool
    /// Personal data (name, birth date, ID numbers): never echoed in errors or logs.
    public var personal: Bool
    /// Secret data: not shown by default listings.
    public var secret: Bool
    /// Searchable with `=~`: the store keeps `<column>_folded` beside it.
    public var searchable: Bool
    /// No two rows share a value (national ID, card number): imports refuse duplicates.
    public var unique: Bool
    /// Another field holding this one's text in English (`check`'s problem): read instead under
    /// `--lang en`, keeping this field's name.
    public var englishField: String?

    public init(_ name: String, _ type: FieldType, vi: String, en: String, required: Bool = false,
                personal: Bool = false, secret: Bool = false, searchable: Bool = false, unique: Bool = false) {
        self.name = name; self.type = type; self.label = Label(vi: vi, en: en)
        self.required = required; self.personal = personal; self.secret = secret; self.searchable = searchable
        self.unique = unique
    }

    /// The SQL column: the field's name, or `<name>_id` for references.
    public var column: String {
        if case .reference = type { return name + "_id" }
        return name
    }

    /// The folded shadow column of a searchable text field (for `=~`).
    public var foldedColumn: String? { searchable ? column + "_folded" : nil }
    /// The sort-key shadow column of a searchable text field (Vietnamese alphabetical order).
    public var sortColumn: String? { searchable ? column + "_sort" : nil }
}
