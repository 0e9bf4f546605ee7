/// An entity the language can query: one table, named as the language names it (`orgs`, `members`).
public struct Entity: Sendable, Hashable {
    public let name: String
    public let label: Label
    /// The singular noun, for messages ("organisation", "member").
    public let singular: Label
    public let fields: [Field]
    /// The field that names a row for people (shown for references, matched by commands).
    public let displayField: String?
    /// Read-only entities (the audit trail) refuse writes through the language.
    public let readOnly: Bool

    public init(name: String, label: Label, singular: Label, fields: [Field], displayField: String? = "name",
                readOnly: Bool = false) {
        self.name = name; self.label = label; self.singular = singular
        // Every entity has an integer primary key `id`, declared here so the language can use it.
        let id = Field("id", .int, vi: "Mã", en: "ID", required: true)
        self.fields = fields.contains(where: { $0.name == "id" }) ? fields : [id] + fields
        self.displayField = displayField; self.readOnly = readOnly
    }

    public var table: String { name }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}
